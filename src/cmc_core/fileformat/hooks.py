"""Detailed structure hooks for the leaf types of the model.

These hooks run only after the mirrors refused a document (:mod:`cmc_core.fileformat.mirror`):
they raise :class:`MismatchError` with what was expected and what was found, and wrap list
problems in cattrs' ``IterableValidationError`` so that every item's problem keeps its index.
"""

from __future__ import annotations

import difflib
import enum
import math
from collections.abc import Callable
from typing import Any

from cattrs.errors import IterableValidationError, IterableValidationNote

from cmc_core.fileformat.layout import is_record, optional_inner, tuple_item
from cmc_core.fileformat.wording import (
    TEXT,
    TRUE_OR_FALSE,
    MismatchError,
    Phrase,
    choice_name,
    expected_phrase,
)
from cmc_core.translation import N_, Messages

__all__ = ["Hook", "bounded_hook", "leaf_hook"]

_ = Messages("cmc_core", "files")

#: A cattrs structure hook: takes the raw value and the target type.
Hook = Callable[[Any, Any], Any]


# -- detailed hooks -----------------------------------------------------------------------------


def _checked_scalar(kind: type, expected: Phrase) -> Hook:
    def structure_scalar(value: Any, _type: Any) -> Any:
        if type(value) is kind:
            return value
        quote = kind is str and _is_scalar(value)
        hint = _("; put it in quotes to make it text") if quote else ""
        raise MismatchError(expected, value, hint)

    return structure_scalar


def _is_scalar(value: object) -> bool:
    return isinstance(value, bool | int | float)


def _checked_enum(enum_type: type[enum.Enum]) -> Hook:
    members = enum_type._value2member_map_
    known = [str(value) for value in members]
    kind = choice_name(enum_type)
    listed = Phrase(N_("{choice} (one of: {choices})"), choice=kind, choices=", ".join(known))

    def structure_member(value: Any, _type: Any) -> enum.Enum:
        if isinstance(value, str) and value in members:
            return members[value]
        if isinstance(value, str):  # text, but not one of the choices
            close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
            if close:
                hint = _("; did you mean {name}?", name=repr(close[0]))
                raise MismatchError(kind, value, hint, kind="invalid-value")
            raise MismatchError(listed, value, kind="invalid-value")
        raise MismatchError(listed, value)

    return structure_member


def _checked_optional(inner: Hook) -> Hook:
    def structure_optional(value: Any, type_: Any) -> Any:
        return None if value is None else inner(value, type_)

    return structure_optional


def _checked_tuple(annotation: Any, item: Hook, item_type: Any) -> Hook:
    expected = expected_phrase(annotation)

    def structure_tuple(value: Any, _type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            hint = (
                _("; write it as a list: [{value}]", value=value) if isinstance(value, str) else ""
            )
            raise MismatchError(expected, value, hint)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, raw in enumerate(value):
            try:
                items.append(item(raw, item_type))
            except Exception as error:
                note = IterableValidationNote(f"item {index}", index, item_type)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError("while structuring a list", errors, tuple)
        return tuple(items)

    return structure_tuple


def leaf_hook(annotation: Any, record_hook: Callable[[Any], Hook]) -> Hook:
    """The detailed structure hook for a field of type ``annotation``.

    :param record_hook: gives the hook of an attrs class (the converter's generated function).
    """
    inner = optional_inner(annotation)
    if inner is not None:
        return _checked_optional(leaf_hook(inner, record_hook))
    item = tuple_item(annotation)
    if item is not None:
        return _checked_tuple(annotation, leaf_hook(item, record_hook), item)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _checked_enum(annotation)
    if annotation is str:
        return _checked_scalar(str, TEXT)
    if annotation is bool:
        return _checked_scalar(bool, TRUE_OR_FALSE)
    if is_record(annotation):
        return record_hook(annotation)
    raise TypeError(f"the file format has no hook for {annotation!r}")


def _finite(number: float) -> bool:
    """Whether a number is finite and fits a float: a whole number of 309 digits does not
    (``math.isfinite`` raises OverflowError for it)."""
    try:
        return math.isfinite(number)
    except OverflowError:
        return False


def bounded_hook(annotation: Any, low: float, high: float) -> Hook:
    """A hook for an optional whole number (``int``) or number (``float``) within bounds."""
    whole = optional_inner(annotation) is int
    if high == math.inf:
        text = N_("a whole number of at least {low}") if whole else N_("a number of at least {low}")
    else:
        text = (
            N_("a whole number from {low} to {high}")
            if whole
            else N_("a number from {low} to {high}")
        )
    expected = Phrase(text, low=f"{low:g}", high=f"{high:g}")

    def structure_bounded(value: Any, _type: Any) -> Any:
        if value is None:
            return None
        number_types: tuple[type, ...] = (int,) if whole else (int, float)
        if type(value) not in number_types:
            raise MismatchError(expected, value)
        if low <= value <= high and _finite(value):
            return value if whole else float(value)
        raise MismatchError(expected, value, kind="invalid-value")  # out of range, or .nan

    return structure_bounded
