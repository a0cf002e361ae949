"""The converter between a canvas and the file's plain data: the one entry for every format.

Reading: the document's header is checked (a mapping, a ``schema_version`` this cmc can read,
older versions migrated), then the document goes through the msgspec mirrors
(:mod:`cmc_core.fileformat.mirror`); only if they refuse it does the detailed cattrs converter
(:mod:`cmc_core.fileformat.detailed`) run, to collect every problem with its path and location.
Both are built from the model's declarations, so they accept the same documents. Writing: the
header first, then the canvas fields in model order, defaults left out.
"""

from __future__ import annotations

from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.fileformat.errors import CanvasLoadError, LoadProblem
from cmc_core.fileformat.layout import HEADER_KEYS, SCHEMA_FILE_NAME
from cmc_core.fileformat.locate import Locator
from cmc_core.fileformat.migrate import migrate
from cmc_core.fileformat.mirror import structure_mirrored
from cmc_core.fileformat.problems import problem
from cmc_core.fileformat.wording import describe_value
from cmc_core.fileformat.writer import unstructure
from cmc_core.gctools import gc_paused
from cmc_core.translation import Messages

__all__ = ["structure_document", "unstructure_canvas"]

_ = Messages("cmc_core", "files")


def structure_document(data: object, source: str | None, locate: Locator) -> Canvas:
    """Read a whole document's plain data (header included) into a canvas.

    :param source: the file name for messages, when known.
    :param locate: where a path was written, for messages.
    :raises CanvasLoadError: with every problem found (:class:`SchemaVersionError` for versions).
    """
    if not isinstance(data, dict):
        message = _(
            "the document must be a mapping of keys (schema_version, meta, parties, ...), "
            "not {found}",
            found=describe_value(data),
        )
        raise CanvasLoadError([problem(message, (), locate, "wrong-type")], source)
    data = migrate(data, source, locate)
    problems: list[LoadProblem] = []
    schema = data.get("$schema", SCHEMA_FILE_NAME)
    if not isinstance(schema, str):
        message = _(
            "$schema: expected text (the schema's file name), found {found}",
            found=describe_value(schema),
        )
        problems.append(problem(message, ("$schema",), locate, "wrong-type"))
    with gc_paused():
        canvas = structure_mirrored(data)
    if canvas is None:
        body = {key: value for key, value in data.items() if key not in HEADER_KEYS}
        # cattrs is imported only now: most loads never need the explanations.
        from cmc_core.fileformat.detailed import explain_canvas
        from cmc_core.fileformat.problems import problems_from_error

        try:
            canvas = explain_canvas(body)
        except Exception as error:
            problems.extend(problems_from_error(error, locate))
    if problems or canvas is None:
        raise CanvasLoadError(problems, source)
    return canvas


def unstructure_canvas(canvas: Canvas, *, omit_defaults: bool = True) -> dict[str, Any]:
    """The document form of a canvas as plain data: ``$schema`` and ``schema_version``, then the
    fields in model order.

    :param omit_defaults: leave out fields equal to their default (the written form).
    """
    return unstructure(canvas, omit_defaults=omit_defaults)
