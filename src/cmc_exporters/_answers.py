"""Questionnaire answers as the report exporters show them: the question, then the answer.

The answers come with the export (``ExportOptions.extras["answers"]``, an
:class:`~cmc_core.questionnaires.AnswerSet`; ``cmc export --answers FILE``). They are grouped by
the questionnaire that asks them, in the questionnaires' order and then in question order, with
the question's text in the export's language. Answers to questions no known questionnaire asks
are listed last under their ids, so nothing given is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from cmc_core.questionnaires import AnswerSet, Question, Questionnaire, builtin_questionnaires
from cmc_core.vocabulary import Language
from cmc_exporters._words import say

__all__ = ["AnswerGroup", "AnswerLine", "answer_groups"]

#: Fields of an entity in an answer that name it, in order of preference.
_NAME_KEYS = ("name", "subject", "description", "id")


@attrs.frozen
class AnswerLine:
    """One answered question: its id, its text and the answer as lines of text."""

    question_id: str
    question: str
    answer: tuple[str, ...]


@attrs.frozen
class AnswerGroup:
    """The answered questions of one questionnaire."""

    title: str
    lines: tuple[AnswerLine, ...]


def _scalar(value: Any, language: Language) -> str:
    if isinstance(value, bool):
        return say("yes" if value else "no", language)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _entity(data: Mapping[str, Any], language: Language) -> str:
    name = next((str(data[key]) for key in _NAME_KEYS if str(data.get(key, "")).strip()), "")
    details = [
        f"{key}: {_text(value, language)}"
        for key, value in data.items()
        if key not in _NAME_KEYS[:1] and str(data.get(key, "")) != name and value not in ("", [])
    ]
    return f"{name} ({'; '.join(details)})" if details and name else name or "; ".join(details)


def _text(value: Any, language: Language) -> str:
    if isinstance(value, Mapping):
        return _entity(value, language)
    if isinstance(value, list | tuple):
        return ", ".join(_text(item, language) for item in value)
    return _scalar(value, language)


def _choice_label(question: Question, value: Any, language: Language) -> str:
    for choice in question.choices:
        if choice.value == value:
            return choice.label.in_language(language)
    return _scalar(value, language)


def format_answer(question: Question | None, value: Any, language: Language) -> tuple[str, ...]:
    """An answer as lines: one per listed item, choices by their label."""
    items = list(value) if isinstance(value, list | tuple) else [value]
    lines = []
    for item in items:
        if question is not None and question.choices and not isinstance(item, Mapping):
            lines.append(_choice_label(question, item, language))
        else:
            lines.append(_text(item, language))
    return tuple(line for line in lines if line.strip()) or ("—",)


def answer_groups(
    answers: AnswerSet, questionnaires: Iterable[Questionnaire], language: Language
) -> tuple[AnswerGroup, ...]:
    """The answers grouped by questionnaire, in order; unknown questions last, by id."""
    groups = []
    placed: set[str] = set()
    for questionnaire in questionnaires:
        lines = []
        for question in questionnaire.questions:
            answer = answers.get(question.id)
            if answer is None or question.id in placed:
                continue
            placed.add(question.id)
            text = question.text.in_language(language)
            lines.append(
                AnswerLine(question.id, text, format_answer(question, answer.value, language))
            )
        if lines:
            groups.append(AnswerGroup(questionnaire.title.in_language(language), tuple(lines)))
    rest = [
        AnswerLine(answer.question, answer.question, format_answer(None, answer.value, language))
        for answer in answers
        if answer.question not in placed
    ]
    if rest:
        groups.append(AnswerGroup(say("other_answers", language), tuple(rest)))
    return tuple(groups)


def known_questionnaires(extra: object) -> Sequence[Questionnaire]:
    """The questionnaires given with the export, else the built-in ones."""
    if isinstance(extra, Sequence) and all(isinstance(q, Questionnaire) for q in extra):
        return extra
    return builtin_questionnaires()
