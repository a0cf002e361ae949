"""The ``pptx`` exporter keeps the exporter contract and writes an editable, fitted deck."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner
from cmc_core.blueprint import BLOCKS, ZONES, BlockKey, ZoneKey
from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.exporting import Exporter, ExportOptions, ExportSettingError
from cmc_core.model import Meta, Party
from cmc_core.plugins import load_plugins
from cmc_core.testing import ExporterContract, assert_safe_xml, hostile_canvas, sample_canvas
from cmc_core.translation import using_language
from cmc_core.vocabulary import Language, Role
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.text.text import TextFrame

import cmc_pptx
from cmc_pptx import EXPORTER, PptxSettingError
from cmc_pptx.deck import CLAMPS
from cmc_pptx.document import canvas_date
from cmc_pptx.wording import clean

pytestmark = pytest.mark.slow  # every export writes and reads back a PowerPoint deck

SMALLEST = min(clamp.minimum for clamp in CLAMPS.values())
LARGEST = max(clamp.maximum for clamp in CLAMPS.values())


# -- reading a deck back ---------------------------------------------------------------------


def open_deck(output: bytes) -> Deck:
    return Presentation(io.BytesIO(output))


def frames(slide: Slide) -> Iterator[TextFrame]:
    """Every text frame on a slide: text boxes, the title, and each table cell."""
    for shape in slide.shapes:
        if shape.has_text_frame:
            yield shape.text_frame
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    yield cell.text_frame


def slide_text(slide: Slide, *, notes: bool = False) -> str:
    texts = [frame.text for frame in frames(slide)]
    if notes and slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        texts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(texts)


def deck_text(output: bytes) -> str:
    """Everything a reader of the deck sees, speaker notes included."""
    return "\n".join(slide_text(slide, notes=True) for slide in open_deck(output).slides)


def zone_slide(deck: Deck, zone: ZoneKey) -> Slide:
    """The slide of a zone: zones follow the overview in blueprint order."""
    return deck.slides[1 + [each.key for each in ZONES].index(zone)]


def normalised(text: str) -> str:
    return " ".join(text.replace("\v", "\n").split())


def export(canvas: Canvas, **settings: str) -> bytes:
    return EXPORTER.export_bytes(canvas, ExportOptions(settings=settings))


def shown_texts(canvas: Canvas) -> list[str]:
    """The free text the README promises a deck shows, on its slides or in its speaker notes."""
    meta, customer, boundary = canvas.meta, canvas.end_customer, canvas.boundary
    texts = [meta.name, meta.description, *meta.authors]
    texts += [customer.customer, customer.value, customer.problem, customer.waste, customer.measure]
    texts += [boundary.goal, boundary.target_group, *boundary.inclusion_criteria]
    texts += [*boundary.exclusion_criteria, boundary.parent_domain or ""]
    for party in canvas.parties:
        texts += [party.name, party.specialisation, party.interest, party.notes]
    for value in canvas.values:
        texts += [value.name, value.description]
    texts += [flow.friction for flow in canvas.flows]
    texts += [text for area in canvas.process_areas for text in (area.name, area.description)]
    for item in canvas.commonalities:
        texts += [item.name, item.description, *item.capabilities, item.access_terms]
        texts.append(item.financing)
    governance = canvas.governance
    texts += [governance.decision_making, *governance.agreements]
    texts += [right.subject for right in governance.decision_rights]
    texts += [factor.answer for factor in canvas.factors]
    texts += [text for item in canvas.developments for text in (item.description, item.source)]
    for resistance in canvas.resistances:
        texts += [resistance.description, resistance.reason, resistance.mitigation]
    texts += [principle.notes for principle in canvas.principles]
    texts += [canvas.waste.baseline, canvas.waste.basis]
    texts += [note.text for note in canvas.notes]
    return [text for text in texts if normalised(clean(text))]


# -- the contract ------------------------------------------------------------------------------


class TestPptxExporter(ExporterContract):
    # Each export builds a whole deck (a few tenths of a second), and the contract exports every
    # generated canvas four times: ten examples keep the suite fast on a shared machine.
    max_examples = 10

    @pytest.fixture
    def exporter(self) -> Exporter:
        return EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_pptx

    def extract_text(self, output: bytes) -> str:
        return deck_text(output)

    def expected_texts(self, canvas: Canvas) -> list[str]:
        names = [canvas.meta.name, *(party.name for party in canvas.parties)]
        return [name for name in names if name.strip()]

    def assert_hostile_text_is_safe(self, output: bytes, canvas: Canvas) -> None:
        """Every XML part is well-formed with nothing injected, and every text the deck shows
        arrives as literal text (less what XML cannot hold, see :func:`cmc_pptx.wording.clean`)."""
        with zipfile.ZipFile(io.BytesIO(output)) as package:
            for name in package.namelist():
                if name.endswith((".xml", ".rels")):
                    assert_safe_xml(package.read(name))
        text = normalised(deck_text(output))
        missing = [t for t in shown_texts(canvas) if normalised(clean(t)) not in text]
        assert not missing, f"the deck does not show {missing[:5]} literally"


def test_every_hostile_text_arrives_literally_in_the_deck() -> None:
    from cmc_core.testing import HOSTILE_TEXTS

    text = normalised(deck_text(export(hostile_canvas())))

    missing = [h for h in HOSTILE_TEXTS if normalised(clean(h)) not in text]
    assert not missing


def test_control_characters_are_removed_and_line_breaks_of_every_kind_kept() -> None:
    raw = "nul\x00 bell\x07 esc\x1b[0m vt\vff\fcr\rcrlf\r\nnel\x85ls\u2028ps\u2029tab\tend\ufffe"

    assert clean(raw) == "nul bell esc[0m vt\nff\ncr\ncrlf\nnel\nls\nps\ntab\tend"


def test_control_characters_in_a_canvas_never_reach_the_deck() -> None:
    canvas = Canvas(meta=Meta(name="bell\x07 and nul\x00", date="2025-01-01"))

    text = deck_text(export(canvas))

    assert "bell and nul" in text
    assert "\x07" not in text
    assert "_x0007_" not in text


# -- the shape of the deck ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def port_deck() -> Deck:
    return open_deck(export(sample_canvas("port-logistics")))


def test_the_deck_has_an_overview_and_one_slide_per_zone(port_deck: Deck) -> None:
    assert len(port_deck.slides) == 1 + len(ZONES)


@pytest.mark.parametrize("language", list(Language))
def test_each_zone_slide_and_the_overview_show_the_labels_of_their_blocks(
    language: Language,
) -> None:
    canvas = sample_canvas("port-logistics")
    deck = open_deck(EXPORTER.export_bytes(canvas, ExportOptions(language)))
    overview, *zone_slides = deck.slides

    for zone, slide in zip(ZONES, zone_slides, strict=True):
        title = slide.shapes.title
        assert title is not None
        label = zone.label_nl if language is Language.NL else zone.label_en
        assert label in title.text_frame.text
        text = slide_text(slide)
        for block in BLOCKS:
            expected = f"{block.code} {block.label(language)}"
            assert (expected in text) is (block.zone is zone.key), (zone.key, expected)
    overview_text = slide_text(overview)
    assert all(f"{block.code} {block.label(language)}" in overview_text for block in BLOCKS)


def test_dutch_labels_come_with_the_language_option_nl() -> None:
    english = sample_canvas("regional-healthcare")
    assert english.meta.language is Language.EN

    text = deck_text(EXPORTER.export_bytes(english, ExportOptions(language=Language.NL)))

    assert "taal: Nederlands" in text
    assert "Markt en uitwisseling (scharnier)" in text
    assert all(block.label_nl in text for block in BLOCKS)
    assert "Market and exchange" not in text
    assert "Added value for the end customer" not in text


def _small_community() -> Canvas:
    parties = (
        Party("s1", "Bakkerij Zoet", (Role.SUPPLIER,), specialisation="brood"),
        Party("s2", "Molen De Hoop", (Role.SUPPLIER,)),
        Party("d1", "Café Plein", (Role.DEMANDER,), serves_end_customer=True),
        Party("d2", "Hotel Dijk", (Role.DEMANDER,)),
        Party("n1", "Netwerk B.V.", (Role.NETWORK_LEADER,), interest="een neutraal netwerk"),
    )
    meta = Meta(name="Broodketen", language=Language.NL, date="2025-02-03")
    return Canvas(meta=meta, parties=parties)


def test_party_names_appear_on_the_market_slide_by_role() -> None:
    deck = open_deck(export(_small_community(), notes="no"))
    market = slide_text(zone_slide(deck, ZoneKey.MARKET))

    for name in ("Bakkerij Zoet", "Molen De Hoop", "Café Plein", "Hotel Dijk", "Netwerk B.V."):
        assert name in market
    assert "netwerkleider" in market  # B4 names the roles of the other stakeholders


def test_a_block_too_full_for_its_box_ends_with_a_count_and_keeps_everything_in_the_notes() -> None:
    suppliers = tuple(
        Party(f"s{n}", f"Leverancier nummer {n}", (Role.SUPPLIER,), specialisation="x" * 40)
        for n in range(60)
    )
    deck = open_deck(export(Canvas(meta=Meta(name="Vol"), parties=suppliers)))
    market = zone_slide(deck, ZoneKey.MARKET)

    assert any(normalised(frame.text).endswith("more") for frame in frames(market))
    assert "+" in slide_text(market)
    notes = slide_text(market, notes=True)
    assert all(f"Leverancier nummer {n}" in notes for n in range(60))


def test_every_shape_is_a_text_box_a_table_or_the_slide_title() -> None:
    for name in ("port-logistics", "starter-nl"):
        for slide in open_deck(export(sample_canvas(name))).slides:
            for shape in slide.shapes:
                if shape.shape_type is MSO_SHAPE_TYPE.PLACEHOLDER:
                    assert shape.placeholder_format.type is PP_PLACEHOLDER.TITLE
                else:
                    assert shape.shape_type in (MSO_SHAPE_TYPE.TEXT_BOX, MSO_SHAPE_TYPE.TABLE)


def test_every_run_has_a_computed_size_within_the_clamps_and_no_auto_fit(port_deck: Deck) -> None:
    sizes = set()
    for slide in port_deck.slides:
        for frame in frames(slide):
            assert frame.auto_size is MSO_AUTO_SIZE.NONE
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size is not None
                    sizes.add(run.font.size.pt)
    assert all(SMALLEST <= size <= LARGEST for size in sizes)
    assert len(sizes) > 3  # sizes are computed per box, not one size for all


def _size_of_box_holding(slide: Slide, text: str) -> float:
    for frame in frames(slide):
        if text in frame.text:
            size = frame.paragraphs[-1].runs[0].font.size
            assert size is not None
            return float(size.pt)
    raise AssertionError(f"no box holds {text!r}")


def test_long_text_gets_a_smaller_size_than_short_text_in_a_box_of_the_same_size() -> None:
    long = "Een lange ambitie over de hele keten. " * 12
    canvas = Canvas(meta=Meta(name="Maten")).with_note(BlockKey.VISION, "Kort.")
    canvas = canvas.with_note(BlockKey.AMBITION, long)
    direction = zone_slide(open_deck(export(canvas)), ZoneKey.DIRECTION)  # A4, A5: same size

    assert _size_of_box_holding(direction, "Kort.") > _size_of_box_holding(direction, long[:30])


def test_every_slide_names_the_canvas_its_versions_language_date_and_the_method() -> None:
    canvas = sample_canvas("regional-healthcare")

    for slide in open_deck(export(canvas)).slides:
        text = normalised(slide_text(slide))
        assert canvas.meta.name in text
        assert f"canvas version {canvas.meta.canvas_version}" in text
        assert f"schema {SCHEMA_VERSION}" in text
        assert "language: English" in text
        assert f"date: {canvas.meta.date}" in text
        assert "a method by Weconomics (Paul Bessems)" in text


def test_the_document_properties_come_from_the_canvas_not_the_clock(port_deck: Deck) -> None:
    canvas = sample_canvas("port-logistics")
    properties = port_deck.core_properties

    assert properties.title == canvas.meta.name
    assert properties.created is not None
    assert properties.created.date().isoformat() == canvas.meta.date
    assert properties.modified == properties.created
    assert properties.revision == 1
    assert properties.language == "nl"
    assert properties.last_modified_by == "cmc-pptx"


def test_an_undated_canvas_gets_no_dates_and_says_so() -> None:
    output = export(Canvas(meta=Meta(name="Zonder datum")))

    properties = open_deck(output).core_properties
    assert properties.created is None
    assert properties.modified is None
    assert "date: undated" in deck_text(output)


@pytest.mark.parametrize(
    ("date", "stored"),
    [
        ("2024-11-14", dt.datetime(2024, 11, 14)),
        ("2024-01-31T12:30:00+02:00", dt.datetime(2024, 1, 31, 10, 30)),
        ("2024-13-45", None),
        ("next spring", None),
        ("0001-01-01T00:00:00+01:00", None),
    ],
)
def test_the_document_date_is_meta_date_in_utc_or_nothing(
    date: str, stored: dt.datetime | None
) -> None:
    assert canvas_date(Canvas(meta=Meta(date=date))) == stored


def test_two_exports_are_byte_identical_and_stamped_with_the_canvas_date() -> None:
    canvas = sample_canvas("starter-en").evolve(meta=Meta(name="Dated", date="2024-11-14"))

    first, second = export(canvas), export(canvas)

    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        members = package.infolist()
    assert members[0].filename == "[Content_Types].xml"
    assert [m.filename for m in members[1:]] == sorted(m.filename for m in members[1:])
    assert {m.date_time for m in members} == {(2024, 11, 14, 0, 0, 0)}


def test_an_undated_deck_is_stamped_with_the_earliest_zip_date() -> None:
    with zipfile.ZipFile(io.BytesIO(export(Canvas(meta=Meta(name="Zonder"))))) as package:
        assert {m.date_time for m in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_notes_are_written_unless_turned_off() -> None:
    canvas = sample_canvas("starter-en")

    with_notes, without = open_deck(export(canvas)), open_deck(export(canvas, notes="no"))

    assert all(slide.has_notes_slide for slide in with_notes.slides)
    assert not any(slide.has_notes_slide for slide in without.slides)


def test_an_unknown_notes_value_is_refused_with_a_message() -> None:
    with using_language("en"), pytest.raises(PptxSettingError) as caught:
        export(sample_canvas("starter-en"), notes="maybe")
    assert str(caught.value) == (
        "the pptx exporter's setting 'notes' cannot be 'maybe'; expected yes or no"
    )
    assert isinstance(caught.value, ExportSettingError)  # what cmc export turns into -O wording


def test_in_dutch_the_notes_setting_takes_ja_or_nee_and_says_so() -> None:
    canvas = sample_canvas("starter-en")
    with using_language("nl"), pytest.raises(PptxSettingError) as caught:
        export(canvas, notes="misschien")
    assert caught.value.expected == "ja of nee"
    assert not any(slide.has_notes_slide for slide in open_deck(export(canvas, notes="nee")).slides)
    assert all(slide.has_notes_slide for slide in open_deck(export(canvas, notes="Ja")).slides)


# -- installed as a plugin ---------------------------------------------------------------------


def _installed_version() -> str | None:
    try:
        return metadata.version("cmc-pptx")
    except metadata.PackageNotFoundError:
        return None


needs_install = pytest.mark.skipif(
    _installed_version() is None,
    reason="cmc-pptx is not installed; run pip install -e plugins/cmc-pptx",
)


def test_the_module_registers_the_exporter() -> None:
    plugins = load_plugins(plugins=[cmc_pptx], entry_points=False)

    assert plugins.exporters.get("pptx") == EXPORTER


@needs_install
def test_after_install_the_entry_point_is_discovered() -> None:
    plugins = load_plugins()

    assert plugins.exporters.get("pptx") == EXPORTER
    provider = plugins.exporters.provider("pptx")
    assert provider.distribution == "cmc-pptx"
    assert provider.version == _installed_version()


@needs_install
def test_the_command_line_writes_a_dutch_deck(tmp_path: Path) -> None:
    from cmc_core.cli import cli

    out = tmp_path / "deck.pptx"
    args = ["export", "--example", "regional-healthcare", "--to", "pptx", "--lang", "nl"]
    result = CliRunner().invoke(cli, [*args, "-o", str(out)], catch_exceptions=False)

    assert result.exit_code == 0, result.output
    text = deck_text(out.read_bytes())
    assert "Richting (vraagzijde)" in text
    assert "taal: Nederlands" in text


def test_a_misspelt_setting_is_refused_naming_the_one_it_reads() -> None:
    from cmc_core import export as export_canvas
    from cmc_core.exporting import UnknownSettingError

    with pytest.raises(UnknownSettingError, match="notes"):
        export_canvas(_small_community(), "pptx", notse="no")
