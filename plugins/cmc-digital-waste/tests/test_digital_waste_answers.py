"""Assessment answers in ``ScoreContext.extras["digital-waste"]`` move the score as documented."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pytest
from cmc_core.canvas import Canvas
from cmc_core.examples import example_text
from cmc_core.fileformat import loads
from cmc_core.model import Waste
from cmc_core.scoring import Score, ScoreContext
from cmc_core.strategies import canvases
from cmc_core.testing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_digital_waste import QUESTIONNAIRE, SCORER
from cmc_digital_waste.answers import read_answers
from cmc_digital_waste.questionnaire import (
    CHANNEL,
    COMMUNICATION_CONTROL_SHARE,
    DOUBLE_ENTRY,
    DOUBLE_ENTRY_TIMES,
    EXPECTED_SAVING,
    NAME,
    PARTIES,
    SAVING_BASIS,
    SYSTEMS,
    TRUST_CHECKS,
)
from cmc_digital_waste.scorer import ASSESSMENT_WEIGHT, BASELINE_POINTS, CHANNEL_WASTE

HEAVY_WASTE = {
    PARTIES: 12,
    SYSTEMS: 6,
    DOUBLE_ENTRY: "yes",
    DOUBLE_ENTRY_TIMES: 4,
    TRUST_CHECKS: 5,
    CHANNEL: "phone-email",
}
LITTLE_WASTE = {
    PARTIES: 3,
    SYSTEMS: 1,
    DOUBLE_ENTRY: "no",
    TRUST_CHECKS: 1,
    CHANNEL: "shared-network",
}


def port() -> Canvas:
    return loads(example_text("port-logistics"), "yaml").canvas


def scored(canvas: Canvas, answers: object) -> Score:
    return SCORER(canvas, ScoreContext(canvas, {NAME: answers}))


def test_answers_describing_heavy_waste_score_higher_than_answers_describing_little() -> None:
    canvas = port()

    heavy = scored(canvas, HEAVY_WASTE)
    little = scored(canvas, LITTLE_WASTE)

    assert heavy.value > little.value
    assert little.value < SCORER(canvas).value, "answers showing little waste lower the potential"


@pytest.mark.parametrize("channel", sorted(CHANNEL_WASTE))
def test_one_answered_indicator_takes_its_documented_share_of_the_score(channel: str) -> None:
    canvas = port()
    canvas_points = SCORER(canvas).value

    score = scored(canvas, {CHANNEL: channel})

    expected = (1 - ASSESSMENT_WEIGHT) * canvas_points
    expected += ASSESSMENT_WEIGHT * 100 * CHANNEL_WASTE[channel]
    assert score.value == pytest.approx(expected)
    assert score.value == pytest.approx(sum(r.effect or 0.0 for r in score.reasons))


def test_answers_fill_the_waste_figures_the_canvas_does_not_have_yet() -> None:
    canvas = port().evolve(waste=Waste())
    answers = {COMMUNICATION_CONTROL_SHARE: "30%", EXPECTED_SAVING: 20, SAVING_BASIS: "a pilot"}

    score = scored(canvas, answers)

    assert score.value > SCORER(canvas).value
    share = next(r for r in score.reasons if COMMUNICATION_CONTROL_SHARE in r.text)
    assert share.effect == pytest.approx(BASELINE_POINTS)
    assert "not yet on the canvas" in share.text


def test_the_canvas_wins_over_an_answer_for_the_same_figure() -> None:
    canvas = port()

    with_answer = scored(canvas, {COMMUNICATION_CONTROL_SHARE: 5, EXPECTED_SAVING: 1})

    assert with_answer.value == SCORER(canvas).value


def test_the_double_entry_follow_up_counts_only_when_double_entry_is_yes() -> None:
    canvas = port()

    more_entries = scored(canvas, {DOUBLE_ENTRY: "yes", DOUBLE_ENTRY_TIMES: 5})
    default_entries = scored(canvas, {DOUBLE_ENTRY: "yes"})
    no_double_entry = scored(canvas, {DOUBLE_ENTRY: "no", DOUBLE_ENTRY_TIMES: 5})

    assert more_entries.value > default_entries.value > no_double_entry.value
    assert no_double_entry.value == scored(canvas, {DOUBLE_ENTRY: "no"}).value
    assert any(
        DOUBLE_ENTRY_TIMES in r.text and "not used" in r.text for r in no_double_entry.reasons
    )


def test_form_answers_in_text_and_in_dutch_are_read_like_typed_ones() -> None:
    typed = read_answers({PARTIES: 10, DOUBLE_ENTRY: True, TRUST_CHECKS: 4, EXPECTED_SAVING: 12.5})
    text = read_answers(
        {PARTIES: "10", DOUBLE_ENTRY: "ja", TRUST_CHECKS: "4", EXPECTED_SAVING: "12,5"}
    )

    assert text == typed
    assert not typed.ignored


@pytest.mark.parametrize(
    ("answers", "question"),
    [
        ({TRUST_CHECKS: 9}, TRUST_CHECKS),
        ({PARTIES: "many"}, PARTIES),
        ({PARTIES: 2.5}, PARTIES),
        ({COMMUNICATION_CONTROL_SHARE: 140}, COMMUNICATION_CONTROL_SHARE),
        ({SYSTEMS: float("nan")}, SYSTEMS),
        ({DOUBLE_ENTRY: "perhaps"}, DOUBLE_ENTRY),
        ({CHANNEL: "carrier pigeon"}, CHANNEL),
        ({"dw-no-such-question": 1}, "dw-no-such-question"),
        ({7: "seven"}, "7"),
    ],
)
def test_an_unusable_answer_is_left_out_and_the_score_says_so(
    answers: Mapping[Any, object], question: str
) -> None:
    canvas = port()

    score = scored(canvas, answers)

    assert score.value == SCORER(canvas).value
    assert any(f"answer {question} is not used" in r.text for r in score.reasons)


def test_answers_that_are_not_a_mapping_are_ignored_as_a_whole() -> None:
    canvas = port()

    score = scored(canvas, ["dw-parties", 12])

    assert score.value == SCORER(canvas).value
    assert any("must be a mapping" in r.text for r in score.reasons)


def test_answers_alone_make_an_empty_canvas_worth_judging() -> None:
    empty = Canvas()

    assert not SCORER(empty).applicable
    assert scored(empty, {CHANNEL: "phone-email"}).applicable


def test_every_question_of_the_questionnaire_is_read_by_the_scorer() -> None:
    answered = {
        question.id: "yes" if question.kind == "yes_no" else "1"
        for question in QUESTIONNAIRE.questions
    }
    answered[CHANNEL] = "phone-email"

    assert read_answers(answered).ignored == ()


_ANSWER_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "3", "27%", "phone-email", "12,5"]),
    st.lists(st.integers(), max_size=2),
)
_QUESTION_IDS = st.sampled_from([q.id for q in QUESTIONNAIRE.questions] + ["dw-other"])


@settings(max_examples=examples(150), deadline=None)
@given(canvas=canvases(), answers=st.dictionaries(_QUESTION_IDS, _ANSWER_VALUES, max_size=8))
def test_any_answers_on_any_canvas_give_a_score_within_range_that_adds_up(
    canvas: Canvas, answers: dict[str, object]
) -> None:
    score = scored(canvas, answers)

    assert 0 <= score.value <= 100
    if score.applicable:
        assert math.isclose(score.value, sum(r.effect or 0.0 for r in score.reasons), abs_tol=1e-9)
    assert score == scored(canvas, dict(reversed(list(answers.items()))))
