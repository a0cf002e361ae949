"""change-readiness: resistances with reasons and mitigations, and a SMART next step."""

from __future__ import annotations

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import Party, Resistance, Waste
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.change import (
    AMBITION_POINTS,
    CHANGE_READINESS,
    DATE,
    MEASURABLE,
    NEXT_STEP,
    RESISTANCE_POINTS,
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
    text = "Next step: 400 kitchens of our demanders on the app by the end of 2025."
    result = score(Canvas().with_factor("ambition", text))
    assert result.value == pytest.approx(FULL_AMBITION)
    assert {r.path for r in result.reasons[1:]} == {"factors.ambition.answer"}


def test_a_smart_next_step_in_dutch_in_the_block_note_counts_as_well() -> None:
    text = "Volgende stap: binnen 12 maanden 80% van de containers van de afnemers digitaal."
    result = score(Canvas().with_note("ambition", text))
    assert result.value == pytest.approx(FULL_AMBITION)
    assert result.reasons[-1].path == "notes.ambition"


def test_a_vague_ambition_earns_only_for_being_written() -> None:
    result = score(Canvas().with_factor("ambition", "Grow together and be the best"))
    assert result.value == pytest.approx(AMBITION_POINTS["written"])
    assert [r.text for r in result.reasons if r.effect == 0.0][1:] == [
        "The ambition names no next or first step (such as 'next step', 'pilot', 'volgende "
        "stap') (worth 15 points)",
        "The ambition names no party or role of the canvas as its target group (worth 10 points)",
        "The ambition has no figure to measure the step by, nor a saving quantified in D2 "
        "(worth 15 points)",
    ]


def test_the_reasons_quote_what_they_found_and_say_when_a_date_was_no_figure() -> None:
    canvas = Canvas(parties=(Party("p-coop", "SuperCoop", roles=(Role.DEMANDER,)),))
    found = score(canvas.with_factor("ambition", "Next step: 400 kitchens of SuperCoop"))
    assert [r.text for r in found.reasons[1:]] == [
        "The ambition is written down",
        "The ambition names a next or first step: 'Next step'",
        "The ambition names its target group: 'SuperCoop'",
        "The ambition has a figure to measure the step by: '400'",
    ]
    dated = score(Canvas().with_factor("ambition", "Pilot live at 10:30 on 2025-03-31"))
    assert dated.reasons[-1].text == (
        "The ambition has no figure to measure the step by, nor a saving quantified in D2; a "
        "date or time is no figure (worth 15 points)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Go live on 1 March 2024",
        "Go live by 2025-03-31",
        "Live op 31-03-2025",
        "Go-live: March 31st",
        "Pilot in Q3",
        "Binnen 6 maanden live",
    ],
)
def test_a_date_earns_nothing_not_even_as_a_figure(text: str) -> None:
    dated = score(Canvas().with_factor("ambition", text)).value
    undated = score(Canvas().with_factor("ambition", DATE.sub(" ", text))).value
    assert dated == undated
    assert not MEASURABLE.search(DATE.sub(" ", text))


@pytest.mark.parametrize(
    ("text", "measurable"),
    [
        ("by 2026", False),
        ("20% fewer calls", True),
        ("three pilots in Q3", False),
        ("400 kitchens within 6 weeks", True),
        ("in maart", False),
        ("12 suppliers by 1 May", True),
        ("pilot in week 12", False),
        ("live at 10:30", False),
    ],
)
def test_a_figure_counts_once_the_dates_are_removed(text: str, measurable: bool) -> None:
    assert bool(MEASURABLE.search(DATE.sub(" ", text))) is measurable


def test_a_saving_quantified_in_d2_makes_the_step_measurable() -> None:
    text = "Next step: the suppliers join"
    plain = score(Canvas().with_factor("ambition", text)).value
    quantified = Canvas(waste=Waste(saving_amount=2.0, unit="MEUR")).with_factor("ambition", text)
    assert score(quantified).value == pytest.approx(plain + AMBITION_POINTS["measurable"])


def test_the_target_group_is_a_party_or_a_role_of_the_canvas() -> None:
    canvas = Canvas(parties=(Party("p-coop", "SuperCoop", roles=(Role.DEMANDER,)),))
    named = canvas.with_factor("ambition", "First step with SuperCoop")
    by_role = canvas.with_factor("ambition", "Eerste stap met de eindklanten")
    elsewhere = canvas.with_factor("ambition", "First step with the cooperative")
    worth = AMBITION_POINTS["target group"]
    assert score(named).value == pytest.approx(score(elsewhere).value + worth)
    assert score(by_role).value == pytest.approx(score(elsewhere).value + worth)
    # a name counts at the start of a word only: "supercoop" is not inside "nosupercoops"
    inside = canvas.with_factor("ambition", "First step with nosupercoops")
    assert score(inside).value == pytest.approx(score(elsewhere).value)


def test_a_pilot_or_a_first_step_is_a_next_step() -> None:
    assert NEXT_STEP.search("Start with a pilot")
    assert NEXT_STEP.search("De eerste stap is een kick-off")
    assert not NEXT_STEP.search("We step up our game")
