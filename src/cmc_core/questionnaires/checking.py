"""Checking one raw answer against its question: type, range, allowed choices.

A raw answer comes from a person at a prompt, a YAML file or a web form, so the checks accept
the obvious spellings (``"yes"``, ``"ja"``, ``True``; ``"42"`` for a number; a choice by its value
or its label, in any case) and turn them into one canonical value. Whatever is refused gets an
:class:`~cmc_core.questionnaires.answers.AnswerError` naming the question and what was expected.
Entity lists are checked against the file format afterwards, by the session, because only the
canvas knows which parties exist.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.questionnaires.answers import AnswerError
from cmc_core.questionnaires.model import ENTITY_KINDS, Question, QuestionKind
from cmc_core.shape import collections, label_field
from cmc_core.translation import N_, Messages

__all__ = ["check_value"]

_ = Messages("cmc_core", "questionnaires")

_YES = frozenset({"yes", "y", "ja", "j", "true", "1"})
_NO = frozenset({"no", "n", "nee", "false", "0"})
_TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})


def _label_fields() -> dict[QuestionKind, str]:
    """The field a bare string fills, per entity kind: the one that names or describes the
    entity in a line (a party's name, a development's description, a source's title), as the
    model declares it (:func:`cmc_core.shape.label_field`)."""
    entities = {collection.name: collection.entity for collection in collections(Canvas)}
    return {kind: label_field(entities[name]) or "name" for kind, name in ENTITY_KINDS.items()}


_LABEL_FIELDS = _label_fields()


#: A whole number Python refuses to print (YAML can write one in hexadecimal), as messages say.
_TOO_LONG = N_("a whole number of more than 4,300 digits")


def _number_text(value: int | float) -> str:
    """A number as written, or :data:`_TOO_LONG` when Python refuses to print it."""
    try:
        return repr(value)
    except ValueError:
        return _TOO_LONG


def _finite(value: int | float) -> bool:
    """Whether a number is finite and fits a float: a whole number of 309 digits does not
    (``math.isfinite`` raises OverflowError for it)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _describe(value: Any) -> str:
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        if value:
            return _("the yes value {value!r}", value=value)
        return _("the no value {value!r}", value=value)
    if isinstance(value, str):
        return _("the text {value!r}", value=value)
    if isinstance(value, int | float):
        shown = _number_text(value)
        return (
            _.translate(_TOO_LONG) if shown == _TOO_LONG else _("the number {shown}", shown=shown)
        )
    if isinstance(value, Mapping):
        return _("a mapping")
    if isinstance(value, Sequence):
        return _("a list")
    return _("a {type}", type=type(value).__name__)


def check_value(question: Question, raw: Any) -> Any:
    """The canonical value of a raw answer to ``question``.

    :raises AnswerError: when it does not fit.
    """
    kind = question.kind
    if raw is None or (isinstance(raw, str) and not raw.strip() and kind not in _TEXT_KINDS):
        raise AnswerError(question.id, _("the answer is empty"))
    if kind in _TEXT_KINDS:
        return _text(question, raw)
    if kind is QuestionKind.YES_NO:
        return _yes_no(question, raw)
    if kind in (QuestionKind.NUMBER, QuestionKind.PERCENTAGE, QuestionKind.SCALE):
        return _number(question, raw)
    if kind is QuestionKind.SINGLE_CHOICE:
        return _choice(question, raw)
    if kind is QuestionKind.MULTIPLE_CHOICE:
        items = [raw] if isinstance(raw, str) else _list(question, raw)
        return list(dict.fromkeys(_choice(question, item) for item in items))
    if kind is QuestionKind.TEXT_LIST:
        items = raw.splitlines() if isinstance(raw, str) else _list(question, raw)
        return [_text(question, item).strip() for item in items if str(item).strip()]
    if kind in ENTITY_KINDS:
        return _entities(question, raw)
    raise AnswerError(question.id, _("cannot check an answer of kind {kind!r}", kind=kind))


def _text(question: Question, raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise AnswerError(question.id, _("expected text, found {found}", found=_describe(raw)))
    text = raw if isinstance(raw, str) else _number_text(raw)
    if text == _TOO_LONG:
        raise AnswerError(
            question.id, _("expected text, found {found}", found=_.translate(_TOO_LONG))
        )
    if question.kind is QuestionKind.SHORT_TEXT and "\n" in text.strip():
        raise AnswerError(question.id, _("expected one line of text, found several lines"))
    return text


def _yes_no(question: Question, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().casefold()
        if word in _YES:
            return True
        if word in _NO:
            return False
    raise AnswerError(question.id, _("expected yes or no, found {found}", found=_describe(raw)))


def _number(question: Question, raw: Any) -> int | float:
    value: int | float
    if isinstance(raw, bool):
        raise AnswerError(question.id, _("expected a number, found {found}", found=_describe(raw)))
    if isinstance(raw, int | float):
        value = raw
    elif isinstance(raw, str):
        text = raw.strip().rstrip("%").strip().replace(",", ".")
        try:
            value = int(text) if text.lstrip("+-").isdigit() else float(text)
        except ValueError:
            raise AnswerError(
                question.id, _("expected a number, found {found}", found=_describe(raw))
            ) from None
    else:
        raise AnswerError(question.id, _("expected a number, found {found}", found=_describe(raw)))
    if not _finite(value):
        shown = _number_text(value)
        if shown == _TOO_LONG:
            shown = _.translate(_TOO_LONG)
        raise AnswerError(question.id, _("expected a finite number, found {found}", found=shown))
    if question.kind is QuestionKind.SCALE:
        if value != int(value):
            raise AnswerError(
                question.id, _("expected a whole number, found {value!r}", value=value)
            )
        value = int(value)
    low, high = question.bounds
    if (low is not None and value < low) or (high is not None and value > high):
        raise AnswerError(question.id, _range(value, low, high))
    return value


def _range(value: float, low: float | None, high: float | None) -> str:
    """Why ``value`` is out of range, with the range, as one sentence per kind of range."""
    shown = {
        "value": f"{value:g}",
        "low": "" if low is None else f"{low:g}",
        "high": "" if high is None else f"{high:g}",
    }
    if low is not None and high is not None:
        return _("{value} is out of range: expected a number from {low} to {high}", **shown)
    if low is not None:
        return _("{value} is out of range: expected a number of at least {low}", **shown)
    return _("{value} is out of range: expected a number of at most {high}", **shown)


def _choice(question: Question, raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise AnswerError(
            question.id, _("expected one of the choices, found {found}", found=_describe(raw))
        )
    wanted = str(raw).strip().casefold()
    for choice in question.choices:
        label = choice.label
        spellings = {choice.value.casefold(), label.en.casefold(), label.nl.casefold()}
        if wanted in spellings:
            return choice.value
    values = [choice.value for choice in question.choices]
    close = difflib.get_close_matches(str(raw), values, n=1)
    choices = ", ".join(values)
    if close:
        reason = _(
            "{text!r} is not one of the choices; did you mean {close!r}? The choices are: "
            "{choices}.",
            text=str(raw),
            close=close[0],
            choices=choices,
        )
    else:
        reason = _(
            "{text!r} is not one of the choices. The choices are: {choices}.",
            text=str(raw),
            choices=choices,
        )
    raise AnswerError(question.id, reason)


def _list(question: Question, raw: Any) -> list[Any]:
    if isinstance(raw, str | bytes | Mapping) or not isinstance(raw, Sequence):
        raise AnswerError(question.id, _("expected a list, found {found}", found=_describe(raw)))
    return list(raw)


def _entities(question: Question, raw: Any) -> list[dict[str, Any]]:
    entries = _list(question, raw)
    checked: list[dict[str, Any]] = []
    for position, item in enumerate(entries, start=1):
        # "Alpha Shipping" is a party (or a value ...) given by its name alone; a development
        # or a resistance by its description, a decision right by its subject.
        named = isinstance(item, str) and question.kind is not QuestionKind.FLOWS
        entry = {_LABEL_FIELDS.get(question.kind, "name"): item} if named else item
        if not isinstance(entry, Mapping):
            raise AnswerError(
                question.id,
                _(
                    "item {position}: expected a mapping of fields, found {found}",
                    position=position,
                    found=_describe(entry),
                ),
            )
        checked.append({str(key): value for key, value in entry.items()})
    return checked
