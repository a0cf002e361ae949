"""YAML, the form people write: ruamel.yaml in round-trip mode, imported only by this module.

Loading keeps the parsed tree (comments, key order, quoting) so that an edited canvas can be
merged back into it (:mod:`cmc_core.fileformat.yaml_merge`); every node knows its line and
column, so every problem points at the file. The loader is hardened: anchors and aliases are
refused before they could expand (a "billion laughs" fails at once), nesting is limited to
:data:`MAX_DEPTH` levels, duplicate keys, tabs and syntax errors are reported with their position.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Location
from cmc_core.fileformat.converter import structure_document, unstructure_canvas
from cmc_core.fileformat.errors import CanvasLoadError, LoadProblem
from cmc_core.fileformat.locate import Position, Segments, line_column
from cmc_core.fileformat.text import EMPTY_MESSAGE, decode_text, plainify
from cmc_core.fileformat.wording import LONG_NUMBER

__all__ = [
    "MAX_DEPTH",
    "Indentation",
    "YamlLocator",
    "YamlTree",
    "decode_yaml",
    "detect_indentation",
    "dump_tree",
    "encode_yaml",
    "fits_one_line",
    "text_node",
    "to_node",
]

#: Nesting deeper than this is refused; a canvas needs about six levels.
MAX_DEPTH = 100
_ALIAS_MESSAGE = (
    "anchors and aliases (&name, *name) are not allowed in a canvas file; write the value out"
)


@attrs.frozen
class Indentation:
    """How a YAML file indents: mappings, sequences, and the dash's offset within the latter."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


@attrs.frozen
class YamlTree:
    """A parsed YAML document kept for a round trip: ruamel's tree and the file's indentation."""

    root: Any = attrs.field(eq=False)
    indentation: Indentation = Indentation()


@functools.cache
def _composer_class() -> Any:
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.events import AliasEvent

    class SafeComposer(Composer):
        """Refuses anchors and aliases before a node is built, so nothing can expand."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.parser.peek_event()
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                raise MarkedYAMLError(None, None, _ALIAS_MESSAGE, event.start_mark)
            return super().compose_node(parent, index)

    return SafeComposer


#: A UTF-16 surrogate: YAML's ``\\ud800`` escape makes one, and no UTF-8 file can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _construction_problem(error: Exception, node: Any) -> str:
    """What a value that YAML parsed but Python cannot build is, in the file's words."""
    tag = str(getattr(node, "tag", ""))
    if isinstance(error, TypeError) and "unhashable" in str(error):
        return "a mapping or a list cannot be a key; write the key as text"
    if tag.endswith(":timestamp"):
        return f"{node.value!r} is not a date that exists ({error}); put it in quotes if it is text"
    if tag.endswith(":int"):
        return LONG_NUMBER
    return f"this value cannot be read ({error})"


@functools.cache
def _constructor_class() -> Any:
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
    from ruamel.yaml.nodes import ScalarNode

    class SafeConstructor(RoundTripConstructor):
        """Turns a value YAML parsed but Python cannot build (a date that does not exist, a
        number too long to convert, a mapping as a key, a lone surrogate) into a marked error,
        which the loader reports with its line and column like a syntax error."""

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                data = super().construct_object(node, deep=deep)
            except (ValueError, TypeError) as error:
                problem = _construction_problem(error, node)
                raise ConstructorError(None, None, problem, node.start_mark) from None
            if isinstance(data, str) and _SURROGATE.search(data):
                problem = "text with a lone UTF-16 surrogate (such as \\ud800) cannot be saved"
                raise ConstructorError(None, None, problem, node.start_mark)
            return data

        def construct_mapping(self, node: Any, *args: Any, **kwargs: Any) -> Any:
            for key_node, _ in node.value:
                if not isinstance(key_node, ScalarNode):
                    problem = _construction_problem(TypeError("unhashable"), key_node)
                    raise ConstructorError(None, None, problem, key_node.start_mark)
            return super().construct_mapping(node, *args, **kwargs)

    return SafeConstructor


def _yaml(indentation: Indentation = Indentation()) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Composer = _composer_class()
    yaml.Constructor = _constructor_class()
    yaml.max_depth = MAX_DEPTH
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(
        mapping=indentation.mapping, sequence=indentation.sequence, offset=indentation.offset
    )
    return yaml


# A flow bracket outside a double-quoted string or a comment. Used only to refuse absurd nesting
# before ruamel sees it: its scanner looks ahead over a whole run of "[" and would take seconds.
_FLOW_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|(?:^|(?<=\s))#[^\n]*|[\[\]{}]', re.MULTILINE)


def _flow_depth_problem(text: str, source: str | None) -> LoadProblem | None:
    depth = 0
    for match in _FLOW_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = line_column(text, match.start())
                message = f"the document is nested more than {MAX_DEPTH} levels deep"
                return LoadProblem(message, "", Location(source, line, column))
        elif token in "]}":
            depth = max(depth - 1, 0)
    return None


def _syntax_problem(error: Exception, text: str, source: str | None) -> LoadProblem:
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    if isinstance(error, ReaderError):
        line, column = line_column(text, error.position)
        character = error.character
        code = ord(character) if isinstance(character, str) else int(character)
        message = f"invalid YAML: the character {code:#06x} is not allowed in YAML"
        return LoadProblem(message, "", Location(source, line, column))
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or "").strip()
        if type(error).__name__ == "MaxDepthExceededError":
            problem = f"the document is nested more than {MAX_DEPTH} levels deep"
        elif problem != _ALIAS_MESSAGE:
            context = (error.context or "").strip()
            problem = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
        location = Location(source, mark.line + 1, mark.column + 1) if mark else Location(source)
        return LoadProblem(problem, "", location)
    return LoadProblem(f"invalid YAML: {error}", "", Location(source))


class YamlLocator:
    """Locates paths in a parsed YAML tree: a mapping member at its key, a list item at itself.

    A path that does not exist is located at its nearest existing ancestor.
    """

    def __init__(self, root: Any, source: str | None, start: Position = (1, 1)) -> None:
        self._root = root
        self._start = start
        self.source = source

    def position(self, segments: Segments) -> Position | None:
        """The 1-based line and column of ``segments`` (or of its nearest ancestor)."""
        node: Any = self._root
        lc = getattr(node, "lc", None)
        if lc is None or lc.line is None:
            return self._start  # a scalar document: ruamel keeps no position for it
        position = (lc.line + 1, lc.col + 1)
        for segment in segments:
            lines: Any = getattr(node, "lc", None)
            if isinstance(node, dict) and segment in node:
                line, column = lines.key(segment)
                node = node[segment]
            elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
                line, column = lines.item(segment)
                node = node[segment]
            else:
                break
            position = (line + 1, column + 1)
        return position

    def __call__(self, segments: Segments) -> Location | None:
        position = self.position(segments)
        if position is None:
            return Location(self.source) if self.source else None
        return Location(self.source, *position)


# A key line, blank or comment lines, then its first child line: a key, or a dash and an item.
_PARENT = r"^( *)[^\s#-][^\n]*:[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*"
_MAPPING_CHILD = re.compile(_PARENT + r"( +)[^\s#-]", re.MULTILINE)
_SEQUENCE_CHILD = re.compile(_PARENT + r"( *)-( +)\S", re.MULTILINE)


def detect_indentation(text: str) -> Indentation:
    """The indentation a file uses, so that saving it again changes only what was edited."""
    default = Indentation()
    mapping = _MAPPING_CHILD.search(text)
    sequence = _SEQUENCE_CHILD.search(text)
    mapping_step = len(mapping.group(2)) - len(mapping.group(1)) if mapping else default.mapping
    if sequence is None:
        return Indentation(max(mapping_step, 1), default.sequence, default.offset)
    offset = len(sequence.group(2)) - len(sequence.group(1))
    dash_step = offset + 1 + len(sequence.group(3))
    return Indentation(max(mapping_step, 1), max(dash_step, 2), max(offset, 0))


def _first_content(text: str) -> Position:
    """Where the first line that is not blank, a comment or a marker starts."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%", "---")):
            return number, len(line) - len(line.lstrip()) + 1
    return 1, 1


def _parse(text: str, source: str | None) -> Any:
    """ruamel's tree of a document, with the guards every YAML read gets.

    :raises CanvasLoadError: absurd nesting, bad syntax, anchors or aliases, or nothing but
        comments.
    """
    from ruamel.yaml.error import YAMLError

    too_deep = _flow_depth_problem(text, source)
    if too_deep is not None:
        raise CanvasLoadError([too_deep], source)
    try:
        root = _yaml().load(text)
    except (YAMLError, RecursionError) as error:
        raise CanvasLoadError([_syntax_problem(error, text, source)], source) from None
    if root is None:  # nothing but comments
        raise CanvasLoadError([LoadProblem(EMPTY_MESSAGE, "", Location(source, 1, 1))], source)
    return root


def decode_yaml(
    data: bytes | str, source: str | None = None
) -> tuple[Canvas, YamlTree, YamlLocator]:
    """Read a YAML document into a canvas, keeping its tree for a round trip.

    :raises CanvasLoadError: bad bytes or syntax, unsafe constructs, bad structure or values.
    """
    text = decode_text(data, source)
    root = _parse(text, source)
    locator = YamlLocator(root, source, _first_content(text))
    canvas = structure_document(plainify(root), source, locator)
    _replace_rewritten_floats(root, text)
    return canvas, YamlTree(root, detect_indentation(text)), locator


_SCALAR_TOKEN = re.compile(r"[^\s,\]}#]+")


def _replace_rewritten_floats(root: Any, text: str) -> None:
    """Swap loaded floats that ruamel would write back differently for plain floats.

    ruamel re-formats a loaded float from its parts rather than keeping its text, and gets some
    very small numbers wrong (``7.768089868722956e-202`` comes back as ``...955e-202``); a plain
    float is written with ``repr``, which is exact. Floats that come back as written (``12.50``)
    keep their style. Runs on valid documents only, which hold few floats.
    """
    representer = _yaml().representer
    lines = text.splitlines()
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        positions: Any = node.lc
        items = list(node.items() if isinstance(node, dict) else enumerate(node))
        for key, value in items:
            if isinstance(value, dict | list):
                stack.append(value)
            elif isinstance(value, float) and type(value) is not float:
                where = positions.value if isinstance(node, dict) else positions.item
                line, column = where(key)
                written = _SCALAR_TOKEN.match(lines[line], column)
                if written is None or representer.represent_scalar_float(value).value != (
                    written.group()
                ):
                    node[key] = float(value)


def _needs_escapes(text: str) -> bool:
    """Whether a text holds characters only a double-quoted scalar keeps exactly.

    YAML folds or drops some characters elsewhere: ``\r``, NEL (U+0085) and the Unicode line and
    paragraph separators are line breaks to it, a BOM is dropped, tabs and other controls are
    fragile at the edges of a plain scalar.
    """
    return not all(character == "\n" or character.isprintable() for character in text)


def _is_literal_safe(text: str) -> bool:
    """Whether a multi-line text reads back unchanged from a ``|`` block."""
    lines = text.split("\n")
    return not text.startswith(" ") and all(line == line.rstrip() for line in lines)


def text_node(text: str) -> Any:
    """A text as the scalar style that reads back exactly and reads best."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if _needs_escapes(text):
        return DoubleQuotedScalarString(text)
    if "\n" in text and _is_literal_safe(text):
        return LiteralScalarString(text)
    if text.startswith(("?", ":")):
        # ruamel leaves "?x" and ": x" unquoted inside [..] and {..}, where they break.
        return SingleQuotedScalarString(text)
    return text


# Items safe to write in a one-line list: a word or a few (ids, roles, names), no YAML punctuation.
_WORD = re.compile(r"[^\W\d][\w.@/+-]*(?: [\w.@/+-]+)*")


def fits_one_line(items: list[Any]) -> bool:
    """Whether a list can be written as ``[a, b]``: only plain words (ruamel misquotes some
    punctuation, such as a leading ``? ``, inside such a list)."""
    return all(isinstance(item, str) and _WORD.fullmatch(item) for item in items)


def to_node(value: Any) -> Any:
    """Plain data as ruamel nodes styled for people.

    Short lists of words go on one line (``roles: [supplier, demander]``), multi-line text
    becomes a ``|`` block; everything else is block style.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        return CommentedMap((key, to_node(item)) for key, item in value.items())
    if isinstance(value, list):
        sequence = CommentedSeq(to_node(item) for item in value)
        if value and fits_one_line(value) and sum(len(item) + 2 for item in value) <= 60:
            sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str):
        return text_node(value)
    return value


def dump_tree(tree: YamlTree) -> str:
    """The YAML text of a tree."""
    stream = io.StringIO()
    _yaml(tree.indentation).dump(tree.root, stream)
    return stream.getvalue()


def encode_yaml(canvas: Canvas) -> str:
    """A fresh YAML text of a canvas (no earlier file to keep comments from)."""
    return dump_tree(YamlTree(to_node(unstructure_canvas(canvas))))


def read_yaml_data(data: bytes | str, source: str | None = None) -> tuple[Any, YamlLocator]:
    """Any YAML document (answers, questionnaires) as plain data, with a locator for messages.

    The same guards as for canvases apply: no aliases, bounded nesting, UTF-8 only.

    :raises CanvasLoadError: bad bytes or syntax, unsafe constructs, or an empty document.
    """
    text = decode_text(data, source)
    root = _parse(text, source)
    return plainify(root), YamlLocator(root, source, _first_content(text))


def write_yaml_data(value: Any) -> str:
    """Plain data as YAML text styled for people (see :func:`to_node`)."""
    return dump_tree(YamlTree(to_node(value)))
