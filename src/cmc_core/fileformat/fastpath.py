"""The fast path between plain data and the model: generated straight-line functions.

A canvas of a million flows must load within a small multiple of the fastest typed decoders, and
be written no slower than pydantic writes its models. cattrs' generated structure functions
gather optional fields in a dict, call a hook per field and call the class with keyword
arguments; measured on a 1M-flow canvas they spend about 1.7 times as long per flow as the
functions generated here, which read each key once with ``dict.get``, check its type inline
(``v.__class__ is str``: no call per field) and call the class with positional arguments. The same
holds for writing (about 1.5 to 2 times). The functions raise :class:`RefusedError` at the first
problem and say nothing more; the detailed cattrs converter (:mod:`cmc_core.fileformat.detailed`)
then runs on the same data to explain every problem with its path. Both are generated from the
same table (:mod:`cmc_core.fileformat.layout`), so they accept the same documents.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import Any

import attrs

from cmc_core.canvas import Canvas
from cmc_core.fileformat.layout import (
    BOUNDS,
    KEYED_FIELDS,
    KeyedField,
    entry_fields,
    file_key,
    keyed_field_of,
    optional_inner,
    tuple_item,
)

__all__ = ["RefusedError", "structure_function", "unstructure_function"]

_Fn = Callable[..., Any]


class RefusedError(Exception):
    """The fast path met a value it does not accept; the detailed pass says what and where."""


_MISSING = object()


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and attrs.has(annotation)


def _is_enum(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, enum.Enum)


def _compile(name: str, lines: list[str], namespace: dict[str, Any]) -> _Fn:
    namespace["__Refused"] = RefusedError
    namespace["__MISSING"] = _MISSING
    exec(compile("\n".join(lines), f"<cmc fast path: {name}>", "exec"), namespace)
    function: _Fn = namespace[name]
    return function


# -- structuring --------------------------------------------------------------------------------


def _structure_list(item: Any) -> _Fn:
    if item is str:
        # C-level: returns the very object for an exact str, raises TypeError for anything else.
        convert: _Fn = str.__str__
    elif _is_enum(item):
        convert = item._value2member_map_.__getitem__
    elif _is_record(item):
        convert = structure_function(item)
    else:
        raise TypeError(f"the fast path has no list of {item!r}")

    def structure_list(value: Any) -> tuple[Any, ...]:
        if value.__class__ is not list:
            raise RefusedError
        return tuple(map(convert, value))

    return structure_list


def _structure_bounded(annotation: Any, low: float, high: float) -> _Fn:
    whole = optional_inner(annotation) is int
    kinds = (int,) if whole else (int, float)

    def structure_bounded(value: Any) -> Any:
        if value is None:
            return None
        if value.__class__ in kinds and low <= value <= high:
            return value if whole else float(value)
        raise RefusedError

    return structure_bounded


def _structure_keyed(keyed: KeyedField) -> _Fn:
    members = keyed.key_type._value2member_map_
    item_type = keyed.item_type
    entry = None if keyed.text_only else structure_function(item_type)

    def structure_keyed(value: Any) -> tuple[Any, ...]:
        if value.__class__ is not dict:
            raise RefusedError
        items = []
        for key, raw in value.items():
            if entry is not None:
                items.append(entry(raw, members[key]))
            elif raw.__class__ is str:
                items.append(item_type(members[key], raw))
            else:
                raise RefusedError
        return tuple(items)

    return structure_keyed


def _structure_field(
    record: type, attribute: attrs.Attribute[Any], index: int, namespace: dict[str, Any]
) -> list[str]:
    """The lines that read one field into ``v<index>``, raising ``__Refused`` on a bad value."""
    key = file_key(record, attribute.name)
    v, default = f"v{index}", attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        raise TypeError(f"{record.__name__}.{attribute.name}: factories are not supported")
    required = default is attrs.NOTHING
    namespace[f"__d{index}"] = default
    annotation: Any = attribute.type
    keyed = KEYED_FIELDS.get(attribute.name) if record is Canvas else None
    bounds = BOUNDS.get((record, attribute.name))
    inner = optional_inner(annotation)
    converter: _Fn | None = None
    if keyed is not None:
        converter = _structure_keyed(keyed)
    elif bounds is not None:
        namespace[f"__c{index}"] = _structure_bounded(annotation, *bounds)
        return [f"    {v} = __c{index}(g({key!r}))"]
    elif inner is not None:
        if default is not None:
            raise TypeError(f"{record.__name__}.{attribute.name}: optional without None default")
        lines = [f"    {v} = g({key!r})"]
        if inner is str:
            return [*lines, f"    if {v} is not None and {v}.__class__ is not str: raise __Refused"]
        namespace[f"__c{index}"] = (
            inner._value2member_map_.__getitem__ if _is_enum(inner) else structure_function(inner)
        )
        return [*lines, f"    if {v} is not None: {v} = __c{index}({v})"]
    elif annotation in (str, bool):
        namespace[f"__t{index}"] = annotation
        read = f"o[{key!r}]" if required else f"g({key!r}, __d{index})"
        return [f"    {v} = {read}", f"    if {v}.__class__ is not __t{index}: raise __Refused"]
    elif _is_enum(annotation):
        converter = annotation._value2member_map_.__getitem__
    elif tuple_item(annotation) is not None:
        converter = _structure_list(tuple_item(annotation))
    elif _is_record(annotation):
        converter = structure_function(annotation)
    else:
        raise TypeError(f"{record.__name__}.{attribute.name}: no fast path for {annotation!r}")
    namespace[f"__c{index}"] = converter
    if required:
        return [f"    {v} = __c{index}(o[{key!r}])"]
    return [
        f"    {v} = g({key!r}, __MISSING)",
        f"    {v} = __d{index} if {v} is __MISSING else __c{index}({v})",
    ]


@functools.cache
def structure_function(record: type) -> _Fn:
    """The fast structure function of ``record``: ``f(mapping)``, or ``f(mapping, key)`` for a
    keyed item (a factor, principle or note, whose key is the mapping key in the file)."""
    keyed = keyed_field_of(record) is not None
    fields = entry_fields(record)
    namespace: dict[str, Any] = {
        "__cl": record,
        "__allowed": frozenset(file_key(record, a.name) for a in fields),
    }
    name = f"structure_{record.__name__}"
    lines = [
        f"def {name}(o{', key' if keyed else ''}):",
        "    if o.__class__ is not dict or not __allowed.issuperset(o): raise __Refused",
        "    g = o.get",
    ]
    arguments = ["key"] if keyed else []
    for index, attribute in enumerate(fields):
        if attribute.kw_only or not attribute.init:
            raise TypeError(f"{record.__name__}.{attribute.name}: must be a positional init field")
        lines += _structure_field(record, attribute, index, namespace)
        arguments.append(f"v{index}")
    lines.append(f"    return __cl({', '.join(arguments)})")
    return _compile(name, lines, namespace)


# -- unstructuring ------------------------------------------------------------------------------


def _enum_values(members: tuple[enum.Enum, ...]) -> list[Any]:
    return [member._value_ for member in members]


def _unstructure_keyed(keyed: KeyedField, for_json: bool, omit: bool) -> _Fn:
    if keyed.text_only:
        return lambda items: {item.key._value_: item.text for item in items}
    entry = unstructure_function(keyed.item_type, for_json, omit)
    return lambda items: {item.key._value_: entry(item) for item in items}


def _converter(annotation: Any, for_json: bool, omit: bool) -> tuple[str, Any]:
    """How one value is written: ``(template, helper)``; ``{}`` in the template is the value."""
    inner = optional_inner(annotation)
    if inner is not None:
        template, helper = _converter(inner, for_json, omit)
        if template == "{}":
            return template, helper
        return f"(None if {{0}} is None else {template.replace('{}', '{0}')})", helper
    item = tuple_item(annotation)
    if item is not None:
        if _is_record(item):
            return "list(map(__h, {}))", unstructure_function(item, for_json, omit)
        if for_json:
            return "{}", None  # orjson writes a tuple as an array, an enum member as its value
        return ("__h({})", _enum_values) if _is_enum(item) else ("list({})", None)
    if _is_enum(annotation):
        return ("{}", None) if for_json else ("{}._value_", None)
    if _is_record(annotation):
        return "__h({})", unstructure_function(annotation, for_json, omit)
    if annotation is float:
        # The model may hold an int in a float field (Waste(expected_saving=30)); reading it
        # back gives 30.0, so write 30.0 in the first place to keep the text stable.
        return "float({})", None
    return "{}", None


@functools.cache
def unstructure_function(record: type, for_json: bool, omit: bool) -> _Fn:
    """The function that writes ``record`` as a dict with file keys, in field order.

    :param for_json: leave tuples and enum members for orjson instead of making plain data.
    :param omit: leave out fields equal to their default (the written form); otherwise every
        field is present, ``None`` included (used to merge into an existing YAML document).
    """
    name = f"unstructure_{record.__name__}"
    namespace: dict[str, Any] = {}
    lines = [f"def {name}(x):", "    d = {}"]
    for index, attribute in enumerate(entry_fields(record)):
        key = file_key(record, attribute.name)
        keyed = KEYED_FIELDS.get(attribute.name) if record is Canvas else None
        if keyed is not None:
            template, helper = "__h({})", _unstructure_keyed(keyed, for_json, omit)
        else:
            template, helper = _converter(attribute.type, for_json, omit)
        template = template.replace("__h", f"__h{index}").replace("{0}", "v").replace("{}", "v")
        namespace[f"__h{index}"] = helper
        namespace[f"__d{index}"] = attribute.default
        lines.append(f"    v = x.{attribute.name}")
        default = attribute.default
        if not omit or default is attrs.NOTHING:
            lines.append(f"    d[{key!r}] = {template}")
            continue
        if default is None:
            condition = "v is not None"
        elif default in ("", False, ()) and type(default) in (str, bool, tuple):
            condition = "v"  # for str, bool and tuple, truthy is exactly "not the default"
        else:
            condition = f"v != __d{index}"
        lines.append(f"    if {condition}: d[{key!r}] = {template}")
    lines.append("    return d")
    return _compile(name, lines, namespace)
