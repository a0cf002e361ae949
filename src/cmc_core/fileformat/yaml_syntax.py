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
from cmc_core.translation import N_, Messages

__all__ = [
    "ALIAS_MESSAGE",
    "DEPTH_MESSAGE",
    "MAX_DEPTH",
    "depth_message",
    "location",
    "say",
    "syntax_problem",
]

_ = Messages("cmc_core", "files")

#: Nesting deeper than this is refused; a canvas needs about six levels.
MAX_DEPTH = 100
ALIAS_MESSAGE = N_(
    "anchors and aliases (&name, *name) are not allowed in a canvas file; write the value out"
)
DEPTH_MESSAGE = N_("the document is nested more than {depth} levels deep")
_SURROGATE_MESSAGE = N_("text with a lone UTF-16 surrogate (such as \\ud800) cannot be saved")
#: What libyaml says most often, for the catalog: a message is shown in the current language
#: when the catalog has it, else as libyaml wrote it.
_LIBYAML_WORDS = (
    N_("mapping values are not allowed in this context"),
    N_("did not find expected key"),
    N_("did not find expected ',' or ']'"),
    N_("did not find expected ',' or '}'"),
    N_("did not find expected node content"),
    N_("did not find expected '-' indicator"),
    N_("could not find expected ':'"),
    N_("found unexpected end of stream"),
    N_("found unexpected ':'"),
    N_("found undefined tag handle"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"),
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a block node"),
    N_("while parsing a flow node"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a simple key"),
    N_("while scanning a plain scalar"),
    N_("while scanning a block scalar"),
    N_("while scanning for the next token"),
    N_("while scanning an anchor"),
    N_("while scanning an alias"),
    N_("while scanning a tag"),
    N_("did not find expected <document start>"),
    N_("found unknown escape character"),
    N_("found invalid Unicode character escape code"),
    N_("found incompatible YAML document"),
    N_("did not find expected alphabetic or numeric character"),
    N_("did not find the expected '>'"),
    N_("found unknown directive name"),
    N_("found duplicate %YAML directive"),
    N_("found duplicate %TAG directive"),
    N_("found a tab character where an indentation space is expected"),
    N_("did not find expected hexdecimal number"),
    N_("did not find expected comment or line break"),
    N_("found character that cannot start any token"),
    N_("while parsing a quoted scalar"),
    N_("while parsing a node"),
    N_("while scanning a directive"),
)


def depth_message() -> str:
    """The message of a document nested too deeply, in the current language."""
    return _.translate(DEPTH_MESSAGE, depth=MAX_DEPTH)


def say(message: str) -> str:
    """One of the guards' messages above in the current language."""
    return depth_message() if message == DEPTH_MESSAGE else _.translate(message)


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
        message = _("invalid YAML: the text cannot be read")
        return LoadProblem(message, "", Location(source), kind="encoding")
    character = f"{ord(found.group()):#06x}"
    message = _(
        "invalid YAML: the character {character} is not allowed in YAML", character=character
    )
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
        return LoadProblem(depth_message(), "", where, kind="unsafe")
    if problem == "found character that cannot start any token" and mark is not None:
        character = _line(text, mark)[mark.column : mark.column + 1]
        problem = _(
            "found character {character} that cannot start any token", character=repr(character)
        )
    if problem == "found invalid Unicode character escape code" and mark is not None:
        line = _line(text, mark)
        width = {"x": 2, "u": 4, "U": 8}.get(line[mark.column - 1 : mark.column], 0)
        digits = line[mark.column : mark.column + width]
        surrogate = bool(digits) and 0xD800 <= int(digits, 16) <= 0xDFFF
        if surrogate and error.context_mark is not None:
            where = location(source, error.context_mark)
            message = _("invalid YAML: {reason}", reason=_.translate(_SURROGATE_MESSAGE))
            return LoadProblem(message, "", where, kind="encoding")
    problem, context = _.translate(problem), _.translate(context) if context else ""
    message = _("invalid YAML: {reason}", reason=problem) + (f" ({context})" if context else "")
    where = location(source, mark) if mark else Location(source)
    return LoadProblem(message, "", where, kind="syntax")
