"""change-readiness: resistances with reasons and mitigations, and a SMART next step."""

from __future__ import annotations

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import Resistance
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.change import (
    AMBITION_POINTS,
    CHANGE_READINESS,
    MEASURABLE,
    NEXT_STEP,
    RESISTANCE_POINTS,
    TIME_BOUND,
)
from cmc_core.vocabulary import Role

FULL_AMBITION = sum(AMBITION_POINTS.values())


def score(canvas: Canvas) -> Score:
    return CHANGE_READINESS(canvas, ScoreContext(canvas))


def test_resistances_score_by_the_mean_of_their_reason_mitigation_and_holder() -> None:
    canvas = Canvas(
        resistances=(
            Resistance("r-1", holder="p-1", reason="Loses customers", mitigation="Data rules"),
            Resistance("r-2", holder_role=Role.SUPPLIER, reason="Costs"),
        )
    )
    result = score(canvas)
    assert result.value == pytest.approx(RESISTANCE_POINTS * (1.0 + 0.6) / 2)
    assert [(r.path, r.effect) for r in result.reasons if "has no" in r.text] == [
        ("resistances[1].mitigation", 0.0)
    ]


def test_no_resistances_earn_nothing_and_ask_for_them() -> None:
    result = score(Canvas())
    assert result.value == 0.0
    assert result.reasons[0].path == "resistances"


def test_a_smart_next_step_in_english_earns_every_ambition_point() -> None:
    text = "Next step: 400 kitchens on the app by the end of 2025."
    result = score(Canvas().with_factor("ambition", text))
    assert result.value == pytest.approx(FULL_AMBITION)
    assert {r.path for r in result.reasons[1:]} == {"factors.ambition.answer"}


def test_a_smart_next_step_in_dutch_in_the_block_note_counts_as_well() -> None:
    text = "Volgende stap: binnen 12 maanden 80% van de containers digitaal vrijgeven."
    result = score(Canvas().with_note("ambition", text))
    assert result.value == pytest.approx(FULL_AMBITION)
    assert result.reasons[-1].path == "notes.ambition"


def test_a_vague_ambition_earns_only_for_being_written() -> None:
    result = score(Canvas().with_factor("ambition", "Grow together and be the best"))
    assert result.value == pytest.approx(AMBITION_POINTS["written"])
    assert [r.text for r in result.reasons if r.effect == 0.0][1:] == [
        "The ambition names no next or first step (worth 15 points)",
        "The ambition has no figure to measure the step by (worth 15 points)",
        "The ambition has no date or period (worth 15 points)",
    ]


@pytest.mark.parametrize(
    ("text", "measurable", "time_bound"),
    [
        ("by 2026", False, True),
        ("20% fewer calls", True, False),
        ("three pilots in Q3", False, True),
        ("within 6 weeks", True, True),
        ("in maart", False, True),
    ],
)
def test_the_smart_patterns_tell_a_year_from_a_figure(
    text: str, measurable: bool, time_bound: bool
) -> None:
    assert bool(MEASURABLE.search(text)) is measurable
    assert bool(TIME_BOUND.search(text)) is time_bound


def test_a_pilot_or_a_first_step_is_a_next_step() -> None:
    assert NEXT_STEP.search("Start with a pilot")
    assert NEXT_STEP.search("De eerste stap is een kick-off")
    assert not NEXT_STEP.search("We step up our game")
