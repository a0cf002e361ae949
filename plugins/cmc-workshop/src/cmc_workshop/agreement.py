"""The dialogue agenda: where the participants agree, where they differ, and what was decided.

:func:`agenda` is pure (no I/O, no clock): the same questionnaires, answers and decisions give
the same agenda, so that the facilitator page and ``cmc workshop merge`` show the same thing.

Answers are compared as the checker reads them: text stripped and case-folded, numbers by
value (``3`` and ``3.0`` are one answer), lists as sets (the order in which someone named the
parties does not make another answer), entities field by field. A position is shown in the
spelling most of its holders used (``Port of Rotterdam``, not ``port of rotterdam``), with the
label of a choice in the current language.

The agenda lists every question once, in this order:

1. ``divided``: more than one position; the least agreement first, then the most answers, then
   questionnaire and question order;
2. ``unanimous``: everybody who answered gave the same answer;
3. ``decided``: the group took a decision (whatever the answers);
4. ``unanswered``: nobody answered yet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs
from cmc_core.questionnaires import Question, QuestionKind, Questionnaire
from cmc_core.translation import Messages, current_language

from cmc_workshop.records import Decision

__all__ = ["AgendaItem", "Position", "Status", "agenda", "comparable", "shown_value"]

_ = Messages("cmc_workshop", "cmc_workshop")

Status = Literal["divided", "unanimous", "unanswered", "decided"]
_RANK: dict[str, int] = {"divided": 0, "unanimous": 1, "decided": 2, "unanswered": 3}
_CHOICES = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE})
#: The fields that name an entity in one line, in the order they are tried.
_LABELS = ("name", "description", "subject", "title", "id")


@attrs.frozen
class Position:
    """One answer and who gave it.

    :param value: the answer as most of its holders spelled it (what adopting it writes).
    :param shown: the answer as a line of text, in the current language.
    :param participants: who gave it, by name, sorted.
    """

    value: object
    shown: str
    participants: tuple[str, ...]


@attrs.frozen
class AgendaItem:
    """One question on the agenda.

    :param positions: most holders first, then by the shown text.
    :param answered: how many participants answered.
    :param agreement: the share of them holding the largest position (0 to 1; 0 when none).
    """

    questionnaire: str
    question: str
    text: str
    positions: tuple[Position, ...]
    answered: int
    agreement: float
    status: Status


def comparable(value: object) -> object:
    """What two answers are compared by: equal when the checker would read them as one answer.
    Its ``repr`` is canonical (the same for equal answers), so it can key a grouping."""
    if value is None:
        return ("none",)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, str):
        return ("text", " ".join(value.split()).casefold())
    if isinstance(value, Mapping):
        return ("entity", tuple(sorted((str(k), repr(comparable(v))) for k, v in value.items())))
    if isinstance(value, list | tuple | set | frozenset):  # a set: sorted, without repeats
        return ("list", tuple(sorted({repr(comparable(item)) for item in value})))
    return ("other", repr(value))


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, Mapping):
        label = next((value[key] for key in _LABELS if value.get(key)), None)
        if label is not None:
            return " ".join(str(label).split())
        if value.get("from") or value.get("to"):
            return f"{value.get('from', '')} → {value.get('to', '')}"
        return ", ".join(f"{key}: {_plain(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(_plain(item) for item in value)
    return " ".join(str(value).split())


def shown_value(question: Question | None, value: object) -> str:
    """An answer as one line of text, a choice by its label in the current language."""
    if question is not None and question.kind in _CHOICES:
        labels = {c.value: c.label.in_language(current_language()) for c in question.choices}
        items = value if isinstance(value, list | tuple) else [value]
        return "; ".join(labels.get(str(item), _plain(item)) for item in items)
    return _plain(value)


def _positions(
    question: Question, answers: Mapping[str, Mapping[str, object]]
) -> tuple[Position, ...]:
    groups: dict[str, list[tuple[str, object]]] = {}
    for name in sorted(answers):
        value = answers[name].get(question.id)
        if value is None:
            continue
        groups.setdefault(repr(comparable(value)), []).append((name, value))
    positions = []
    for held in groups.values():
        spellings = Counter(shown_value(question, value) for _name, value in held)
        top = max(spellings.values())
        shown = min(text for text, count in spellings.items() if count == top)
        value = next(v for _name, v in held if shown_value(question, v) == shown)
        positions.append(Position(value, shown, tuple(name for name, _value in held)))
    positions.sort(key=lambda p: (-len(p.participants), p.shown, p.participants))
    return tuple(positions)


def _item(
    questionnaire: str,
    question: Question,
    answers: Mapping[str, Mapping[str, object]],
    decided: bool,
) -> AgendaItem:
    positions = _positions(question, answers)
    answered = sum(len(position.participants) for position in positions)
    agreement = len(positions[0].participants) / answered if answered else 0.0
    status: Status
    if decided:
        status = "decided"
    elif not answered:
        status = "unanswered"
    elif len(positions) == 1:
        status = "unanimous"
    else:
        status = "divided"
    text = question.text.in_language(current_language())
    return AgendaItem(questionnaire, question.id, text, positions, answered, agreement, status)


def agenda(
    questionnaires: Sequence[Questionnaire],
    answers_by_participant: Mapping[str, Mapping[str, object]],
    decisions: Iterable[Decision],
) -> tuple[AgendaItem, ...]:
    """The agenda of every question of ``questionnaires`` (each once, the first questionnaire
    asking it wins), in the order the module docstring gives.

    :param answers_by_participant: participant name -> question id -> answer.
    :param decisions: what was decided; a question with a decision is ``decided``.
    """
    decided = {decision.question for decision in decisions}
    items: list[tuple[tuple[int, float, int, int], AgendaItem]] = []
    seen: set[str] = set()
    for questionnaire in questionnaires:
        for question in questionnaire.questions:
            if question.id in seen:
                continue
            seen.add(question.id)
            item = _item(
                questionnaire.name, question, answers_by_participant, question.id in decided
            )
            divided = item.status == "divided"
            key = (
                _RANK[item.status],
                item.agreement if divided else 0.0,
                -item.answered if divided else 0,
                len(items),
            )
            items.append((key, item))
    items.sort(key=lambda pair: pair[0])
    return tuple(item for _key, item in items)
