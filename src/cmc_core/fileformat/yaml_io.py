"""YAML, the form people write: read fast through libyaml, kept for a round trip by ruamel.yaml.

Reading (:func:`decode_yaml`, :func:`read_yaml_data`) goes through libyaml's C parser with every
guard (:mod:`cmc_core.fileformat.yaml_load`): anchors and aliases refused before anything could
expand, nesting limited to :data:`MAX_DEPTH` levels, duplicate keys, tabs and syntax errors
reported with their position. About 30 µs per flow of a canvas, less than PyYAML's own
``yaml.load`` with its C loader takes for the same text (``benchmarks/yaml_speed.py``).

Keeping comments through an edit is ruamel.yaml's work, in round-trip mode, and only there: a
loaded document keeps its text, and :class:`YamlTree` parses it with ruamel.yaml the first time
an edit is merged into it (:mod:`cmc_core.fileformat.yaml_merge`), at about 3 ms per KB. Writing a
fresh document (:func:`encode_yaml`, :func:`write_yaml_data`) uses ruamel.yaml's emitter, styled
for people. ruamel.yaml and PyYAML are imported inside the functions that use them.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any, NamedTuple

import attrs

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.fileformat.converter import structure_document, unstructure_canvas
from cmc_core.fileformat.errors import CanvasLoadError, LoadProblem
from cmc_core.fileformat.text import decode_text
from cmc_core.fileformat.yaml_load import (
    ALIAS_MESSAGE,
    MAX_DEPTH,
    YamlLocator,
    load_yaml,
    read_yaml_data,
)

__all__ = [
    "MAX_DEPTH",
    "DecodedYaml",
    "Indentation",
    "YamlLocator",
    "YamlTree",
    "decode_yaml",
    "detect_indentation",
    "dump_tree",
    "encode_yaml",
    "fits_one_line",
    "read_yaml_data",
    "text_node",
    "to_node",
    "write_yaml_data",
]


@attrs.frozen
class Indentation:
    """How a YAML file indents: mappings, sequences, and the dash's offset within the latter."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


class YamlTree:
    """A YAML document kept for a round trip: ruamel.yaml's tree and the file's indentation.

    A tree read from a file keeps the file's ``text`` and parses it with ruamel.yaml only when
    :attr:`root` is first asked for (to merge an edit into it); until then :func:`dump_tree`
    gives the text back as it was. Such a root must not be changed in place: merging works on a
    copy (:func:`~cmc_core.fileformat.yaml_merge.merged_tree`).

    :param root: ruamel.yaml's tree, for a tree built in memory.
    :param indentation: how to indent it (by default, detected from the text).
    :param text: the text the tree is read from, for a tree read from a file.
    """

    def __init__(
        self,
        root: Any = None,
        indentation: Indentation | None = None,
        *,
        text: str | None = None,
    ) -> None:
        self._root = root
        self._indentation = indentation
        self.text = text

    @property
    def root(self) -> Any:
        """ruamel.yaml's tree (comments, key order, quoting).

        :raises CanvasLoadError: ruamel.yaml cannot read the text (which libyaml read).
        """
        if self._root is None and self.text is not None:
            self._root = _round_trip_root(self.text)
        return self._root

    @property
    def indentation(self) -> Indentation:
        """How the file indents, so that saving it again changes only what was edited."""
        if self._indentation is None:
            self._indentation = detect_indentation(self.text or "")
        return self._indentation


class DecodedYaml(NamedTuple):
    """A canvas read from YAML, with what a round trip and messages need.

    :param canvas: the canvas.
    :param tree: the document, for keeping comments through an edit.
    :param locator: finds where a path was written.
    :param migrated: the text is of an older schema version (written afresh as the current).
    """

    canvas: Canvas
    tree: YamlTree
    locator: YamlLocator
    migrated: bool


def decode_yaml(data: bytes | str, source: str | None = None) -> DecodedYaml:
    """Read a YAML document into a canvas, keeping its text for a round trip.

    :raises CanvasLoadError: bad bytes or syntax, unsafe constructs, bad structure or values.
    """
    text = decode_text(data, source)
    plain, locator = load_yaml(text, source)
    canvas = structure_document(plain, source, locator)
    version = plain.get("schema_version") if isinstance(plain, dict) else None
    migrated = type(version) is int and version < SCHEMA_VERSION
    locator.forget_data()  # the document keeps its canvas and text, not the plain data
    return DecodedYaml(canvas, YamlTree(text=text), locator, migrated)


def write_yaml_data(value: Any) -> str:
    """Plain data as YAML text styled for people (see :func:`to_node`)."""
    return dump_tree(YamlTree(to_node(value)))


def encode_yaml(canvas: Canvas) -> str:
    """A fresh YAML text of a canvas (no earlier file to keep comments from)."""
    return dump_tree(YamlTree(to_node(unstructure_canvas(canvas))))


def dump_tree(tree: YamlTree) -> str:
    """The YAML text of a tree: the text it was read from, if it was never parsed for a merge."""
    if tree.text is not None:
        return tree.text
    stream = io.StringIO()
    _yaml(tree.indentation).dump(tree.root, stream)
    return stream.getvalue()


# -- ruamel.yaml's round trip -------------------------------------------------------------------


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
                raise MarkedYAMLError(None, None, ALIAS_MESSAGE, event.start_mark)
            return super().compose_node(parent, index)

    return SafeComposer


#: A line width no scalar reaches, so that ruamel never folds one.
_NO_FOLDING = 1 << 30


def _yaml(indentation: Indentation = Indentation()) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Composer = _composer_class()
    yaml.max_depth = MAX_DEPTH
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    # Never fold a line: ruamel's folding of a long plain or double-quoted scalar loses a run
    # of spaces, adds a space after an escape, and makes a long key unreadable (found by
    # fuzzing). Long text stays on one line; text with line breaks is a | block anyway.
    yaml.width = _NO_FOLDING
    yaml.indent(
        mapping=indentation.mapping, sequence=indentation.sequence, offset=indentation.offset
    )
    return yaml


def _round_trip_root(text: str) -> Any:
    """ruamel.yaml's tree of a text the fast reader has read without problems.

    :raises CanvasLoadError: ruamel.yaml reads YAML a little differently from libyaml, and may
        still refuse the text; the caller then writes the document afresh.
    """
    from ruamel.yaml.error import YAMLError

    try:
        root = _yaml().load(text)
    except (YAMLError, RecursionError, ValueError, TypeError, LookupError) as error:
        message = f"the text cannot be read again to keep its comments: {error}"
        raise CanvasLoadError([LoadProblem(message, kind="syntax")]) from None
    if isinstance(root, dict | list):
        _replace_rewritten_floats(root, text)
    return root


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
