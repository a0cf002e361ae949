"""Reading and writing canvas files: YAML for people, JSON for machines, TOML optionally.

One canvas per document. Every document carries ``$schema`` and ``schema_version``; unknown keys
are errors with a did-you-mean, newer versions are refused and older ones migrated. Every load
problem names the file, line, column and logical path. :func:`json_schema` describes the format.

PyYAML (whose C parser reads YAML), ruamel.yaml (which keeps a YAML file's comments through an
edit) and tomli_w are imported only when a YAML or TOML document is read or written (inside the
functions of ``yaml_load``, ``yaml_io`` and ``toml_io``).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Location
from cmc_core.fileformat.atomic import write_atomic
from cmc_core.fileformat.converter import structure_document, unstructure_canvas
from cmc_core.fileformat.document import FORMATS, CanvasDocument, Format, check_format, dumps
from cmc_core.fileformat.errors import (
    LOAD_PROBLEM_KINDS,
    CanvasLoadError,
    CanvasSaveError,
    LoadProblem,
    LoadProblemKind,
    SchemaVersionError,
    UnsupportedFormatError,
)
from cmc_core.fileformat.json_io import decode_json, encode_json
from cmc_core.fileformat.locate import file_locator
from cmc_core.fileformat.migrate import MIGRATIONS
from cmc_core.fileformat.schema import json_schema, write_schema_beside
from cmc_core.fileformat.toml_io import decode_toml
from cmc_core.fileformat.wording import os_reason
from cmc_core.fileformat.yaml_io import decode_yaml
from cmc_core.reading import input_limit, read_input
from cmc_core.translation import Messages

__all__ = [
    "FORMATS",
    "LOAD_PROBLEM_KINDS",
    "MIGRATIONS",
    "CanvasDocument",
    "CanvasLoadError",
    "CanvasSaveError",
    "Format",
    "LoadProblem",
    "LoadProblemKind",
    "SchemaVersionError",
    "UnsupportedFormatError",
    "dumps",
    "format_for_path",
    "from_dict",
    "json_schema",
    "load",
    "loads",
    "read_canvas",
    "save",
    "to_dict",
    "write_schema_beside",
]

_ = Messages("cmc_core", "files")

_SUFFIXES: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def format_for_path(path: str | os.PathLike[str]) -> Format:
    """The format a file name implies: ``.yaml``/``.yml``, ``.json`` or ``.toml``.

    :raises UnsupportedFormatError: for any other suffix.
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise UnsupportedFormatError(
            _(
                "cannot tell the format of {path} from its name; "
                "use a .cmc.yaml, .cmc.json or .cmc.toml file",
                path=os.fspath(path),
            )
        ) from None


def loads(data: str | bytes, format: Format | str, source: str | None = None) -> CanvasDocument:
    """Read a canvas document from text or bytes (bytes must be UTF-8).

    :param format: ``yaml``, ``json`` or ``toml``.
    :param source: the file name to put in messages and locations.
    :raises CanvasLoadError: with every problem found.
    :raises UnsupportedFormatError: for an unknown format.
    """
    kind = check_format(format)
    if kind == "json":
        canvas, json_locator = decode_json(data, source)
        return CanvasDocument(canvas, source, "json", locator=json_locator)
    if kind == "toml":
        return CanvasDocument(decode_toml(data, source), source, "toml")
    decoded = decode_yaml(data, source)
    # A document of an older schema version keeps its text for locations, and is written at
    # the current version (comments kept) when it is saved or converted.
    return CanvasDocument(
        decoded.canvas,
        source,
        "yaml",
        tree=decoded.tree,
        locator=decoded.locator,
        migrated=decoded.migrated,
    )


def load(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> CanvasDocument:
    """Read a canvas file; its format follows from its suffix.

    Only a regular file is read, and no more than ``max_bytes`` (by default the limit of its
    format, see :mod:`cmc_core.reading`): a pipe, a device or an oversized file is refused
    before it can stall the caller.

    :raises CanvasLoadError: the file cannot be read, is no regular file or too large, its name
        has no known suffix, or its content has problems (all of them are listed).
    """
    source = os.fspath(path)
    try:
        kind = format_for_path(path)
    except UnsupportedFormatError as error:
        problem = LoadProblem(str(error), "", Location(source), kind="unreadable")
        raise CanvasLoadError([problem], source) from None
    try:
        data = read_input(path, input_limit(kind) if max_bytes is None else max_bytes)
    except OSError as error:
        message = _("cannot read the file: {reason}", reason=os_reason(error))
        too_large = error.errno == errno.EFBIG  # read_input's word for over the limit
        problem = LoadProblem(
            message, "", Location(source), kind="too-large" if too_large else "unreadable"
        )
        raise CanvasLoadError([problem], source) from None
    return loads(data, kind, source)


def read_canvas(path: str | os.PathLike[str]) -> Canvas:
    """The canvas in a file (see :func:`load`)."""
    return load(path).canvas


def _encode(canvas: Canvas, format: Format) -> bytes:
    if format == "json":
        return encode_json(canvas)
    return dumps(canvas, format).encode("utf-8")


def save(
    canvas_or_document: Canvas | CanvasDocument,
    path: str | os.PathLike[str],
    format: Format | str | None = None,
) -> None:
    """Write a canvas, or a document (keeping a YAML document's comments), atomically.

    :param format: defaults to the one the file name implies.
    :raises UnsupportedFormatError: no format given and none implied by the name.
    :raises CanvasSaveError: the file cannot be written; the old one is then untouched.
    """
    kind = check_format(format) if format is not None else format_for_path(path)
    if isinstance(canvas_or_document, CanvasDocument):
        document = canvas_or_document
        if document.format == kind == "yaml":
            write_atomic(path, document.dumps().encode("utf-8"))
            return
        canvas_or_document = document.canvas
    write_atomic(path, _encode(canvas_or_document, kind))


def to_dict(canvas: Canvas) -> dict[str, Any]:
    """The plain data of a canvas as written to a file (defaults left out)."""
    return unstructure_canvas(canvas)


def from_dict(data: Any, source: str | None = None) -> Canvas:
    """A canvas from plain data in the file form (the inverse of :func:`to_dict`).

    :raises CanvasLoadError: with every problem found.
    """
    return structure_document(data, source, file_locator(source))
