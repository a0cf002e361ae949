"""From file bytes to text and from parser values to plain data, shared by the text formats."""

from __future__ import annotations

import datetime
from typing import Any

from cmc_core.diagnostics import Location
from cmc_core.fileformat.errors import CanvasLoadError, LoadProblem
from cmc_core.fileformat.locate import line_column
from cmc_core.translation import N_, Messages

__all__ = ["EMPTY_MESSAGE", "decode_text", "empty_problem", "not_utf8_problem", "plainify"]

_ = Messages("cmc_core", "files")

EMPTY_MESSAGE = N_("the file is empty; a canvas needs at least schema_version")


def not_utf8_problem(data: bytes, start: int, source: str | None) -> LoadProblem:
    """The problem for bytes that are not UTF-8, pointing at the first bad byte."""
    prefix = data[:start].decode("utf-8", errors="replace")
    line, column = line_column(prefix, len(prefix))
    byte = f"0x{data[start]:02x}"
    message = _(
        "the file is not UTF-8 text: byte {byte} cannot be decoded "
        "(is it a canvas file? save it as UTF-8)",
        byte=byte,
    )
    return LoadProblem(message, "", Location(source, line, column), kind="encoding")


def empty_problem(source: str | None) -> LoadProblem:
    """The problem of a document with nothing in it, at its start."""
    return LoadProblem(_.translate(EMPTY_MESSAGE), "", Location(source, 1, 1), kind="empty")


def decode_text(data: bytes | str, source: str | None) -> str:
    """The document as text: strict UTF-8, without a byte order mark, and not empty.

    :raises CanvasLoadError: bytes that are not UTF-8, or nothing but white space.
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CanvasLoadError([not_utf8_problem(data, error.start, source)], source) from None
    else:
        text = data
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():
        raise CanvasLoadError([empty_problem(source)], source)
    return text


def plainify(value: Any) -> Any:
    """Parser output as plain JSON-like data: exact ``dict``/``list``/``str``/``int``/``float``.

    Parsers hand out subclasses that carry comments or styles (ruamel) and dates for unquoted
    ``2024-05-01`` (YAML and TOML); a date is read as its ISO text, since the model keeps dates
    as text. Keys are made text too. Anything else is left as it is, for the converter to refuse
    with a message. Recursive: the parsers bound the depth before this runs.
    """
    if isinstance(value, dict):
        # a null key (``~:``) is written as YAML writes it, not as Python's "None"
        return {"~" if key is None else str(key): plainify(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plainify(item) for item in value]
    if isinstance(value, bool) or type(value).__name__ == "ScalarBoolean":
        # ruamel's ScalarBoolean (an anchored boolean) subclasses int, not bool.
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value
