"""The bulk JSON path: msgspec decodes into mirrors of the file form, then converts to the model.

A canvas of a million flows must load within 2.5 times msgspec's own decode. Building the model
from orjson's dicts cannot get there: the dicts alone cost about 1.6 times msgspec, and a frozen
attrs ``__init__`` sets every field through ``object.__setattr__``. So JSON bytes first go to
msgspec, into Struct mirrors generated from the same layout table as every other reader
(:mod:`cmc_core.fileformat.layout`: the renames, the bounds, unknown keys refused), and the
mirrors are then converted into the frozen model classes in C by ``msgspec.convert``.

This path only ever *accepts*. Anything it does not take (a bad value, an unknown key, another
schema version, text that is not UTF-8) makes :func:`decode_mirrored` return ``None``; the caller
then reads the document again through orjson and the dict paths, which explain every problem
or migrate an older version. The mirrors check exactly what the model's validators check, since
``msgspec.convert`` builds attrs instances without running their validators or converters; the
canvas itself, whose converters put keyed items in canonical order, is built by its ``__init__``.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from typing import Any

import attrs
import msgspec

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.fileformat.layout import (
    BOUNDS,
    KEYED_FIELDS,
    SCHEMA_FILE_NAME,
    entry_fields,
    file_key,
    is_record,
    optional_inner,
    tuple_item,
)

__all__ = ["decode_mirrored"]

# Types built at run time from the model's annotations: spelled through ``Any`` for the checker.
_ANNOTATED: Any = typing.Annotated

# The mirrors hold only text, numbers, enum members, tuples and other mirrors: no cycles, so the
# collector need not track them (msgspec's ``gc=False``).
_OPTIONS: dict[str, Any] = {"kw_only": True, "forbid_unknown_fields": True, "gc": False}


def _mirror_type(annotation: Any) -> Any:
    """The type a mirror field has for a model field of type ``annotation``."""
    inner = optional_inner(annotation)
    if inner is not None:
        return _mirror_type(inner) | None
    item = tuple_item(annotation)
    if item is not None:
        return types.GenericAlias(tuple, (_mirror_type(item), ...))
    if is_record(annotation):
        return mirror_of(annotation)
    if annotation in (str, bool, int, float) or (
        isinstance(annotation, type) and issubclass(annotation, enum.Enum)
    ):
        return annotation
    raise TypeError(f"the mirrored path has no type for {annotation!r}")


def _bounded(annotation: Any, low: float, high: float) -> Any:
    inner = optional_inner(annotation)
    number = inner if inner is not None else annotation
    checked = _ANNOTATED[number, msgspec.Meta(ge=low, le=high)]
    return checked | None if inner is not None else checked


def _mirror_field(record: type, attribute: attrs.Attribute[Any]) -> tuple[str, Any, Any]:
    keyed = KEYED_FIELDS.get(attribute.name) if record is Canvas else None
    bounds = BOUNDS.get((record, attribute.name))
    if keyed is not None:
        value = str if keyed.text_only else mirror_of(keyed.item_type)
        kind: Any = types.GenericAlias(dict, (keyed.key_type, value))
    elif bounds is not None:
        kind = _bounded(attribute.type, *bounds)
    else:
        kind = _mirror_type(attribute.type)
    if isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
        raise TypeError(f"{record.__name__}.{attribute.name}: factories are not supported")
    if keyed is not None:
        default: Any = msgspec.field(default_factory=dict)
    elif attribute.default is attrs.NOTHING:
        default = msgspec.field(name=file_key(record, attribute.name))
    else:
        default = msgspec.field(default=attribute.default, name=file_key(record, attribute.name))
    return attribute.name, kind, default


@functools.cache
def mirror_of(record: type) -> type[msgspec.Struct]:
    """The Struct that reads ``record``'s file form: same keys, defaults, bounds and strictness."""
    fields = [_mirror_field(record, attribute) for attribute in entry_fields(record)]
    if record is Canvas:
        fields = [
            ("schema", str, msgspec.field(default=SCHEMA_FILE_NAME, name="$schema")),
            ("schema_version", int, msgspec.field()),
            *fields,
        ]
    return msgspec.defstruct(f"Mirror{record.__name__}", fields, **_OPTIONS)


@functools.cache
def _decoder() -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(mirror_of(Canvas))


def _keyed_items(name: str, entries: dict[Any, Any]) -> list[Any]:
    keyed = KEYED_FIELDS[name]
    if keyed.text_only:
        return [keyed.item_type(key, text) for key, text in entries.items()]
    names = [attribute.name for attribute in entry_fields(keyed.item_type)]
    return [
        msgspec.convert(
            {"key": key, **{n: getattr(entry, n) for n in names}},
            keyed.item_type,
            from_attributes=True,
        )
        for key, entry in entries.items()
    ]


def decode_mirrored(data: bytes | str) -> Canvas | None:
    """The canvas in a current-version JSON document, or ``None`` if this path does not take it.

    The caller pauses the garbage collector around the call (see ``gc_paused``).
    """
    try:
        mirror = _decoder().decode(data)
    except (msgspec.DecodeError, RecursionError, UnicodeError):
        # ValidationError is a DecodeError; msgspec raises UnicodeDecodeError for bad UTF-8
        # inside a string, and UnicodeEncodeError for a lone surrogate in a str input.
        return None
    if mirror.schema_version != SCHEMA_VERSION:
        return None  # the dict path migrates an older version and refuses a newer one
    changes: dict[str, Any] = {}
    try:
        for attribute in attrs.fields(Canvas):
            value = getattr(mirror, attribute.name)
            if attribute.name in KEYED_FIELDS:
                changes[attribute.name] = _keyed_items(attribute.name, value)
            else:
                changes[attribute.name] = msgspec.convert(
                    value, attribute.type, from_attributes=True
                )
        return Canvas(**changes)
    except (msgspec.ValidationError, ValueError):  # the model's own checks: leave them to the
        return None  # dict path, which words them
