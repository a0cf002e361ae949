"""The ``html`` exporter shows schema version 2's facts in the block where their entity is
drawn and in its tables: a party's group and owners, the commonality's co-stewards, owners
and access terms, vote weights, the waste as figures, provenance markers, flow kinds and
volumes, the sources in a section of their own, and the moment the canvas describes in the
heading, in Dutch and in English, escaped as all its text is."""

from __future__ import annotations

import html
import re

import attrs
import pytest

from cmc_core.exporting import ExportOptions
from cmc_core.testing import INJECTION_MARKER, assert_safe_html, sample_canvases
from cmc_core.vocabulary import Language, SavingStatus
from cmc_exporters.html import HTML_EXPORTER

from .schema2 import hostile_schema2_canvas, reviewed_canvas, schema2_canvas
from .test_html_exporter import Page, export


def shown_text(markup: str) -> str:
    """What a reader sees of a piece of the page: its text, entities resolved, on one line."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def part(page: str, start: str, end: str) -> str:
    """The text of the page from ``start`` up to the next ``end``."""
    return shown_text(page.split(start, 1)[1].split(end, 1)[0])


def block(page: str, key: str) -> str:
    return part(page, f'data-block="{key}">', "</article>")


def table_rows(page: str, section: str) -> list[list[str]]:
    """The cells of each row of the tables of a section, as text."""
    markup = page.split(f'<section id="{section}">', 1)[1].split("</section>", 1)[0]
    return [
        [shown_text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", markup, re.S)
    ]


def test_each_block_shows_the_facts_of_schema_version_2_where_its_entity_is_drawn() -> None:
    page = export(schema2_canvas(), Language.EN)
    assert "· date: 2025-05-01 · as of: 2019-06" in part(page, "<header", "</header>")
    assert "as of: 2019-06" in part(page, "<footer>", "</footer>")
    assert "Riverside Growers' Cooperative : stands for 240 organisations" in block(
        page, "suppliers"
    )
    assert "Independent bakers : (inferred) stands for 35 organisations" in block(page, "demanders")
    assert "owners: Riverside Grain Foundation (70 %), Riverside Growers' Cooperative (30 %)" in (
        block(page, "stakeholders")
    )
    commonality = block(page, "commonality")
    for text in (
        "(primary) (inferred)",
        "Co-stewards : Riverside Grain Foundation",
        "Owners : Riverside Grain Foundation (70 %), Riverside Growers' Cooperative (30 %)",
        "Access : membership (set by: Riverside Exchange B.V., Riverside Grain Foundation) · "
        "member tariffs · exit ban · Members sign the exchange rulebook",
        "Favours : Hillside Estate",
    ):
        assert text in commonality
    assert "(40 % of the votes; over transaction rules)" in block(page, "governance")
    assert "(inferred) Mills fear price transparency" in block(page, "resistances")
    waste = block(page, "waste_reduction")
    assert "Baseline : 18,000 delivery notes per year" in waste
    assert "Realised saving : 25 % · 4,500 delivery notes per year" in waste
    assert "Provenance : unverified" in waste


def test_the_tables_show_kinds_volumes_groups_owners_and_the_sources() -> None:
    page = export(schema2_canvas(), Language.EN)
    flows = table_rows(page, "flows")
    assert flows[0][4:7] == ["In return", "Kind", "Volume"]
    assert [row[5:7] for row in flows[1:]] == [
        ["", "12,000 t per year"],
        ["", "3,000 t per year (inferred)"],
        ["", "1,500.5 t per year (unverified)"],
        ["", ""],
        ["fee", "0.5 %"],
        ["regulatory report", ""],
        ["delegation", ""],
    ]
    parties = table_rows(page, "parties")
    assert parties[0][5:8] == ["Flags", "Owners", "Notes"]
    assert ["Independent bakers", "p-bakers", "", "", "", "stands for 35 organisations, inferred",
            "", ""] in parties  # fmt: skip
    exchange = next(row for row in parties if row[:2] == ["Riverside Exchange B.V.", "p-exchange"])
    assert exchange[6] == (
        "Riverside Grain Foundation (70 %), Riverside Growers' Cooperative (30 %), "
        "Municipality of Riverside"
    )
    sources = table_rows(page, "sources")
    assert sources[0] == ["Id", "Title", "Publisher", "Date", "Address", "Source for"]
    assert sources[1] == [
        "S1", "Annual report 2019", "Riverside Growers' Cooperative", "2020-03",
        "https://example.org/riverside/annual-report-2019",
        "Riverside Growers' Cooperative, D2 Waste and savings, flow #1",
    ]  # fmt: skip
    assert '<a href="#sources">Sources (4)</a>' in page
    assert "https://example.org" not in re.findall(r'href="([^"]*)"', page)  # text, no link
    assert 'id="sources"' not in export(sample_canvases()["port-logistics"])


def test_a_dutch_page_says_the_facts_of_schema_version_2_in_dutch() -> None:
    page = export(schema2_canvas(), Language.NL)
    assert "peildatum: 2019-06" in part(page, "<header", "</header>")
    assert "staat voor 240 organisaties" in block(page, "suppliers")
    commonality = block(page, "commonality")
    dutch = ("Medebeheerders :", "Eigenaren :", "Toegang : lidmaatschap (bepaald door:",
             "ledentarief · terugkeerverbod", "Begunstigt :", "(primair) (afgeleid)")  # fmt: skip
    assert [text for text in dutch if text not in commonality] == []
    assert "(40 % van de stemmen; over transactieregels)" in block(page, "governance")
    waste = block(page, "waste_reduction")
    assert "Nulmeting : 18.000 delivery notes per jaar" in waste
    assert "Gerealiseerde besparing : 25 % · 4.500 delivery notes per jaar" in waste
    assert "Herkomst : niet bevestigd" in waste
    flows = table_rows(page, "flows")
    assert flows[0][5:7] == ["Soort", "Volume"]
    assert flows[5][5:7] == ["vergoeding", "0,5 %"]
    assert table_rows(page, "sources")[0][-1] == "Bron voor"
    assert '<a href="#sources">Bronnen (4)</a>' in page
    # Rule messages and score reasons are in English, as the rules write them: the rest is not.
    ours = page.split('<section id="score-card"', 1)[0] + page.split('<section id="sources"')[1]
    for english in ("stands for", "of the votes", "owners", "inferred", "unverified", "saving",
                    "realised", "promised", "per year"):  # fmt: skip
        assert english not in ours, english


def test_the_text_of_schema_version_2_is_escaped_on_the_page() -> None:
    canvas = hostile_schema2_canvas()
    output = HTML_EXPORTER.export_bytes(canvas, ExportOptions(language=Language.EN))
    assert_safe_html(output)
    page = output.decode("utf-8")
    tags = {tag for tag, _ in Page(page).elements}
    assert not any(INJECTION_MARKER in tag for tag in tags)
    shown = shown_text(page)
    texts = [
        canvas.meta.as_of or "",
        *(f.unit for f in canvas.flows if f.volume is not None),
        canvas.waste.unit,
        *(text for s in canvas.sources for text in (s.title, s.publisher, s.date, s.url)),
    ]
    assert [text for text in texts if " ".join(text.split()) not in shown] == []


# -- what a review found ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "owners", "huge", "tiny"),
    [
        (Language.EN, "(inferred) network leader · owners: Riverside Grain Foundation (70 %), "
         "Riverside Growers' Cooperative (30 %), Municipality of Riverside",
         "10,000,000,000,000,000,000,000 t per year", "0.000000123 t per year (inferred)"),
        (Language.NL, "(afgeleid) netwerkleider · eigenaren: Riverside Grain Foundation (70 %), "
         "Riverside Growers' Cooperative (30 %), Municipality of Riverside",
         "10.000.000.000.000.000.000.000 t per jaar", "0,000000123 t per jaar (afgeleid)"),
    ],
    ids=["en", "nl"],
)  # fmt: skip
def test_a_partys_marker_is_next_to_its_name_and_volumes_are_written_out(
    language: Language, owners: str, huge: str, tiny: str
) -> None:
    page = export(reviewed_canvas(), language)
    stakeholders = page.split('data-block="stakeholders">', 1)[1].split("</article>", 1)[0]
    item = next(
        shown_text(li) for li in re.findall(r"<li.*?</li>", stakeholders, re.S)
        if "Riverside Exchange B.V." in li
    )  # fmt: skip
    assert item == f"Riverside Exchange B.V. : {owners}"
    volumes = [row[6] for row in table_rows(page, "flows")[1:3]]
    assert volumes == [huge, tiny]
    assert re.search(r"\de[+-]?\d", shown_text(page.split("<section", 1)[1])) is None


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_the_saving_is_labelled_as_realised_or_expected_by_its_status(language: Language) -> None:
    realised = schema2_canvas()
    promised = realised.evolve(waste=attrs.evolve(realised.waste, status=SavingStatus.PROMISED))
    dutch = language is Language.NL
    said = {
        SavingStatus.REALISED: "Gerealiseerde besparing : 25 % · 4.500 delivery notes per jaar"
        if dutch else "Realised saving : 25 % · 4,500 delivery notes per year",
        SavingStatus.PROMISED: "Verwachte besparing : 25 % · 4.500 delivery notes per jaar "
        "(beloofd)" if dutch else
        "Expected saving : 25 % · 4,500 delivery notes per year (promised)",
    }  # fmt: skip
    for canvas in (realised, promised):
        waste = block(export(canvas, language), "waste_reduction")
        assert said[canvas.waste.status] in waste
        other = next(status for status in said if status is not canvas.waste.status)
        assert said[other].split(" : ")[0] not in waste
