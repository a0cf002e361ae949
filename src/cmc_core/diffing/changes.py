"""What a diff is made of: changes, reorderings and the diff that holds them.

A :class:`Change` keeps the model's own values (a :class:`~cmc_core.model.Party`, an enum
member, a tuple) so that code can inspect them; :meth:`Change.to_dict` turns them into plain
JSON data in the file form (file keys, enum values, lists, defaults left out).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.fileformat.layout import entry_fields, file_key

__all__ = ["CanvasDiff", "Change", "ChangeKind", "Reordering", "id_segment", "plain"]

#: Ids written bare inside ``[...]`` of a path; every other id is JSON-quoted (see id_segment).
_BARE_ID = re.compile(r"[A-Za-z0-9_.:/@+-]+")


class ChangeKind(enum.StrEnum):
    """What happened at a path between the old and the new canvas."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


def id_segment(entity_id: str, occurrence: int = 1) -> str:
    """The ``[...]`` part of a path naming an entity by its id.

    An id of letters, digits and ``_.:/@+-`` is written bare (``[p-acme]``); any other id, and
    an id of digits only (which would read as a list index), is JSON-quoted
    (``["c-[1]"]``), so a path is never ambiguous. The second entity with the same id in one
    collection (a broken canvas) is ``[p-acme]#2``.
    """
    bare = _BARE_ID.fullmatch(entity_id) is not None and not entity_id.isdigit()
    segment = f"[{entity_id}]" if bare else f"[{json.dumps(entity_id, ensure_ascii=False)}]"
    return segment if occurrence == 1 else f"{segment}#{occurrence}"


def plain(value: Any) -> Any:
    """``value`` as JSON data in the file form.

    Enum members become their values, tuples lists, model records dicts with file keys
    (``from``/``to`` for a flow) and without fields at their default, as a file writes them.
    """
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if attrs.has(type(value)):
        record = type(value)
        data: dict[str, Any] = {}
        for field in entry_fields(record):
            item = getattr(value, field.name)
            if field.default is not attrs.NOTHING and item == field.default:
                continue
            data[file_key(record, field.name)] = plain(item)
        return data
    return value


def _block_value(block: BlockKey | None) -> str | None:
    return None if block is None else block.value


@attrs.frozen
class Change:
    """One difference between two canvases.

    :param kind: added, removed or changed.
    :param path: where, as a logical path with file keys and entities named by id:
        ``meta.name``, ``parties[p-acme]`` (a whole entity added or removed),
        ``parties[p-acme].name``, ``flows[f-1].to``, ``governance.decision_rights[dr-1].holders``,
        ``factors.vision.answer``, ``principles.apart_together``, ``notes.boundary``.
    :param block: the block of the canvas the change belongs to; ``None`` for the canvas's
        metadata (``meta``) and the five principles, which belong to no block.
    :param old: the value before (``None`` when added): a field's value, a whole entity or
        keyed record, or a note's text.
    :param new: the value after (``None`` when removed).
    """

    kind: ChangeKind
    path: str
    block: BlockKey | None
    old: Any = None
    new: Any = None

    def inverted(self) -> Change:
        """The same change seen from the other side: added and removed swap, old and new too."""
        kind = {ChangeKind.ADDED: ChangeKind.REMOVED, ChangeKind.REMOVED: ChangeKind.ADDED}.get(
            self.kind, self.kind
        )
        return Change(kind, self.path, self.block, self.new, self.old)

    def to_dict(self) -> dict[str, Any]:
        """JSON data: ``kind``, ``path``, ``block`` (its key or ``null``), ``old``, ``new``."""
        return {
            "kind": self.kind.value,
            "path": self.path,
            "block": _block_value(self.block),
            "old": plain(self.old),
            "new": plain(self.new),
        }


@attrs.frozen
class Reordering:
    """Items kept but put in another order: not a change of content, reported as a note.

    Reported for a collection of entities whose shared ids come in another order (``parties``,
    ``governance.decision_rights``) and for a list of references or roles that holds the same
    members in another order (``parties[p-acme].roles``, ``commonalities[c-1].users``).

    :param old: the order before (entity ids, or the list's members).
    :param new: the order after.
    """

    path: str
    block: BlockKey | None
    old: tuple[str, ...]
    new: tuple[str, ...]

    def inverted(self) -> Reordering:
        """The same reordering seen from the other side."""
        return Reordering(self.path, self.block, self.new, self.old)

    def to_dict(self) -> dict[str, Any]:
        """JSON data: ``path``, ``block``, ``old`` and ``new`` orders."""
        return {
            "path": self.path,
            "block": _block_value(self.block),
            "old": plain(self.old),
            "new": plain(self.new),
        }


@attrs.frozen
class CanvasDiff:
    """What changed from one canvas to another: the changes of content, then the reorderings.

    Changes come in document order: field by field as a file lists them; within a collection
    the added and changed entities in the new canvas's order, then the removed ones in the old
    canvas's order; factors, principles and notes in their vocabulary's order.
    """

    changes: tuple[Change, ...] = ()
    reordered: tuple[Reordering, ...] = ()

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    @property
    def is_empty(self) -> bool:
        """Whether the content is the same (a reordering alone leaves it the same)."""
        return not self.changes

    def of_kind(self, kind: ChangeKind | str) -> tuple[Change, ...]:
        """The changes of one kind, in order."""
        wanted = ChangeKind(kind)
        return tuple(change for change in self.changes if change.kind is wanted)

    def in_block(self, block: BlockKey | str | None) -> tuple[Change, ...]:
        """The changes that belong to one block (``None``: metadata and principles)."""
        wanted = None if block is None else BlockKey(block)
        return tuple(change for change in self.changes if change.block is wanted)

    def inverted(self) -> CanvasDiff:
        """The diff from the new canvas back to the old one (up to the order of changes)."""
        return CanvasDiff(
            tuple(change.inverted() for change in self.changes),
            tuple(reordering.inverted() for reordering in self.reordered),
        )

    def summary(self) -> dict[str, int]:
        """How many changes of each kind, and how many reorderings."""
        counts = {kind.value: len(self.of_kind(kind)) for kind in ChangeKind}
        return {**counts, "reordered": len(self.reordered)}

    def to_dict(self) -> dict[str, Any]:
        """JSON data: ``equal``, ``summary``, ``changes`` and ``reordered``."""
        return {
            "equal": self.is_empty,
            "summary": self.summary(),
            "changes": [change.to_dict() for change in self.changes],
            "reordered": [reordering.to_dict() for reordering in self.reordered],
        }
