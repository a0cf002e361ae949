"""The ``markdown`` exporter shows schema version 2's facts where a reader looks for them: a
party's group and owners, the commonality's co-stewards, owners and access terms, vote weights,
the waste as figures with the saving's status, provenance markers, flow kinds and volumes, the
sources, and the moment the canvas describes, in Dutch and in English, escaped as all its
text is."""

from __future__ import annotations

import re

import attrs

from cmc_core.exporting import ExportOptions
from cmc_core.testing import sample_canvases
from cmc_core.vocabulary import Language, SavingStatus
from cmc_exporters.markdown import MARKDOWN_EXPORTER

from .gfm import assert_safe_markdown, reader_text
from .schema2 import hostile_schema2_canvas, reviewed_canvas, schema2_canvas
from .test_markdown_exporter import export, normalised


def block_lines(text: str, heading: str) -> str:
    """The Markdown of the block under ``#### heading`` (up to the next heading)."""
    return text.split(f"#### {heading}\n", 1)[1].split("\n#", 1)[0]


def test_the_facts_of_schema_version_2_appear_where_a_reader_looks_for_them() -> None:
    text = export(schema2_canvas(), Language.EN)
    assert text.splitlines()[2].endswith("· date: 2025-05-01 · as of: 2019-06_")
    suppliers = block_lines(text, "B2 · Suppliers")
    assert "- **Riverside Growers' Cooperative**: stands for 240 organisations\n" in suppliers
    assert "- **Hillside Estate**: (unverified) privileged" in suppliers
    assert "- **Independent bakers**: (inferred) stands for 35 organisations" in text
    assert (
        "- **Riverside Exchange B.V.**: network leader · owners: Riverside Grain Foundation "
        "(70 %), Riverside Growers' Cooperative (30 %), Municipality of Riverside"
    ) in text
    commonality = block_lines(text, "B7 · Commonality (shared capabilities)")
    assert "- **Riverside grain exchange platform**: (primary) (inferred)" in commonality
    assert "- **Co-stewards**: Riverside Grain Foundation" in commonality
    assert (
        "- **Owners**: Riverside Grain Foundation (70 %), Riverside Growers' Cooperative (30 %)"
    ) in commonality
    assert (
        "- **Access**: membership (set by: Riverside Exchange B.V., Riverside Grain Foundation)"
        " · member tariffs · exit ban · Members sign the exchange rulebook"
    ) in commonality
    assert "- **Favours**: Hillside Estate" in commonality
    governance = block_lines(text, "C1 · Governance")
    assert (
        "Trading rules: Riverside Growers' Cooperative (40 % of the votes; over transaction rules)"
    ) in governance
    assert (
        "- **Decision rights**: (unverified) Trading rules: North Mill, Independent bakers "
        "(60 % of the votes; over transaction rules)\n"
    ) in governance
    assert "- **North Mill · high**: (inferred) Mills fear price transparency" in text
    waste = block_lines(text, "D2 · Waste and savings")
    assert "- **Baseline**: 18,000 delivery notes per year\n" in waste
    assert "- **Realised saving**: 25 % · 4,500 delivery notes per year\n" in waste
    assert "Expected saving" not in waste
    assert "- **Provenance**: unverified" in waste


def test_flows_show_their_kind_and_volume_and_parties_their_group_and_owners() -> None:
    text = export(schema2_canvas(), Language.EN)
    assert "| In return | Kind | Volume | Via commonality |" in text
    rows = dict(re.findall(r"^\| (\d+) \| (.*)$", text, re.M))
    assert rows["1"].split(" | ")[4:6] == ["", "12,000 t per year"]
    assert rows["2"].split(" | ")[4:6] == ["", "3,000 t per year (inferred)"]
    assert rows["3"].split(" | ")[4:6] == ["", "1,500.5 t per year (unverified)"]
    assert rows["5"].split(" | ")[4:6] == ["fee", "0\\.5 %"]  # "0." could start a list
    assert rows["6"].split(" | ")[4:6] == ["regulatory report", ""]
    assert "| Flags | Owners | Notes |" in text
    assert (
        "| Riverside Exchange B.V. | p-exchange |  |  |  |  | Riverside Grain Foundation (70 %), "
        "Riverside Growers' Cooperative (30 %), Municipality of Riverside |  |"
    ) in text
    assert (
        "| Independent bakers | p-bakers |  |  |  | stands for 35 organisations, inferred |" in text
    )


def test_the_sources_are_listed_with_what_each_stands_behind() -> None:
    text = export(schema2_canvas(), Language.EN)
    section = text.split("## Sources (4)\n", 1)[1].split("\n---\n", 1)[0]
    assert "| Id | Title | Publisher | Date | Address | Source for |" in section
    assert (
        "| S1 | Annual report 2019 | Riverside Growers' Cooperative | 2020-03 | "
        "https\\://example.org/riverside/annual-report-2019 | Riverside Growers' Cooperative, "
        "D2 Waste and savings, flow #1 |"
    ) in section  # the address is text, never a link
    assert "| S4 | A report nothing cites yet |  |  |  |  |" in section
    assert "## Sources" not in export(sample_canvases()["port-logistics"], Language.EN)


def test_a_dutch_export_says_the_facts_of_schema_version_2_in_dutch() -> None:
    text = export(schema2_canvas(), Language.NL)
    for dutch in (
        "peildatum: 2019-06",
        "staat voor 240 organisaties",
        "- **Hillside Estate**: (niet bevestigd) bevoorrecht",
        "netwerkleider · eigenaren: Riverside Grain Foundation (70 %)",
        "- **Medebeheerders**: Riverside Grain Foundation",
        "- **Eigenaren**: Riverside Grain Foundation (70 %)",
        "- **Toegang**: lidmaatschap (bepaald door: Riverside Exchange B.V.",
        " · ledentarief · terugkeerverbod · ",
        "- **Begunstigt**: Hillside Estate",
        "(40 % van de stemmen; over transactieregels)",
        "- **Nulmeting**: 18\\.000 delivery notes per jaar",
        "- **Gerealiseerde besparing**: 25 % · 4.500 delivery notes per jaar\n",
        "- **Herkomst**: niet bevestigd",
        "| Tegenwaarde | Soort | Volume |",
        "| vergoeding | 0,5 % |",
        "| 1\\.500,5 t per jaar (niet bevestigd) |",
        "| Kenmerken | Eigenaren | Notities |",
        "## Bronnen (4)",
        "| Id | Titel | Uitgever | Datum | Adres | Bron voor |",
        "D2 Verspilling en besparing, stroom #1 |",
    ):
        assert dutch in text, dutch
    # Rule messages are in English, as the rules write them: the rest of the page is not.
    ours = text.split("## Validatie", 1)[0] + text.split("## Bronnen", 1)[1]
    english = ("stands for", "Co-stewards", "of the votes", "member tariffs", "realised",
               "inferred", "unverified", "## Sources", "market flow", "regulatory", "owners",
               "saving", "Saving", "promised", "per year")  # fmt: skip
    assert [word for word in english if word in ours] == []


def test_the_text_of_schema_version_2_is_escaped_and_reads_back_as_itself() -> None:
    canvas = hostile_schema2_canvas()
    output = MARKDOWN_EXPORTER.export_bytes(canvas, ExportOptions(language=Language.EN))
    assert_safe_markdown(output)
    shown = normalised(reader_text(output))
    measured = [flow for flow in canvas.flows if flow.volume is not None]
    texts = [
        canvas.meta.as_of or "",
        *(flow.unit for flow in measured),
        canvas.waste.unit,
        *(text for s in canvas.sources for text in (s.title, s.publisher, s.date, s.url)),
    ]
    missing = [text for text in texts if normalised(text) not in shown]
    assert missing == []


# -- what a review found ---------------------------------------------------------------------


def test_volumes_are_written_out_in_full_never_in_exponent_form() -> None:
    for language, huge, tiny in (
        (Language.EN, "10,000,000,000,000,000,000,000 t per year",
         "0.000000123 t per year (inferred)"),
        (Language.NL, "10.000.000.000.000.000.000.000 t per jaar",
         "0,000000123 t per jaar (afgeleid)"),
    ):  # fmt: skip
        output = MARKDOWN_EXPORTER.export_bytes(reviewed_canvas(), ExportOptions(language=language))
        shown = normalised(reader_text(output))
        assert [text for text in (huge, tiny) if text not in shown] == [], language
        assert re.search(r"\de[+-]?\d", shown) is None, language


def test_a_partys_provenance_marker_stands_next_to_its_name_not_after_its_last_owner() -> None:
    english = export(reviewed_canvas(), Language.EN)
    assert (
        "- **Riverside Exchange B.V.**: (inferred) network leader · owners: Riverside Grain "
        "Foundation (70 %), Riverside Growers' Cooperative (30 %), Municipality of Riverside\n"
    ) in english
    dutch = export(reviewed_canvas(), Language.NL)
    assert (
        "- **Riverside Exchange B.V.**: (afgeleid) netwerkleider · eigenaren: Riverside Grain "
        "Foundation (70 %), Riverside Growers' Cooperative (30 %), Municipality of Riverside\n"
    ) in dutch


def test_the_saving_is_labelled_by_its_status() -> None:
    """A realised saving is not called expected (``Expected saving: 20 % (realised)``), nor a
    promised one realised."""
    realised = schema2_canvas()  # its saving is realised
    promised = realised.evolve(waste=attrs.evolve(realised.waste, status=SavingStatus.PROMISED))
    cases = [  # canvas, language, the line, the label it must not have
        (realised, Language.EN, "- **Realised saving**: 25 % · 4,500 delivery notes per year\n",
         "Expected saving"),
        (realised, Language.NL, "- **Gerealiseerde besparing**: 25 % · 4.500 delivery notes per "
         "jaar\n", "Verwachte besparing"),
        (promised, Language.EN, "- **Expected saving**: 25 % · 4,500 delivery notes per year "
         "(promised)\n", "Realised saving"),
        (promised, Language.NL, "- **Verwachte besparing**: 25 % · 4.500 delivery notes per jaar "
         "(beloofd)\n", "Gerealiseerde besparing"),
    ]  # fmt: skip
    for canvas, language, line, wrong in cases:
        heading = "D2 · Waste and savings"
        if language is Language.NL:
            heading = "D2 · Verspilling en besparing"
        waste = block_lines(export(canvas, language), heading)
        assert line in waste, (canvas.waste.status, language)
        assert wrong not in waste, (canvas.waste.status, language)
