"""Property: each `canvases_breaking(code)` canvas triggers that rule and no other error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from cmc_core.rules import BUILTIN_RULES, validate
from cmc_core.strategies import (
    BREAKABLE_RULE_CODES,
    UNBREAKABLE_RULE_CODES,
    canvases_breaking,
    rule_codes_breakable,
)

BREAKING = {code: canvases_breaking(code) for code in BREAKABLE_RULE_CODES}

#: Rules the spec gives no error case at all: breaking them must leave the canvas error-free.
NEVER_ERRORS = {
    "CMC006", "CMC008", "CMC010", "CMC013", "CMC014", "CMC016", "CMC018", "CMC019", "CMC020",
}  # fmt: skip


@pytest.mark.parametrize("code", BREAKABLE_RULE_CODES)
@settings(deadline=None)
@given(data=st.data())
def test_a_canvas_breaking_one_rule_triggers_it_and_no_other_error(
    code: str, data: st.DataObject
) -> None:
    report = validate(data.draw(BREAKING[code]))
    assert code in report.codes(), [d.to_dict() for d in report]
    other_errors = [d.to_dict() for d in report.errors if d.code != code]
    assert other_errors == []
    if code in NEVER_ERRORS:
        assert not report.has_errors


def test_every_built_in_rule_is_breakable_or_explained() -> None:
    built_in = {rule.code for rule in BUILTIN_RULES}
    assert built_in == set(BREAKABLE_RULE_CODES) | set(UNBREAKABLE_RULE_CODES)
    assert set(BREAKABLE_RULE_CODES).isdisjoint(UNBREAKABLE_RULE_CODES)
    assert rule_codes_breakable() == BREAKABLE_RULE_CODES


@pytest.mark.parametrize("code", ["CMC015", "CMC999", "nonsense"])
def test_breaking_a_rule_that_cannot_break_alone_is_refused(code: str) -> None:
    with pytest.raises(InvalidArgument, match=code):
        canvases_breaking(code)
