"""The built-in ``svg`` exporter keeps the exporter contract, matches its snapshots, and lays the
poster out so that every block is there and every line of text stays inside its box, at the
size the paper setting asks for. Rendering in a real browser is tested in ``tests/browser``.
``CMC_UPDATE_SNAPSHOTS=1`` rewrites the snapshots."""

from __future__ import annotations

import itertools
import re
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cmc_exporters
from cmc_core import Canvas
from cmc_core.blueprint import BLOCKS
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.model import Party, Source
from cmc_core.testing import ExporterContract, assert_safe_xml, sample_canvases
from cmc_core.vocabulary import Language, Role
from cmc_exporters._measure import fit_paragraphs, text_width, wrap
from cmc_exporters._poster import _paragraphs
from cmc_exporters.blocks import read_zones
from cmc_exporters.svg import SVG_EXPORTER

from .schema2 import (
    SNAPSHOT_NAMES,
    canvas_called,
    hostile_schema2_canvas,
    reviewed_canvas,
    schema2_canvas,
)
from .snapshot import assert_matches_snapshot

SVG = "{http://www.w3.org/2000/svg}"


class TestSvgExporter(ExporterContract):
    max_examples = 15  # each export validates and scores the canvas

    @pytest.fixture
    def exporter(self) -> Exporter:
        return SVG_EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_exporters


def export(canvas: Canvas, **settings: str) -> ElementTree.Element:
    output = SVG_EXPORTER.export_bytes(canvas, ExportOptions(settings=settings))
    return ElementTree.fromstring(output)


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
@pytest.mark.parametrize("name", SNAPSHOT_NAMES)
def test_export_matches_the_stored_snapshot(name: str, language: Language) -> None:
    canvas = canvas_called(name)
    output = SVG_EXPORTER.export_bytes(canvas, ExportOptions(language=language))
    assert_matches_snapshot("svg", f"{name}.{language.value}.svg", output)


def line_text(element: ElementTree.Element) -> str:
    return "".join(element.itertext())


def groups(root: ElementTree.Element) -> dict[str, ElementTree.Element]:
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if g.get("id")}


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_every_block_is_a_group_with_its_box_and_its_code_and_label(language: Language) -> None:
    root = (
        export(sample_canvases()["port-logistics"])
        if language is Language.NL
        else export(sample_canvases()["regional-healthcare"])
    )
    found = groups(root)
    for block in BLOCKS:
        group = found[f"block-{block.key.value}"]
        assert len(group.findall(f"{SVG}rect")) == 1
        title = " ".join(line_text(t) for t in group.findall(f"{SVG}text")[:2])
        assert f"{block.code} {block.label(language)}" in " ".join(title.split())


def boxes_and_lines(
    group: ElementTree.Element,
) -> tuple[tuple[float, ...], list[ElementTree.Element]]:
    rect = group.find(f"{SVG}rect")
    assert rect is not None
    box = tuple(float(rect.get(key, "")) for key in ("x", "y", "width", "height"))
    return box, group.findall(f"{SVG}text")


@pytest.mark.parametrize("name", SNAPSHOT_NAMES)
def test_every_line_of_every_block_fits_inside_the_block(name: str) -> None:
    canvas = canvas_called(name)
    for key, group in groups(export(canvas)).items():
        if not key.startswith("block-"):
            continue
        (x, y, width, height), lines = boxes_and_lines(group)
        for line in lines:
            size = float(line.get("font-size", ""))
            left, baseline = float(line.get("x", "")), float(line.get("y", ""))
            bold = line.get("font-weight") == "bold"
            assert left >= x
            assert left + text_width(line_text(line), size, bold) <= x + width + 0.5, key
            assert baseline - size >= y - 0.5, key
            assert baseline <= y + height + 0.5, key


def crowded_canvas(parties: int) -> Canvas:
    suppliers = tuple(
        Party(f"p-{n}", name=f"Supplier number {n} of the region", roles=(Role.SUPPLIER,))
        for n in range(parties)
    )
    return Canvas(parties=suppliers)


def test_a_block_with_more_than_fits_says_how_many_lines_were_left_out() -> None:
    group = groups(export(crowded_canvas(400)))["block-suppliers"]
    _, lines = boxes_and_lines(group)
    texts = [line_text(line) for line in lines]
    shown = sum(1 for text in texts if text.startswith("Supplier number"))
    assert texts[-1] == f"… and {400 - shown} more"
    assert 0 < shown < 400


def test_the_paper_setting_sets_the_physical_size_and_portrait_turns_the_poster() -> None:
    canvas = sample_canvases()["port-logistics"]
    a3 = export(canvas)
    assert (a3.get("width"), a3.get("height")) == ("420mm", "297mm")
    a0 = export(canvas, paper="a0", orientation="portrait")
    assert (a0.get("width"), a0.get("height")) == ("841mm", "1189mm")
    width, height = (float(v) for v in (a0.get("viewBox") or "").split()[2:])
    assert height > width


def test_the_poster_carries_the_colophon_and_the_attribution() -> None:
    canvas = sample_canvases()["regional-healthcare"]
    root = export(canvas)
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == f"Community Model Canvas: {canvas.meta.name}"
    everything = " ".join(root.itertext())
    assert f"canvas version {canvas.meta.canvas_version}" in everything
    assert f"date: {canvas.meta.date}" in everything
    attribution = groups(root)["attribution"]
    assert "Weconomics" in line_text(attribution.findall(f"{SVG}text")[0])


def test_the_score_card_shows_the_radar_and_every_dimension() -> None:
    from cmc_core.scoring import score_canvas

    canvas = sample_canvases()["single-owner-platform"]
    root = export(canvas)
    card = " ".join(line_text(t) for t in groups(root)["score-card"].findall(f"{SVG}text"))
    for dimension in score_canvas(canvas).dimensions:
        assert dimension.title.split()[0] in card
    assert root.find(f".//{SVG}g[@class='radar']") is not None


# -- measuring and wrapping --------------------------------------------------------------------

WORDS = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), min_size=1, max_size=30
)


@settings(deadline=None)
@given(st.lists(WORDS, max_size=20), st.floats(20, 400), st.floats(4, 20))
def test_wrapping_keeps_every_word_in_order_and_every_line_within_the_width(
    words: list[str], width: float, size: float
) -> None:
    text = " ".join(words)
    lines = wrap(text, width, size)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        fits = text_width(line, size) <= width + 1e-9
        assert fits or len(line) == 1


@settings(deadline=None)
@given(
    st.lists(st.lists(WORDS, max_size=8).map(" ".join), max_size=30),
    st.floats(60, 300),
    st.floats(10, 300),
)
def test_fitting_uses_the_largest_size_that_fits_and_never_overflows_the_box(
    paragraphs: list[str], width: float, height: float
) -> None:
    sizes = (10.0, 8.0, 6.0)
    fitted = fit_paragraphs(paragraphs, width, height, sizes, line_height=1.25)
    if fitted.left_out == 0 and fitted.line_count:
        assert fitted.line_count * fitted.size * 1.25 <= height + 1e-9
        larger = [s for s in sizes if s > fitted.size]
        for size in larger:  # a larger size would not have fitted
            lines = sum(len(wrap(p, width, size)) or 1 for p in paragraphs)
            assert lines * size * 1.25 > height
    elif fitted.left_out:
        assert fitted.size == sizes[-1]
        assert fitted.paragraphs[-1][0].startswith("…")


# -- schema version 2 --------------------------------------------------------------------------


def group_text(root: ElementTree.Element, key: str) -> str:
    """The text of a group of the poster, its lines joined, on one line."""
    return " ".join(" ".join(line_text(t) for t in groups(root)[key].findall(f"{SVG}text")).split())


def svg_of(canvas: Canvas, language: Language) -> ElementTree.Element:
    output = SVG_EXPORTER.export_bytes(canvas, ExportOptions(language=language))
    return ElementTree.fromstring(output)


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_each_block_shows_the_facts_of_schema_version_2_in_the_language_asked_for(
    language: Language,
) -> None:
    root = svg_of(schema2_canvas(), language)
    dutch = language is Language.NL
    header = " ".join(line_text(t) for t in groups(root)["page"].findall(f"{SVG}text"))
    assert ("peildatum: 2019-06" if dutch else "as of: 2019-06") in header
    expected = {
        "block-suppliers": ["staat voor 240 organisaties"] if dutch
        else ["stands for 240 organisations"],
        "block-commonality": ["Medebeheerders:", "lidmaatschap", "terugkeerverbod"] if dutch
        else ["Co-stewards:", "membership (set by:", "member tariffs · exit ban"],
        "block-governance": ["40 % van de stemmen"] if dutch else ["40 % of the votes"],
        "block-waste_reduction": ["Nulmeting: 18.000 delivery notes per jaar",
                                  "Gerealiseerde besparing: 25 % · 4.500 delivery notes per jaar"]
        if dutch else ["Baseline: 18,000 delivery notes per year",
                       "Realised saving: 25 % · 4,500 delivery notes per year"],
    }  # fmt: skip
    for key, texts in expected.items():
        shown = group_text(root, key)
        assert [text for text in texts if text not in shown] == [], key


def test_the_side_bar_lists_the_sources_as_far_as_they_fit() -> None:
    root = svg_of(schema2_canvas(), Language.EN)
    sources = group_text(root, "sources")
    assert sources.startswith("Sources (4) S1 Annual report 2019 (Riverside Growers'")
    assert "S4 A report nothing cites yet" in sources
    card = groups(root)["score-card"].find(f"{SVG}rect")
    assert card is not None
    x, y, width, height = (float(card.get(key, "")) for key in ("x", "y", "width", "height"))
    for line in groups(root)["sources"].findall(f"{SVG}text"):
        size, left, baseline = (float(line.get(key, "")) for key in ("font-size", "x", "y"))
        bold = line.get("font-weight") == "bold"
        assert y <= baseline - size
        assert baseline <= y + height
        assert left + text_width(line_text(line), size, bold) <= x + width
    assert "sources" not in groups(export(sample_canvases()["port-logistics"]))


def test_many_sources_are_cut_with_a_line_saying_how_many_more_there_are() -> None:
    canvas = schema2_canvas()
    many = tuple(Source(f"S{n}", f"Report number {n} of the region") for n in range(200))
    lines = [
        line_text(line)
        for line in groups(export(canvas.evolve(sources=many)))["sources"].findall(f"{SVG}text")
    ]
    assert lines[0] == "Sources (200)"
    shown = sum(1 for line in lines[1:] if line.startswith("S"))
    assert lines[-1] == f"… and {200 - shown} more"
    assert 0 < shown < 200


def test_the_text_of_schema_version_2_is_escaped_in_the_image() -> None:
    canvas = hostile_schema2_canvas()
    output = SVG_EXPORTER.export_bytes(canvas, ExportOptions(language=Language.EN))
    assert_safe_xml(output)
    root = ElementTree.fromstring(output)
    assert {element.tag for element in root.iter()} <= {
        f"{SVG}{tag}" for tag in ("svg", "title", "desc", "g", "rect", "text", "tspan", "polygon",
                                  "line", "circle", "polyline", "path")
    }  # fmt: skip
    assert " ".join((canvas.meta.as_of or "").split()) in " ".join(root.itertext())


# -- what a review found ---------------------------------------------------------------------


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_a_partys_marker_is_next_to_its_name_and_the_saving_is_labelled_by_its_status(
    language: Language,
) -> None:
    root = svg_of(reviewed_canvas(), language)
    stakeholders, waste = (
        group_text(root, "block-stakeholders"),
        group_text(root, "block-waste_reduction"),
    )
    if language is Language.NL:
        assert "Riverside Exchange B.V.: (afgeleid) netwerkleider · eigenaren: Riverside" in (
            stakeholders
        )
        assert "Municipality of Riverside (afgeleid)" not in stakeholders
        assert "Gerealiseerde besparing: 25 %" in waste
        assert "Verwachte besparing" not in waste
    else:
        assert "Riverside Exchange B.V.: (inferred) network leader · owners: Riverside" in (
            stakeholders
        )
        assert "Municipality of Riverside (inferred)" not in stakeholders
        assert "Realised saving: 25 %" in waste
        assert "Expected saving" not in waste


def block_paragraphs(language: Language) -> list[str]:
    """Every paragraph the poster wraps in the blocks of the reviewed canvas."""
    return [
        paragraph
        for zone in read_zones(reviewed_canvas(), language)
        for block in zone.blocks
        for paragraph in _paragraphs(block)[0]
    ]


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_wrapping_never_ends_a_line_in_a_bare_colon_or_parts_a_number_from_its_unit(
    language: Language,
) -> None:
    """At any width, a label stays on the line of what it says (a party with nothing more to say
    has no colon at all: ``North Mill``), and a number on the line of its ``%`` or unit
    (never ``60`` / ``% van de stemmen``, ``18.000`` / ``delivery notes``)."""
    paragraphs = block_paragraphs(language)
    assert "North Mill" in paragraphs  # no profile: its name alone, without a colon
    broken = []
    for width in range(40, 400, 2):
        for paragraph in paragraphs:
            tied = re.split(r"[^\S\u00a0]+", paragraph)  # what a line must not part
            if max(text_width(words, 9.0) for words in tied) > width:
                continue  # a narrower line has to part them
            lines = wrap(paragraph, float(width), 9.0)
            for line, after in itertools.pairwise(lines):
                if line.endswith(":") or after.startswith("%") or line[-1:].isdigit():
                    broken.append((width, line, after))
            if lines and lines[-1].endswith(":"):
                broken.append((width, lines[-1], ""))
    assert broken == []


@pytest.mark.parametrize("name", SNAPSHOT_NAMES)
def test_no_line_of_the_poster_ends_in_a_bare_colon_or_starts_with_a_percent_sign(
    name: str,
) -> None:
    for language in Language:
        root = svg_of(canvas_called(name), language)
        for key, group in groups(root).items():
            if not key.startswith("block-"):
                continue
            lines = [line_text(text) for text in group.findall(f"{SVG}text")]
            assert [line for line in lines if line.endswith(":")] == [], (key, language)
            assert [line for line in lines if line.startswith("%")] == [], (key, language)
