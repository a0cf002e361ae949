"""cmc_exporters: the built-in exporters of cmc, loaded as a plugin like any other.

This package is found through the ``cmc`` entry-point group (``exporters = "cmc_exporters"``),
exactly as third-party plugins are, which proves the public hook is enough for them.
:mod:`cmc_core` never imports it.

- ``json`` (:mod:`cmc_exporters.json`): the canvas file format as canonical JSON.
- ``yaml`` (:mod:`cmc_exporters.yaml`): the canvas file format as YAML.
- ``csv`` (:mod:`cmc_exporters.csv`): the value flows or the parties as a CSV table.
- ``dot`` (:mod:`cmc_exporters.dot`): the value network as a Graphviz DOT graph.
- ``mermaid`` (:mod:`cmc_exporters.mermaid`): the value network as a Mermaid flowchart.
- ``markdown`` (:mod:`cmc_exporters.markdown`): the canvas report as Markdown for a wiki.
- ``html`` (:mod:`cmc_exporters.html`): the workshop poster as one self-contained page.
- ``svg`` (:mod:`cmc_exporters.svg`): the workshop poster as a vector image.
- ``bmc`` (:mod:`cmc_exporters.bmc`): one market party's Business Model Canvas, from the CMC.
"""

from __future__ import annotations

from collections.abc import Callable

from cmc_core import hookimpl
from cmc_core.exporting import Exporter
from cmc_exporters.bmc import BMC_EXPORTER
from cmc_exporters.csv import CSV_EXPORTER
from cmc_exporters.dot import DOT_EXPORTER
from cmc_exporters.html import HTML_EXPORTER
from cmc_exporters.json import JSON_EXPORTER
from cmc_exporters.markdown import MARKDOWN_EXPORTER
from cmc_exporters.mermaid import MERMAID_EXPORTER
from cmc_exporters.svg import SVG_EXPORTER
from cmc_exporters.yaml import YAML_EXPORTER

__all__ = ["BUILTIN_EXPORTERS", "cmc_register_exporters"]

#: The exporters this plugin registers, in listing order.
BUILTIN_EXPORTERS: tuple[Exporter, ...] = (
    JSON_EXPORTER,
    YAML_EXPORTER,
    CSV_EXPORTER,
    DOT_EXPORTER,
    MERMAID_EXPORTER,
    MARKDOWN_EXPORTER,
    HTML_EXPORTER,
    SVG_EXPORTER,
    BMC_EXPORTER,
)


@hookimpl
def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register every exporter of :data:`BUILTIN_EXPORTERS`."""
    for exporter in BUILTIN_EXPORTERS:
        register(exporter)
