"""The ``yaml`` exporter: a canvas as a YAML canvas file, the format people edit.

The output is exactly what :func:`cmc_core.fileformat.dumps` writes for ``"yaml"``: a fresh
document (no comments to keep) with the ``$schema`` and ``schema_version`` header, then the
canvas's fields in model order with defaults left out. Text that YAML would misread (``yes``,
``null``, ``1e3``, leading dashes) is quoted, so loading it back with
:func:`cmc_core.fileformat.loads` gives an equal canvas.

The file format is language-neutral: its keys and vocabulary values are fixed identifiers and
the text is the canvas's own, so :attr:`~cmc_core.exporting.ExportOptions.language` changes
nothing, and this exporter reads no settings.
"""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.translation import N_, Messages

__all__ = ["YAML_EXPORTER", "export_yaml"]

_ = Messages("cmc_exporters", "exporters")


def export_yaml(canvas: Canvas, options: ExportOptions) -> str:
    """The YAML text of ``canvas``; ``options`` change nothing (see the module)."""
    from cmc_core.fileformat import dumps  # on first export: listing plugins stays cheap

    return dumps(canvas, "yaml")


YAML_EXPORTER = Exporter(
    name="yaml",
    title=N_("Canvas file in YAML"),
    media_type="application/yaml",
    extension=".cmc.yaml",
    export=export_yaml,
    description=(
        "The canvas file format itself, as YAML: the form people read and edit, and the one "
        "'cmc new' writes. Loads back into the same canvas. Language-neutral; takes no settings."
    ),
    settings=(),
    messages=_,
)
