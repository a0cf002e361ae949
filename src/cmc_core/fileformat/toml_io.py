"""TOML, the optional third form: tomllib in, tomli_w out (imported only when used).

TOML has no null; the written form never needs one because defaults (all the ``None``s among
them) are left out. tomllib reports no positions for values, so problems in a TOML file name the
file and the path but no line, except syntax errors, which carry tomllib's line and column.
"""

from __future__ import annotations

import re
from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Location
from cmc_core.fileformat.converter import structure_document, unstructure_canvas
from cmc_core.fileformat.errors import CanvasLoadError, LoadProblem, LoadProblemKind
from cmc_core.fileformat.locate import file_locator
from cmc_core.fileformat.reasons import toml_reason
from cmc_core.fileformat.text import decode_text, plainify
from cmc_core.fileformat.wording import LONG_NUMBER
from cmc_core.translation import Messages

__all__ = ["decode_toml", "encode_toml"]

_ = Messages("cmc_core", "files")

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def decode_toml(data: bytes | str, source: str | None = None) -> Canvas:
    """Read a TOML document into a canvas.

    :raises CanvasLoadError: bad bytes or syntax, bad structure or values.
    """
    import tomllib

    text = decode_text(data, source)
    try:
        tree = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = _AT.search(message)
        location = Location(source)
        if at is not None:
            location = Location(source, int(at.group(1)), int(at.group(2)))
            message = message[: at.start()]
        said = _("invalid TOML: {reason}", reason=toml_reason(message))
        problem = LoadProblem(said, "", location, kind=_kind(message))
        raise CanvasLoadError([problem], source) from None
    except RecursionError:
        message = _("invalid TOML: the document is nested too deeply")
        problem = LoadProblem(message, "", Location(source), kind="unsafe")
        raise CanvasLoadError([problem], source) from None
    except ValueError:  # tomllib converts integers with int(), which refuses 4,300+ digits
        message = _("invalid TOML: {reason}", reason=LONG_NUMBER)
        problem = LoadProblem(message, "", _long_number(text, source), kind="too-large")
        raise CanvasLoadError([problem], source) from None
    return structure_document(plainify(tree), source, file_locator(source))


def _kind(message: str) -> LoadProblemKind:
    """The kind of a tomllib error, from its words: a key or table given twice (``Cannot
    overwrite a value``, ``Cannot declare ('x',) twice``, ``Cannot mutate immutable namespace``
    for a key added to an inline table), a character TOML does not allow, or any other syntax
    error."""
    if message.startswith(("Cannot overwrite", "Cannot mutate")) or message.endswith("twice"):
        return "duplicate-key"
    if message.startswith("Illegal character"):
        return "encoding"
    return "syntax"


def _long_number(text: str, source: str | None) -> Location:
    """Where the first run of more than 4,300 digits starts."""
    found = re.search(r"\d{4301,}", text)
    if found is None:
        return Location(source)
    line = text.count("\n", 0, found.start()) + 1
    return Location(source, line, found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1)


def _has_carriage_return(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_carriage_return(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_carriage_return(item) for item in value)
    return False


def encode_toml(canvas: Canvas) -> str:
    """The TOML text of a canvas; multi-line text is written as ``\"\"\"`` blocks.

    Unless some text holds a carriage return: tomli_w turns ``\r\n`` into ``\n`` in such
    blocks, so then every text is written on one line, with escapes, to stay exact.
    """
    import tomli_w

    data = unstructure_canvas(canvas)
    return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))
