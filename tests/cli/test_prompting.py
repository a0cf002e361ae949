"""The interactive question loop and the typed-answer syntax, driven by scripted lines.

The loop reads and writes through two functions, so these tests run it exactly as a terminal
would, without one; tests/cli/test_interactive_pty.py drives the real command in a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from cmc_core.cli.answer_input import format_entity, parse_entity, raw_answer
from cmc_core.cli.prompting import Interview, StopAsking, progress_bar
from cmc_core.questionnaires import (
    AnswerError,
    Binding,
    Choice,
    Condition,
    Question,
    QuestionKind,
    Questionnaire,
    Session,
    Text,
)
from cmc_core.vocabulary import Language, Role


def _text(words: str) -> Text:
    return Text(en=words, nl=f"{words} (nl)")


DEMO = Questionnaire(
    name="demo",
    title=_text("Demo"),
    questions=(
        Question(
            "name",
            QuestionKind.SHORT_TEXT,
            _text("Name?"),
            required=True,
            binding=Binding("meta.name"),
        ),
        Question("has-suppliers", QuestionKind.YES_NO, _text("Suppliers?"), required=True),
        Question(
            "suppliers",
            QuestionKind.PARTIES,
            _text("Which suppliers?"),
            help=_text("Name them."),
            condition=Condition("has-suppliers", ("yes",)),
            binding=Binding("parties", role=Role.SUPPLIER),
        ),
        Question("count", QuestionKind.NUMBER, _text("How many?"), minimum=0, maximum=100),
        Question(
            "channel",
            QuestionKind.SINGLE_CHOICE,
            _text("Channel?"),
            choices=(Choice("mail", _text("E-mail")), Choice("network", _text("Network"))),
        ),
    ),
)


class Script:
    """Typed lines fed to the loop one by one; the input is closed when they run out."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = list(lines)
        self.prompts: list[str] = []
        self.shown: list[str] = []
        self.saves: list[dict[str, object]] = []

    def read(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.lines.pop(0) + "\n" if self.lines else ""

    def interview(self, session: Session, **options: Any) -> Interview:
        def save() -> None:
            self.saves.append({a.question: a.value for a in session.answers})

        return Interview(session, Language.EN, save, self.read, self.shown.append, **options)

    @property
    def output(self) -> str:
        return "\n".join(self.shown)


def run(
    lines: Iterable[str], session: Session | None = None, **options: Any
) -> tuple[Session, Script]:
    session = session or Session([DEMO])
    script = Script(lines)
    script.interview(session, **options).run()
    return session, script


def values(session: Session) -> dict[str, object]:
    return {answer.question: answer.value for answer in session.answers}


def test_questions_are_asked_in_order_and_each_answer_is_saved_at_once() -> None:
    session, script = run(
        ["Port community", "yes", "Alpha Shipping; demander", "Beta Lines", "", "12", "2"]
    )
    assert values(session) == {
        "name": "Port community",
        "has-suppliers": True,
        "suppliers": [{"name": "Alpha Shipping", "roles": ["demander"]}, {"name": "Beta Lines"}],
        "count": 12,
        "channel": "network",
    }
    assert [list(saved) for saved in script.saves] == [
        ["name"],
        ["name", "has-suppliers"],
        ["name", "has-suppliers", "suppliers"],
        ["name", "has-suppliers", "suppliers", "count"],
        ["name", "has-suppliers", "suppliers", "count", "channel"],
    ]
    roles = {party.name: party.roles for party in session.to_canvas().parties}
    assert roles == {
        "Alpha Shipping": (Role.DEMANDER, Role.SUPPLIER),
        "Beta Lines": (Role.SUPPLIER,),
    }


def test_each_prompt_shows_progress_the_question_its_help_and_how_to_answer() -> None:
    _, script = run(["Port community", "yes", "A", "", "1", "1"])
    assert "[--------------------] 0/4" in script.output  # the suppliers question is not asked yet
    assert "[########------------] 2/5" in script.output  # ... and is once the answer is yes
    assert "Which suppliers? (optional)" in script.output
    assert "  Name them." in script.output
    assert "`name; role, role`" in script.output
    assert "  1) E-mail [mail]" in script.output


def test_a_refused_answer_shows_the_reason_and_the_question_is_asked_again() -> None:
    session, script = run(["x", "no", "500", "seven", "7", "mail"])
    assert "Not accepted: 500 is out of range: expected a number from 0 to 100" in script.output
    assert "Not accepted: expected a number, found the text 'seven'" in script.output
    assert values(session)["count"] == 7
    assert len(script.saves) == 4  # refused answers are never saved


def test_an_optional_question_can_be_skipped_but_a_required_one_cannot() -> None:
    session, script = run(["", ":skip", "x", "no", ":skip", ""])
    assert "This question needs an answer" in script.output
    assert "it cannot be skipped" in script.output
    assert values(session) == {"name": "x", "has-suppliers": False}


def test_back_asks_the_previous_question_again_and_enter_keeps_its_answer() -> None:
    lines = ["First", "no", ":back", "", ":back", ":back", ":back", "Second", "", ""]
    session, script = run(lines)
    assert script.output.count("Suppliers? (required)") == 3
    assert "There is no earlier question." in script.output
    assert script.output.count("Name? (required)") == 3  # first, back, and after no earlier one
    assert values(session) == {"name": "Second", "has-suppliers": False}


def test_changing_an_answer_drops_the_answers_its_condition_no_longer_allows() -> None:
    session, _ = run(["x", "yes", "Alpha", "", ":back", ":back", "no", "", ""])
    assert "suppliers" not in values(session)
    assert values(session)["has-suppliers"] is False


def test_quitting_or_closing_the_input_stops_with_every_accepted_answer_saved() -> None:
    for lines in (["Port", "yes", ":q"], ["Port", "yes"]):
        script = Script(lines)
        session = Session([DEMO])
        with pytest.raises(StopAsking):
            script.interview(session).run()
        assert script.saves[-1] == {"name": "Port", "has-suppliers": True}


def test_a_default_from_the_canvas_is_shown_and_kept_with_enter() -> None:
    session, script = run(["", "no", "", ""], defaults={"name": "From the canvas"})
    assert "Current answer (Enter keeps it):" in script.output
    assert "From the canvas" in script.output
    assert values(session)["name"] == "From the canvas"


def test_an_unknown_command_is_explained_not_taken_as_an_answer() -> None:
    session, script = run([":skp", "x", "no", "", ""])
    assert "Unknown command :skp" in script.output
    assert values(session)["name"] == "x"


def test_the_progress_bar_fills_with_the_share_answered() -> None:
    assert progress_bar(0, 40) == "[--------------------] 0/40"
    assert progress_bar(12, 40) == "[######--------------] 12/40"
    assert progress_bar(40, 40) == "[####################] 40/40"
    assert progress_bar(0, 0) == "[####################] 0/0"


# -- the typed-answer syntax ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "line", "expected"),
    [
        (QuestionKind.PARTIES, "Alpha Shipping", {"name": "Alpha Shipping"}),
        (
            QuestionKind.PARTIES,
            "Alpha; supplier, demander; external=yes; interest=speed",
            {
                "name": "Alpha",
                "roles": ["supplier", "demander"],
                "external": True,
                "interest": "speed",
            },
        ),
        (
            QuestionKind.FLOWS,
            "Alpha -> Beta; value=v-data",
            {"from": "Alpha", "to": "Beta", "value": "v-data"},
        ),
        (
            QuestionKind.DEVELOPMENTS,
            "More data; kind=opportunity",
            {"description": "More data", "kind": "opportunity"},
        ),
        (
            QuestionKind.DECISION_RIGHTS,
            "Fees; holders=A, B",
            {"subject": "Fees", "holders": ["A", "B"]},
        ),
        (
            QuestionKind.VALUES,
            "{name: 'Data; clean', kind: information}",
            {"name": "Data; clean", "kind": "information"},
        ),
        (QuestionKind.VALUES, "name=Money; kind=money", {"name": "Money", "kind": "money"}),
    ],
)
def test_an_entity_line_reads_as_the_entity_in_its_file_form(
    kind: QuestionKind, line: str, expected: dict[str, object]
) -> None:
    assert parse_entity(kind, line) == expected


@pytest.mark.parametrize(
    ("kind", "line", "message"),
    [
        (
            QuestionKind.PARTIES,
            "Alpha; rols=supplier",
            "'rols' is not a field. Did you mean 'roles'?",
        ),
        (QuestionKind.PARTIES, "Alpha; external=maybe", "external takes yes or no"),
        (QuestionKind.FLOWS, "Alpha to Beta", "write a flow as 'from -> to; value=NAME'"),
        (QuestionKind.VALUES, "Data; information", "expected key=value"),
        (QuestionKind.VALUES, "{name: [}", "cannot read the mapping"),
    ],
)
def test_an_entity_line_that_cannot_be_read_says_what_was_expected(
    kind: QuestionKind, line: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("?", r"\?")):
        parse_entity(kind, line)


def test_a_refused_entity_line_names_the_question_and_the_line() -> None:
    question = DEMO.question("suppliers")
    with pytest.raises(AnswerError, match=r"question 'suppliers': line 2: expected key=value"):
        raw_answer(question, ["Alpha", "Beta; x; y"])


@pytest.mark.parametrize(
    "entity",
    [
        {"id": "p-a", "name": "Alpha", "roles": ["supplier"], "external": True},
        {"id": "f-1", "from": "p-a", "to": "p-b", "value": "v-data", "via_commonality": False},
    ],
)
def test_an_entity_shown_at_the_prompt_reads_back_as_the_same_entity(
    entity: dict[str, object],
) -> None:
    kind = QuestionKind.FLOWS if "from" in entity else QuestionKind.PARTIES
    expected = {key: value for key, value in entity.items() if key != "id"}
    assert parse_entity(kind, format_entity(kind, entity)) == expected


def test_choices_are_taken_by_number_value_or_label() -> None:
    channel = DEMO.question("channel")
    assert raw_answer(channel, ["2"]) == "network"
    assert raw_answer(channel, ["mail"]) == "mail"
    assert raw_answer(channel, ["3"]) == "3"  # out of range: the check refuses it, naming choices


def test_an_answers_file_means_a_batch_run_even_in_a_terminal() -> None:
    from cmc_core.cli.answering import interactive_input

    assert interactive_input(no_input=False, answers_given=True) is False
    assert interactive_input(no_input=True) is False
    assert interactive_input(no_input=True, answers_given=True, resume=True) is False
