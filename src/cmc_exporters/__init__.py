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
- ``pdf`` (:mod:`cmc_exporters.pdf`): the workshop poster printed on one sheet by Chromium.
- ``bmc`` (:mod:`cmc_exporters.bmc`): one market party's Business Model Canvas, from the CMC.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from cmc_core import hookimpl

if TYPE_CHECKING:
    from cmc_core.exporting import Exporter

    #: The exporters this plugin registers, in listing order.
    BUILTIN_EXPORTERS: tuple[Exporter, ...]

__all__ = ["BUILTIN_EXPORTERS", "cmc_register_exporters"]

# Module and constant of each exporter, in listing order. They are imported when the registry
# of exporters is built, not when the plugin loads: ``cmc check`` never pays for templates.
_EXPORTERS = (
    ("json", "JSON_EXPORTER"),
    ("yaml", "YAML_EXPORTER"),
    ("csv", "CSV_EXPORTER"),
    ("dot", "DOT_EXPORTER"),
    ("mermaid", "MERMAID_EXPORTER"),
    ("markdown", "MARKDOWN_EXPORTER"),
    ("html", "HTML_EXPORTER"),
    ("svg", "SVG_EXPORTER"),
    ("pdf", "PDF_EXPORTER"),
    ("bmc", "BMC_EXPORTER"),
)


def _builtin_exporters() -> tuple[Exporter, ...]:
    return tuple(
        getattr(importlib.import_module(f"{__name__}.{module}"), constant)
        for module, constant in _EXPORTERS
    )


def __getattr__(name: str) -> object:
    if name == "BUILTIN_EXPORTERS":
        return _builtin_exporters()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@hookimpl
def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register every exporter of :data:`BUILTIN_EXPORTERS`."""
    for exporter in _builtin_exporters():
        register(exporter)
