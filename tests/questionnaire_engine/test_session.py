"""A session checks each answer, keeps its state on refusal, and fills a canvas."""

from __future__ import annotations

import pytest

from cmc_core import Canvas, Mode, ProcessKind, Role
from cmc_core.questionnaires import (
    AnswerError,
    AnswersError,
    Questionnaire,
    Session,
    answers_from_canvas,
)


def test_answers_fill_the_canvas_they_are_bound_to(mini: Questionnaire) -> None:
    session = Session([mini])
    session.answer("m-name", "Port community")
    session.answer("m-suppliers", ["Alpha Shipping", "Beta Lines"])
    session.answer("m-criteria", ["in the port"])
    session.answer("m-areas", ["Booking"])
    canvas = session.to_canvas()
    assert canvas.meta.name == "Port community"
    assert [(p.id, p.roles) for p in canvas.parties] == [
        ("p-alpha-shipping", (Role.SUPPLIER,)),
        ("p-beta-lines", (Role.SUPPLIER,)),
    ]
    assert canvas.boundary.inclusion_criteria == ("in the port",)
    (area,) = canvas.process_areas
    assert (area.id, area.mode, area.kind) == (
        "pa-booking",
        Mode.COOPERATE,
        ProcessKind.INFORMATION,
    )


def test_a_party_named_in_two_role_questions_gets_both_roles(mini: Questionnaire) -> None:
    session = Session([mini])
    session.answer("m-parties", [{"name": "Alpha", "roles": ["demander"]}])
    session.answer("m-suppliers", ["Alpha"])
    (party,) = session.to_canvas().parties
    assert party.roles == (Role.DEMANDER, Role.SUPPLIER)


def test_a_flow_may_name_parties_by_name_but_not_an_unknown_party(mini: Questionnaire) -> None:
    session = Session([mini])
    session.answer("m-suppliers", ["Alpha", "Beta"])
    session.answer("m-has-flows", "yes")
    with pytest.raises(AnswerError, match="to names the unknown party 'Gamma'"):
        session.answer("m-flows", [{"from": "Alpha", "to": "Gamma"}])
    assert "m-flows" not in session.answers
    session.answer("m-flows", [{"from": "alpha", "to": "Beta"}])
    (flow,) = session.to_canvas().flows
    assert (flow.from_party, flow.to_party) == ("p-alpha", "p-beta")


def test_a_question_whose_condition_fails_is_not_asked_and_refuses_an_answer(
    mini: Questionnaire,
) -> None:
    session = Session([mini])
    assert "m-flows" not in [q.id for q in session.pending()]
    with pytest.raises(
        AnswerError, match="is not asked: it depends on the answer to 'm-has-flows'"
    ):
        session.answer("m-flows", [])
    session.answer("m-has-flows", True)
    assert "m-flows" in [q.id for q in session.pending()]


def test_a_value_the_file_format_refuses_is_refused_with_its_path(mini: Questionnaire) -> None:
    session = Session([mini])
    with pytest.raises(AnswerError) as caught:
        session.answer("m-parties", [{"name": "A", "roles": ["suplier"]}])
    assert caught.value.question == "m-parties"
    assert "did you mean 'supplier'?" in str(caught.value)


def test_bulk_answers_report_every_refusal_and_keep_none(mini: Questionnaire) -> None:
    session = Session([mini])
    session.answer("m-name", "Kept")
    with pytest.raises(AnswersError) as caught:
        session.answer_all({"m-maturity": 9, "m-legal": "bv", "m-nmae": "x", "m-share": 5})
    assert sorted(error.question for error in caught.value.errors) == [
        "m-legal",
        "m-maturity",
        "m-nmae",
    ]
    assert "did you mean 'm-name'?" in str(caught.value)
    assert list(session.answers.answers) == ["m-name"]


def test_progress_counts_answered_and_asked_questions_per_block(mini: Questionnaire) -> None:
    session = Session([mini])
    session.answer("m-name", "X")
    progress = session.progress()
    assert progress["boundary"] == (1, 2)
    assert "values_exchanged" in progress
    assert progress["values_exchanged"] == (0, 1)  # m-flows is not asked yet
    assert [q.id for q in session.missing_required()] == []


def test_answers_from_a_canvas_rebuild_it_through_the_plain_questions(mini: Questionnaire) -> None:
    session = Session([mini])
    session.answer("m-name", "Port")
    session.answer("m-parties", [{"name": "Alpha", "roles": ["supplier", "demander"]}, "Beta"])
    session.answer("m-maturity", 2)
    session.answer("m-legal", "cooperative")
    canvas = session.to_canvas()
    answers, leftover = answers_from_canvas(canvas, [mini])
    assert leftover == ()
    assert "m-suppliers" not in answers  # a role question is never used to rebuild
    assert Session([mini], answers=answers).to_canvas() == canvas


def test_content_no_plain_question_covers_is_reported_not_guessed(mini: Questionnaire) -> None:
    from cmc_core import Party, Value

    canvas = Canvas().add(Party("p-a", "A")).add(Value("v-x", "X"))
    _, leftover = answers_from_canvas(canvas, [mini])
    assert leftover == ("values",)


def test_the_starting_canvas_is_never_changed(mini: Questionnaire) -> None:
    start = Canvas()
    session = Session([mini], canvas=start)
    session.answer("m-name", "Changed")
    assert start == Canvas()
    assert session.to_canvas().meta.name == "Changed"
