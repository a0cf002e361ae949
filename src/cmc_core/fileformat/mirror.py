"""The fast path between the model and a file's data: msgspec mirrors of the file form.

A canvas of a million flows must load within 2.5 times msgspec's own decode and be written no
slower than pydantic writes its models. So every document goes through Struct *mirrors* of the
file form, generated from the model's declarations (:mod:`cmc_core.fileformat.layout`: the
renames, the keyed mappings, the bounds, the defaults, unknown keys refused):

* reading: JSON bytes are decoded by msgspec into the mirrors, plain data (a parsed YAML or TOML
  document, :func:`~cmc_core.fileformat.from_dict`) is converted into them, and the mirrors are
  then converted into the frozen model classes in C by ``msgspec.convert``. JSON is tried first
  in the ``shared`` form: a reference to a kind whose names have defaults (a flow's ``step``,
  one of the default process steps) is read as one of those words, so a million flows share
  four strings instead of holding a million copies; a document that names other steps is read
  again in the ``read`` form, where a step is any text;
* writing (:mod:`cmc_core.fileformat.writer`): the model is converted into the mirrors, which
  msgspec encodes as JSON or turns into plain data for the YAML and TOML writers.

Reading only ever *accepts*: anything the mirrors do not take (a bad value, an unknown key,
another schema version, text that is not UTF-8) gives ``None``, and the caller then runs the
detailed reader (:mod:`cmc_core.fileformat.detailed`), built from the same declarations, which
explains every problem or migrates an older version. The mirrors check exactly what the model
checks, so that a value the model refuses never reaches it: ``msgspec.convert`` runs a record's
attrs validators but not its converters, and the model checks its bounds in converters for that
reason (:func:`cmc_core.fields.bounded`); the canvas itself, whose converters put keyed items in
canonical order, is built by its ``__init__``.
"""

from __future__ import annotations

import functools
import math
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal

import attrs
import msgspec

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.fileformat.layout import (
    SCHEMA_FILE_NAME,
    entry_fields,
    file_key,
    is_record,
    keyed,
    optional_inner,
    tuple_item,
)
from cmc_core.shape import bounds, fields, references, resolved_by

__all__ = [
    "Form",
    "decode_mirrored",
    "mirror_of",
    "mirror_type",
    "record_reader",
    "structure_mirrored",
]

#: What a family of mirrors is for: ``read`` a document (header optional), read it with the
#: default names ``shared`` (see the module notes), ``write`` one (defaults left out, header
#: first), or give the ``full`` form with every field present.
Form = Literal["read", "shared", "write", "full"]

# Types built at run time from the model's annotations: spelled through ``Any`` for the checker.
_ANNOTATED: Any = typing.Annotated
_LITERAL: Any = typing.Literal
#: The forms a JSON document is decoded in, in turn (see the module notes).
_READ_FORMS: tuple[Form, ...] = ("shared", "read")

# The mirrors hold only text, numbers, enum members, tuples and other mirrors: no cycles, so the
# collector need not track them (msgspec's ``gc=False``).
_OPTIONS: dict[Form, dict[str, Any]] = {
    "read": {"kw_only": True, "forbid_unknown_fields": True, "gc": False},
    "shared": {"kw_only": True, "forbid_unknown_fields": True, "gc": False},
    "write": {"kw_only": True, "omit_defaults": True, "gc": False},
    "full": {"kw_only": True, "gc": False},
}


def mirror_type(annotation: Any, form: Form) -> Any:
    """The type a mirror field has for a model field of type ``annotation``."""
    inner = optional_inner(annotation)
    if inner is not None:
        return mirror_type(inner, form) | None
    item = tuple_item(annotation)
    if item is not None:
        if not _reads(form):  # plain data has lists, which the YAML and TOML writers expect
            return list[mirror_type(item, form)]  # type: ignore[misc]
        return types.GenericAlias(tuple, (mirror_type(item, form), ...))
    if is_record(annotation):
        return mirror_of(annotation, form)
    return annotation  # text, numbers, booleans and vocabulary enums are read as they are


def _reads(form: Form) -> bool:
    return form in ("read", "shared")


@functools.cache
def _default_names(record: type) -> dict[str, tuple[str, ...]]:
    """For each single reference field of ``record`` to a kind the canvas lists by name with
    defaults (a flow's ``step``), those default names."""
    listed = attrs.fields_dict(Canvas)
    found: dict[str, tuple[str, ...]] = {}
    for reference in references(record):
        where = resolved_by(Canvas, reference.kind)
        if isinstance(where, str) and not reference.many and reference.part is None:
            defaults = tuple(listed[where].default or ())
            if defaults:
                found[reference.name] = defaults
    return found


def _bounded(annotation: Any, low: float, high: float) -> Any:
    inner = optional_inner(annotation)
    number = inner if inner is not None else annotation
    # msgspec takes no infinite limit: a number with no upper bound stops at the largest float,
    # so that infinity (from a YAML ``.inf``) is refused here as the model refuses it.
    if high == math.inf:
        high_limit: float | None = sys.float_info.max if number is float else None
    else:
        high_limit = high
    checked = _ANNOTATED[number, msgspec.Meta(ge=low, le=high_limit)]
    return checked | None if inner is not None else checked


def _mirror_field(record: type, attribute: attrs.Attribute[Any], form: Form) -> tuple[Any, ...]:
    keyed_field = keyed().get(attribute.name) if record is Canvas else None
    limits = bounds(attribute)
    if keyed_field is not None:
        value = str if keyed_field.text_only else mirror_of(keyed_field.item_type, form)
        kind: Any = types.GenericAlias(dict, (keyed_field.key_type, value))
        return attribute.name, kind, msgspec.field(default_factory=dict)
    defaults = _default_names(record).get(attribute.name) if form == "shared" else None
    if limits is not None:
        kind = _bounded(attribute.type, *limits)
    elif defaults:
        kind = _LITERAL[defaults] | None
    else:
        kind = mirror_type(attribute.type, form)
    if isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
        raise TypeError(f"{record.__name__}.{attribute.name}: factories are not supported")
    name = file_key(record, attribute.name)
    default = attribute.default
    if default is attrs.NOTHING:
        return attribute.name, kind, msgspec.field(name=name)
    if not _reads(form) and default == ():
        # Written lists are lists; msgspec leaves out an empty one only for this factory.
        return attribute.name, kind, msgspec.field(default_factory=list, name=name)
    if not _reads(form) and is_record(attribute.type):
        # A record field holding its default is left out (see _fragile_defaults).
        return attribute.name, kind, msgspec.field(default=None, name=name)
    return attribute.name, kind, msgspec.field(default=default, name=name)


@functools.cache
def mirror_of(record: type, form: Form = "read") -> type[msgspec.Struct]:
    """The Struct of ``record``'s file form: same keys, defaults, bounds and strictness."""
    mirrored = [_mirror_field(record, attribute, form) for attribute in entry_fields(record)]
    if record is Canvas:
        schema_default = {} if form == "write" else {"default": SCHEMA_FILE_NAME}
        header = [
            ("schema", str, msgspec.field(name="$schema", **schema_default)),
            ("schema_version", int, msgspec.field()),
        ]
        mirrored = [*header, *mirrored]
    return msgspec.defstruct(f"Mirror{record.__name__}", mirrored, **_OPTIONS[form])


# -- reading -------------------------------------------------------------------------------------


@functools.cache
def _decoder(form: Form = "read") -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(mirror_of(Canvas, form))


def _keyed_items(name: str, entries: dict[Any, Any]) -> list[Any]:
    keyed_field = keyed()[name]
    item_type = keyed_field.item_type
    if keyed_field.text_only:
        return [item_type(key, text) for key, text in entries.items()]
    names = [attribute.name for attribute in entry_fields(item_type)]
    return [
        msgspec.convert(
            {"key": key, **{n: getattr(entry, n) for n in names}},
            item_type,
            from_attributes=True,
        )
        for key, entry in entries.items()
    ]


def _canvas(mirror: Any) -> Canvas | None:
    if mirror.schema_version != SCHEMA_VERSION:
        return None  # the detailed path migrates an older version and refuses a newer one
    changes: dict[str, Any] = {}
    try:
        for attribute in fields(Canvas):
            value = getattr(mirror, attribute.name)
            if attribute.name in keyed():
                changes[attribute.name] = _keyed_items(attribute.name, value)
            else:
                changes[attribute.name] = msgspec.convert(
                    value, attribute.type, from_attributes=True
                )
        return Canvas(**changes)
    except (msgspec.ValidationError, ValueError):  # the model's own checks: leave them to the
        return None  # detailed path, which words them


def decode_mirrored(data: bytes | str) -> Canvas | None:
    """The canvas in a current-version JSON document, or ``None`` if this path does not take it.

    The caller pauses the garbage collector around the call (see ``gc_paused``).
    """
    for form in _READ_FORMS:
        try:
            mirror = _decoder(form).decode(data)
        except msgspec.ValidationError:
            continue  # a step of its own: read again with any text as a step
        except (msgspec.DecodeError, RecursionError, UnicodeError):
            # ValidationError is a DecodeError; msgspec raises UnicodeDecodeError for bad UTF-8
            # inside a string, and UnicodeEncodeError for a lone surrogate in a str input.
            return None
        return _canvas(mirror)
    return None


def structure_mirrored(data: Mapping[str, Any]) -> Canvas | None:
    """The canvas in a current-version document given as plain data (header included), or
    ``None`` if this path does not take it."""
    try:
        mirror = msgspec.convert(data, mirror_of(Canvas))
    except (msgspec.ValidationError, RecursionError, TypeError):
        # TypeError: msgspec reads an object that is no dict where a record is expected through
        # its ``__getitem__``, which a YAML value tagged ``!!str`` has and fails in.
        return None
    return _canvas(mirror)


@functools.cache
def record_reader(record: type) -> Callable[[Any], Any]:
    """Reads one record's plain data through its mirror; raises ``msgspec.ValidationError`` on
    anything the mirror refuses. The detailed reader tries it first on every record, so that in
    a large document with one bad flow only that flow pays for the explanations."""
    mirror = mirror_of(record)

    def read_record(value: Any) -> Any:
        return msgspec.convert(msgspec.convert(value, mirror), record, from_attributes=True)

    return read_record
