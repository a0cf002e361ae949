"""The built-in rule set, finding rules by code or name, and selecting and re-levelling them."""

from __future__ import annotations

import re

import pytest

from cmc_core.diagnostics import Severity
from cmc_core.errors import CmcError
from cmc_core.model import Meta
from cmc_core.rules import BUILTIN_RULES, get_rule, validate
from cmc_core.rules.builtin import UnknownRuleError
from cmc_core.rules.engine import RuleSelection, ValidationConfig

from .builders import valid_canvas


def flawed_canvas():  # type: ignore[no-untyped-def]
    """A canvas with an owner (CMC016 warning), no steward (CMC006) and a short supply side."""
    from .builders import SUPPLIERS, without_parties

    canvas = without_parties(valid_canvas(), SUPPLIERS[1:])
    canvas = canvas.replace(canvas.commonalities[0].__class__(
        "c-platform", name="Port platform", primary=True, users=canvas.commonalities[0].users,
        access_terms="same for all",
    ))  # fmt: skip
    return canvas.evolve(meta=Meta(name="x", owner="p-s1"))


# -- the rule set --------------------------------------------------------------------------------


def test_the_built_in_rules_are_cmc001_to_cmc029_in_code_order() -> None:
    assert [rule.code for rule in BUILTIN_RULES] == [f"CMC{n:03d}" for n in range(1, 30)]


def test_every_rule_has_a_kebab_case_name_a_title_a_rationale_and_a_source() -> None:
    names = [rule.name for rule in BUILTIN_RULES]
    assert len(set(names)) == len(names)
    for rule in BUILTIN_RULES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.title
        assert not rule.title.endswith(".")
        assert len(rule.rationale) > 80
        assert "domain.md" in rule.source


def test_rationales_quote_the_dutch_sources_they_rest_on() -> None:
    assert '"meerdere aanbieders en afnemers (marktpartijen)" [S1]' in get_rule("CMC001").rationale
    assert '"op gelijkwaardige basis"' in get_rule("CMC003").rationale
    assert '"van aanbod naar vraag"' in get_rule("CMC010").rationale
    assert "decision 4" in get_rule("CMC021").source


def test_the_severities_of_the_specification() -> None:
    severities = {rule.code: rule.severity for rule in BUILTIN_RULES}
    assert [code for code, level in severities.items() if level is Severity.INFO] == [
        "CMC015", "CMC020",
    ]  # fmt: skip
    assert severities["CMC018"] is Severity.WARNING  # its ladder reaches error and info
    assert severities["CMC003"] is Severity.WARNING
    assert severities["CMC021"] is Severity.WARNING
    assert severities["CMC023"] is Severity.ERROR


# -- get_rule ------------------------------------------------------------------------------------


def test_a_rule_is_found_by_code_or_by_name_in_any_case() -> None:
    assert get_rule("CMC021") is get_rule("cmc021") is get_rule("Concentration ")
    assert get_rule("equal-footing").code == "CMC003"


def test_an_unknown_rule_raises_a_key_error_with_a_suggestion() -> None:
    with pytest.raises(UnknownRuleError) as caught:
        get_rule("equal-footin")
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, CmcError)
    assert caught.value.suggestions == ("equal-footing",)
    assert str(caught.value) == (
        "no rule has the code or name 'equal-footin'; did you mean 'equal-footing'?"
    )


def test_a_misspelt_code_is_matched_to_a_code() -> None:
    with pytest.raises(KeyError, match="did you mean 'CMC021'"):
        get_rule("cmc0211")


def test_nonsense_gets_no_suggestion() -> None:
    with pytest.raises(KeyError) as caught:
        get_rule("zzzzzzzz")
    assert "did you mean" not in str(caught.value)


# -- selection and severity ----------------------------------------------------------------------


def test_all_problems_are_collected() -> None:
    assert {"CMC001", "CMC006", "CMC016"} <= validate(flawed_canvas()).codes()


def test_select_runs_only_the_rules_with_those_codes_or_prefixes() -> None:
    config = ValidationConfig(RuleSelection(select=("CMC00",)))
    assert validate(flawed_canvas(), config=config).codes() == {"CMC001", "CMC006"}


def test_ignore_drops_rules_even_when_selected() -> None:
    config = ValidationConfig(RuleSelection(select=("CMC0",), ignore=("CMC001", "CMC01", "CMC02")))
    assert validate(flawed_canvas(), config=config).codes() == {"CMC006"}


def test_a_rule_can_be_re_levelled() -> None:
    config = ValidationConfig(
        RuleSelection(severities=(("CMC016", Severity.ERROR), ("CMC001", Severity.INFO)))
    )
    report = validate(flawed_canvas(), config=config)
    levels = {d.code: d.severity for d in report}
    assert levels["CMC016"] is Severity.ERROR
    assert levels["CMC001"] is Severity.INFO
    assert levels["CMC006"] is Severity.WARNING


def test_re_levelling_overrides_a_finding_that_raised_its_own_severity() -> None:
    from cmc_core.vocabulary import Role

    from .builders import SUPPLIERS, replace_party, without_parties

    canvas = without_parties(valid_canvas(), SUPPLIERS[1:])
    canvas = replace_party(canvas, "p-s1", roles=(Role.SUPPLIER, Role.DOMAIN_LEADER))
    default = validate(canvas, config=ValidationConfig(RuleSelection(select=("CMC004",))))
    assert [d.severity for d in default] == [Severity.ERROR]
    calm = ValidationConfig(
        RuleSelection(select=("CMC004",), severities=(("CMC004", Severity.INFO),))
    )
    assert [d.severity for d in validate(canvas, config=calm)] == [Severity.INFO]


def test_validation_runs_only_the_rules_it_is_given() -> None:
    report = validate(flawed_canvas(), rules=[get_rule("CMC016")])
    assert report.codes() == {"CMC016"}


def test_diagnostics_carry_file_locations_from_a_locator() -> None:
    from cmc_core.diagnostics import Location

    def locate(path: str) -> Location:
        return Location("canvas.cmc.yaml", line=len(path), column=1)

    report = validate(flawed_canvas(), rules=[get_rule("CMC016")], locator=locate)
    (diagnostic,) = report
    assert (diagnostic.file, diagnostic.line, diagnostic.column) == ("canvas.cmc.yaml", 10, 1)
