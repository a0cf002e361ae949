"""Questions as web form fields, and what a form sends turned back into raw answers.

A web form sends text: a number field sends ``"42"``, a text area sends lines. The engine's
checks (:func:`cmc_core.questionnaires.check_value`, run by :meth:`Workshop.save_answers`)
already accept the obvious spellings of numbers, yes/no and choices; what they do not read is
the one-line-per-entity syntax of ``cmc ask`` (``Alpha Shipping; supplier``), so a text answer
to a list question is read here exactly as the command line reads typed lines
(:func:`cmc_core.cli.answer_input.raw_answer`). A value that is already a list is left alone,
so the JSON API takes the answers-file form as well.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs
from cmc_core.cli.answer_input import display, hint, raw_answer
from cmc_core.questionnaires import Question, QuestionKind, Questionnaire
from cmc_core.questionnaires.model import ENTITY_KINDS
from cmc_core.vocabulary import Language

__all__ = ["Field", "Option", "field_for", "form_fields", "raw_value"]

_LINE_KINDS = frozenset({QuestionKind.TEXT_LIST, *ENTITY_KINDS})
_NUMBER_KINDS = frozenset({QuestionKind.NUMBER, QuestionKind.PERCENTAGE, QuestionKind.SCALE})
#: The terminal's "end with an empty line" in both languages: a web form ends with its button.
_EMPTY_LINE_END = re.compile(
    r"\s*[;.]?\s*(?:end with an\s+empty line|sluit af met een\s+lege regel)(?=[.;]|$)",
    re.IGNORECASE,
)


def web_hint(line: str) -> str:
    """A hint of ``cmc ask`` as the web form shows it: without the terminal's way to end."""
    stripped = _EMPTY_LINE_END.sub("", line.strip())
    if stripped != line.strip() and stripped and not stripped.endswith("."):
        stripped = stripped.removesuffix(";") + "."
    return stripped


@attrs.frozen
class Option:
    """One choice of a select or a group of check boxes."""

    value: str
    label: str
    chosen: bool


@attrs.frozen
class Field:
    """How one question is asked on the page.

    :param widget: ``text``, ``textarea``, ``number``, ``select`` or ``checkboxes``.
    :param value: the participant's current answer as the field shows it.
    """

    id: str
    kind: str
    widget: str
    text: str
    help: str
    hints: tuple[str, ...]
    required: bool
    value: str = ""
    options: tuple[Option, ...] = ()
    minimum: str = ""
    maximum: str = ""


def _yes_no_options(value: object, language: Language) -> tuple[Option, ...]:
    yes, no = ("ja", "nee") if language is Language.NL else ("yes", "no")
    return (
        Option("", "", value is None),
        Option("yes", yes, value is True),
        Option("no", no, value is False),
    )


def _choice_options(question: Question, value: object, language: Language) -> tuple[Option, ...]:
    chosen = {str(item) for item in value} if isinstance(value, list) else {str(value)}
    options = tuple(
        Option(choice.value, choice.label.in_language(language), choice.value in chosen)
        for choice in question.choices
    )
    if question.kind is QuestionKind.SINGLE_CHOICE:
        return (Option("", "", value is None), *options)
    return options


def _shown(question: Question, value: object, language: Language) -> str:
    if value is None:
        return ""
    if question.kind in _NUMBER_KINDS and isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return "\n".join(display(question, value, language))


def field_for(question: Question, value: object, language: Language) -> Field:
    """The form field of ``question`` showing ``value`` (``None``: not answered yet)."""
    kind = question.kind
    common: dict[str, Any] = {
        "id": question.id,
        "kind": str(kind),
        "text": question.text.in_language(language),
        "help": question.help.in_language(language),
        "required": question.required,
    }
    if kind is QuestionKind.YES_NO:
        return Field(widget="select", hints=(), options=_yes_no_options(value, language), **common)
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        widget = "select" if kind is QuestionKind.SINGLE_CHOICE else "checkboxes"
        options = _choice_options(question, value, language)
        return Field(widget=widget, hints=(), options=options, **common)
    hints = tuple(shown for line in hint(question, language) if (shown := web_hint(line)))
    shown = _shown(question, value, language)
    if kind in _NUMBER_KINDS:
        low, high = question.bounds
        return Field(
            widget="number",
            hints=hints,
            value=shown,
            minimum="" if low is None else f"{low:g}",
            maximum="" if high is None else f"{high:g}",
            **common,
        )
    widget = "text" if kind is QuestionKind.SHORT_TEXT else "textarea"
    return Field(widget=widget, hints=hints, value=shown, **common)


def form_fields(
    questionnaire: Questionnaire, answers: Mapping[str, object], language: Language
) -> tuple[Field, ...]:
    """The fields of every question of ``questionnaire``, filled with ``answers``."""
    return tuple(
        field_for(question, answers.get(question.id), language)
        for question in questionnaire.questions
    )


def raw_value(question: Question, value: object) -> object:
    """A value sent by the page as the engine reads it: lines of text for a list question
    become the list ``cmc ask`` makes of typed lines.

    :raises cmc_core.questionnaires.AnswerError: an entity line that cannot be read.
    """
    if isinstance(value, str) and value.strip() and question.kind in _LINE_KINDS:
        return raw_answer(question, [line for line in value.splitlines() if line.strip()])
    return value
