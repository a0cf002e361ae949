"""The measures and wording the rules and the score card share (``cmc_core.analysis``)."""

from __future__ import annotations

from cmc_core.analysis import (
    describe,
    describe_all,
    herfindahl,
    plural,
    primary_position,
    quote,
    quote_all,
)
from cmc_core.canvas import Canvas
from cmc_core.model import Commonality, Party


def test_the_hhi_is_one_for_a_monopoly_and_falls_with_more_equal_parties() -> None:
    assert herfindahl([7]) == 1.0
    assert herfindahl([1, 1]) == 0.5
    assert herfindahl([2, 1, 1]) == 6 / 16
    assert herfindahl([0, 0]) == 0.0


def test_the_primary_commonality_is_the_one_marked_else_the_first() -> None:
    plain, marked = Commonality("c-plain", "Plain"), Commonality("c-marked", "Marked", primary=True)
    assert primary_position(Canvas()) is None
    assert primary_position(Canvas(commonalities=(plain,))) == 0
    assert primary_position(Canvas(commonalities=(plain, marked))) == 1
    canvas = Canvas(commonalities=(plain, marked))
    assert canvas.commonalities[primary_position(canvas) or 0] == canvas.primary_commonality


def test_an_entity_is_named_with_its_id_and_an_unnamed_one_by_its_id_alone() -> None:
    assert describe(Party("p-port", "Port of X")) == "'Port of X' (p-port)"
    assert describe(Party("p-anon", "  ")) == "'p-anon'"
    assert quote("x") == "'x'"


def test_lists_do_not_depend_on_canvas_order_and_stop_at_the_limit() -> None:
    parties = [Party(f"p-{n}", f"Party {n}") for n in (3, 1, 2)]
    assert describe_all(parties) == describe_all(reversed(parties))
    assert describe_all(parties, limit=2) == "'Party 1' (p-1), 'Party 2' (p-2) and 1 more"
    assert quote_all(["b", "a", "b"]) == "'a', 'b'"


def test_counts_take_the_plural_unless_there_is_exactly_one() -> None:
    assert plural(1, "supplier") == "1 supplier"
    assert plural(0, "supplier") == "0 suppliers"
    assert plural(2, "commonality", "commonalities") == "2 commonalities"
