"""Writing a canvas through the msgspec mirrors: canonical JSON, and plain data for YAML and TOML.

The model is converted into the *write* mirrors (:mod:`cmc_core.fileformat.mirror`), which
msgspec encodes as JSON or turns into plain data, fields in model order, defaults left out.

The file format holds the model's own classes: a canvas, a block or an entity of another class
(a subclass with fields of its own, or a party put among the flows) is refused with a message
naming where it is, rather than written without what makes it different. The model checks no
types, so a value of the wrong type is refused the same way, naming its path in the file.
"""

from __future__ import annotations

import enum
import functools
from typing import Any

import attrs
import msgspec

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.fileformat.layout import SCHEMA_FILE_NAME, entry_fields, keyed
from cmc_core.fileformat.mirror import Form, mirror_of, mirror_type
from cmc_core.shape import collections, fields, singles

__all__ = ["encode_compact", "encode_mirrored", "unstructure"]


def _check_classes(canvas: Canvas) -> None:
    """Refuse a canvas holding an object of a class the file format does not hold."""
    if type(canvas) is not Canvas:
        _check_class("the canvas", canvas, Canvas)
    for single in singles(Canvas):
        _check_class(single.name, single.read(canvas), single.record)
    for collection in collections(Canvas):
        items = collection.read(canvas)
        if set(map(type, items)) - {collection.entity}:  # a set per collection: cheap at 1M
            for position, item in enumerate(items):
                _check_class(f"{collection.name}[{position}]", item, collection.entity)
    for name, field in keyed().items():
        for item in getattr(canvas, name):
            _check_class(f"{name}.{getattr(item.key, 'value', item.key)}", item, field.item_type)


def _check_class(path: str, value: object, expected: type) -> None:
    if type(value) is expected:
        return
    found = type(value).__name__
    if isinstance(value, expected):
        raise ValueError(
            f"{path} is a {found}, a subclass of {expected.__name__}; the file format writes "
            f"{expected.__name__} itself: the fields a subclass adds have no place in a file"
        )
    raise ValueError(f"{path} is a {found}; the file format writes a {expected.__name__} there")


def _builtin(value: Any) -> Any:
    """msgspec's ``enc_hook``: text and numbers of a subclass are written as plain ones."""
    for plain in (str, bool, int, float):
        if isinstance(value, plain):
            return plain(value)
    raise TypeError(f"the file format cannot hold a {type(value).__name__}")


def _converted(value: Any, kind: Any, path: str) -> Any:
    try:
        return msgspec.convert(value, kind, from_attributes=True)
    except msgspec.ValidationError as error:
        # msgspec names the place from the converted value down: ``$[1].external``.
        where = str(error).replace("`$", f"`{path}", 1)
        raise ValueError(f"the canvas holds a value its file format cannot hold: {where}") from None


def _mirrored(canvas: Canvas, form: Form) -> Any:
    """The canvas as a mirror of ``form``, header first."""
    _check_classes(canvas)
    values: dict[str, Any] = {"schema": SCHEMA_FILE_NAME, "schema_version": SCHEMA_VERSION}
    for attribute in fields(Canvas):
        name, value = attribute.name, getattr(canvas, attribute.name)
        keyed_field = keyed().get(name)
        if keyed_field is None:
            values[name] = _converted(value, mirror_type(attribute.type, form), name)
        elif keyed_field.text_only:
            values[name] = {item.key: item.text for item in value}
        else:
            entry = mirror_of(keyed_field.item_type, form)
            values[name] = {
                item.key: _converted(item, entry, f"{name}.{item.key.value}") for item in value
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


def unstructure(canvas: Canvas, *, omit_defaults: bool = True) -> dict[str, Any]:
    """The document form of a canvas as plain data: ``$schema`` and ``schema_version``, then the
    fields in model order.

    :param omit_defaults: leave out fields equal to their default (the written form); otherwise
        every field is present, ``None`` included (to merge into an existing YAML document).
    :raises ValueError: the canvas holds a value of the wrong type (the model does not check
        types) or an object of another class than the model's, naming where.
    """
    form: Form = "write" if omit_defaults else "full"
    plain: dict[str, Any] = msgspec.to_builtins(_mirrored(canvas, form), enc_hook=_builtin)
    return plain


def encode_compact(canvas: Canvas) -> bytes:
    """The JSON text of a canvas on one line (what the canonical form indents).

    :raises ValueError: as :func:`unstructure`.
    """
    return msgspec.json.encode(_mirrored(canvas, "write"), enc_hook=_builtin)


def encode_mirrored(canvas: Canvas) -> bytes:
    """The canonical JSON text of a canvas: indented by two spaces, ending in a newline.

    :raises ValueError: as :func:`unstructure`.
    """
    return msgspec.json.format(encode_compact(canvas), indent=2) + b"\n"
