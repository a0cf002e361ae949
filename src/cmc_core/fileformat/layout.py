"""How the model is laid out in a file: the one table every reader, writer and the schema use.

The file form differs from the model in three ways, all described here and nowhere else:

* two renames: ``ValueFlow.from_party``/``to_party`` are ``from``/``to`` in a file;
* ``factors``, ``principles`` and ``notes`` are mappings keyed by the vocabulary value in a file
  (``factors: {vision: {answer: ...}}``, ``notes: {boundary: "..."}``) and canonical tuples of
  keyed items in the model;
* numeric bounds the model enforces with validators are listed here, so that the loaders can name
  them in a message and the JSON Schema can publish them.

Defaults are omitted on write (so that a TOML file never needs a null), and the header keys
``$schema`` and ``schema_version`` come first.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, Final

import attrs

from cmc_core import model
from cmc_core.blueprint import BlockKey
from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.model import BlockNote, Factor, Principle, ValueFlow, Waste
from cmc_core.vocabulary import FactorKey, PrincipleKey

__all__ = [
    "BOUNDS",
    "HEADER_KEYS",
    "KEYED_FIELDS",
    "RECORD_TYPES",
    "RENAMES",
    "SCHEMA_FILE_NAME",
    "KeyedField",
    "entry_fields",
    "file_key",
    "is_record",
    "keyed_field_of",
    "known_keys",
    "optional_inner",
    "tuple_item",
]

#: The value written as ``$schema``: the file name of the published JSON Schema.
SCHEMA_FILE_NAME: Final = f"cmc-canvas-{SCHEMA_VERSION}.schema.json"
#: The document keys that are not fields of the canvas; always written first.
HEADER_KEYS: Final = ("$schema", "schema_version")

#: Model field names that have another name in a file.
RENAMES: Final[dict[type, dict[str, str]]] = {ValueFlow: {"from_party": "from", "to_party": "to"}}

#: Numeric fields with bounds the model enforces (inclusive).
BOUNDS: Final[dict[tuple[type, str], tuple[float, float]]] = {
    (Factor, "maturity"): (0, 3),
    (Waste, "baseline_share"): (0, 100),
    (Waste, "expected_saving"): (0, 100),
}


@attrs.frozen
class KeyedField:
    """A canvas field written as a mapping keyed by a vocabulary value.

    :param item_type: the keyed model class (its ``key`` field is the mapping key).
    :param key_type: the vocabulary of keys.
    :param text_only: the mapping's values are the item's ``text`` itself, not a mapping.
    """

    item_type: type
    key_type: type[enum.Enum]
    text_only: bool = False


KEYED_FIELDS: Final[dict[str, KeyedField]] = {
    "factors": KeyedField(Factor, FactorKey),
    "principles": KeyedField(Principle, PrincipleKey),
    "notes": KeyedField(BlockNote, BlockKey, text_only=True),
}

#: Every attrs class that appears in a file.
RECORD_TYPES: Final[tuple[type, ...]] = (
    *(getattr(model, name) for name in model.__all__ if attrs.has(getattr(model, name))),
    Canvas,
)
# The model modules use postponed annotations; resolve them once so field types are real types.
for _record in RECORD_TYPES:
    attrs.resolve_types(_record)


def is_record(annotation: Any) -> bool:
    """Whether ``annotation`` is an attrs class (a record of the file)."""
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


def file_key(record: type, name: str) -> str:
    """The key a model field has in a file."""
    return RENAMES.get(record, {}).get(name, name)


def keyed_field_of(record: type) -> KeyedField | None:
    """The keyed canvas field whose items are ``record``s, if any."""
    return next((f for f in KEYED_FIELDS.values() if f.item_type is record), None)


def entry_fields(record: type) -> list[attrs.Attribute[Any]]:
    """The fields a record has in a file: a keyed item's ``key`` is its mapping key instead."""
    keyed = keyed_field_of(record) is not None
    return [a for a in attrs.fields(record) if not (keyed and a.name == "key")]


def known_keys(record: type) -> list[str]:
    """The keys a record's mapping may hold in a file, in field order."""
    keys = [file_key(record, a.name) for a in entry_fields(record)]
    return [*HEADER_KEYS, *keys] if record is Canvas else keys
