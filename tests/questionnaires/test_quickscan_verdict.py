"""The quickscan judges a use case and seeds a draft canvas that passes the error-level rules.

Two answers files ship with the examples: the port community Noordmonde (in Dutch), a real
business community, and a single bakery with its customers, which is not one.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import Meta
from cmc_core.questionnaires import (
    Answer,
    AnswerError,
    AnswersError,
    AnswerSet,
    Session,
    Suitability,
    assess_quickscan,
    load_answers,
    quickscan,
)
from cmc_core.rules import validate
from cmc_core.vocabulary import Language, LegalForm, Mode, ProcessKind, Role

EXAMPLES = resources.files("cmc_core.examples").joinpath("quickscan")


def shipped_answers(file_name: str, tmp_path: Path) -> AnswerSet:
    path = tmp_path / file_name
    path.write_bytes(EXAMPLES.joinpath(file_name).read_bytes())
    return load_answers(path)


def quickscan_session(answers: AnswerSet | None = None) -> Session:
    """A quickscan on an empty canvas in the answers' language, as ``cmc quickscan`` starts."""
    language = (answers.language if answers else None) or Language.EN
    return Session([quickscan()], Canvas(meta=Meta(language=language)), answers)


@pytest.fixture
def port(tmp_path: Path) -> AnswerSet:
    return shipped_answers("port-logistics.answers.yaml", tmp_path)


@pytest.fixture
def bakery(tmp_path: Path) -> AnswerSet:
    return shipped_answers("single-firm.answers.yaml", tmp_path)


def without(answers: AnswerSet, *questions: str) -> AnswerSet:
    for question in questions:
        answers = answers.without(question)
    return answers


# -- the port community ---------------------------------------------------------------------------


def test_the_port_community_is_suitable(port: AnswerSet) -> None:
    session = quickscan_session(port)
    verdict = assess_quickscan(session.answers, session.to_canvas())
    assert verdict.suitability is Suitability.SUITABLE
    assert verdict.label(Language.NL) == "geschikt"
    assert verdict.explain(Language.NL)[0].startswith("9 aanbieders en 40 afnemers")


def test_the_port_community_draft_canvas_has_no_error_level_diagnostic(port: AnswerSet) -> None:
    canvas = quickscan_session(port).to_canvas()
    errors = [d for d in validate(canvas).diagnostics if d.severity is Severity.ERROR]
    assert errors == []


def test_the_port_community_draft_is_seeded_from_every_part_of_the_quickscan(
    port: AnswerSet,
) -> None:
    canvas = quickscan_session(port).to_canvas()
    assert canvas.meta.name == "Havencommunity Noordmonde"
    assert canvas.meta.language is Language.NL
    assert canvas.boundary.goal
    assert canvas.boundary.target_group
    assert canvas.boundary.parent_domain
    assert canvas.end_customer.is_filled
    suppliers = {p.id for p in canvas.parties if p.has_role(Role.SUPPLIER)}
    demanders = {p.id for p in canvas.parties if p.has_role(Role.DEMANDER)}
    assert (len(suppliers), len(demanders)) == (9, 7)
    # A carrier named as supplier and again as demander is one party with both roles.
    assert "p-oceaanlijn-container-line" in suppliers & demanders
    serving = [p.id for p in canvas.parties if p.serves_end_customer]
    assert serving == [
        "p-koffiebranderij-de-zuidhoek",
        "p-zuivelexport-noordland-b-v",
        "p-bouwmaterialen-groothandel-kempen",
    ]
    (leader,) = [p for p in canvas.parties if p.has_role(Role.NETWORK_LEADER)]
    commonality = canvas.primary_commonality
    assert commonality is not None
    assert commonality.primary
    assert commonality.steward == leader.id
    assert not leader.is_market_party
    assert set(commonality.users) == suppliers | demanders
    # Flows name parties and values by name; the draft holds their ids.
    value_ids = {value.id for value in canvas.values}
    assert all(flow.value in value_ids for flow in canvas.flows)
    assert any(flow.to_party in serving for flow in canvas.flows)
    modes = {(area.kind, area.mode) for area in canvas.process_areas}
    assert (ProcessKind.TRANSACTION, Mode.COOPERATE) in modes
    assert (ProcessKind.EXECUTION, Mode.COMPETE) in modes
    stakeholder_roles = {role for p in canvas.parties for role in p.roles}
    assert {Role.GOVERNMENT, Role.FINANCIER, Role.EXPERT, Role.DOMAIN_LEADER} <= stakeholder_roles
    assert canvas.governance.legal_form is LegalForm.FOUNDATION
    assert (canvas.waste.baseline_share, bool(canvas.waste.baseline)) == (27, True)
    assert canvas.factor("ambition").answer.startswith("Binnen 12 maanden")
    assert [r.holder for r in canvas.resistances] == [
        "p-noordmonde-container-terminal",
        None,
        "p-transportbedrijf-van-dijk",
    ]


def test_the_port_quickscan_is_complete_in_every_block(port: AnswerSet) -> None:
    session = quickscan_session(port)
    assert session.missing_required() == []
    assert session.pending() == []  # the follow-up on a missing kick-off is not asked
    assert all(answered == asked for answered, asked in session.progress().values())
    assert session.progress()["ambition"] == (2, 2)


def test_who_answered_is_kept_with_the_answer(port: AnswerSet) -> None:
    answer = quickscan_session(port).answers.get("qs-suppliers")
    assert answer is not None
    assert (answer.by, answer.at) == (
        "Marieke de Vries (Havenbedrijf Noordmonde)",
        "2024-09-02T10:15:00+02:00",
    )


# -- a single firm --------------------------------------------------------------------------------


def test_a_single_firm_is_not_a_community_case_and_the_reason_names_its_supplier(
    bakery: AnswerSet,
) -> None:
    session = quickscan_session(bakery)
    verdict = assess_quickscan(session.answers, session.to_canvas())
    assert verdict.suitability is Suitability.NOT_A_COMMUNITY_CASE
    (english,) = verdict.explain(Language.EN)
    (dutch,) = verdict.explain(Language.NL)
    assert english.startswith("Only 1 supplier (Van Houten Bakery): ")
    assert "Business Model Canvas" in english
    assert dutch.startswith("Maar 1 aanbieder (Van Houten Bakery): ")


def test_one_demander_is_not_a_community_case_either(port: AnswerSet) -> None:
    answers = without(port, "qs-demanders", "qs-serving-demanders", "qs-flows", "qs-commonality")
    session = quickscan_session(answers)
    session.answer("qs-demanders-count", 1)
    session.answer("qs-demanders", ["Koffiebranderij De Zuidhoek"])
    verdict = assess_quickscan(session.answers, session.to_canvas())
    assert verdict.suitability is Suitability.NOT_A_COMMUNITY_CASE
    assert verdict.explain()[0].startswith("Only 1 demander (")


def test_a_quickscan_without_demanders_says_so_before_anything_else() -> None:
    session = quickscan_session()
    session.answer("qs-suppliers-count", 9)
    session.answer("qs-suppliers", ["Noordmonde Container Terminal", "Deltaterminal Noordmonde"])
    verdict = assess_quickscan(session.answers, session.to_canvas())
    assert verdict.suitability is Suitability.NOT_A_COMMUNITY_CASE
    assert [reason.split(":")[0] for reason in verdict.explain(Language.NL)] == ["Maar 0 vragers"]


# -- needs work -----------------------------------------------------------------------------------


def test_a_community_without_a_kickoff_needs_work_and_asks_what_is_missing(
    port: AnswerSet,
) -> None:
    session = quickscan_session(port)
    session.answer("qs-kickoff-ready", "nee")
    assert [q.id for q in session.pending()] == ["qs-kickoff-missing"]
    verdict = assess_quickscan(session.answers, session.to_canvas())
    assert verdict.suitability is Suitability.NEEDS_WORK
    assert verdict.explain(Language.EN) == [
        "No budget and group of about 10-20 stakeholders ready for a kick-off yet."
    ]
    session.answer("qs-kickoff-missing", "Het budget: de financier beslist in maart.")
    assert session.to_canvas().note("ambition") == "Het budget: de financier beslist in maart."


def test_a_community_without_shared_processes_or_facility_needs_work(port: AnswerSet) -> None:
    session = quickscan_session(without(port, "qs-cooperate", "qs-commonality"))
    verdict = assess_quickscan(session.answers, session.to_canvas())
    assert verdict.suitability is Suitability.NEEDS_WORK
    reasons = verdict.explain(Language.EN)
    assert len(reasons) == 2
    assert reasons[0].startswith("No information or transaction processes")
    assert reasons[1].startswith("No shared facility")


# -- refused answers ------------------------------------------------------------------------------

REFUSED: list[tuple[str, Any, str]] = [
    ("qs-suppliers-count", "heel veel", "expected a number"),
    ("qs-suppliers-count", -3, "-3 is out of range: expected a number of at least 0"),
    ("qs-control-share", 120, "120 is out of range: expected a number from 0 to 100"),
    ("qs-kickoff-ready", "misschien", "expected yes or no"),
    ("qs-legal-form", "holding", "'holding' is not one of the choices"),
    ("qs-name", ["Haven", "Noordmonde"], "expected text, found a list"),
    ("qs-suppliers", "Noordmonde Container Terminal", "expected a list"),
    (
        "qs-flows",
        [{"value": "Zeevervoer", "from": "Onbekende Rederij", "to": "Expeditie Hollandia"}],
        "item 1: from names the unknown party 'Onbekende Rederij'",
    ),
    (
        "qs-flows",
        [{"value": "Luchtvracht", "from": "Expeditie Hollandia", "to": "Railport Noordmonde"}],
        "item 1: value names the unknown value 'Luchtvracht'",
    ),
    (
        "qs-commonality",
        [{"name": "Havennet", "steward": "Havennet Zuid"}],
        "item 1: steward names the unknown party 'Havennet Zuid'",
    ),
]


@pytest.mark.parametrize(("question", "raw", "reason"), REFUSED)
def test_an_invalid_answer_is_refused_naming_the_question_and_nothing_changes(
    port: AnswerSet, question: str, raw: Any, reason: str
) -> None:
    session = quickscan_session(port)
    before_answers, before_canvas = session.answers, session.to_canvas()
    with pytest.raises(AnswerError) as caught:
        session.answer(question, raw)
    assert caught.value.question == question
    assert str(caught.value).startswith(f"question {question!r}: ")
    assert reason in caught.value.reason
    assert session.answers == before_answers
    assert session.to_canvas() == before_canvas


def test_answers_given_in_bulk_are_refused_together_and_none_is_kept(port: AnswerSet) -> None:
    session = quickscan_session()
    broken = port.with_answer(Answer("qs-control-share", 101)).with_answer(Answer("qs-nmae", "x"))
    with pytest.raises(AnswersError) as caught:
        session.answer_all(broken)
    assert [error.question for error in caught.value.errors] == ["qs-nmae", "qs-control-share"]
    assert "did you mean 'qs-name'?" in caught.value.errors[0].reason
    assert len(session.answers) == 0


def test_a_question_that_is_not_asked_refuses_an_answer(port: AnswerSet) -> None:
    session = quickscan_session(port)  # the kick-off is ready: what is missing is not asked
    with pytest.raises(AnswerError, match="is not asked: it depends on the answer to"):
        session.answer("qs-kickoff-missing", "Niets.")
    assert "qs-kickoff-missing" not in session.answers
    with pytest.raises(AnswersError) as caught:
        quickscan_session(port.with_answer(Answer("qs-kickoff-missing", "Niets.")))
    assert [error.question for error in caught.value.errors] == ["qs-kickoff-missing"]


def test_a_resistance_given_as_plain_text_becomes_its_description() -> None:
    session = quickscan_session()
    session.answer("qs-resistances", ["Terminals willen geen gegevens delen."])
    (resistance,) = session.to_canvas().resistances
    assert resistance.description == "Terminals willen geen gegevens delen."
    assert resistance.id == "r-terminals-willen-geen-gegevens-delen"
