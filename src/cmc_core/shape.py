"""The shape of the canvas, read from the model's own declarations: the one description of it.

The model declares each field once (``cmc_core.model``, ``cmc_core.canvas``, with the
vocabulary of :mod:`cmc_core.fields`). This module reads those declarations and answers what the
rest of the library needs to know about the shape, so that nothing else keeps a list of fields:

* :func:`collections`: the collections of entities (``parties`` ... ``governance.decision_rights``),
* :func:`references`: every field that names another thing, and what kind of thing,
* :func:`singles`: the records held one per canvas (``meta``, ``boundary`` ...),
* :func:`keyed_fields`: the lists of keyed items written as mappings (``factors`` ...),
* :func:`file_key`, :func:`bounds`, :func:`is_unordered`, :func:`block_of`: per field.

Every function takes the root type it describes (normally :class:`~cmc_core.canvas.Canvas`) or a
record type, and works for subclasses too: a field a subclass adds is seen by everything that
asks. Answers are computed once per type. A shape this module cannot describe (a collection
nested inside an entity, a reference to an undeclared kind) is refused with :class:`TypeError`
when first asked for, never skipped.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.fields import Kind, entity_kind, meaning
from cmc_core.records import fields, is_record, optional_inner, per_type, tuple_item

__all__ = [
    "Collection",
    "KeyedField",
    "Reference",
    "Single",
    "block_of",
    "bounds",
    "collections",
    "fields",
    "file_key",
    "is_record",
    "is_unordered",
    "keyed_fields",
    "keyed_item_types",
    "kinds",
    "label_field",
    "optional_inner",
    "per_type",
    "record_types",
    "references",
    "resolved_by",
    "singles",
    "text_fields",
    "tuple_item",
]


def _entity_item(annotation: Any) -> type | None:
    item = tuple_item(annotation)
    if is_record(item) and entity_kind(item) is not None:
        return item
    return None


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


# -- references ----------------------------------------------------------------------------------


@attrs.frozen
class Reference:
    """A field that names other things: one (``str | None``) or several (``tuple[str, ...]``).

    :param record: the record type that has the field.
    :param name: the field's name in the model.
    :param file_key: the field's key in a file.
    :param kind: what the field names.
    :param many: whether the field holds a list of references.
    """

    record: type
    name: str
    file_key: str
    kind: Kind
    many: bool

    def read(self, record: object) -> tuple[str, ...]:
        """The references ``record`` holds in this field, without a missing one."""
        value = getattr(record, self.name)
        if self.many:
            return tuple(value)
        return () if value is None else (value,)


@per_type
def references(record: type) -> tuple[Reference, ...]:
    """The reference fields of one record type, in field order."""
    found = []
    for attribute in fields(record):
        kind = meaning(attribute).refers_to
        if kind is None:
            continue
        many = tuple_item(attribute.type) is str
        if not many and optional_inner(attribute.type) is not str:
            raise TypeError(
                f"{record.__name__}.{attribute.name} refers to {kind.name} but is neither "
                "'str | None' nor 'tuple[str, ...]'"
            )
        found.append(
            Reference(record, attribute.name, file_key(record, attribute.name), kind, many)
        )
    return tuple(found)


# -- the records of a root -----------------------------------------------------------------------


@attrs.frozen
class Single:
    """A record held once per root, such as ``meta`` or ``governance``.

    :param path: the field names leading to it from the root.
    :param record: its type.
    """

    path: tuple[str, ...]
    record: type

    @property
    def name(self) -> str:
        """Its logical path in a file (``governance``)."""
        return ".".join(self.path)

    def read(self, root: object) -> Any:
        """The record in ``root``."""
        for name in self.path:
            root = getattr(root, name)
        return root

    def replaced(self, root: Any, record: Any) -> Any:
        """A copy of ``root`` holding ``record`` here instead."""
        return _replaced(root, self.path, record)


@attrs.frozen
class Collection:
    """A list of entities of one kind, such as ``parties`` or ``governance.decision_rights``.

    :param path: the field names leading to it from the root.
    :param entity: the type of its entities.
    :param kind: their kind.
    """

    path: tuple[str, ...]
    entity: type
    kind: Kind

    @property
    def name(self) -> str:
        """Its logical path in a file and in binding targets (``governance.decision_rights``)."""
        return ".".join(self.path)

    def read(self, root: object) -> tuple[Any, ...]:
        """The entities of this collection in ``root``."""
        held: Any = root
        for name in self.path:
            held = getattr(held, name)
        entities: tuple[Any, ...] = held
        return entities

    def replaced(self, root: Any, entities: tuple[Any, ...]) -> Any:
        """A copy of ``root`` with this collection's entities replaced."""
        return _replaced(root, self.path, entities)


def _replaced(root: Any, path: tuple[str, ...], value: Any) -> Any:
    head, *rest = path
    if rest:
        value = _replaced(getattr(root, head), tuple(rest), value)
    return attrs.evolve(root, **{head: value})


@attrs.frozen
class _Layout:
    singles: tuple[Single, ...]
    collections: tuple[Collection, ...]
    records: tuple[type, ...]


@per_type
def _layout(root: type) -> _Layout:
    singles: list[Single] = []
    top: list[Collection] = []
    nested: list[Collection] = []
    records: list[type] = [root]

    def visit(record: type, path: tuple[str, ...]) -> None:
        for attribute in fields(record):
            annotation = attribute.type
            entity = _entity_item(annotation)
            if entity is not None:
                collection = Collection((*path, attribute.name), entity, _kind_of(entity))
                (nested if path else top).append(collection)
                _check_flat(entity)
                if entity not in records:
                    records.append(entity)
                continue
            item = tuple_item(annotation)
            inner = item if is_record(item) else optional_inner(annotation) or annotation
            if is_record(inner):
                if inner not in records:
                    records.append(inner)
                if item is None:
                    singles.append(Single((*path, attribute.name), inner))
                    visit(inner, (*path, attribute.name))
                else:
                    _check_flat(inner)  # keyed items and other lists of plain records

    visit(root, ())
    # Collections of the root come first, then those inside its records: the order in which
    # ids are listed and first uses of an id are found.
    return _Layout(tuple(singles), (*top, *nested), tuple(records))


def _kind_of(entity: type) -> Kind:
    kind = entity_kind(entity)
    assert kind is not None
    return kind


def _check_flat(record: type) -> None:
    """Entities and list items may hold plain values and references, not further records."""
    for attribute in fields(record):
        item = tuple_item(attribute.type)
        inner = optional_inner(attribute.type) or attribute.type
        if is_record(item) or is_record(inner):
            raise TypeError(
                f"{record.__name__}.{attribute.name}: records inside entities or list items are "
                "not part of the canvas's shape; hold them in the canvas or one of its blocks"
            )


def singles(root: type) -> tuple[Single, ...]:
    """The records held once by the root (``meta``, ``end_customer`` ...), in document order."""
    return _layout(root).singles


def collections(root: type) -> tuple[Collection, ...]:
    """The collections of entities of the root: its own first, then those inside its records."""
    return _layout(root).collections


def record_types(root: type) -> tuple[type, ...]:
    """Every record type a root holds, the root first, in the order they are first met."""
    return _layout(root).records


@per_type
def kinds(root: type) -> dict[str, Kind]:
    """Every kind a reference of the root may name, by name.

    :raises TypeError: when a reference names a kind that is neither the kind of a collection
        nor listed by a field (``names_of``) nor a kind that names no entity of its own (an
        organisation).
    """
    found = {collection.kind.name: collection.kind for collection in collections(root)}
    for record in record_types(root):
        for attribute in fields(record):
            listed = meaning(attribute).names
            if listed is not None:
                found[listed.name] = listed
    for record in record_types(root):
        for reference in references(record):
            kind = reference.kind
            if kind.name not in found and kind.id_prefix is None and kind.is_id:
                found[kind.name] = kind  # an organisation: a shared id with no entity
            if found.get(kind.name) is not kind:
                raise TypeError(
                    f"{record.__name__}.{reference.name} refers to {kind.name!r}, which no "
                    f"collection or list of names of {root.__name__} holds"
                )
    return found


def resolved_by(root: type, kind: Kind) -> Collection | str | None:
    """Where references to ``kind`` resolve: a collection of entities, the name of the root's
    field that lists the names (``process_steps``), or ``None`` (an organisation)."""
    return _resolutions(root).get(kind.name)


@per_type
def _resolutions(root: type) -> dict[str, Collection | str]:
    found: dict[str, Collection | str] = {}
    for collection in collections(root):
        found.setdefault(collection.kind.name, collection)
    for attribute in fields(root):
        listed = meaning(attribute).names
        if listed is not None:
            found.setdefault(listed.name, attribute.name)
    return found


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
