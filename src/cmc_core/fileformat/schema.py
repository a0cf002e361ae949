"""The JSON Schema (Draft 2020-12) of the file format, generated from the attrs model.

Walking the model's fields (not a hand-written copy) keeps the schema and the loader in step:
the model's declarations, read through :mod:`cmc_core.fileformat.layout`, give the renames, the
keyed mappings and the numeric bounds. Every record forbids unknown keys, like the loader.

Every canvas file names its schema in ``$schema: cmc-canvas-2.schema.json``, a path relative to
the canvas, as editors read it (the YAML language server's ``# yaml-language-server: $schema=``
line, JetBrains' ``$schema``). :func:`write_schema_beside` puts that file next to a canvas, so
that the name resolves; ``cmc new`` does so for every canvas it writes.
"""

from __future__ import annotations

import enum
import inspect
import json
import math
from pathlib import Path
from typing import Any

import attrs

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.fileformat.atomic import write_atomic
from cmc_core.fileformat.layout import (
    SCHEMA_FILE_NAME,
    KeyedField,
    entry_fields,
    file_key,
    keyed,
    optional_inner,
    tuple_item,
)
from cmc_core.shape import bounds

__all__ = ["DRAFT", "json_schema", "schema_text", "write_schema_beside"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_Schema = dict[str, Any]


def _summary(record: type) -> str:
    doc = inspect.getdoc(record) or ""
    return doc.split("\n\n", 1)[0].replace("\n", " ")


def _plain_default(value: Any) -> tuple[bool, Any]:
    """The default as JSON, when it is a simple value worth publishing."""
    if isinstance(value, enum.Enum):
        return True, value.value
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return True, [str(item) for item in value]
    if value is None or isinstance(value, str | bool | int | float):
        return True, value
    return False, None


class _Builder:
    def __init__(self) -> None:
        self.definitions: dict[str, _Schema] = {}

    def reference(self, record: type, name: str | None = None) -> _Schema:
        name = name or record.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # reserve the name first: records may nest
            self.definitions[name] = self.record(record)
        return {"$ref": f"#/$defs/{name}"}

    def record(self, record: type) -> _Schema:
        properties: dict[str, _Schema] = {}
        required: list[str] = []
        for attribute in entry_fields(record):
            key = file_key(record, attribute.name)
            if record is Canvas and attribute.name in keyed():
                properties[key] = self.keyed(keyed()[attribute.name])
            else:
                properties[key] = self.field(attribute)
            if attribute.default is attrs.NOTHING:
                required.append(key)
        schema: _Schema = {"type": "object", "description": _summary(record)}
        schema["properties"] = properties
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def field(self, attribute: attrs.Attribute[Any]) -> _Schema:
        schema = self.annotation(attribute.type)
        limits = bounds(attribute)
        if limits is not None:
            schema["minimum"] = limits[0]
            if limits[1] != math.inf:
                schema["maximum"] = limits[1]
        if attribute.default is not attrs.NOTHING:
            simple, default = _plain_default(attribute.default)
            if simple:
                schema["default"] = default
        return schema

    def annotation(self, annotation: Any) -> _Schema:
        inner = optional_inner(annotation)
        if inner is not None:
            schema = self.annotation(inner)
            if "enum" in schema:
                return {**schema, "type": ["string", "null"], "enum": [*schema["enum"], None]}
            if "type" in schema and isinstance(schema["type"], str):
                return {**schema, "type": [schema["type"], "null"]}
            return {"anyOf": [schema, {"type": "null"}]}
        item = tuple_item(annotation)
        if item is not None:
            return {"type": "array", "items": self.annotation(item)}
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return {"type": "string", "enum": [member.value for member in annotation]}
        if isinstance(annotation, type) and attrs.has(annotation):
            return self.reference(annotation)
        simple = {str: "string", bool: "boolean", int: "integer", float: "number"}
        if annotation in simple:
            return {"type": simple[annotation]}
        raise TypeError(f"no JSON Schema for {annotation!r}")

    def keyed(self, keyed: KeyedField) -> _Schema:
        if keyed.text_only:
            entry: _Schema = {"type": "string"}
        else:
            entry = self.reference(keyed.item_type, f"{keyed.item_type.__name__}Entry")
        keys = [member.value for member in keyed.key_type]
        return {
            "type": "object",
            "description": f"Keyed by {keyed.key_type.__name__}: {', '.join(keys)}.",
            "properties": dict.fromkeys(keys, entry),
            "additionalProperties": False,
        }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a canvas document, as a dict ready for ``json.dumps``."""
    builder = _Builder()
    canvas = builder.record(Canvas)
    header: dict[str, _Schema] = {
        "$schema": {
            "type": "string",
            "description": "The schema the document follows (any text is accepted).",
            "default": SCHEMA_FILE_NAME,
        },
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": "The version of the file format; older versions are migrated on load.",
        },
    }
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_FILE_NAME,
        "title": f"Community Model Canvas, file format version {SCHEMA_VERSION}",
        "description": _summary(Canvas),
        "type": "object",
        "properties": {**header, **canvas["properties"]},
        "required": ["schema_version"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.definitions.items())),
    }


def schema_text() -> str:
    """The schema as the file ``cmc-canvas-2.schema.json`` holds it: indented JSON, one final
    newline, no line ending in a space."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema_beside(canvas: str | Path) -> Path | None:
    """Write the schema next to the canvas file ``canvas``, under the name its ``$schema``
    gives, so that an editor finds it; nothing is written when the file there already holds
    this schema.

    :returns: the schema file written, or ``None`` when it was already there.
    :raises cmc_core.fileformat.CanvasSaveError: the directory cannot be written to.
    """
    target = Path(canvas).parent / SCHEMA_FILE_NAME
    text = schema_text()
    try:
        if target.read_text(encoding="utf-8") == text:
            return None
    except (OSError, UnicodeDecodeError):
        pass  # missing or unreadable: write it
    write_atomic(target, text.encode("utf-8"))
    return target
