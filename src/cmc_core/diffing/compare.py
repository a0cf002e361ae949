"""Computing the diff: field by field, entities matched by id, keyed records by key.

Three ideas keep the result exact and symmetric:

- entities are matched by id within their collection, never by position, so inserting a party
  at the top changes nothing about the others;
- order is not content: a collection whose entities come in another order, and a list of
  references or roles (``roles``, ``users``, ``holders``...) holding the same members in
  another order, give a :class:`~cmc_core.diffing.changes.Reordering` note, not a change.
  Lists of text (``authors``, ``agreements``, ``process_steps``...) are read in order and
  compared as one value;
- the block of a change never depends on which side is "old": a party belongs to the first
  block (Suppliers, Demanders, Stakeholders) that its roles on either side give it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.canvas import Canvas
from cmc_core.diffing.changes import CanvasDiff, Change, ChangeKind, Reordering, id_segment
from cmc_core.model import Party
from cmc_core.shape import (
    KeyedField,
    block_of,
    collections,
    fields,
    file_key,
    is_record,
    is_unordered,
    keyed_fields,
    record_types,
)
from cmc_core.vocabulary import FactorKey, Role

__all__ = ["SET_LIKE_FIELDS", "diff_canvases", "party_block"]

#: The names of the lists whose order carries no meaning (references to entities, roles), as
#: the model declares them.
SET_LIKE_FIELDS = frozenset(
    a.name for record in record_types(Canvas) for a in fields(record) if is_unordered(a)
)

_FACTOR_BLOCKS: dict[FactorKey, BlockKey] = {
    block.factor: block.key for block in BLOCKS if block.factor is not None
}

#: Gives the block of an entity from its old and new version (either may be ``None``).
_BlockOf = Callable[[Any, Any], BlockKey | None]


def party_block(*parties: Party | None) -> BlockKey:
    """The block of a party: Suppliers when it supplies (on any side), else Demanders when it
    demands, else Stakeholders."""
    roles: set[Role] = set()
    for party in parties:
        if party is not None:
            roles.update(party.roles)
    if Role.SUPPLIER in roles:
        return BlockKey.SUPPLIERS
    if Role.DEMANDER in roles:
        return BlockKey.DEMANDERS
    return BlockKey.STAKEHOLDERS


def _fixed(block: BlockKey | None) -> _BlockOf:
    return lambda _old, _new: block


def _by_id(items: Iterable[Any]) -> dict[tuple[str, int], Any]:
    """Entities keyed by (id, occurrence): a second entity with the same id is occurrence 2."""
    keyed: dict[tuple[str, int], Any] = {}
    seen: dict[str, int] = {}
    for item in items:
        seen[item.id] = seen.get(item.id, 0) + 1
        keyed[(item.id, seen[item.id])] = item
    return keyed


def _multiset(items: Sequence[Any]) -> list[str]:
    return sorted(str(item) for item in items)


class _Differ:
    """Collects changes and reorderings while walking both canvases in document order."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.reordered: list[Reordering] = []

    def value(
        self, path: str, block: BlockKey | None, old: Any, new: Any, *, set_like: bool = False
    ) -> None:
        """One value: a reordered set-like list is a note, anything else unequal a change."""
        if old == new:
            return
        if set_like and _multiset(old) == _multiset(new):
            self.reordered.append(Reordering(path, block, tuple(old), tuple(new)))
        else:
            self.changes.append(Change(ChangeKind.CHANGED, path, block, old, new))

    def fields(self, path: str, block: BlockKey | None, old: Any, new: Any, skip: str = "") -> None:
        """Every field of two records of one type, by file key (``skip``: the id or key); two
        records of different types (an entity and a subclass of it) are one change."""
        record = type(new)
        if type(old) is not record:
            self.changes.append(Change(ChangeKind.CHANGED, path, block, old, new))
            return
        held = {c.path[0] for c in collections(record) if len(c.path) == 1}
        for field in fields(record):
            if field.name == skip:
                continue
            before, after = getattr(old, field.name), getattr(new, field.name)
            field_path = f"{path}.{file_key(record, field.name)}"
            if field.name in held:  # the decision rights of the governance block
                self.entities(field_path, _fixed(block), before, after, block)
            else:
                self.value(field_path, block, before, after, set_like=is_unordered(field))

    def entities(
        self,
        path: str,
        block_of: _BlockOf,
        old: Sequence[Any],
        new: Sequence[Any],
        collection_block: BlockKey | None,
    ) -> None:
        """A collection of entities, matched by id; ``collection_block`` is for a reordering."""
        if old == new:
            return
        before, after = _by_id(old), _by_id(new)
        for key, entity in after.items():
            entity_path = path + id_segment(*key)
            previous = before.get(key)
            if previous is None:
                block = block_of(None, entity)
                self.changes.append(Change(ChangeKind.ADDED, entity_path, block, None, entity))
            elif previous != entity:
                self.fields(entity_path, block_of(previous, entity), previous, entity, "id")
        for key, entity in before.items():
            if key not in after:
                block = block_of(entity, None)
                self.changes.append(
                    Change(ChangeKind.REMOVED, path + id_segment(*key), block, entity, None)
                )
        kept_before = [key for key in before if key in after]
        kept_after = [key for key in after if key in before]
        if kept_before != kept_after:
            self.reordered.append(
                Reordering(
                    path,
                    collection_block,
                    tuple(entity_id for entity_id, _ in kept_before),
                    tuple(entity_id for entity_id, _ in kept_after),
                )
            )

    def keyed(self, keyed: KeyedField, old: Sequence[Any], new: Sequence[Any]) -> None:
        """``factors``, ``principles`` or ``notes``: matched by key, in vocabulary order."""
        name = keyed.name
        before = {item.key: item for item in old}
        after = {item.key: item for item in new}
        for key in keyed.key_type:
            previous, current = before.get(key), after.get(key)
            if previous == current:
                continue
            path = f"{name}.{key.value}"
            block = _keyed_block(key)
            if keyed.text_only:  # a note is its text
                previous = None if previous is None else previous.text
                current = None if current is None else current.text
            if previous is None:
                self.changes.append(Change(ChangeKind.ADDED, path, block, None, current))
            elif current is None:
                self.changes.append(Change(ChangeKind.REMOVED, path, block, previous, None))
            elif keyed.text_only:
                self.changes.append(Change(ChangeKind.CHANGED, path, block, previous, current))
            else:
                self.fields(path, block, previous, current, "key")


def _keyed_block(key: Any) -> BlockKey | None:
    """A note is in the block it is keyed by, a factor in the block that asks for it; a
    principle is in no block."""
    if isinstance(key, BlockKey):
        return key
    if isinstance(key, FactorKey):
        return _FACTOR_BLOCKS[key]
    return None


def diff_canvases(old: Canvas, new: Canvas) -> CanvasDiff:
    """What was added, removed and changed from ``old`` to ``new``.

    Pure: reads both canvases, changes neither, does no I/O. ``diff_canvases(a, a)`` is empty,
    and ``diff_canvases(b, a)`` is ``diff_canvases(a, b).inverted()`` up to the order of the
    changes. See :mod:`cmc_core.diffing` for the paths and blocks it reports.

    :raises TypeError: the canvases are of different classes (a canvas and a subclass of it).
    """
    root = type(new)
    if type(old) is not root:
        raise TypeError(f"cannot compare a {type(old).__name__} with a {root.__name__}")
    if old == new:
        return CanvasDiff()
    differ = _Differ()
    held = {c.name for c in collections(root)}
    for field in fields(root):
        name = field.name
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        block = block_of(root, name)
        if name in keyed_fields(root):
            differ.keyed(keyed_fields(root)[name], before, after)
        elif name == "parties":  # the parties span three blocks, by their roles
            differ.entities(name, party_block, before, after, None)
        elif name in held:
            differ.entities(name, _fixed(block), before, after, block)
        elif is_record(field.type):
            differ.fields(name, block, before, after)
        else:
            differ.value(name, block, before, after, set_like=is_unordered(field))
    return CanvasDiff(tuple(differ.changes), tuple(differ.reordered))
