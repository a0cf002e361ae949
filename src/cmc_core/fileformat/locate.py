"""Logical paths (``flows[3].to``) and where they were written in a file.

A path is kept as a tuple of segments internally (``("flows", 3, "to")``), so that keys holding
dots or brackets cannot be misread, and formatted only for people. A mapping member is located at
its key (the start of ``to: p-x``), a list item at the item.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable

from cmc_core.diagnostics import Location

__all__ = [
    "JSON_LOCATE_LIMIT",
    "Locator",
    "Position",
    "Segments",
    "file_locator",
    "format_path",
    "json_positions",
    "line_column",
    "nearest",
    "parse_path",
]

Segments = tuple[str | int, ...]
#: A 1-based (line, column).
Position = tuple[int, int]
#: Gives the location of a path (or of its nearest written ancestor), if known.
Locator = Callable[[Segments], Location | None]

#: JSON texts up to this size keep their text so that paths can be located on demand; indexing
#: positions costs about a second per 10 MB, too slow to do for a bulk document on every report.
JSON_LOCATE_LIMIT = 4_000_000

_SEGMENT = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def file_locator(source: str | None) -> Locator:
    """A locator for documents that keep no positions (TOML, plain data): just the file."""

    def locate(_segments: Segments) -> Location | None:
        return Location(source) if source else None

    return locate


def format_path(segments: Segments) -> str:
    """``("flows", 3, "to")`` -> ``flows[3].to``; the root is ``""``."""
    parts: list[str] = []
    for segment in segments:
        if isinstance(segment, int):
            parts.append(f"[{segment}]")
        else:
            parts.append(f".{segment}" if parts else str(segment))
    return "".join(parts)


def parse_path(path: str) -> Segments:
    """``flows[3].to`` -> ``("flows", 3, "to")`` (the inverse of :func:`format_path`)."""
    segments: list[str | int] = []
    for match in _SEGMENT.finditer(path):
        index, key = match.groups()
        segments.append(int(index) if index is not None else key)
    return tuple(segments)


def nearest(positions: dict[Segments, Position], segments: Segments) -> Position | None:
    """The position of ``segments``, else of its nearest ancestor that has one."""
    for end in range(len(segments), -1, -1):
        position = positions.get(segments[:end])
        if position is not None:
            return position
    return None


def line_column(text: str, offset: int) -> Position:
    """The 1-based line and column of a character offset."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line + 1, offset - start + 1


# A JSON token: a string, a structural character, or a bare literal (number, true, false, null).
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


class _Open:
    """A JSON container being scanned: its path and where the scan is inside it."""

    __slots__ = ("expecting_key", "is_object", "member", "path")

    def __init__(self, path: Segments, is_object: bool) -> None:
        self.path = path
        self.is_object = is_object
        self.expecting_key = is_object
        self.member: str | int = 0  # the current key, or the current item's index


def json_positions(text: str) -> dict[Segments, Position]:
    """The position of every key and list item of a JSON document that orjson accepted.

    An iterative scan (deep documents cannot overflow the stack); members are located at their
    key, list items at their first character, the root at its first character.
    """
    offsets: dict[Segments, int] = {}
    stack: list[_Open] = []
    for match in _JSON_TOKEN.finditer(text):
        token, offset = match.group(), match.start()
        top = stack[-1] if stack else None
        if token in "}]":
            stack.pop()
            continue
        if token == ",":
            if top is not None and top.is_object:
                top.expecting_key = True
            elif top is not None:
                top.member = int(top.member) + 1
            continue
        if token == ":":
            continue
        if top is None:
            path: Segments = ()
        elif top.expecting_key:
            top.member, top.expecting_key = json.loads(token), False
            offsets[(*top.path, top.member)] = offset
            continue
        else:
            path = (*top.path, top.member)
        offsets.setdefault(path, offset)  # an object member is already located at its key
        if token in "{[":
            stack.append(_Open(path, token == "{"))
    starts = [0, *(newline.end() for newline in re.finditer("\n", text))]
    positions: dict[Segments, Position] = {}
    for segments, offset in offsets.items():
        line = bisect.bisect_right(starts, offset)
        positions[segments] = (line, offset - starts[line - 1] + 1)
    return positions
