"""A canvas remembers its quickscan (issue 15, "the quickscan feeds the score").

``cmc quickscan`` keeps the answers its verdict reads in the canvas (``quickscan:``), so that
the score card shows the verdict without the answers file. These tests pin down what is kept,
that the verdict read back from the canvas is the quickscan's own, that the record survives
every file format, and that the rules do not look at it.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_core import validate
from cmc_core.canvas import Canvas
from cmc_core.fileformat import dumps, loads, to_dict
from cmc_core.fileformat.schema import json_schema
from cmc_core.model import Quickscan
from cmc_core.questionnaires import (
    QUICKSCAN_IDS,
    Answer,
    AnswersError,
    AnswerSet,
    Session,
    assess_quickscan,
    load_answers,
    quickscan,
)
from cmc_core.questionnaires.quickscan import (
    quickscan_answers,
    recalled_answers,
    remembered_answers,
    with_quickscan,
)
from cmc_core.strategies import canvases, valid_canvases

EXAMPLES = Path(__file__).parents[2] / "src" / "cmc_core" / "examples" / "quickscan"
TUTORIAL = Path(__file__).parents[1] / "cli" / "canvases" / "tutorial-westmere.answers.yaml"
ANSWERS = [
    EXAMPLES / "port-logistics.answers.yaml",
    EXAMPLES / "single-firm.answers.yaml",
    TUTORIAL,
]


def _session(path: Path) -> Session:
    return Session([quickscan()], answers=load_answers(path))


@pytest.mark.parametrize("path", ANSWERS, ids=lambda path: path.name)
def test_the_verdict_read_back_from_the_canvas_is_the_quickscans(path: Path) -> None:
    session = _session(path)
    canvas = with_quickscan(session.to_canvas(), session.answers)
    recalled = recalled_answers(canvas)
    assert recalled is not None
    assert assess_quickscan(recalled, canvas) == assess_quickscan(session.answers, canvas)


def test_the_tutorials_canvas_keeps_the_answers_the_verdict_reads() -> None:
    session = _session(TUTORIAL)
    kept = with_quickscan(session.to_canvas(), session.answers).quickscan
    assert kept == Quickscan(
        suppliers_count=8,
        demanders_count=3,
        cooperate=(
            "Shared patient summary and medication overview",
            "Claims and payment settlement",
        ),
        commonality=("Westmere Health Information Exchange",),
        kickoff_ready=True,
    )


def test_answers_of_other_questionnaires_are_left_alone_and_raw_answers_made_canonical() -> None:
    shared = AnswerSet(
        {
            "qs-suppliers-count": Answer("qs-suppliers-count", 4),
            "qs-kickoff-ready": Answer("qs-kickoff-ready", "yes"),  # as a file may hold it
            "vision": Answer("vision", "One shared summary."),
            "dw-not-installed": Answer("dw-not-installed", 3),
        }
    )
    assert set(quickscan_answers(shared).answers) == {"qs-suppliers-count", "qs-kickoff-ready"}
    kept = with_quickscan(Canvas(), shared).quickscan
    assert kept == Quickscan(suppliers_count=4, kickoff_ready=True)


def test_a_quickscan_answer_that_does_not_fit_is_refused_by_name_but_kept_out_of_the_canvas() -> (
    None
):
    bad = AnswerSet(
        {
            "qs-suppliers-count": Answer("qs-suppliers-count", "many"),
            "qs-demanders-count": Answer("qs-demanders-count", 5),
        }
    )
    with pytest.raises(AnswersError, match="qs-suppliers-count"):
        quickscan_answers(bad)
    # the canvas is still written: what fits is kept, what does not is left out
    assert with_quickscan(Canvas(), bad).quickscan == Quickscan(demanders_count=5)


def test_answers_that_answer_nothing_the_verdict_reads_change_nothing() -> None:
    canvas = Canvas(quickscan=Quickscan(suppliers_count=2))
    unrelated = AnswerSet({"qs-name": Answer("qs-name", "Port")})
    assert with_quickscan(canvas, unrelated) is canvas
    assert recalled_answers(Canvas()) is None


@pytest.mark.parametrize(
    ("value", "kept"), [(3.0, 3), (-2, 0), (float("inf"), None), (float("nan"), None), (True, None)]
)
def test_a_count_is_kept_as_a_whole_number_within_bounds(value: object, kept: int | None) -> None:
    answers = AnswerSet({QUICKSCAN_IDS["suppliers_count"]: Answer("qs-suppliers-count", value)})
    assert remembered_answers(answers).suppliers_count == kept


def test_entities_are_kept_by_name_and_a_text_answer_is_one_name() -> None:
    answers = AnswerSet(
        {
            "qs-cooperate": Answer(
                "qs-cooperate", [{"name": " Booking "}, {"id": "pa-x"}, "Release", ""]
            ),
            "qs-commonality": Answer("qs-commonality", "Port community system"),
        }
    )
    kept = remembered_answers(answers)
    assert kept.cooperate == ("Booking", "pa-x", "Release")
    assert kept.commonality == ("Port community system",)


def test_a_canvas_without_a_quickscan_writes_no_quickscan_section() -> None:
    assert "quickscan" not in to_dict(Canvas())
    assert "quickscan" in to_dict(Canvas(quickscan=Quickscan(kickoff_ready=False)))


def test_the_schema_declares_the_record() -> None:
    schema = json_schema()
    assert schema["properties"]["quickscan"] == {"$ref": "#/$defs/Quickscan"}
    record = schema["$defs"]["Quickscan"]
    assert set(record["properties"]) == {field.name for field in attrs.fields(Quickscan)}
    assert record["properties"]["kickoff_ready"]["type"] == ["boolean", "null"]
    assert record["additionalProperties"] is False


quickscans = st.builds(
    Quickscan,
    suppliers_count=st.none() | st.integers(0, 10**9),
    demanders_count=st.none() | st.integers(0, 10**9),
    cooperate=st.lists(st.text(max_size=12), max_size=3).map(tuple),
    commonality=st.lists(st.text(max_size=12), max_size=2).map(tuple),
    kickoff_ready=st.none() | st.booleans(),
)


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
@settings(max_examples=60, deadline=None)
@given(record=quickscans)
def test_the_record_round_trips_losslessly_in_every_format(fmt: str, record: Quickscan) -> None:
    canvas = Canvas(quickscan=record)
    assert loads(dumps(canvas, fmt), fmt).canvas == canvas


@settings(max_examples=40, deadline=None)
@given(canvas=canvases())
def test_generated_canvases_hold_every_kind_of_record(canvas: Canvas) -> None:
    # the strategy draws the record's yes-or-unanswered field too (it once could not)
    record = canvas.quickscan
    assert record.kickoff_ready in (None, False, True)
    assert loads(dumps(canvas, "yaml"), "yaml").canvas == canvas


@settings(max_examples=30, deadline=None)
@given(canvas=valid_canvases(), record=quickscans)
def test_the_rules_ignore_the_record(canvas: Canvas, record: Quickscan) -> None:
    assert validate(canvas.evolve(quickscan=record)) == validate(
        canvas.evolve(quickscan=Quickscan())
    )
