"""Where a path was written in a YAML text, found by reading the text once more when asked.

The fast reader (:mod:`cmc_core.fileformat.yaml_load`) keeps no positions: most documents never
need one. When a message or a diagnostic does, :class:`YamlLocator` has libyaml parse the text
again and keeps a compact index: the line and column of every key and list item in two arrays,
and per mapping a dict from key to entry (per list, the entries of its items). Unlike a node
tree, the index holds no object per scalar, so it is quick to build and costs the garbage
collector next to nothing. A mapping member is located at its key, a list item at itself; keys
are matched as the reader read them (``1:`` is the key ``"1"``, ``~:`` the key ``"~"``).
"""

from __future__ import annotations

from array import array
from typing import Any, Final

import attrs

from cmc_core.diagnostics import Location
from cmc_core.fileformat.locate import Position, Segments
from cmc_core.fileformat.yaml_scalars import MERGE, ScalarError, explicit_key, key_text, resolver
from cmc_core.gctools import gc_paused

__all__ = ["RecordedPositions", "YamlLocator", "first_content"]

_UNREAD: Final = object()
#: A collection: a mapping's entries by key, or a list's entries in order.
_Members = dict[str, int] | list[int]


@attrs.define
class _Index:
    """Positions of a document's keys and list items, and what each of them holds.

    An entry is a key (whose value it stands for) or a list item: its 0-based ``lines`` and
    ``columns``, and in ``children`` the collection its value is (an index into
    ``collections``), or -1 for a scalar. Collection 0 is the document's root, which starts at
    ``root``; a document that is a scalar has no collections.
    """

    root: tuple[int, int] = (0, 0)
    lines: array[int] = attrs.field(factory=lambda: array("l"))
    columns: array[int] = attrs.field(factory=lambda: array("l"))
    children: array[int] = attrs.field(factory=lambda: array("l"))
    collections: list[_Members] = attrs.field(factory=list)

    def add(self, mark: Any) -> int:
        """A new entry at ``mark``, holding a scalar until told otherwise."""
        self.lines.append(mark.line)
        self.columns.append(mark.column)
        self.children.append(-1)
        return len(self.lines) - 1

    def merge(self, mapping: dict[str, int], entries: list[int]) -> None:
        """Add the members of merged mappings (``<<``) that ``mapping`` does not have itself."""
        for entry in entries:
            merged = self.collections[self.children[entry]] if self.children[entry] >= 0 else []
            sources = [merged] if isinstance(merged, dict) else merged
            for source in sources:
                members = source if isinstance(source, dict) else self._mapping_of(source)
                for key, member in members.items():
                    mapping.setdefault(key, member)

    def _mapping_of(self, entry: int) -> dict[str, int]:
        child = self.children[entry]
        members = self.collections[child] if child >= 0 else None
        return members if isinstance(members, dict) else {}


def _read_index(text: str, version: Any) -> _Index:
    """The index of a text, from libyaml's events (see :class:`_Index`)."""
    from yaml._yaml import CParser
    from yaml.events import (
        CollectionEndEvent,
        DocumentEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceStartEvent,
    )

    key_of = resolver(version, as_key=True)
    index = _Index()
    get_event = CParser(text).get_event
    get_event(), get_event()  # the stream's and the document's start
    stack: list[tuple[Any, ...]] = []
    # The collection being read (None around the root), whether a key comes next in it, the
    # entry whose value comes next, and the merge keys (<<) seen in it.
    members: Any = None
    merges: list[int] = []
    at_key, entry = False, -1
    while True:
        event = get_event()
        kind = type(event)
        if isinstance(event, CollectionEndEvent):
            if merges:
                index.merge(members, merges)
            members, at_key, entry, merges = stack.pop()
            continue
        if kind is DocumentEndEvent:
            return index
        if members is None:
            index.root = (event.start_mark.line, event.start_mark.column)
        elif at_key:  # a key: its entry stands for the member
            entry, at_key = index.add(event.start_mark), False
            key = _key(event, key_of, version) if kind is ScalarEvent else None
            if key is MERGE:
                merges.append(entry)
            elif key is not None:
                members[key] = entry
        elif type(members) is dict:  # a member's value: its key's entry
            at_key = True
        else:  # a list item
            entry = index.add(event.start_mark)
            members.append(entry)
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            if members is not None:
                index.children[entry] = len(index.collections)
            stack.append((members, at_key, entry, merges))
            members = {} if kind is MappingStartEvent else []
            index.collections.append(members)
            at_key, merges = kind is MappingStartEvent, []


def _key(event: Any, key_of: Any, version: Any) -> Any:
    """A key scalar's key as the reader read it: text, :data:`MERGE`, or ``None``."""
    tag, text = event.tag, event.value
    try:
        if tag is not None and tag != "!":
            return explicit_key(tag, text, version)
        key = key_of(text) if event.implicit[0] else text
    except ScalarError:
        return None
    return key if isinstance(key, str) or key is MERGE else key_text(key)


class RecordedPositions:
    """The positions the reader recorded while it built a document's plain data: where the
    document, each key and each list item starts, in document order, with the data itself.

    An entry's number follows from the data: the document is entry 0, and the members of a
    collection whose entry is ``e`` follow it, each member taking one entry for itself (its
    key, or the item) and as many as its value holds. Only for data whose shape is the
    document's (no merges, no ``!!set`` or ``!!omap``): the reader does not record otherwise.

    :param data: the plain data.
    :param lines: the 0-based line of every entry.
    :param columns: the 0-based column of every entry.
    """

    def __init__(self, data: Any, lines: array[int], columns: array[int]) -> None:
        self.data = data
        self.lines = lines
        self.columns = columns
        self._sizes: dict[int, int] = {}
        self._orders: dict[int, tuple[dict[str, int], list[int]]] = {}

    def _size(self, value: Any) -> int:
        """How many entries a value holds (its members, and theirs)."""
        if type(value) is dict:
            members: Any = value.values()
        elif type(value) is list:
            members = value
        else:
            return 0
        size = self._sizes.get(id(value))
        if size is None:
            size = self._sizes[id(value)] = sum(1 + self._size(member) for member in members)
        return size

    def _order(self, value: Any) -> tuple[dict[str, int], list[int]]:
        """A collection's keys by their place, and where each member's entry starts."""
        order = self._orders.get(id(value))
        if order is None:
            members = list(value.values()) if type(value) is dict else value
            places = {key: place for place, key in enumerate(value)} if type(value) is dict else {}
            offsets, offset = [], 0
            for member in members:
                offsets.append(offset)
                offset += 1 + self._size(member)
            order = self._orders[id(value)] = (places, offsets)
        return order

    def position(self, segments: Segments) -> Position:
        """The 1-based line and column of ``segments`` (or of its nearest ancestor)."""
        entry, value = 0, self.data
        for segment in segments:
            if type(value) is dict and isinstance(segment, str):
                places, offsets = self._order(value)
                place = places.get(segment)
                if place is None:
                    break
                value = value[segment]
            elif type(value) is list and isinstance(segment, int) and 0 <= segment < len(value):
                place, offsets = segment, self._order(value)[1]
                value = value[segment]
            else:
                break
            entry += 1 + offsets[place]
        return self.lines[entry] + 1, self.columns[entry] + 1


def first_content(text: str) -> Position:
    """Where the first line that is not blank, a comment or a marker starts."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%", "---")):
            return number, len(line) - len(line.lstrip()) + 1
    return 1, 1


class YamlLocator:
    """Locates paths in a YAML text: a mapping member at its key, a list item at itself.

    A path that does not exist is located at its nearest existing ancestor. The text is read
    for positions on the first call, and the index kept for the next ones.

    :param text: the document, which has been read without problems up to its structure.
    :param source: the file name put in every location.
    :param version: the document's ``%YAML`` version, which decides what a key like ``yes`` is.
    """

    def __init__(
        self,
        text: str,
        source: str | None,
        version: Any = None,
        recorded: RecordedPositions | None = None,
    ) -> None:
        self._text = text
        self._version = version
        self._index: Any = _UNREAD
        self._recorded = recorded
        self.source = source

    def forget_data(self) -> None:
        """Stop using the positions recorded with the plain data, and let the data go: later
        calls read the text again. For a document kept after it has been read."""
        self._recorded = None

    def _read(self) -> _Index | None:
        if self._index is _UNREAD:
            from yaml import YAMLError

            try:
                with gc_paused():  # arrays and a dict per collection: no cycles to look for
                    self._index = _read_index(self._text, self._version)
            except (YAMLError, UnicodeEncodeError):
                self._index = None
        return self._index  # type: ignore[no-any-return]

    def position(self, segments: Segments) -> Position | None:
        """The 1-based line and column of ``segments`` (or of its nearest ancestor)."""
        recorded = self._recorded
        if recorded is not None and type(recorded.data) in (dict, list):
            return recorded.position(segments)
        index = self._read()
        if index is None:
            return None
        if not index.collections:  # the document is a scalar
            return first_content(self._text)
        line, column = index.root
        members: Any = index.collections[0]
        for segment in segments:
            if type(members) is dict and isinstance(segment, str):
                entry = members.get(segment)
            elif type(members) is list and isinstance(segment, int) and segment >= 0:
                entry = members[segment] if segment < len(members) else None
            else:
                entry = None
            if entry is None:
                break
            line, column = index.lines[entry], index.columns[entry]
            child = index.children[entry]
            members = index.collections[child] if child >= 0 else None
        return line + 1, column + 1

    def __call__(self, segments: Segments) -> Location | None:
        position = self.position(segments)
        if position is None:
            return Location(self.source) if self.source else None
        return Location(self.source, *position)
