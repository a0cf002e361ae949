"""The dialogue agenda: positions, agreement and order, and its properties."""

from __future__ import annotations

from collections.abc import Mapping

from cmc_core.questionnaires import Choice, Question, QuestionKind, Questionnaire, Text
from cmc_core.translation import using_language
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmc_workshop.agreement import AgendaItem, agenda
from cmc_workshop.records import Decision


def _question(qid: str, kind: QuestionKind, *choices: str) -> Question:
    return Question(
        qid,
        kind,
        Text(en=f"Question {qid}?", nl=f"Vraag {qid}?"),
        choices=tuple(Choice(c, Text(en=c.title(), nl=f"{c}-nl")) for c in choices),
    )


FIRST = Questionnaire(
    "first",
    Text(en="First", nl="Eerste"),
    (
        _question("q-text", QuestionKind.SHORT_TEXT),
        _question("q-yes", QuestionKind.YES_NO),
        _question("q-number", QuestionKind.NUMBER),
    ),
)
SECOND = Questionnaire(
    "second",
    Text(en="Second", nl="Tweede"),
    (
        _question("q-list", QuestionKind.TEXT_LIST),
        _question("q-choice", QuestionKind.MULTIPLE_CHOICE, "road", "rail", "water"),
        _question("q-text", QuestionKind.LONG_TEXT),  # asked twice: listed once, under first
    ),
)
QUESTIONNAIRES = (FIRST, SECOND)
IDS = ("q-text", "q-yes", "q-number", "q-list", "q-choice")


def _by_question(items: tuple[AgendaItem, ...]) -> dict[str, AgendaItem]:
    return {item.question: item for item in items}


def test_answers_are_compared_as_the_checker_reads_them() -> None:
    answers = {
        "Alice": {"q-text": "Port of Rotterdam", "q-number": 3, "q-list": ["a", "b"]},
        "Bob": {"q-text": "  port of rotterdam", "q-number": 3.0, "q-list": ["b", "a"]},
        "Carol": {"q-text": "Port of Rotterdam ", "q-number": 3, "q-list": ["b", "a"]},
        "Dave": {"q-text": "PORT OF  ROTTERDAM", "q-number": 3, "q-list": ["a", "a", "b"]},
    }
    items = _by_question(agenda(QUESTIONNAIRES, answers, ()))
    for question in ("q-text", "q-number", "q-list"):
        assert items[question].status == "unanimous", question
        assert items[question].agreement == 1.0
    assert items["q-text"].positions[0].shown == "Port of Rotterdam"  # the most common spelling
    assert items["q-text"].positions[0].participants == ("Alice", "Bob", "Carol", "Dave")
    assert items["q-list"].positions[0].shown == "b; a"


def test_divided_questions_come_first_least_agreement_first() -> None:
    answers = {
        "Alice": {"q-text": "x", "q-yes": True, "q-number": 1, "q-choice": ["road"]},
        "Bob": {"q-text": "y", "q-yes": True, "q-number": 1, "q-choice": ["rail"]},
        "Carol": {"q-text": "z", "q-yes": False, "q-number": 1},
    }
    items = agenda(QUESTIONNAIRES, answers, ())
    assert [(i.question, i.status) for i in items[:4]] == [
        ("q-text", "divided"),  # a third agrees
        ("q-choice", "divided"),  # a half, with fewer answers
        ("q-yes", "divided"),  # two thirds
        ("q-number", "unanimous"),
    ]
    assert items[0].agreement == 1 / 3
    assert items[-1] == AgendaItem("second", "q-list", "Question q-list?", (), 0, 0.0, "unanswered")
    yes = _by_question(items)["q-yes"]
    assert [(p.shown, p.participants) for p in yes.positions] == [
        ("yes", ("Alice", "Bob")),
        ("no", ("Carol",)),
    ]


def test_positions_and_texts_speak_the_current_language() -> None:
    answers = {"Alice": {"q-choice": ["road", "water"], "q-yes": False}}
    with using_language("nl"):
        items = _by_question(agenda(QUESTIONNAIRES, answers, ()))
    assert items["q-choice"].positions[0].shown == "road-nl; water-nl"
    assert items["q-yes"].positions[0].shown == "nee"
    assert items["q-yes"].text == "Vraag q-yes?"


def test_a_decided_question_is_decided_whatever_the_answers() -> None:
    answers = {"Alice": {"q-text": "x"}, "Bob": {"q-text": "y"}}
    decision = Decision("first", "q-text", "x", "F", "2026-01-01T00:00:00+00:00", ("Alice",))
    items = agenda(QUESTIONNAIRES, answers, (decision,))
    decided = [item for item in items if item.status == "decided"]
    assert [item.question for item in decided] == ["q-text"]
    assert decided[0].answered == 2
    assert items[-1].status == "unanswered"


VALUES = st.one_of(
    st.sampled_from(["a", "A ", "b", "Port", " port"]),
    st.booleans(),
    st.integers(-2, 2),
    st.lists(st.sampled_from(["x", "y", "z"]), max_size=3),
)
ANSWERS = st.dictionaries(
    st.text(alphabet="abcdefXYZ ", min_size=1, max_size=6),
    st.dictionaries(st.sampled_from(IDS), VALUES, max_size=len(IDS)),
    max_size=6,
)
DECISIONS = st.lists(
    st.builds(
        lambda q: Decision("first", q, "a", "F", "2026-01-01T00:00:00+00:00", ()),
        st.sampled_from(IDS),
    ),
    max_size=3,
)


@settings(suppress_health_check=[HealthCheck.too_slow])  # a busy machine generates slowly
@given(ANSWERS, DECISIONS)
def test_agenda_properties(
    answers: Mapping[str, Mapping[str, object]], decisions: list[Decision]
) -> None:
    items = agenda(QUESTIONNAIRES, answers, decisions)
    # deterministic, whatever order the participants come in
    reordered = dict(reversed(list(answers.items())))
    assert agenda(QUESTIONNAIRES, reordered, list(reversed(decisions))) == items
    # every question exactly once
    assert sorted(item.question for item in items) == sorted(IDS)
    statuses = [item.status for item in items]
    # a unanimous question never before a divided one; decided and unanswered last
    rank = {"divided": 0, "unanimous": 1, "decided": 2, "unanswered": 3}
    assert [rank[s] for s in statuses] == sorted(rank[s] for s in statuses)
    divided = [item.agreement for item in items if item.status == "divided"]
    assert divided == sorted(divided)
    for item in items:
        assert 0.0 <= item.agreement <= 1.0
        holders = [name for position in item.positions for name in position.participants]
        answered = sorted(name for name, given in answers.items() if item.question in given)
        assert sorted(holders) == answered
        assert item.answered == len(answered)
        if item.status == "unanimous":
            assert len(item.positions) == 1
            assert item.agreement == 1.0
        if item.status == "divided":
            assert len(item.positions) > 1
            assert item.agreement < 1.0
        sizes = [len(position.participants) for position in item.positions]
        assert sizes == sorted(sizes, reverse=True)
