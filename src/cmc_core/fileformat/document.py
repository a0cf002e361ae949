"""A canvas together with the file it came from: its format, its source and where things are.

The text of a canvas in each format (:func:`dumps`) is here too, since a document writes
itself; :mod:`cmc_core.fileformat` re-exports it. ruamel.yaml and tomli_w are still imported only
when YAML or TOML is written (ruamel.yaml also when an edit is merged into a loaded YAML text):
``yaml_io`` and ``toml_io`` import them inside their functions.
"""

from __future__ import annotations

import contextlib
from typing import Any, Literal

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Location
from cmc_core.fileformat.errors import CanvasLoadError, UnsupportedFormatError
from cmc_core.fileformat.json_io import encode_json
from cmc_core.fileformat.locate import Locator, parse_path
from cmc_core.fileformat.toml_io import encode_toml
from cmc_core.fileformat.yaml_io import decode_yaml, dump_tree, encode_yaml
from cmc_core.fileformat.yaml_merge import merged_tree

__all__ = ["FORMATS", "CanvasDocument", "Format", "check_format", "dumps"]

Format = Literal["yaml", "json", "toml"]
#: The formats cmc reads and writes, people's first.
FORMATS: tuple[Format, ...] = ("yaml", "json", "toml")


#: Other names of the formats, as file suffixes spell them.
_ALIASES: dict[str, Format] = {"yml": "yaml"}


def check_format(format: str) -> Format:
    """``format`` as a :data:`Format`: any case, and ``yml`` for YAML (``"JSON"``, ``"yml"``).

    :raises UnsupportedFormatError: when it is none of :data:`FORMATS`.
    """
    name = format.strip().lower() if isinstance(format, str) else format
    name = _ALIASES.get(name, name)
    for known in FORMATS:
        if name == known:
            return known
    known_formats = ", ".join(FORMATS)
    raise UnsupportedFormatError(f"unknown format {format!r}; expected one of: {known_formats}")


def dumps(canvas: Canvas, format: Format | str) -> str:
    """The text of a canvas in a format (a fresh document: no comments to keep)."""
    kind = check_format(format)
    if kind == "json":
        return encode_json(canvas).decode("utf-8")
    if kind == "toml":
        return encode_toml(canvas)
    return encode_yaml(canvas)


@attrs.frozen
class CanvasDocument:
    """A loaded canvas document.

    :param canvas: the canvas.
    :param source: the file it was read from, when known.
    :param format: ``yaml``, ``json`` or ``toml``.
    :param tree: for YAML, the document kept for a round trip: its text, parsed with its
        comments, order and styles when an edit is first merged into it.
    :param locator: finds where a path was written.
    :param migrated: the YAML text is of an older schema version: :meth:`dumps` writes the
        current one.
    """

    canvas: Canvas
    source: str | None = None
    format: Format = "yaml"
    _tree: Any = attrs.field(default=None, eq=False, repr=False, alias="tree")
    _locator: Locator | None = attrs.field(default=None, eq=False, repr=False, alias="locator")
    _migrated: bool = attrs.field(default=False, eq=False, repr=False, alias="migrated")

    def locate(self, path: str) -> Location | None:
        """The file location of a logical path such as ``flows[3].to``.

        For YAML the exact line and column (or the nearest written ancestor's, for a path that
        has no node, such as a missing key); for JSON the same when the text was small enough to
        keep; otherwise just the file.
        """
        if self._locator is None:
            return Location(self.source) if self.source else None
        return self._locator(parse_path(path))

    def with_canvas(self, canvas: Canvas) -> CanvasDocument:
        """The document holding ``canvas`` instead; YAML keeps comments and key order.

        For YAML the new canvas is merged into the parsed tree and the result read back, so
        the returned document's locations match the text :meth:`dumps` gives.
        """
        if self.format != "yaml" or self._tree is None:
            return CanvasDocument(canvas, self.source, self.format)
        decoded = None
        with contextlib.suppress(CanvasLoadError):
            # ruamel.yaml parses the loaded text here, the first time an edit is merged into it
            decoded = decode_yaml(dump_tree(merged_tree(self._tree, canvas)), self.source)
        if decoded is None or decoded.canvas != canvas:
            # The merged text did not read back as the canvas (a ruamel quirk with some text, or
            # a text ruamel reads differently from libyaml): never trade content for comments;
            # write the canvas afresh instead.
            decoded = decode_yaml(encode_yaml(canvas), self.source)
        return CanvasDocument(
            canvas, self.source, "yaml", tree=decoded.tree, locator=decoded.locator
        )

    def dumps(self) -> str:
        """The document's text in its own format (YAML with its comments): for a YAML document
        read from a file and not edited, the text as it was read."""
        if self.format == "yaml" and self._tree is not None:
            if self._migrated:
                return self.with_canvas(self.canvas).dumps()
            return dump_tree(self._tree)
        return dumps(self.canvas, self.format)
