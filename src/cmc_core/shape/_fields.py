"""What one field of the model declares, read per record type: the checked fields, the key in
a file, bounds, order, block, text, and the keyed lists."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.fields import meaning
from cmc_core.records import fields as record_fields
from cmc_core.records import is_record, optional_inner, per_type, tuple_item


@per_type
def fields(record: type) -> tuple[attrs.Attribute[Any], ...]:
    """The attrs fields of ``record`` with real types, once its declarations are checked.

    :raises TypeError: a declaration that does not fit its field's type: bounds on a field that
        holds no number, an unordered or keyed field that holds no list, a list of names that
        holds no text, or annotations the class's module cannot resolve.
    """
    found = record_fields(record)
    for attribute in found:
        _check_declaration(record, attribute)
    return found


def _check_declaration(record: type, attribute: attrs.Attribute[Any]) -> None:
    declared, annotation = meaning(attribute), attribute.type
    inner = optional_inner(annotation) or annotation
    problem = None
    if declared.bounds is not None and (inner is bool or inner not in (int, float)):
        problem = "bounds need a number (int or float, or None)"
    elif (declared.unordered or declared.keyed_by) and tuple_item(annotation) is None:
        problem = "an unordered or keyed field needs a tuple (tuple[X, ...])"
    elif declared.names is not None and tuple_item(annotation) is not str:
        problem = "a list of names needs tuple[str, ...]"
    if problem is not None:
        raise TypeError(f"{record.__name__}.{attribute.name}: {problem}, not {annotation!r}")


# -- per field -----------------------------------------------------------------------------------


def file_key(record: type, name: str) -> str:
    """The key a model field has in a file (``from`` for ``ValueFlow.from_party``)."""
    return _file_keys(record).get(name, name)


@per_type
def _file_keys(record: type) -> dict[str, str]:
    return {a.name: key for a in fields(record) if (key := meaning(a).file_key) is not None}


def bounds(attribute: attrs.Attribute[Any]) -> tuple[float, float] | None:
    """The inclusive range a number field declares, if any."""
    return meaning(attribute).bounds


def is_unordered(attribute: attrs.Attribute[Any]) -> bool:
    """Whether a list field is a set: its order carries no meaning (references, roles)."""
    return meaning(attribute).unordered


def block_of(root: type, name: str) -> BlockKey | None:
    """The block a field of the root fills, when it fills one block (``None`` for ``meta``,
    the principles, and fields whose block depends on their content, such as ``parties``)."""
    return meaning(attrs.fields_dict(root)[name]).block


@per_type
def text_fields(record: type) -> tuple[attrs.Attribute[Any], ...]:
    """The free-text fields of ``record``: text, optional text and lists of text that are
    neither its id nor references nor lists of names (``name``, ``date``, ``authors`` ...)."""
    found = []
    for attribute in fields(record):
        declared = meaning(attribute)
        if attribute.name == "id" or declared.refers_to or declared.names:
            continue
        annotation = attribute.type
        if str in (annotation, optional_inner(annotation), tuple_item(annotation)):
            found.append(attribute)
    return tuple(found)


def label_field(record: type) -> str | None:
    """The field that names or describes a record in a line: its first free-text field
    (``name`` for a party, ``subject`` for a decision right, ``description`` for a
    development), or ``None`` when it has none."""
    texts = [a.name for a in text_fields(record) if a.type is str]
    return texts[0] if texts else None


# -- keyed fields --------------------------------------------------------------------------------


@attrs.frozen
class KeyedField:
    """A root field holding keyed items, written in a file as a mapping by key.

    :param name: the field's name.
    :param item_type: the keyed record class (its ``key`` field is the mapping key).
    :param key_type: the vocabulary of keys.
    :param text_only: the mapping's values are the items' ``text``, not mappings.
    """

    name: str
    item_type: type
    key_type: type[enum.Enum]
    text_only: bool = False


@per_type
def keyed_fields(root: type) -> dict[str, KeyedField]:
    """The root's keyed fields by name (``factors``, ``principles``, ``notes``)."""
    found: dict[str, KeyedField] = {}
    for attribute in fields(root):
        declared = meaning(attribute)
        if declared.keyed_by is None:
            continue
        item = tuple_item(attribute.type)
        if not (is_record(item) and any(f.name == "key" for f in fields(item))):
            raise TypeError(f"{root.__name__}.{attribute.name}: keyed items need a 'key' field")
        found[attribute.name] = KeyedField(
            attribute.name, item, declared.keyed_by, declared.text_only
        )
    return found


@per_type
def keyed_item_types(root: type) -> dict[type, KeyedField]:
    """The keyed fields by the type of their items."""
    return {keyed.item_type: keyed for keyed in keyed_fields(root).values()}
