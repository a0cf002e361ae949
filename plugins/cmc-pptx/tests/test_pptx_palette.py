"""One colour scheme: the html page, the svg poster and the PowerPoint deck colour each zone
with the same two colours, those of :mod:`cmc_exporters.palette`."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
from cmc_core.blueprint import ZONES, ZoneKey
from cmc_core.testing import sample_canvases
from cmc_exporters import palette
from cmc_exporters.html import HTML_EXPORTER
from cmc_exporters.svg import SVG_EXPORTER
from pptx import Presentation
from pptx.enum.dml import MSO_FILL_TYPE

from cmc_pptx import EXPORTER

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def canvas():  # type: ignore[no-untyped-def]
    return sample_canvases()["port-logistics"]


def html_colours(canvas) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    page = HTML_EXPORTER.export_bytes(canvas).decode()
    variables = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{6});", page))
    return {
        zone.key.value: (variables[zone.key.value], variables[f"{zone.key.value}-edge"])
        for zone in ZONES
    }


def svg_colours(canvas) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    root = ET.fromstring(SVG_EXPORTER.export_bytes(canvas))
    found = {}
    for zone in ZONES:
        group = root.find(f"{SVG}g[@id='zone-{zone.key.value}']")
        assert group is not None
        frame = group.find(f"{SVG}rect")
        assert frame is not None
        found[zone.key.value] = (frame.get("fill"), frame.get("stroke"))
    return found  # type: ignore[return-value]


def pptx_colours(canvas) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    deck = Presentation(io.BytesIO(EXPORTER.export_bytes(canvas)))
    found: dict[str, set[str]] = {}
    for index, zone in enumerate(ZONES):
        slide = deck.slides[1 + index]  # the zones' slides follow the overview
        fills = found.setdefault(zone.key.value, set())
        for shape in slide.shapes:
            if shape.has_text_frame and shape.fill.type == MSO_FILL_TYPE.SOLID:
                fills.add(f"#{shape.fill.fore_color.rgb}".lower())
    return found


def test_the_three_outputs_colour_each_zone_alike(canvas) -> None:  # type: ignore[no-untyped-def]
    expected = {key: (colours.fill, colours.edge) for key, colours in palette.ZONES.items()}
    assert html_colours(canvas) == expected
    assert svg_colours(canvas) == expected
    for key, fills in pptx_colours(canvas).items():
        assert palette.ZONES[key].edge in fills, key  # the headings
        assert fills <= {palette.ZONES[key].edge, palette.ZONES[key].fill}, key


def test_each_zone_has_its_own_colours() -> None:
    edges = {palette.zone_colours(zone).edge for zone in ZoneKey}
    fills = {palette.zone_colours(zone).fill for zone in ZoneKey}
    assert len(edges) == len(fills) == len(ZoneKey)
    assert palette.hex_digits("#2f5f96") == "2F5F96"
