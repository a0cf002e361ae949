"""What changed since an earlier version, as the report exporters mark it.

:class:`ChangeMarks` wraps :func:`cmc_core.diffing.diff_canvases` (previous -> current) for
one export: it marks the lines of a block that show added or changed content, adds a line for
content that is gone, marks flows by id, and describes every change in a short line for the
list of changes. Paths are the diff's own (``parties[p-acme].name``); a line showing
``parties[p-acme]`` is marked by every change at or below that path.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from cmc_core.blueprint import Block, BlockKey, block
from cmc_core.canvas import Canvas
from cmc_core.diffing import Change, ChangeKind, diff_canvases, id_segment
from cmc_core.model import Stake
from cmc_core.vocabulary import LABELS, Language, label
from cmc_exporters._facts import number, percent
from cmc_exporters._reader import Item
from cmc_exporters._words import say

__all__ = ["ChangeLine", "ChangeMarks", "describe_value"]

#: Longest description of a value in a list of changes, in characters.
_PREVIEW = 120
_NAME_FIELDS = ("name", "subject", "description", "customer", "baseline", "text", "title")


def describe_value(value: object, language: Language) -> str:
    """A short, readable form of a value from a diff: an entity's name, a label, a text."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return say("yes" if value else "no", language)
    if isinstance(value, enum.Enum):
        return label(value, language) if value in LABELS else str(value.value)
    if isinstance(value, float):  # a volume, an amount, a share: never in exponent form
        return number(value, language)
    if isinstance(value, Stake):  # an owner: its party and share (``p-city 40 %``)
        share = "" if value.share is None else f" {percent(value.share, language)}"
        return f"{value.party or '?'}{share}"
    if isinstance(value, tuple | list):
        text = "; ".join(describe_value(item, language) for item in value)
    elif attrs.has(type(value)):
        names = (getattr(value, field, "") for field in _NAME_FIELDS)
        text = next((n for n in names if isinstance(n, str) and n.strip()), "")
        text = text or str(getattr(value, "id", getattr(value, "key", "")))
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


@attrs.frozen
class ChangeLine:
    """One change, described: its kind (``state``: ``added``, ``changed`` or ``removed``; and
    ``kind``: that word in the export's language), the block it belongs to, where, before and
    after."""

    state: str
    kind: str
    block: str
    path: str
    old: str
    new: str


def _covers(path: str, change_path: str) -> bool:
    return change_path == path or change_path.startswith((path + ".", path + "["))


class ChangeMarks:
    """The changes from ``previous`` to ``current``, ready to mark an export in ``language``."""

    def __init__(self, previous: Canvas, current: Canvas, language: Language) -> None:
        self.language = language
        self.diff = diff_canvases(previous, current)
        self.by_block: dict[BlockKey | None, list[Change]] = {}
        for change in self.diff:
            self.by_block.setdefault(change.block, []).append(change)
        self.flow_states: dict[str, str] = {}
        self.removed_flows: list[Change] = []
        for change in self.diff:
            if not change.path.startswith("flows["):
                continue
            if change.kind is ChangeKind.REMOVED and change.path.count("[") == 1:
                self.removed_flows.append(change)
            else:
                entity = change.path.split("]", 1)[0] + "]"
                added = change.kind is ChangeKind.ADDED and change.path == entity
                self.flow_states[entity] = "added" if added else "changed"

    @property
    def is_empty(self) -> bool:
        """Whether the two versions hold the same content."""
        return self.diff.is_empty

    def flow_state(self, flow_id: str, occurrence: int = 1) -> str | None:
        """``added`` or ``changed`` for a flow of the current canvas, else ``None``."""
        return self.flow_states.get("flows" + id_segment(flow_id, occurrence))

    def mark(self, shown: Block, items: list[Item]) -> tuple[str | None, list[Item]]:
        """Mark the lines of a block; add a line for each removed thing no line shows."""
        changes = self.by_block.get(shown.key, [])
        if not changes:
            return None, items
        marked = []
        for item in items:
            state = None
            for change in changes:
                if any(_covers(path, change.path) for path in item.paths):
                    exact = change.path in item.paths
                    state = "added" if change.kind is ChangeKind.ADDED and exact else "changed"
                    break
            marked.append(attrs.evolve(item, state=state) if state else item)
        for change in changes:
            if change.path.startswith("flows["):
                continue  # the table of flows marks them
            shown_somewhere = any(_covers(p, change.path) for item in items for p in item.paths)
            gone = change.kind is ChangeKind.REMOVED or change.new in ("", (), None)
            if gone and not shown_somewhere:
                text = describe_value(change.old, self.language)
                marked.append(Item(say("removed", self.language), text, (change.path,), "removed"))
        return "changed", marked

    def lines(self, changes: Iterable[Change] | None = None) -> tuple[ChangeLine, ...]:
        """Every change (or the given ones) as a described line, in the diff's order."""
        result = []
        for change in self.diff if changes is None else changes:
            where = "" if change.block is None else block(change.block).code
            result.append(
                ChangeLine(
                    state=change.kind.value,
                    kind=say(change.kind.value, self.language),
                    block=where,
                    path=change.path,
                    old=describe_value(change.old, self.language) if change.old is not None else "",
                    new=describe_value(change.new, self.language) if change.new is not None else "",
                )
            )
        return tuple(result)
