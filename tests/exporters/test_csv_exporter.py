"""The built-in ``csv`` exporter keeps the exporter contract for each of its tables, matches its
snapshots, and reads back (with Python's csv module, as a spreadsheet or pandas would) as the
canvas's own flows, parties and sources, with formulas neutralised; schema version 2's facts
(kinds, volumes, groups, owners, provenance, sources, the moment described) are columns of
their own. ``CMC_UPDATE_SNAPSHOTS=1`` rewrites the snapshots."""

from __future__ import annotations

import csv
import io
import math

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cmc_exporters
from cmc_core import Canvas
from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.errors import CmcError
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.model import Meta, Party, Value, ValueFlow
from cmc_core.strategies import canvases
from cmc_core.testing import ExporterContract, examples
from cmc_core.vocabulary import Language, Role, ValueKind
from cmc_exporters.csv import (
    CSV_EXPORTER,
    FLOW_COLUMNS,
    FORMULA_STARTS,
    PARTY_COLUMNS,
    SOURCE_COLUMNS,
    CsvSettingError,
    export_csv,
    neutralised,
)

from .schema2 import (
    SNAPSHOT_NAMES,
    canvas_called,
    hostile_schema2_canvas,
    reviewed_canvas,
    schema2_canvas,
)
from .snapshot import assert_matches_snapshot

PARTIES = ExportOptions(settings={"table": "parties"})
SOURCES = ExportOptions(settings={"table": "sources"})


def export_party_table(canvas: Canvas, options: ExportOptions) -> str:
    """The parties table, as an exporter of its own for the contract."""
    return export_csv(
        canvas, ExportOptions(options.language, {**options.settings, **PARTIES.settings})
    )


class TestCsvExporterFlowTable(ExporterContract):
    @pytest.fixture
    def exporter(self) -> Exporter:
        return CSV_EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_exporters


class TestCsvExporterPartyTable(ExporterContract):
    check_hash_seed = False  # the wrapper lives in this test module, which a child cannot import

    @pytest.fixture
    def exporter(self) -> Exporter:
        return attrs.evolve(CSV_EXPORTER, name="csv-parties", export=export_party_table)


def export_source_table(canvas: Canvas, options: ExportOptions) -> str:
    """The sources table, as an exporter of its own for the contract."""
    return export_csv(
        canvas, ExportOptions(options.language, {**options.settings, **SOURCES.settings})
    )


class TestCsvExporterSourceTable(ExporterContract):
    check_hash_seed = False  # the wrapper lives in this test module, which a child cannot import

    @pytest.fixture
    def exporter(self) -> Exporter:
        return attrs.evolve(CSV_EXPORTER, name="csv-sources", export=export_source_table)

    def expected_texts(self, canvas: Canvas) -> list[str]:
        # Every row names the canvas, but a canvas without sources has no rows.
        return list(super().expected_texts(canvas)) if canvas.sources else []


def rows(output: bytes | str) -> list[dict[str, str]]:
    text = output.decode("utf-8") if isinstance(output, bytes) else output
    return list(csv.DictReader(io.StringIO(text, newline="")))


def restored(cell: str) -> str:
    """A cell's text as the canvas held it: the one leading quote the exporter adds, removed."""
    return cell.removeprefix("'")


# -- snapshots ---------------------------------------------------------------------------------


SNAPSHOT_CASES = [
    (name, language, table)
    for name in SNAPSHOT_NAMES
    for language in Language
    for table in ("flows", "parties", "sources")
    if table != "sources" or name == "schema2"  # the other canvases have no sources
]


@pytest.mark.parametrize(("name", "language", "table"), SNAPSHOT_CASES)
def test_export_matches_the_stored_snapshot(name: str, language: Language, table: str) -> None:
    options = ExportOptions(language=language, settings={"table": table})
    output = CSV_EXPORTER.export_bytes(canvas_called(name), options)
    assert_matches_snapshot("csv", f"{name}.{table}.{language.value}.csv", output)


# -- the tables --------------------------------------------------------------------------------


def small_canvas() -> Canvas:
    return Canvas(
        meta=Meta(
            name='=Small, "quoted"', language=Language.EN, canvas_version="2", date="2025-01-02"
        ),
        parties=(
            Party("s", "-Supplier\nline two", (Role.SUPPLIER, Role.EXPERT), organisation="org"),
            Party("d", "@Demander", (Role.DEMANDER,), serves_end_customer=True),
        ),
        values=(
            Value("v", "+Goods, fresh", ValueKind.PRODUCT),
            Value("m", "Money", ValueKind.MONEY),
        ),
        flows=(
            ValueFlow("f1", "v", "s", "d", counter_value="m", via_commonality=True, step="match"),
            ValueFlow("f2", "m", "d", "s", counter_of="f1", friction="\t=1+2"),
            ValueFlow("f3", "ghost", "s", None),
        ),
    )


#: The columns every row ends with: name, versions, language, date and method.
CANVAS_CELLS = [
    '\'=Small, "quoted"',
    "2",
    str(SCHEMA_VERSION),
    "en",
    "2025-01-02",
    "",
    "Community Model Canvas (CMC), Weconomics",
]
#: The flow columns of schema version 2 of a flow that gives none of them: a market flow.
MARKET_FLOW = ["market", "market flow", "", "", "", "", ""]


def test_flow_table_has_one_row_per_flow_with_names_next_to_ids() -> None:
    table = list(csv.reader(io.StringIO(export_csv(small_canvas(), ExportOptions()), newline="")))
    assert table[0] == list(FLOW_COLUMNS)
    assert table[1:] == [
        ["f1", "v", "'+Goods, fresh", "product", "product", "s", "'-Supplier\nline two",
         "supplier;expert", "d", "'@Demander", "demander", "m", "Money", "true", "match", "", "",
         *MARKET_FLOW, *CANVAS_CELLS],
        ["f2", "m", "Money", "money", "money", "d", "'@Demander", "demander", "s",
         "'-Supplier\nline two", "supplier;expert", "", "", "false", "", "f1", "'\t=1+2",
         *MARKET_FLOW, *CANVAS_CELLS],
        ["f3", "ghost", "", "", "", "s", "'-Supplier\nline two", "supplier;expert", "", "", "", "",
         "", "false", "", "", "", *MARKET_FLOW, *CANVAS_CELLS],
    ]  # fmt: skip


def test_party_table_has_roles_labels_and_flow_counts_in_the_language_asked_for() -> None:
    output = export_csv(small_canvas(), ExportOptions(Language.NL, {"table": "parties"}))
    table = list(csv.reader(io.StringIO(output, newline="")))
    assert table[0] == list(PARTY_COLUMNS)
    dutch = [*CANVAS_CELLS[:3], "nl", *CANVAS_CELLS[4:]]
    no_group_owners_or_provenance = ["", "", "", "", "", ""]
    assert table[1:] == [
        ["s", "'-Supplier\nline two", "supplier;expert", "aanbieder; expert", "org", "false",
         "false", "false", "", "", "", *no_group_owners_or_provenance, "2", "1", *dutch],
        ["d", "'@Demander", "demander", "afnemer (vrager)", "", "false", "true", "false", "", "",
         "", *no_group_owners_or_provenance, "1", "1", *dutch],
    ]  # fmt: skip


def test_rows_end_with_crlf_and_no_byte_order_mark() -> None:
    output = CSV_EXPORTER.export_bytes(small_canvas())
    assert not output.startswith(b"\xef\xbb\xbf")
    assert output.endswith(b"\r\n")
    assert (
        output.count(b"\r\n") == 4
    )  # the header and three flows; the line break in a name is "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        (" =1", " =1"),
        ("'=1", "''=1"),
        ("'t Hooft", "''t Hooft"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_or_unquote_start_with_a_quote(
    text: str, expected: str
) -> None:
    assert neutralised(text) == expected


def test_an_unknown_table_is_refused_with_a_message_naming_the_choices() -> None:
    with pytest.raises(CsvSettingError, match="flows, parties, sources") as caught:
        export_csv(small_canvas(), ExportOptions(settings={"table": "values"}))
    assert isinstance(caught.value, CmcError)  # the command line shows it without a traceback


def test_the_table_setting_ignores_case_and_surrounding_space() -> None:
    loose = ExportOptions(settings={"table": " Parties "})
    assert export_csv(small_canvas(), loose) == export_csv(small_canvas(), PARTIES)


@settings(max_examples=examples(60), deadline=None)
@given(canvases())
def test_tables_read_back_as_the_canvas_flows_and_parties(canvas: Canvas) -> None:
    flows = rows(export_csv(canvas, ExportOptions()))
    assert [restored(row["id"]) for row in flows] == [flow.id for flow in canvas.flows]
    assert [restored(row["friction"]) for row in flows] == [flow.friction for flow in canvas.flows]
    assert [restored(row["from"]) for row in flows] == [f.from_party or "" for f in canvas.flows]
    parties = rows(export_csv(canvas, PARTIES))
    assert [restored(row["name"]) for row in parties] == [party.name for party in canvas.parties]
    assert sum(int(row["flows_out"]) for row in parties) == sum(
        1 for flow in canvas.flows for party in canvas.parties if flow.from_party == party.id
    )
    for row in [*flows, *parties]:
        assert restored(row["canvas"]) == canvas.meta.name
        assert row["schema_version"] == str(SCHEMA_VERSION)


# -- schema version 2 --------------------------------------------------------------------------


def by_id(output: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows(output)}


def test_flows_give_their_kind_volume_unit_period_provenance_and_sources() -> None:
    flows = by_id(export_csv(schema2_canvas(), ExportOptions()))
    grain = flows["f-grain-mill"]
    assert (grain["kind"], grain["kind_label"]) == ("market", "market flow")
    assert (grain["volume"], grain["unit"], grain["period"]) == ("12000", "t", "year")
    assert (grain["provenance"], grain["sources"]) == ("sourced", "S1;S2")
    assert flows["f-estate"]["volume"] == "1500.5"  # numbers as a program reads them
    assert flows["f-grain-bakers"]["provenance"] == "inferred"
    fee = flows["f-fee"]
    assert (fee["kind"], fee["kind_label"], fee["volume"], fee["unit"]) == (
        "fee",
        "fee",
        "0.5",
        "%",
    )
    assert flows["f-pay"]["volume"] == flows["f-pay"]["provenance"] == ""
    assert {row["as_of"] for row in flows.values()} == {"2019-06"}
    dutch = by_id(export_csv(schema2_canvas(), ExportOptions(Language.NL)))
    assert dutch["f-fee"]["kind_label"] == "vergoeding"
    assert dutch["f-report"]["kind_label"] == "verplichte melding"
    assert dutch["f-estate"]["volume"] == "1500.5"  # ids and numbers do not follow --lang


def test_volumes_are_never_written_in_exponent_form() -> None:
    flows = by_id(export_csv(reviewed_canvas(), ExportOptions()))
    assert flows["f-grain-mill"]["volume"] == "10000000000000000000000"  # not 1e+22
    assert flows["f-grain-bakers"]["volume"] == "0.000000123"  # not 1.23e-07


@settings(max_examples=examples(200), deadline=None)
@given(st.floats(min_value=0, allow_nan=False, allow_infinity=False))
@example(1.0e22)
@example(0.000000123)
@example(5e-324)
@example(1.7976931348623157e308)
def test_a_volume_reads_back_as_itself_to_15_significant_digits(volume: float) -> None:
    canvas = schema2_canvas()
    flows = tuple(
        attrs.evolve(flow, volume=volume) if flow.id == "f-estate" else flow
        for flow in canvas.flows
    )
    cell = by_id(export_csv(canvas.evolve(flows=flows), ExportOptions()))["f-estate"]["volume"]
    assert "e" not in cell.lower()
    assert "," not in cell  # plain: no thousands separators, whatever the language
    assert math.isclose(float(cell), volume, rel_tol=1e-14)


def test_parties_give_the_organisations_they_stand_for_their_owners_and_provenance() -> None:
    parties = by_id(export_csv(schema2_canvas(), PARTIES))
    assert parties["p-growers"]["represents"] == "240"
    assert parties["p-mill"]["represents"] == ""
    exchange = parties["p-exchange"]
    assert exchange["owners"] == "p-foundation;p-growers;p-city"
    assert exchange["owner_names"] == (
        "Riverside Grain Foundation;Riverside Growers' Cooperative;Municipality of Riverside"
    )
    assert exchange["owner_shares"] == "70;30;"  # the city's share is not given
    assert (parties["p-bakers"]["provenance"], parties["p-bakers"]["sources"]) == ("inferred", "")
    assert (parties["p-growers"]["provenance"], parties["p-growers"]["sources"]) == (
        "sourced",
        "S1",
    )


def test_the_sources_table_lists_each_source_with_the_paths_of_what_names_it() -> None:
    output = export_csv(schema2_canvas(), SOURCES)
    table = list(csv.reader(io.StringIO(output, newline="")))
    assert table[0] == list(SOURCE_COLUMNS)
    sources = by_id(output)
    assert list(sources) == ["S1", "S2", "S3", "S4"]
    first = sources["S1"]
    assert (first["title"], first["publisher"], first["published"]) == (
        "Annual report 2019",
        "Riverside Growers' Cooperative",
        "2020-03",
    )
    assert first["url"] == "https://example.org/riverside/annual-report-2019"
    assert first["cited_by"] == "parties[p-growers];flows[f-grain-mill];waste"
    assert first["date"] == "2025-05-01"  # the canvas's date, as in every row
    assert sources["S2"]["cited_by"] == "parties[p-mill];flows[f-grain-mill];resistances[r-mill]"
    assert sources["S4"]["cited_by"] == ""


def test_the_columns_of_schema_version_2_neutralise_formulas_too() -> None:
    canvas = hostile_schema2_canvas()
    flows = rows(export_csv(canvas, ExportOptions()))
    assert [restored(row["unit"]) for row in flows] == [flow.unit for flow in canvas.flows]
    sources = rows(export_csv(canvas, SOURCES))
    for row, source in zip(sources, canvas.sources, strict=True):
        for column, text in (("title", source.title), ("publisher", source.publisher),
                             ("published", source.date), ("url", source.url)):  # fmt: skip
            assert restored(row[column]) == text
            assert not row[column].startswith(FORMULA_STARTS), (column, row[column])
    assert restored(sources[0]["as_of"]) == canvas.meta.as_of
    cells = [cell for row in [*flows, *sources] for cell in row.values()]
    assert any(cell.startswith("'=") for cell in cells)  # the hostile texts include formulas
