"""What libyaml reports, in the file's words: syntax errors, bad characters, deep nesting.

libyaml's messages are close to ruamel.yaml's (both descend from PyYAML's); where ruamel.yaml
said more (which character cannot start a token, that an escape makes a lone surrogate), the
message says it as ruamel.yaml did, at the same place. The guards' own messages are here too, so
that every reader of YAML words them alike.
"""

from __future__ import annotations

import re
from typing import Any

from cmc_core.diagnostics import Location
from cmc_core.fileformat.errors import LoadProblem
from cmc_core.fileformat.locate import Position, line_column

__all__ = ["ALIAS_MESSAGE", "DEPTH_MESSAGE", "MAX_DEPTH", "location", "syntax_problem"]

#: Nesting deeper than this is refused; a canvas needs about six levels.
MAX_DEPTH = 100
ALIAS_MESSAGE = (
    "anchors and aliases (&name, *name) are not allowed in a canvas file; write the value out"
)
DEPTH_MESSAGE = f"the document is nested more than {MAX_DEPTH} levels deep"
_SURROGATE_MESSAGE = "text with a lone UTF-16 surrogate (such as \\ud800) cannot be saved"
#: A character YAML does not allow in a document (ruamel.yaml's and libyaml's set), written as
#: the disallowed ranges: the complement of the allowed ones took 7 ms to compile, on every run.
_NOT_PRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)


def location(source: str | None, mark: Any) -> Location:
    """The location of a libyaml mark (0-based line and column) in a file."""
    return Location(source, mark.line + 1, mark.column + 1)


# A flow bracket outside a double-quoted string or a comment: where a document nested beyond
# libyaml's own limit passed MAX_DEPTH (libyaml refuses it before giving any event).
_FLOW_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|(?:^|(?<=\s))#[^\n]*|[\[\]{}]', re.MULTILINE)


def _flow_depth_position(text: str) -> Position | None:
    depth = 0
    for match in _FLOW_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line_column(text, match.start())
        elif token in "]}":
            depth = max(depth - 1, 0)
    return None


def _line(text: str, mark: Any) -> str:
    lines = text.splitlines()
    return lines[mark.line] if mark.line < len(lines) else ""


def _unreadable_character(text: str, source: str | None) -> LoadProblem:
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        message = "invalid YAML: the text cannot be read"
        return LoadProblem(message, "", Location(source), kind="encoding")
    message = f"invalid YAML: the character {ord(found.group()):#06x} is not allowed in YAML"
    where = Location(source, *line_column(text, found.start()))
    return LoadProblem(message, "", where, kind="encoding")


def syntax_problem(error: Exception, text: str, source: str | None) -> LoadProblem:
    """A problem libyaml found, in ruamel.yaml's words where they were clearer."""
    from yaml import MarkedYAMLError

    if not isinstance(error, MarkedYAMLError):  # a ReaderError, or a lone surrogate in the text
        return _unreadable_character(text, source)
    mark = error.problem_mark or error.context_mark
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    if problem == "exceeded maximum nesting depth":
        position = _flow_depth_position(text)
        where = Location(source, *position) if position else location(source, mark)
        return LoadProblem(DEPTH_MESSAGE, "", where, kind="unsafe")
    if problem == "found character that cannot start any token" and mark is not None:
        character = _line(text, mark)[mark.column : mark.column + 1]
        problem = f"found character {character!r} that cannot start any token"
    if problem == "found invalid Unicode character escape code" and mark is not None:
        line = _line(text, mark)
        width = {"x": 2, "u": 4, "U": 8}.get(line[mark.column - 1 : mark.column], 0)
        digits = line[mark.column : mark.column + width]
        surrogate = bool(digits) and 0xD800 <= int(digits, 16) <= 0xDFFF
        if surrogate and error.context_mark is not None:
            where = location(source, error.context_mark)
            return LoadProblem(f"invalid YAML: {_SURROGATE_MESSAGE}", "", where, kind="encoding")
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    where = location(source, mark) if mark else Location(source)
    return LoadProblem(message, "", where, kind="syntax")
