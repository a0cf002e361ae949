"""The built-in ``yaml`` exporter keeps the exporter contract and writes the canvas file format."""

from __future__ import annotations

import pytest

import cmc_exporters
from cmc_core import Canvas
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.fileformat import loads
from cmc_core.plugins import load_plugins
from cmc_core.testing import ExporterContract, hostile_canvas, sample_canvases
from cmc_core.vocabulary import Language
from cmc_exporters.yaml import YAML_EXPORTER


class TestYamlExporter(ExporterContract):
    @pytest.fixture
    def exporter(self) -> Exporter:
        return YAML_EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_exporters


@pytest.mark.parametrize(
    "canvas", [*sample_canvases().values(), hostile_canvas()], ids=[*sample_canvases(), "hostile"]
)
def test_yaml_export_loads_back_as_the_same_canvas(canvas: Canvas) -> None:
    document = loads(YAML_EXPORTER.export_bytes(canvas), "yaml")
    assert document.canvas == canvas


def test_yaml_export_is_the_same_in_every_language() -> None:
    canvas = sample_canvases()["port-logistics"]
    outputs = {
        YAML_EXPORTER.export_bytes(canvas, ExportOptions(language=language))
        for language in Language
    }
    assert len(outputs) == 1


def test_yaml_exporter_is_a_builtin_found_through_the_entry_point_group() -> None:
    plugins = load_plugins(allow=())  # the built-ins only
    assert plugins.exporters.get("yaml") == YAML_EXPORTER
    provider = plugins.exporters.provider("yaml")
    assert provider.builtin
    assert provider.module == "cmc_exporters"
