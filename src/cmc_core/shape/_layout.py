"""The records a root holds: those held once (``meta`` ...) and the collections of entities."""

from __future__ import annotations

from typing import Any

import attrs

from cmc_core.fields import Kind, entity_kind
from cmc_core.records import is_record, optional_inner, per_type, tuple_item
from cmc_core.shape._fields import fields


def _entity_item(annotation: Any) -> type | None:
    item = tuple_item(annotation)
    if is_record(item) and entity_kind(item) is not None:
        return item
    return None


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
                for held in (entity, *_items_of(entity)):
                    if held not in records:
                        records.append(held)
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
    """Entities and list items hold plain values, references and lists of items (flat records
    such as a :class:`~cmc_core.model.Stake`), not further records of their own."""
    for attribute in fields(record):
        item = tuple_item(attribute.type)
        inner = optional_inner(attribute.type) or attribute.type
        if is_record(inner) or (is_record(item) and not _is_item(item)):
            raise TypeError(
                f"{record.__name__}.{attribute.name}: records inside entities or list items are "
                "not part of the canvas's shape, except lists of flat items (no records or "
                "entities inside); hold them in the canvas or one of its blocks"
            )


def _items_of(record: type) -> tuple[type, ...]:
    """The item types listed in ``record``'s fields (``Stake`` in ``Party.owners``)."""
    return tuple(
        item for attribute in fields(record) if is_record(item := tuple_item(attribute.type))
    )


def _is_item(record: type) -> bool:
    """Whether ``record`` may be listed inside an entity: a flat record that is no entity."""
    if entity_kind(record) is not None:
        return False
    for attribute in fields(record):
        inner = optional_inner(attribute.type) or attribute.type
        if is_record(inner) or is_record(tuple_item(attribute.type)):
            return False
    return True


def singles(root: type) -> tuple[Single, ...]:
    """The records held once by the root (``meta``, ``end_customer`` ...), in document order."""
    return _layout(root).singles


def collections(root: type) -> tuple[Collection, ...]:
    """The collections of entities of the root: its own first, then those inside its records."""
    return _layout(root).collections


def record_types(root: type) -> tuple[type, ...]:
    """Every record type a root holds, the root first, in the order they are first met."""
    return _layout(root).records
