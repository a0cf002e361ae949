"""JSON, the canonical machine form: read and written through the msgspec mirrors.

Reading decodes into the mirrors first (:mod:`cmc_core.fileformat.mirror`), the fast path for
bulk documents; a document they decline is parsed by orjson, whose syntax errors carry a line
and column, and read by the detailed path, which explains every problem.

The written form is deterministic and diff-friendly: keys in model field order (never sorted,
so a canvas reads top-down like the paper canvas), 2-space indentation, a trailing newline, UTF-8
without escapes. Positions of paths are found on demand by scanning the text, and only for texts
up to :data:`~cmc_core.fileformat.locate.JSON_LOCATE_LIMIT`: a bulk document is not kept in memory
just in case a message needs a line number.
"""

from __future__ import annotations

import orjson

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Location
from cmc_core.fileformat.converter import structure_document
from cmc_core.fileformat.errors import CanvasLoadError, LoadProblem, LoadProblemKind
from cmc_core.fileformat.locate import (
    JSON_LOCATE_LIMIT,
    Position,
    Segments,
    json_positions,
    nearest,
)
from cmc_core.fileformat.mirror import decode_mirrored
from cmc_core.fileformat.reasons import json_reason
from cmc_core.fileformat.text import empty_problem, not_utf8_problem
from cmc_core.fileformat.writer import encode_mirrored
from cmc_core.gctools import gc_paused
from cmc_core.translation import Messages

__all__ = ["JsonLocator", "decode_json", "encode_json"]

_ = Messages("cmc_core", "files")

_BOM = b"\xef\xbb\xbf"
#: orjson's words for a character JSON does not allow: a raw control character in a string, a
#: lone surrogate (escaped, or in text given as ``str``).
_CHARACTER_WORDS = ("control character", "surrogate", "not valid UTF-8")


class JsonLocator:
    """Locates paths in a JSON text, indexing it on first use (and only if it is small enough).

    :param text: the document; dropped at once when larger than ``JSON_LOCATE_LIMIT``.
    :param source: the file name put in every location.
    """

    def __init__(self, text: str | None, source: str | None) -> None:
        self._text = text if text is not None and len(text) <= JSON_LOCATE_LIMIT else None
        self._positions: dict[Segments, Position] | None = None
        self.source = source

    def __call__(self, segments: Segments) -> Location | None:
        if self._text is not None and self._positions is None:
            self._positions = json_positions(self._text)
            self._text = None
        position = nearest(self._positions, segments) if self._positions else None
        if position is None:
            return Location(self.source) if self.source else None
        return Location(self.source, *position)


def _text(data: bytes | str) -> str | None:
    """The document as text, for locating paths, when it is small enough to keep."""
    if len(data) > JSON_LOCATE_LIMIT:
        return None
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def _syntax_problem(
    data: bytes | str, error: orjson.JSONDecodeError, source: str | None
) -> LoadProblem:
    if isinstance(data, bytes):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as bad:
            return not_utf8_problem(data, bad.start, source)
    message = _("invalid JSON: {reason}", reason=json_reason(error.msg))
    kind: LoadProblemKind = "syntax"
    if "infinity" in error.msg:  # orjson's words for a number beyond a float
        message = _("invalid JSON: a number too large to read (beyond 1.8e308)")
        kind = "too-large"
    elif "depth limit" in error.msg:
        message = _("invalid JSON: the document is nested too deeply (more than 1024 levels)")
        kind = "unsafe"
    elif any(word in error.msg for word in _CHARACTER_WORDS):
        kind = "encoding"
    return LoadProblem(message, "", Location(source, error.lineno, error.colno), kind=kind)


def decode_json(data: bytes | str, source: str | None = None) -> tuple[Canvas, JsonLocator]:
    """Read a JSON document into a canvas.

    :returns: the canvas and a locator for its paths (for diagnostics).
    :raises CanvasLoadError: bad JSON, bad structure or values, unreadable version.
    """
    if isinstance(data, bytes) and data.startswith(_BOM):
        data = data[len(_BOM) :]
    elif isinstance(data, str) and data.startswith("\ufeff"):
        data = data[1:]
    if not data or data.isspace():  # no strip(): it would copy a large document
        raise CanvasLoadError([empty_problem(source)], source)
    # One pause for parsing and building: the parsed tree must not be scanned by the collector
    # in between, and it is dropped when this function returns (only the canvas is kept).
    with gc_paused():
        canvas = decode_mirrored(data)
        if canvas is not None:
            return canvas, JsonLocator(_text(data), source)
        try:
            tree = orjson.loads(data)
        except orjson.JSONDecodeError as error:
            raise CanvasLoadError([_syntax_problem(data, error, source)], source) from None
        locator = JsonLocator(_text(data), source)
        return structure_document(tree, source, locator), locator


def encode_json(canvas: Canvas) -> bytes:
    """The canonical JSON form of a canvas, as UTF-8 bytes ending in a newline."""
    with gc_paused():
        return encode_mirrored(canvas)
