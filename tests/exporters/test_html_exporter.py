"""The built-in ``html`` exporter keeps the exporter contract, matches its snapshots, and writes
one self-contained poster page: the eighteen blocks in their zones, nothing to fetch, a radar
chart whose geometry is the score card's, print sizes from A3 to A0, answers and changes when
given. The page in a real browser is tested in ``tests/browser``. ``CMC_UPDATE_SNAPSHOTS=1``
rewrites the snapshots."""

from __future__ import annotations

import html
import html.parser
import math
import re
from pathlib import Path
from xml.etree import ElementTree

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import cmc_exporters
from cmc_core import Canvas
from cmc_core.blueprint import BLOCKS, ZONES
from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.cli import cli
from cmc_core.diffing import diff_canvases
from cmc_core.errors import CmcError
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.fileformat import dumps
from cmc_core.model import Party, Value, ValueFlow
from cmc_core.questionnaires import load_answers
from cmc_core.scoring import score_canvas
from cmc_core.testing import ExporterContract, examples, sample_canvases
from cmc_core.vocabulary import Language, Role
from cmc_exporters.html import HTML_EXPORTER

from .schema2 import SNAPSHOT_NAMES, canvas_called
from .snapshot import assert_matches_snapshot

ANSWERS = Path("src/cmc_core/examples/quickscan/port-logistics.answers.yaml")
SVG = "{http://www.w3.org/2000/svg}"


class TestHtmlExporter(ExporterContract):
    max_examples = 15  # each export validates and scores the canvas

    @pytest.fixture
    def exporter(self) -> Exporter:
        return HTML_EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_exporters


class Page(html.parser.HTMLParser):
    """The elements of a page with their attributes, and its <style> text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.style = ""
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.elements if name in (a.get("class") or "").split()]


def export(canvas: Canvas, language: Language | None = None, **extras: object) -> str:
    options = ExportOptions(language=language, extras=extras)
    return HTML_EXPORTER.export_bytes(canvas, options).decode("utf-8")


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
@pytest.mark.parametrize("name", SNAPSHOT_NAMES)
def test_export_matches_the_stored_snapshot(name: str, language: Language) -> None:
    canvas = canvas_called(name)
    output = HTML_EXPORTER.export_bytes(canvas, ExportOptions(language=language))
    assert_matches_snapshot("html", f"{name}.{language.value}.html", output)


@pytest.mark.parametrize("name", list(sample_canvases()))
def test_the_page_holds_every_zone_and_block_once_in_canvas_order(name: str) -> None:
    page = Page(export(sample_canvases()[name]))
    zones = [a["id"] for a in page.with_class("zone")]
    blocks = [a["data-block"] for a in page.with_class("block")]
    assert zones == [f"zone-{zone.key.value}" for zone in ZONES]
    assert blocks == [block.key.value for block in BLOCKS]


def test_the_page_fetches_nothing_and_runs_nothing() -> None:
    text = export(sample_canvases()["port-logistics"])
    page = Page(text)
    tags = {tag for tag, _ in page.elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "video"}
    for tag, attributes in page.elements:
        assert "src" not in attributes, tag
        assert not any(name.startswith("on") for name in attributes), tag
        href = attributes.get("href")
        assert href is None or href.startswith("#"), href
    assert "url(" not in page.style
    assert "@import" not in page.style
    assert "default-src 'none'" in text  # the browser refuses any request even so


def test_the_language_of_the_page_follows_the_export() -> None:
    canvas = sample_canvases()["port-logistics"]
    assert '<html lang="nl">' in export(canvas)
    english = export(canvas, Language.EN)
    assert '<html lang="en">' in english
    assert "Parties by role" in english
    assert "Partijen per rol" not in english


def test_the_colophon_is_in_the_header_and_the_attribution_in_the_footer() -> None:
    canvas = sample_canvases()["regional-healthcare"]
    text = export(canvas)
    header = text.split("<header", 1)[1].split("</header>", 1)[0]
    assert canvas.meta.name in header
    assert f"canvas version {canvas.meta.canvas_version}" in header
    assert f"schema version {SCHEMA_VERSION}" in header
    assert f"date: {canvas.meta.date}" in header
    footer = text.split("<footer>", 1)[1]
    assert "Community Model Canvas (CMC) method of Weconomics" in footer


# -- the radar chart ---------------------------------------------------------------------------


def radar(text: str) -> ElementTree.Element:
    svg = text.split('<figure class="radar">', 1)[1].split("</figure>", 1)[0]
    return ElementTree.fromstring(svg)


@pytest.mark.parametrize("name", ["port-logistics", "single-owner-platform"])
def test_the_radar_puts_each_applicable_score_at_its_distance_from_the_centre(name: str) -> None:
    canvas = sample_canvases()[name]
    applicable = [d for d in score_canvas(canvas).dimensions if d.applicable]
    chart = radar(export(canvas))
    spokes = chart.findall(f".//{SVG}line")
    dots = chart.findall(f".//{SVG}circle")
    assert len(spokes) == len(dots) == len(applicable)
    centre = (float(spokes[0].get("x1", "")), float(spokes[0].get("y1", "")))
    full = math.dist(centre, (float(spokes[0].get("x2", "")), float(spokes[0].get("y2", ""))))
    for dimension, dot, index in zip(applicable, dots, range(len(dots)), strict=True):
        point = (float(dot.get("cx", "")), float(dot.get("cy", "")))
        assert math.dist(centre, point) == pytest.approx(full * dimension.score / 100, abs=0.2)
        angle = math.atan2(point[1] - centre[1], point[0] - centre[0])
        expected = 2 * math.pi * index / len(dots) - math.pi / 2
        if dimension.score > 5:  # the direction of a dot at the centre says nothing
            assert math.cos(angle - expected) == pytest.approx(1, abs=1e-3)
    labels = " ".join(" ".join(t.itertext()) for t in chart.iter(f"{SVG}text"))
    for dimension in applicable:
        assert f"{dimension.score:.0f}" in labels


def test_without_three_applicable_dimensions_there_is_no_radar_but_still_the_table() -> None:
    from cmc_exporters._document import DimensionRow
    from cmc_exporters._radar import radar_chart

    rows = [
        DimensionRow(f"d{n}", f"D{n}", 50.0, "50", "adequate", "adequate", (), n < 2)
        for n in range(5)
    ]
    assert radar_chart(rows) is None
    rows[2] = DimensionRow("d2", "D2", 50.0, "50", "adequate", "adequate", (), True)
    chart = radar_chart(rows)
    assert chart is not None
    assert len(chart.axes) == 3


# -- paper -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "size", "scale"),
    [
        ({}, "420mm 297mm", "1.0"),
        ({"paper": "a2"}, "594mm 420mm", "1.189"),
        ({"paper": "A1"}, "841mm 594mm", "1.415"),
        ({"paper": "a0", "orientation": "portrait"}, "841mm 1189mm", "1.683"),
    ],
)
def test_the_paper_setting_chooses_the_page_size_and_the_print_scale(
    settings: dict[str, str], size: str, scale: str
) -> None:
    canvas = sample_canvases()["port-logistics"]
    text = HTML_EXPORTER.export_bytes(canvas, ExportOptions(settings=settings)).decode()
    assert f"@page {{ size: {size}; margin: 0; }}" in text
    assert f"--print-scale: {scale};" in text
    width, height = (float(mm.removesuffix("mm")) - 0.5 for mm in size.split())
    assert f"html, body {{ width: {width}mm; height: {height}mm; overflow: hidden;" in text
    assert "body { padding: 8.0mm; font-size: " in text


@pytest.mark.parametrize("settings", [{"paper": "a5"}, {"orientation": "sideways"}])
def test_an_unknown_paper_setting_is_refused_naming_the_choices(settings: dict[str, str]) -> None:
    with pytest.raises(CmcError, match=r"expected one of (a3, a2, a1, a0|landscape, portrait)"):
        HTML_EXPORTER.export_bytes(
            sample_canvases()["port-logistics"], ExportOptions(settings=settings)
        )


# -- answers and changes -----------------------------------------------------------------------


def test_answers_given_with_the_export_are_shown_question_by_question() -> None:
    from cmc_core.questionnaires import quickscan

    answers = load_answers(ANSWERS)
    text = export(sample_canvases()["port-logistics"], answers=answers)
    page = Page(text)
    questions = [a for tag, a in page.elements if tag == "dt"]
    assert len(questions) == len(answers)
    section = text.split('<section id="answers">', 1)[1].split("</section>", 1)[0]
    for answer in answers:
        question = quickscan().question(answer.question).text.nl
        assert f"<dt>{question}</dt>" in html.unescape(section)


def edited(canvas: Canvas) -> Canvas:
    """The canvas with its first party renamed, a flow added and its last value removed."""
    party = canvas.parties[0]
    flow = ValueFlow(
        "f-new", value=canvas.values[0].id, from_party=party.id, to_party=canvas.parties[1].id
    )
    renamed = canvas.replace(attrs.evolve(party, name=party.name + " Group"))
    return renamed.add(flow).remove(canvas.values[-1].id)


def test_a_previous_version_marks_what_changed() -> None:
    old = sample_canvases()["regional-healthcare"]
    new = edited(old)
    diff = diff_canvases(old, new)
    text = export(new, previous=old)
    page = Page(text)
    changes = text.split('<section id="changes">', 1)[1].split("</section>", 1)[0]
    assert changes.count('<tr class="state-') == len(diff)
    changed_blocks = {
        a["data-block"]
        for a in page.with_class("block")
        if "state-changed" in (a.get("class") or "")
    }
    assert changed_blocks == {change.block.value for change in diff if change.block is not None}
    flows = text.split('<section id="flows">', 1)[1].split("</section>", 1)[0]
    assert len(re.findall(r'<tr class="state-added"><td class="number">', flows)) == 1
    values = text.split('id="block-values_exchanged"', 1)[1].split("</article>", 1)[0]
    gone = old.values[-1].name
    assert '<li class="state-removed"><span class="label">removed</span>: ' in values
    assert gone in html.unescape(values)


def test_the_same_version_as_previous_shows_no_changes() -> None:
    canvas = sample_canvases()["port-logistics"]
    text = export(canvas, Language.EN, previous=canvas)
    assert "No changes from the previous version." in text
    assert "state-changed" not in text.split("<main>", 1)[1].split('<section id="changes">')[0]


def test_cmc_export_passes_answers_and_the_previous_version_to_the_exporter(tmp_path: Path) -> None:
    old = sample_canvases()["regional-healthcare"]
    previous = tmp_path / "old.cmc.yaml"
    previous.write_text(dumps(old, "yaml"), encoding="utf-8")
    current = tmp_path / "new.cmc.yaml"
    current.write_text(dumps(edited(old), "yaml"), encoding="utf-8")
    out = tmp_path / "poster.html"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            str(current),
            "--to",
            "html",
            "--compare",
            str(previous),
            "--answers",
            str(ANSWERS),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert '<section id="changes">' in text
    assert '<section id="answers">' in text


def test_cmc_export_reports_an_unreadable_answers_file_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "answers.yaml"
    broken.write_text("answers: [not, a, mapping\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["export", "--example", "port-logistics", "--to", "html", "--answers", str(broken)]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@settings(max_examples=examples(300), deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from("<>&'\"\x00\x0b\x85\ufffe")
    )
)
def test_a_table_cell_is_escaped_exactly_as_markupsafe_escapes_clean_text(text: str) -> None:
    from markupsafe import escape

    from cmc_exporters._templates import xml_clean
    from cmc_exporters.html import _cell

    _cell.cache_clear()
    assert _cell(text) == str(escape(xml_clean(text)))


def test_a_name_that_escapes_to_nothing_leaves_its_cells_empty_not_its_id() -> None:
    canvas = Canvas(
        parties=(Party("p1", "\x01", roles=(Role.SUPPLIER,)), Party("p2", "Buyer")),
        values=(Value("v1", "\ufffe"),),
        flows=(ValueFlow("f1", "v1", "p1", "p2", counter_value="v1"),),
    )
    row = re.search(r'<td class="number">1</td>(.*?)</tr>', export(canvas)).group(1)
    assert row.startswith("<td></td><td></td><td>Buyer</td><td></td>")
