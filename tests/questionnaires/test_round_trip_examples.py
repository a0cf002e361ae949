"""A canvas turned into answers and answered again gives the same canvas back.

The canvas-details and block questionnaires together fill every field of a canvas, each field
through exactly one plain question, so ``answers_from_canvas`` followed by a session's
``to_canvas`` must reproduce every bundled example exactly, and any generated canvas the
questions can hold. What a person's answer cannot hold, by design, is normalised away first (see
:func:`as_answerable`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cmc_core import shape
from cmc_core.canvas import Canvas
from cmc_core.examples import example_text, names
from cmc_core.fileformat import from_dict, loads, to_dict
from cmc_core.questionnaires import (
    AnswersError,
    AnswerSet,
    QuestionKind,
    Questionnaire,
    Session,
    answers_from_canvas,
    canvas_questionnaires,
    dumps_answers,
    load_answers,
    loads_answers,
    save_answers,
)
from cmc_core.strategies import canvases, valid_canvases
from cmc_core.testing import examples

QUESTIONNAIRES = canvas_questionnaires()


def example_canvas(name: str) -> Canvas:
    return loads(example_text(name), "yaml", source=f"example:{name}").canvas


def answered_again(canvas: Canvas, questionnaires: tuple[Questionnaire, ...]) -> Canvas:
    """The canvas a new session builds from the answers that fill ``canvas``."""
    answers, leftover = answers_from_canvas(canvas, questionnaires)
    assert leftover == ()
    return Session(questionnaires, answers=answers).to_canvas()


def _plain_targets(kind: QuestionKind) -> list[str]:
    return [
        question.binding.target
        for questionnaire in QUESTIONNAIRES
        for question in questionnaire.questions
        if question.kind is kind
        and question.binding is not None
        and question.binding.role is None
        and not question.binding.defaults
        and question.condition is None
    ]


def _node(document: dict[str, Any], target: str) -> tuple[dict[str, Any] | None, str]:
    *parents, last = target.split(".")
    node: Any = document
    for key in parents:
        node = node.get(key) if isinstance(node, dict) else None
    return (node if isinstance(node, dict) else None), last


def as_answerable(canvas: Canvas) -> Canvas:
    """The canvas as the block questions can hold it; four things their answers cannot say:

    - a one-line question (``short_text``: the canvas name, version, date ...) refuses an answer
      of several lines, so line breaks in those fields become spaces;
    - a list answer (``text_list``: authors, criteria, agreements, process steps) is a list of
      items a person typed: each is trimmed and blank items are dropped;
    - a factor or principle listed with nothing in it (``vision: {}``) reads the same as one not
      listed (``Canvas.factor`` gives an empty factor either way); there is no answer for
      "listed but empty", so such entries are dropped;
    - the quickscan's record (``quickscan:``) is written whole by the quickscan, not by a block
      question (see ``NOT_ASKED_BY_BLOCKS`` in test_builtin_questionnaires), so it is dropped.
    """
    document = to_dict(canvas)
    document.pop("quickscan", None)
    for target in _plain_targets(QuestionKind.SHORT_TEXT):
        node, key = _node(document, target)
        if node is not None and isinstance(node.get(key), str):
            node[key] = node[key].replace("\n", " ")
    for target in _plain_targets(QuestionKind.TEXT_LIST):
        node, key = _node(document, target)
        if node is not None and isinstance(node.get(key), list):
            node[key] = [item.strip() for item in node[key] if item.strip()]
    for keyed in ("factors", "principles"):
        entries = document.get(keyed, {})
        document[keyed] = {key: entry for key, entry in entries.items() if entry}
    return from_dict(document)


# -- the bundled examples -------------------------------------------------------------------------


@pytest.mark.parametrize("name", names())
def test_every_example_becomes_answers_that_cover_all_its_content(name: str) -> None:
    canvas = example_canvas(name)
    answers, leftover = answers_from_canvas(canvas, QUESTIONNAIRES)
    assert leftover == ()
    assert answers.language is canvas.meta.language
    assert {"canvas-name", "parties", "flows", "commonalities"} <= set(answers.answers)


@pytest.mark.parametrize("name", names())
def test_answering_an_example_again_gives_the_example_back(name: str) -> None:
    canvas = example_canvas(name)
    assert as_answerable(canvas) == canvas  # nothing to normalise in a real canvas
    assert answered_again(canvas, QUESTIONNAIRES) == canvas


@pytest.mark.parametrize("name", names())
def test_the_answers_of_an_example_survive_an_answers_file(name: str, tmp_path: Path) -> None:
    canvas = example_canvas(name)
    answers, _ = answers_from_canvas(canvas, QUESTIONNAIRES)
    stamped = AnswerSet(
        {
            question: attrs.evolve(answer, by="Facilitator", at="2024-11-14T09:30:00+01:00")
            if question == "parties"
            else answer
            for question, answer in answers.answers.items()
        },
        answers.language,
    )
    path = tmp_path / f"{name}.answers.yaml"
    save_answers(stamped, path)
    loaded = load_answers(path)
    assert loaded == stamped
    assert list(loaded.answers) == list(stamped.answers)  # the order of asking is kept
    assert Session(QUESTIONNAIRES, answers=loaded).to_canvas() == canvas


def test_leaving_out_a_block_questionnaire_leaves_its_content_over() -> None:
    canvas = example_canvas("port-logistics")
    without_flows = tuple(q for q in QUESTIONNAIRES if q.name != "block-values-exchanged")
    _, leftover = answers_from_canvas(canvas, without_flows)
    assert {"values", "flows", "boundary.instruments", "notes.values_exchanged"} <= set(leftover)


# -- generated canvases ---------------------------------------------------------------------------


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(canvas=valid_canvases())
def test_every_valid_canvas_answered_again_is_the_same_canvas(canvas: Canvas) -> None:
    expected = as_answerable(canvas)
    assert answered_again(expected, QUESTIONNAIRES) == expected


#: The entity lists of a canvas's file form; answers upsert entities into them by id.
_COLLECTIONS = tuple(collection.name for collection in shape.collections(Canvas))
_NAMED = {
    collection.kind.name: collection.name
    for collection in shape.collections(Canvas)
    if any(field.name == "name" for field in shape.fields(collection.entity))
}
#: Where the references that answers may give by name sit in the file form: (entity list,
#: field, the list it names entries of), as the model declares them.
_REFERENCES = tuple(
    (collection.name, reference.file_key, _NAMED[reference.kind.name], reference.part_key)
    for collection in shape.collections(Canvas)
    for reference in shape.references(collection.entity)
    if reference.kind.name in _NAMED
)
#: The same for lists of references in the canvas's blocks (the boundary's instruments).
_BLOCK_REFERENCES = tuple(
    (single.name, reference.file_key, _NAMED[reference.kind.name])
    for single in shape.singles(Canvas)
    for reference in shape.references(single.record)
    if reference.many and reference.kind.name in _NAMED
)


def _entries(document: dict[str, Any], collection: str) -> list[dict[str, Any]]:
    *parents, last = collection.split(".")
    node = document
    for key in parents:
        node = node.get(key, {})
    return list(node.get(last, []))


def _ids(document: dict[str, Any], collection: str) -> set[str]:
    return {entry["id"] for entry in _entries(document, collection)}


def answerable_exactly(canvas: Canvas) -> bool:
    """Whether answers can carry this canvas unchanged: ids unique in each entity list, and
    every reference an id. (Answers upsert entities by id, and a reference that is no id is
    looked up as a name, or refused.)"""
    document = to_dict(canvas)
    for collection in _COLLECTIONS:
        ids = [entry["id"] for entry in _entries(document, collection)]
        if len(set(ids)) != len(ids):
            return False
    for block, field, named in _BLOCK_REFERENCES:
        if not set(document.get(block, {}).get(field, [])) <= _ids(document, named):
            return False
    for collection, field, named, part in _REFERENCES:
        known = _ids(document, named)
        for entry in _entries(document, collection):
            given = entry.get(field)
            references = given if isinstance(given, list) else [given]
            if part is not None:  # a list of items, each naming one thing (owners)
                references = [item.get(part) for item in references if item is not None]
            if not {r for r in references if r is not None} <= known:
                return False
    return True


def with_references_resolved(canvas: Canvas) -> Canvas:
    """The canvas with the second and later entity of each id dropped and every reference that
    names nothing left out: what :func:`answerable_exactly` asks for."""
    document = to_dict(canvas)
    for collection in _COLLECTIONS:
        first_of_each_id: dict[str, dict[str, Any]] = {}
        for entry in _entries(document, collection):
            first_of_each_id.setdefault(entry["id"], entry)
        kept = list(first_of_each_id.values())
        *parents, last = collection.split(".")
        node = document
        for key in parents:
            node = node.get(key, {})
        if last in node:
            node[last] = kept
    for block, field, named in _BLOCK_REFERENCES:
        record = document.get(block, {})
        if field in record:
            known = _ids(document, named)
            record[field] = [reference for reference in record[field] if reference in known]
    for collection, field, named, part in _REFERENCES:
        known = _ids(document, named)
        for entry in _entries(document, collection):
            given = entry.get(field)
            if part is not None and isinstance(given, list):
                entry[field] = [item for item in given if item.get(part) in known]
            elif isinstance(given, list):
                entry[field] = [reference for reference in given if reference in known]
            elif given is not None and given not in known:
                del entry[field]
    return from_dict(document)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(canvas=canvases())
def test_any_canvas_comes_back_exactly_or_is_refused_for_an_unknown_reference(
    canvas: Canvas,
) -> None:
    """``canvases()`` draws ids from a small pool, so entities share ids and references
    dangle; answers cannot keep those (an answer upserts by id and resolves references), so
    for such canvases the property is only that nothing but an AnswersError about an unknown
    party or value can happen."""
    expected = as_answerable(canvas)
    exact = answerable_exactly(expected)
    event(f"answerable exactly: {exact}")
    answers, leftover = answers_from_canvas(expected, QUESTIONNAIRES)
    assert leftover == ()
    refused: AnswersError | None = None
    try:
        result = Session(QUESTIONNAIRES, answers=answers).to_canvas()
    except AnswersError as error:
        refused = error
    if refused is not None:
        assert not exact, str(refused)
        assert all("names the unknown" in problem.reason for problem in refused.errors)
    elif exact:
        assert result == expected


@settings(max_examples=examples(100), deadline=None)
@given(canvas=valid_canvases(), by=st.text(max_size=12))
def test_an_answers_file_reads_back_the_answers_it_was_written_with(
    canvas: Canvas, by: str
) -> None:
    answers, _ = answers_from_canvas(as_answerable(canvas), QUESTIONNAIRES)
    first = next(iter(answers))
    stamped = answers.with_answer(attrs.evolve(first, by=by, at="2025-01-31T12:00:00+00:00"))
    assert loads_answers(dumps_answers(stamped)) == stamped


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(canvas=canvases().map(with_references_resolved))
def test_any_canvas_with_unique_ids_and_known_references_comes_back_exactly(
    canvas: Canvas,
) -> None:
    expected = as_answerable(canvas)
    assert answerable_exactly(expected)
    assert answered_again(expected, QUESTIONNAIRES) == expected
