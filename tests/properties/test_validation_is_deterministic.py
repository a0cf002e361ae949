"""Properties: validation gives the same answer every time, whatever the order of parties and
flows, and never crashes, whatever the canvas."""

from __future__ import annotations

from collections import Counter
from random import Random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cmc_core import Canvas, Meta, Party, Report, Role, Value, ValueFlow
from cmc_core.rules import validate
from cmc_core.strategies import canvases, valid_canvases


def position_free(report: Report) -> Counter[tuple[str, str, str, str | None]]:
    """The diagnostics without their paths, which legitimately follow list positions."""
    return Counter((d.code, str(d.severity), d.message, d.subject) for d in report)


def any_or_valid_canvases() -> st.SearchStrategy[Canvas]:
    return st.one_of(canvases(), valid_canvases())


@settings(deadline=None)
@given(canvas=any_or_valid_canvases())
def test_validating_twice_gives_the_same_report(canvas: Canvas) -> None:
    assert validate(canvas) == validate(canvas)


# Regressions: ids given twice made rules resolve an id to whichever entity came first.
TWICE_THE_SAME_FLOW_ID = Canvas(
    parties=(Party("a", roles=(Role.SUPPLIER,)), Party("b", roles=(Role.DEMANDER,))),
    values=(Value("v"),),
    flows=(ValueFlow("f", "v", "a", "b"), ValueFlow("f", "v", "b", "a", counter_of="f")),
)
TWICE_THE_SAME_PARTY_ID = Canvas(
    meta=Meta(owner="p"),
    parties=(Party("p", "Alpha", (Role.DEMANDER,)), Party("p", "Beta", (Role.SUPPLIER,))),
)


@example(canvas=TWICE_THE_SAME_FLOW_ID, shuffle=Random(0))
@example(canvas=TWICE_THE_SAME_PARTY_ID, shuffle=Random(0))
@settings(deadline=None)
@given(canvas=any_or_valid_canvases(), shuffle=st.randoms(use_true_random=False))
def test_the_order_of_parties_and_flows_changes_no_diagnostic(
    canvas: Canvas, shuffle: Random
) -> None:
    expected = position_free(validate(canvas))
    reversed_lists = canvas.evolve(parties=canvas.parties[::-1], flows=canvas.flows[::-1])
    shuffled = canvas.evolve(
        parties=tuple(shuffle.sample(canvas.parties, len(canvas.parties))),
        flows=tuple(shuffle.sample(canvas.flows, len(canvas.flows))),
    )
    assert position_free(validate(reversed_lists)) == expected
    assert position_free(validate(shuffled)) == expected


@settings(deadline=None)
@given(canvas=canvases(max_parties=10, max_flows=14, max_items=5))
def test_validation_reports_on_any_canvas_instead_of_failing(canvas: Canvas) -> None:
    report = validate(canvas)
    assert all(d.code.startswith("CMC") and d.message for d in report)
