"""``assess`` scores the quickscan a canvas remembers, and keeps the language it was made in."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.english import english_words

from cmc_core import assess
from cmc_core.assessment import scoring_extras
from cmc_core.canvas import Canvas
from cmc_core.model import Quickscan
from cmc_core.questionnaires import Answer, AnswerSet, Session, load_answers, quickscan
from cmc_core.questionnaires.quickscan import with_quickscan
from cmc_core.scoring import score_canvas
from cmc_core.translation import using_language

TUTORIAL = Path(__file__).parent / "cli" / "canvases" / "tutorial-westmere.answers.yaml"
DIMENSION = "quickscan-suitability"


@pytest.fixture
def made_by_the_quickscan() -> Canvas:
    """The tutorial's draft canvas, as ``cmc quickscan`` writes it."""
    session = Session([quickscan()], answers=load_answers(TUTORIAL))
    return with_quickscan(session.to_canvas(), session.answers)


def _quickscan_score(canvas: Canvas, **options: object) -> tuple[float, bool, list[str]]:
    dimension = assess(canvas, **options).scores.dimension(DIMENSION)  # type: ignore[arg-type]
    return dimension.score, dimension.applicable, [reason.text for reason in dimension.reasons]


def test_the_remembered_answers_are_scored_with_no_answers_given(
    made_by_the_quickscan: Canvas,
) -> None:
    score, applicable, reasons = _quickscan_score(made_by_the_quickscan)
    assert (score, applicable) == (100.0, True)
    assert "The answers are the ones the quickscan kept in the canvas" in reasons
    # without the record, the same canvas has no quickscan to score
    forgotten = made_by_the_quickscan.evolve(quickscan=Quickscan())
    assert _quickscan_score(forgotten)[1] is False


def test_explicit_answers_win_over_the_remembered_ones(made_by_the_quickscan: Canvas) -> None:
    no_kickoff = AnswerSet(
        {
            "qs-suppliers-count": Answer("qs-suppliers-count", 8),
            "qs-demanders-count": Answer("qs-demanders-count", 3),
            "qs-cooperate": Answer("qs-cooperate", [{"name": "Booking"}]),
            "qs-commonality": Answer("qs-commonality", [{"name": "Exchange"}]),
            "qs-kickoff-ready": Answer("qs-kickoff-ready", False),
        }
    )
    score, _, reasons = _quickscan_score(made_by_the_quickscan, extras={"quickscan": no_kickoff})
    assert score == 50.0  # needs work: the explicit "no kick-off yet", not the canvas's yes
    assert "The answers are the ones the quickscan kept in the canvas" not in reasons


def test_other_extras_do_not_hide_the_remembered_answers(made_by_the_quickscan: Canvas) -> None:
    score, applicable, _ = _quickscan_score(made_by_the_quickscan, extras={"other": 1})
    assert (score, applicable) == (100.0, True)


def test_score_canvas_alone_reads_the_remembered_answers_too(made_by_the_quickscan: Canvas) -> None:
    card = score_canvas(made_by_the_quickscan)
    assert card.dimension(DIMENSION).score == 100.0
    assert card.overall == assess(made_by_the_quickscan).scores.overall


def test_scoring_extras_take_the_quickscans_answers_from_a_shared_file() -> None:
    shared = AnswerSet(
        {
            "qs-kickoff-ready": Answer("qs-kickoff-ready", "yes"),
            "vision": Answer("vision", "One shared summary."),
            "dw-plugin-question": Answer("dw-plugin-question", 1),
        }
    )
    extras = scoring_extras(shared)
    assert set(extras["quickscan"].answers) == {"qs-kickoff-ready"}
    assert extras["quickscan"].value("qs-kickoff-ready") is True
    assert scoring_extras(AnswerSet({"vision": Answer("vision", "x")})) == {}


def test_an_assessment_made_in_dutch_speaks_dutch_wherever_it_is_read(
    made_by_the_quickscan: Canvas,
) -> None:
    with using_language("nl"):
        assessment = assess(made_by_the_quickscan)
    # read outside the block, in English surroundings
    with using_language("en"):
        report = assessment.report
        card = assessment.scores
    messages = "\n".join(diagnostic.message for diagnostic in report)
    assert messages
    assert english_words(messages, allowed=_names(made_by_the_quickscan)) == []
    titles = [dimension.title for dimension in card.dimensions]
    assert "Geschiktheid volgens de quickscan" in titles
    verdict = card.dimension(DIMENSION).reasons[0].text
    assert "geschikt" in verdict


def test_an_assessment_made_where_no_language_was_chosen_speaks_the_readers(
    made_by_the_quickscan: Canvas,
) -> None:
    assessment = assess(made_by_the_quickscan)
    with using_language("nl"):
        card = assessment.scores
    assert "Geschiktheid volgens de quickscan" in [d.title for d in card.dimensions]


def _names(canvas: Canvas) -> list[str]:
    """The words the canvas itself holds, which a Dutch message may quote."""
    texts = [party.name for party in canvas.parties] + [value.name for value in canvas.values]
    texts += [area.name for area in canvas.process_areas]
    texts += [commonality.name for commonality in canvas.commonalities]
    return [word for text in texts for word in text.split()]
