"""How the model is laid out in a file, as every reader, writer and the schema see it.

The file form differs from the model in three ways, all declared on the model itself and read
here through :mod:`cmc_core.shape`:

* renamed fields: ``ValueFlow.from_party``/``to_party`` are ``from``/``to`` in a file
  (``reference(..., file_key="from")``);
* keyed fields: ``factors``, ``principles`` and ``notes`` are mappings keyed by the vocabulary
  value in a file (``factors: {vision: {answer: ...}}``, ``notes: {boundary: "..."}``) and
  canonical tuples of keyed items in the model (``keyed_by(...)``);
* numeric bounds (``bounded(0, 3)``), which the model checks on construction and the readers
  and the JSON Schema name.

Defaults are omitted on write (so that a TOML file never needs a null), and the header keys
``$schema`` and ``schema_version`` come first.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.shape import (
    KeyedField,
    fields,
    file_key,
    is_record,
    keyed_fields,
    keyed_item_types,
    optional_inner,
    per_type,
    tuple_item,
)

__all__ = [
    "HEADER_KEYS",
    "SCHEMA_FILE_NAME",
    "KeyedField",
    "entry_fields",
    "file_key",
    "is_record",
    "keyed",
    "keyed_field_of",
    "known_keys",
    "optional_inner",
    "tuple_item",
]

#: The value written as ``$schema``: the file name of the published JSON Schema.
SCHEMA_FILE_NAME: Final = f"cmc-canvas-{SCHEMA_VERSION}.schema.json"
#: The document keys that are not fields of the canvas; always written first.
HEADER_KEYS: Final = ("$schema", "schema_version")


def keyed() -> dict[str, KeyedField]:
    """The canvas's keyed fields by name."""
    return keyed_fields(Canvas)


def keyed_field_of(record: type) -> KeyedField | None:
    """The keyed canvas field whose items are ``record``s, if any."""
    return keyed_item_types(Canvas).get(record)


@per_type
def entry_fields(record: type) -> list[attrs.Attribute[Any]]:
    """The fields a record has in a file: a keyed item's ``key`` is its mapping key instead."""
    is_keyed = keyed_field_of(record) is not None
    return [a for a in fields(record) if not (is_keyed and a.name == "key")]


def known_keys(record: type) -> list[str]:
    """The keys a record's mapping may hold in a file, in field order."""
    keys = [file_key(record, a.name) for a in entry_fields(record)]
    return [*HEADER_KEYS, *keys] if record is Canvas else keys
