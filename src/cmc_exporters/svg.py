"""The ``svg`` exporter: the workshop poster as one standalone vector image.

The same poster as the html page, laid out by :mod:`cmc_exporters._poster`: the colophon on
top (with the moment the canvas describes, ``meta.as_of``), the zones and blocks as on the
canvas, a side bar with the score card's radar chart, the scores, the validation counts and
as many of the canvas's sources as fit, and the attribution line at the bottom. SVG does not wrap
text, so every line is placed here: each block's text is wrapped to the block and set in the
largest size at which it fits, measured with the advance widths of the poster's font
(:mod:`cmc_exporters._measure`); text that does not fit at the smallest size is cut, with a
line saying how much was left out. The full text is in the markdown and html exports.

Escaping: autoescaping is on for the whole document and the characters XML 1.0 forbids (most
control characters) are dropped from every value, so the output is well-formed XML for any
canvas; nothing from the canvas becomes an element, attribute or link.

Settings: ``paper`` (``a3``, ``a2``, ``a1`` or ``a0``; default ``a3``) and ``orientation``
(``landscape`` or ``portrait``; default ``landscape``) set the image's physical size; the layout
keeps the A3 proportions and scales with the paper.
"""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.translation import N_, Messages

__all__ = ["SVG_EXPORTER", "export_svg"]

_ = Messages("cmc_exporters", "exporters")


def export_svg(canvas: Canvas, options: ExportOptions) -> str:
    """The SVG poster of ``canvas`` in the export's language.

    :raises cmc_core.exporting.ExportSettingError: for an unknown ``paper`` or
        ``orientation`` setting.
    """
    from cmc_exporters._document import build_document
    from cmc_exporters._paper import paper_from
    from cmc_exporters._poster import lay_out_poster
    from cmc_exporters._templates import markup_environment, render

    paper = paper_from("svg", options.settings)
    document = build_document(canvas, options, tables=False)
    poster = lay_out_poster(document, portrait=paper.orientation == "portrait")
    return render(
        markup_environment(), "poster.svg", doc=document, poster=poster, size=paper.size_mm
    )


SVG_EXPORTER = Exporter(
    name="svg",
    title=N_("Canvas poster as a standalone SVG image"),
    media_type="image/svg+xml",
    extension=".svg",
    export=export_svg,
    description=(
        "The workshop poster as a vector image: the zones and blocks laid out like the canvas, "
        "with text wrapped and sized to fit, and the score card's radar chart. For print "
        "(-O paper=a3|a2|a1|a0, -O orientation=landscape|portrait) and slides. Labels follow "
        "--lang."
    ),
    settings=("paper", "orientation"),
    messages=_,
)
