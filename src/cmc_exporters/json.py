"""The ``json`` exporter: a canvas as a canonical JSON canvas file.

The output is exactly what :func:`cmc_core.fileformat.dumps` writes for ``"json"``: the
``$schema`` and ``schema_version`` header, then the canvas's fields in model order with
defaults left out, keys in a fixed order, two-space indentation and a final newline. Loading it
back with :func:`cmc_core.fileformat.loads` gives an equal canvas, which makes it the format
for machines and for diffs.

The file format is language-neutral: its keys and vocabulary values are fixed identifiers and
the text is the canvas's own, so :attr:`~cmc_core.exporting.ExportOptions.language` changes
nothing, and this exporter reads no settings.
"""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.translation import N_, Messages

__all__ = ["JSON_EXPORTER", "export_json"]

_ = Messages("cmc_exporters", "exporters")


def export_json(canvas: Canvas, options: ExportOptions) -> str:
    """The canonical JSON text of ``canvas``; ``options`` change nothing (see the module)."""
    from cmc_core.fileformat import dumps  # on first export: listing plugins stays cheap

    return dumps(canvas, "json")


JSON_EXPORTER = Exporter(
    name="json",
    title=N_("Canvas file in canonical JSON"),
    media_type="application/json",
    extension=".cmc.json",
    export=export_json,
    description=(
        "The canvas file format itself, as JSON: loads back into the same canvas, with keys "
        "in a fixed order for clean diffs. Language-neutral; takes no settings."
    ),
    settings=(),
    messages=_,
)
