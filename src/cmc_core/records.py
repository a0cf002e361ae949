"""Reading the attrs classes of the model: their fields with real types, what an annotation
holds, and a cache per class.

Small tools for :mod:`cmc_core.shape` and the file format, which walk the model's classes and
their annotations; nothing here knows what a field means (that is :mod:`cmc_core.fields`).
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeGuard, TypeVar, cast

import attrs

__all__ = ["fields", "is_record", "optional_inner", "per_type", "tuple_item"]

_Result = TypeVar("_Result")


def per_type(compute: Callable[[type], _Result]) -> Callable[[type], _Result]:
    """``functools.cache`` for a function of one class: each answer is computed once per class.

    (Typed so that any class may be passed: the checker does not take every ``type[...]`` for
    ``Hashable``, which ``functools.cache`` asks for.)
    """
    return cast(Callable[[type], _Result], functools.cache(compute))


# -- annotations ---------------------------------------------------------------------------------


def is_record(annotation: Any) -> TypeGuard[type]:
    """Whether ``annotation`` is an attrs class (a record of the model)."""
    return isinstance(annotation, type) and attrs.has(annotation)


def optional_inner(annotation: Any) -> Any | None:
    """``X`` when ``annotation`` is ``X | None``, else ``None``."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return None


def tuple_item(annotation: Any) -> Any | None:
    """``X`` when ``annotation`` is ``tuple[X, ...]``, else ``None``."""
    if typing.get_origin(annotation) is tuple:
        args = typing.get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


@per_type
def fields(record: type) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of ``record`` with their annotations resolved to real types."""
    # The model modules postpone annotations; resolve them once per class.
    try:
        attrs.resolve_types(record)
    except NameError as error:
        raise TypeError(
            f"the annotations of {record.__name__} name something its module does not define "
            f"({error}); define the class at module level, or import what it names there"
        ) from None
    return tuple(attrs.fields(record))
