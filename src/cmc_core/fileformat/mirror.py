"""The fast path between the model and a file's data: msgspec mirrors of the file form.

A canvas of a million flows must load within 2.5 times msgspec's own decode and be written no
slower than pydantic writes its models. So every document goes through Struct *mirrors* of the
file form, generated from the model's declarations (:mod:`cmc_core.fileformat.layout`: the
renames, the keyed mappings, the bounds, the defaults, unknown keys refused):

* reading: JSON bytes are decoded by msgspec into the mirrors, plain data (a parsed YAML or TOML
  document, :func:`~cmc_core.fileformat.from_dict`) is converted into them, and the mirrors are
  then converted into the frozen model classes in C by ``msgspec.convert``;
* writing: the model is converted into the mirrors, which msgspec encodes as JSON or turns into
  plain data for the YAML and TOML writers, defaults left out.

Reading only ever *accepts*: anything the mirrors do not take (a bad value, an unknown key,
another schema version, text that is not UTF-8) gives ``None``, and the caller then runs the
detailed reader (:mod:`cmc_core.fileformat.detailed`), built from the same declarations, which
explains every problem or migrates an older version. The mirrors check exactly what the model's
validators check, since ``msgspec.convert`` builds attrs instances without running their
validators; the canvas itself, whose converters put keyed items in canonical order, is built by
its ``__init__``.
"""

from __future__ import annotations

import enum
import functools
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
from cmc_core.shape import bounds, collections, fields, singles

__all__ = [
    "decode_mirrored",
    "encode_compact",
    "encode_mirrored",
    "mirror_of",
    "record_reader",
    "structure_mirrored",
    "unstructure",
]

#: What a family of mirrors is for: ``read`` a document (header optional), ``write`` one
#: (defaults left out, header first), or give the ``full`` form with every field present.
Form = Literal["read", "write", "full"]

# Types built at run time from the model's annotations: spelled through ``Any`` for the checker.
_ANNOTATED: Any = typing.Annotated

# The mirrors hold only text, numbers, enum members, tuples and other mirrors: no cycles, so the
# collector need not track them (msgspec's ``gc=False``).
_OPTIONS: dict[Form, dict[str, Any]] = {
    "read": {"kw_only": True, "forbid_unknown_fields": True, "gc": False},
    "write": {"kw_only": True, "omit_defaults": True, "gc": False},
    "full": {"kw_only": True, "gc": False},
}


def _mirror_type(annotation: Any, form: Form) -> Any:
    """The type a mirror field has for a model field of type ``annotation``."""
    inner = optional_inner(annotation)
    if inner is not None:
        return _mirror_type(inner, form) | None
    item = tuple_item(annotation)
    if item is not None:
        if form != "read":  # plain data has lists, which the YAML and TOML writers expect
            return list[_mirror_type(item, form)]  # type: ignore[misc]
        return types.GenericAlias(tuple, (_mirror_type(item, form), ...))
    if is_record(annotation):
        return mirror_of(annotation, form)
    return annotation  # text, numbers, booleans and vocabulary enums are read as they are


def _bounded(annotation: Any, low: float, high: float) -> Any:
    inner = optional_inner(annotation)
    number = inner if inner is not None else annotation
    checked = _ANNOTATED[number, msgspec.Meta(ge=low, le=high)]
    return checked | None if inner is not None else checked


def _mirror_field(record: type, attribute: attrs.Attribute[Any], form: Form) -> tuple[Any, ...]:
    keyed_field = keyed().get(attribute.name) if record is Canvas else None
    limits = bounds(attribute)
    if keyed_field is not None:
        value = str if keyed_field.text_only else mirror_of(keyed_field.item_type, form)
        kind: Any = types.GenericAlias(dict, (keyed_field.key_type, value))
        return attribute.name, kind, msgspec.field(default_factory=dict)
    if limits is not None:
        kind = _bounded(attribute.type, *limits)
    else:
        kind = _mirror_type(attribute.type, form)
    if isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
        raise TypeError(f"{record.__name__}.{attribute.name}: factories are not supported")
    name = file_key(record, attribute.name)
    default = attribute.default
    if default is attrs.NOTHING:
        return attribute.name, kind, msgspec.field(name=name)
    if form != "read" and default == ():
        # Written lists are lists; msgspec leaves out an empty one only for this factory.
        return attribute.name, kind, msgspec.field(default_factory=list, name=name)
    if form != "read" and is_record(attribute.type):
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
def _decoder() -> msgspec.json.Decoder[Any]:
    return msgspec.json.Decoder(mirror_of(Canvas))


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
    try:
        mirror = _decoder().decode(data)
    except (msgspec.DecodeError, RecursionError, UnicodeError):
        # ValidationError is a DecodeError; msgspec raises UnicodeDecodeError for bad UTF-8
        # inside a string, and UnicodeEncodeError for a lone surrogate in a str input.
        return None
    return _canvas(mirror)


def structure_mirrored(data: Mapping[str, Any]) -> Canvas | None:
    """The canvas in a current-version document given as plain data (header included), or
    ``None`` if this path does not take it."""
    try:
        mirror = msgspec.convert(data, mirror_of(Canvas))
    except (msgspec.ValidationError, RecursionError):
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


# -- writing -------------------------------------------------------------------------------------


def _mirrored(canvas: Canvas, form: Form) -> Any:
    """The canvas as a mirror of ``form``, header first."""
    values: dict[str, Any] = {"schema": SCHEMA_FILE_NAME, "schema_version": SCHEMA_VERSION}
    for attribute in fields(Canvas):
        value = getattr(canvas, attribute.name)
        keyed_field = keyed().get(attribute.name)
        if keyed_field is None:
            kind = _mirror_type(attribute.type, form)
            values[attribute.name] = msgspec.convert(value, kind, from_attributes=True)
        elif keyed_field.text_only:
            values[attribute.name] = {item.key: item.text for item in value}
        else:
            entry = mirror_of(keyed_field.item_type, form)
            values[attribute.name] = {
                item.key: msgspec.convert(item, entry, from_attributes=True) for item in value
            }
    mirror = mirror_of(Canvas, form)(**values)
    if form == "write":
        _leave_out_defaults(mirror, canvas)
    return mirror


def _is_singleton(value: Any) -> bool:
    if value is None or isinstance(value, bool | enum.Enum):
        return True
    return type(value) in (str, tuple) and not value


@functools.cache
def _fragile_defaults(record: type) -> tuple[tuple[str, Any, Any], ...]:
    """``(field, model default, written default)`` for the fields of ``record`` whose default is
    a record, a non-empty text or a non-empty list.

    msgspec leaves a field out of the written form only when its value *is* the default object,
    not merely equal to it. ``None``, ``False``, enum members, ``""`` and ``()`` are one object
    each, but a loaded ``"weconomics"`` is not the default's ``"weconomics"``, so such fields get
    their written default put back when their value equals the model's default.
    """
    written = {
        field.name: field.default for field in msgspec.structs.fields(mirror_of(record, "write"))
    }
    return tuple(
        (a.name, a.default, written[a.name])
        for a in entry_fields(record)
        if a.default is not attrs.NOTHING and not _is_singleton(a.default)
    )


def _leave_out(mirror: Any, model: Any, record: type) -> None:
    for name, default, written in _fragile_defaults(record):
        if getattr(model, name) == default:
            setattr(mirror, name, written)


def _leave_out_defaults(mirror: Any, canvas: Canvas) -> None:
    """Make every field of the written mirror that holds its default leave itself out."""
    for single in singles(Canvas):  # read before the canvas's own fields are swapped
        inner = _read_mirror(mirror, single.path)
        if inner is not None:
            _leave_out(inner, single.read(canvas), single.record)
    for collection in collections(Canvas):
        if _fragile_defaults(collection.entity):
            entities = _read_mirror(mirror, collection.path) or ()
            for inner, model in zip(entities, collection.read(canvas), strict=True):
                _leave_out(inner, model, collection.entity)
    _leave_out(mirror, canvas, Canvas)


def _read_mirror(mirror: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        mirror = getattr(mirror, name, None)
        if mirror is None:
            return None
    return mirror


def _checked(canvas: Canvas, form: Form) -> Any:
    try:
        return _mirrored(canvas, form)
    except msgspec.ValidationError as error:
        raise ValueError(f"the canvas holds a value its file format cannot hold: {error}") from None


def unstructure(canvas: Canvas, *, omit_defaults: bool = True) -> dict[str, Any]:
    """The document form of a canvas as plain data: ``$schema`` and ``schema_version``, then the
    fields in model order.

    :param omit_defaults: leave out fields equal to their default (the written form); otherwise
        every field is present, ``None`` included (to merge into an existing YAML document).
    :raises ValueError: the canvas holds a value of the wrong type (built without the file
        format: the model does not check types).
    """
    plain: dict[str, Any] = msgspec.to_builtins(
        _checked(canvas, "write" if omit_defaults else "full")
    )
    return plain


def encode_compact(canvas: Canvas) -> bytes:
    """The JSON text of a canvas on one line (what the canonical form indents).

    :raises ValueError: as :func:`unstructure`.
    """
    return msgspec.json.encode(_checked(canvas, "write"))


def encode_mirrored(canvas: Canvas) -> bytes:
    """The canonical JSON text of a canvas: indented by two spaces, ending in a newline.

    :raises ValueError: as :func:`unstructure`.
    """
    return msgspec.json.format(encode_compact(canvas), indent=2) + b"\n"
