"""The built-in ``markdown`` exporter keeps the exporter contract, matches its snapshots, and
renders on GitHub (through GitHub's own parser, cmark-gfm) as the canvas report it means:
every block in the export's language, the parties, the flows, the diagnostics and the score
card, with user text staying text. ``CMC_UPDATE_SNAPSHOTS=1`` rewrites the snapshots."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cmc_exporters
from cmc_core import Canvas
from cmc_core.blueprint import BLOCKS, ZONES
from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.questionnaires import load_answers
from cmc_core.rules import validate
from cmc_core.testing import (
    HOSTILE_TEXTS,
    ExporterContract,
    examples,
    hostile_canvas,
    sample_canvases,
)
from cmc_core.vocabulary import Language, Role
from cmc_exporters._markdown_text import markdown_text
from cmc_exporters.markdown import MARKDOWN_EXPORTER

from .gfm import assert_safe_markdown, reader_text, render_gfm
from .schema2 import SNAPSHOT_NAMES, canvas_called
from .snapshot import assert_matches_snapshot

ANSWERS = "src/cmc_core/examples/quickscan/port-logistics.answers.yaml"


class TestMarkdownExporter(ExporterContract):
    max_examples = 15  # each export validates and scores the canvas

    @pytest.fixture
    def exporter(self) -> Exporter:
        return MARKDOWN_EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_exporters

    def assert_hostile_text_is_safe(self, output: bytes, canvas: Canvas) -> None:
        assert_safe_markdown(output)

    def extract_text(self, output: bytes) -> str:
        return reader_text(output)


def export(canvas: Canvas, language: Language | None = None, **extras: object) -> str:
    options = ExportOptions(language=language, extras=extras)
    return MARKDOWN_EXPORTER.export_bytes(canvas, options).decode("utf-8")


def normalised(text: str) -> str:
    return " ".join(text.split())


# -- snapshots ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
@pytest.mark.parametrize("name", SNAPSHOT_NAMES)
def test_export_matches_the_stored_snapshot(name: str, language: Language) -> None:
    canvas = canvas_called(name)
    output = MARKDOWN_EXPORTER.export_bytes(canvas, ExportOptions(language=language))
    assert_matches_snapshot("markdown", f"{name}.{language.value}.md", output)


# -- escaping ----------------------------------------------------------------------------------


def reads_back(markdown: str) -> str:
    """The text of a list item and of a table cell holding ``markdown``, checked to agree."""
    in_item = reader_text(f"- {markdown}\n".encode())
    in_cell = reader_text(f"| a |\n|---|\n| {markdown} |\n".encode())
    assert normalised(in_cell) == normalised(f"a {in_item}")  # the cell follows the header "a"
    return in_item


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_each_hostile_text_renders_as_exactly_itself_in_a_list_item_and_a_table_cell(
    text: str,
) -> None:
    escaped = markdown_text(text)
    assert "\n" not in escaped
    assert_safe_markdown(f"- {escaped}\n\n| a |\n|---|\n| {escaped} |\n".encode())
    assert normalised(reads_back(escaped)) == normalised(text)


_NO_CONTROLS = st.characters(exclude_categories=("Cc", "Cs"))


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(_NO_CONTROLS, max_size=60)
    | st.text(alphabet="\\`*_[]<>|~&$#+-=.):/ w1a\n", max_size=30)
)
def test_any_text_renders_as_itself(text: str) -> None:
    escaped = markdown_text(text)
    html = render_gfm(f"- {escaped}\n")
    links = re.findall(r'<a href="([^"]*)">', html)
    assert all(link.startswith("mailto:") for link in links), links  # GitHub autolinks e-mail
    assert normalised(reads_back(escaped)) == normalised(text)


def test_control_characters_are_dropped_and_line_breaks_become_br() -> None:
    assert markdown_text("a\x00b\x1bc\x7fd") == "abcd"
    assert (
        markdown_text("one\r\ntwo\rthree\u2028four\n\nfive")
        == "one<br>two<br>three<br>four<br>five"
    )
    assert markdown_text("  tab\tand   spaces  ") == "tab and spaces"


# -- content -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_every_zone_and_block_is_a_heading_in_the_export_language(language: Language) -> None:
    rendered = render_gfm(export(sample_canvases()["port-logistics"], language))
    headings = [normalised(h) for h in re.findall(r"<h[34]>(.*?)</h[34]>", rendered)]
    for zone in ZONES:
        label = zone.label_nl if language is Language.NL else zone.label_en
        assert f"{zone.code} · {label}" in headings
    for block in BLOCKS:
        assert f"{block.code} · {block.label(language)}" in headings


def test_an_empty_block_shows_its_guiding_questions() -> None:
    text = export(sample_canvases()["starter-en"])
    vision = text.split("#### A4 · Vision", 1)[1].split("####", 1)[0]
    assert "_Not filled in yet._" in vision
    for question in next(b for b in BLOCKS if b.code == "A4").guiding_questions(Language.EN):
        assert f"- {markdown_text(question)}" in vision


def test_parties_are_listed_under_each_of_their_roles() -> None:
    canvas = sample_canvases()["port-logistics"]
    text = export(canvas, Language.EN)
    section = text.split("## Parties by role", 1)[1].split("## Value flows", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "|---" not in line]
    party_rows = [row for row in rows if not row.startswith("| Party |")]
    assert len(party_rows) == sum(max(len(party.roles), 1) for party in canvas.parties)
    suppliers = section.split("### Suppliers", 1)[1].split("###", 1)[0]
    first_cells = re.findall(r"^\| (.*?) \| ", suppliers, flags=re.MULTILINE)[1:]  # after header
    expected = [p.name for p in canvas.parties if p.has_role(Role.SUPPLIER)]
    assert first_cells == [markdown_text(name) for name in expected]


def test_flows_are_a_table_with_one_row_per_flow_naming_the_parties() -> None:
    canvas = sample_canvases()["regional-healthcare"]
    text = export(canvas)
    names = {party.id: party.name for party in canvas.parties}
    rows = re.findall(r"^\| (\d+) \| (.*)$", text, flags=re.MULTILINE)
    assert [int(number) for number, _ in rows] == list(range(1, len(canvas.flows) + 1))
    for (_, row), flow in zip(rows, canvas.flows, strict=True):
        cells = row.split(" | ")
        assert cells[1] == markdown_text(names[flow.from_party or ""])
        assert cells[2] == markdown_text(names[flow.to_party or ""])


def test_the_validation_summary_lists_every_diagnostic_under_its_severity() -> None:
    canvas = sample_canvases()["single-owner-platform"]
    report = validate(canvas)
    text = export(canvas, Language.EN)
    section = text.split("## Validation", 1)[1].split("## Score card", 1)[0]
    assert f"Errors: **{len(report.errors)}**" in section
    assert f"Warnings: **{len(report.warnings)}**" in section
    listed = re.findall(r"^- \*\*([A-Z]+\d{3})\*\*", section, flags=re.MULTILINE)
    assert sorted(listed) == sorted(d.code for d in report)
    errors = section.split("### Errors", 1)[1].split("###", 1)[0]
    assert re.findall(r"\*\*([A-Z]+\d{3})\*\*", errors) == [d.code for d in report.errors]


def test_a_sound_canvas_says_it_meets_every_rule() -> None:
    text = export(sample_canvases()["port-logistics"], Language.EN)
    assert "No diagnostics: the canvas meets every rule." in text


def test_the_score_card_shows_each_dimension_with_score_band_and_top_reasons() -> None:
    from cmc_core.scoring import score_canvas

    canvas = sample_canvases()["single-owner-platform"]
    card = score_canvas(canvas)
    text = export(canvas, Language.EN)
    for dimension in card.dimensions:
        row = next(line for line in text.splitlines() if line.startswith(f"| {dimension.title} |"))
        cells = [cell.strip() for cell in row.strip("|").split(" | ")]
        if dimension.applicable:
            assert cells[1] == f"{dimension.score:.0f}"
            assert dimension.band is not None
            assert cells[2] == dimension.band.value
        reasons = cells[3].split("<br>")
        assert reasons == [markdown_text(r.text) for r in dimension.reasons[:3]]


def test_dutch_export_translates_the_built_in_dimension_titles() -> None:
    text = export(sample_canvases()["regional-healthcare"], Language.NL)
    assert "| Marktbalans en gelijkwaardigheid |" in text
    assert "| Market balance and equal footing |" not in text


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_the_colophon_gives_name_versions_language_date_and_attribution(language: Language) -> None:
    canvas = sample_canvases()["port-logistics"]
    lines = export(canvas, language).splitlines()
    assert lines[0] == f"# Community Model Canvas: {canvas.meta.name}"
    if language is Language.NL:
        version, schema, lang = "canvasversie", "schemaversie", "taal: Nederlands (nl)"
    else:
        version, schema, lang = "canvas version", "schema version", "language: English (en)"
    assert f"{version} {canvas.meta.canvas_version}" in lines[2]
    assert f"{schema} {SCHEMA_VERSION}" in lines[2]
    assert lang in lines[2]
    assert canvas.meta.date is not None
    assert canvas.meta.date in lines[2]
    assert "Weconomics" in lines[-1]
    assert "CMC" in lines[-1]


def test_answers_given_with_the_export_appear_as_questions_and_answers() -> None:
    canvas = sample_canvases()["port-logistics"]
    answers = load_answers(ANSWERS)
    text = export(canvas, Language.NL, answers=answers)
    section = text.split("## Vragen en antwoorden", 1)[1]
    from cmc_core.questionnaires import quickscan

    asked = {q.id: q for q in quickscan().questions}
    for answer in answers:
        question = asked[answer.question]
        assert f"**{markdown_text(question.text.nl)}**" in section
    assert "Havencommunity Noordmonde" in section


def test_export_without_answers_has_no_answers_section() -> None:
    assert "## Questions and answers" not in export(sample_canvases()["regional-healthcare"])


def test_no_text_in_the_export_holds_an_unescaped_control_character() -> None:
    text = export(hostile_canvas())
    controls = [c for c in text if unicodedata.category(c) == "Cc" and c != "\n"]
    assert controls == []


def test_a_previous_version_adds_a_table_of_every_change() -> None:
    import attrs

    from cmc_core.blueprint import block
    from cmc_core.diffing import diff_canvases, party_block

    old = sample_canvases()["regional-healthcare"]
    party = old.parties[2]
    new = old.replace(attrs.evolve(party, name="Renamed clinic")).remove(old.values[-1].id)
    text = export(new, Language.EN, previous=old)
    section = text.split("## Changes (", 1)[1].split("\n---\n", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "Kind" not in line]
    assert len(rows) == len(diff_canvases(old, new))
    code = block(party_block(party)).code
    row = f"| changed | {code} | parties\\[{party.id}\\].name | {party.name} | Renamed clinic |"
    assert row in section
    assert "No changes from the previous version." in export(old, Language.EN, previous=old)


@settings(max_examples=examples(500), deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(exclude_categories=())
        | st.sampled_from("wW.: #+=-1234567890\\`*_[]<>|~&$\n\t\u2028\x85")
    )
)
def test_the_quick_test_for_text_that_needs_escaping_agrees_with_the_full_pattern(
    text: str,
) -> None:
    from cmc_exporters._markdown_text import _NEEDS_WORK, needs_work

    assert needs_work(text) == (_NEEDS_WORK.search(text) is not None)
