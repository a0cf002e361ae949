"""The built-in ``csv`` exporter keeps the exporter contract for both of its tables, matches its
snapshots, and reads back (with Python's csv module, as a spreadsheet or pandas would) as the
canvas's own flows and parties, with formulas neutralised. ``CMC_UPDATE_SNAPSHOTS=1`` rewrites
the snapshots."""

from __future__ import annotations

import csv
import io

import attrs
import pytest
from hypothesis import given, settings

import cmc_exporters
from cmc_core import Canvas
from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.errors import CmcError
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.model import Meta, Party, Value, ValueFlow
from cmc_core.strategies import canvases
from cmc_core.testing import ExporterContract, examples, hostile_canvas
from cmc_core.testing import sample_canvases as all_samples
from cmc_core.vocabulary import Language, Role, ValueKind
from cmc_exporters.csv import (
    CSV_EXPORTER,
    FLOW_COLUMNS,
    PARTY_COLUMNS,
    CsvSettingError,
    export_csv,
    neutralised,
)

from .snapshot import assert_matches_snapshot

PARTIES = ExportOptions(settings={"table": "parties"})


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


def rows(output: bytes | str) -> list[dict[str, str]]:
    text = output.decode("utf-8") if isinstance(output, bytes) else output
    return list(csv.DictReader(io.StringIO(text, newline="")))


def restored(cell: str) -> str:
    """A cell's text as the canvas held it: the one leading quote the exporter adds, removed."""
    return cell.removeprefix("'")


# -- snapshots ---------------------------------------------------------------------------------


SNAPSHOT_CASES = [
    (name, language, table)
    for name in [*all_samples(), "hostile"]
    for language in Language
    for table in ("flows", "parties")
]


def canvas_called(name: str) -> Canvas:
    return hostile_canvas() if name == "hostile" else all_samples()[name]


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
    "Community Model Canvas (CMC), Weconomics",
]


def test_flow_table_has_one_row_per_flow_with_names_next_to_ids() -> None:
    table = list(csv.reader(io.StringIO(export_csv(small_canvas(), ExportOptions()), newline="")))
    assert table[0] == list(FLOW_COLUMNS)
    assert table[1:] == [
        ["f1", "v", "'+Goods, fresh", "product", "product", "s", "'-Supplier\nline two",
         "supplier;expert", "d", "'@Demander", "demander", "m", "Money", "true", "match", "", "",
         *CANVAS_CELLS],
        ["f2", "m", "Money", "money", "money", "d", "'@Demander", "demander", "s",
         "'-Supplier\nline two", "supplier;expert", "", "", "false", "", "f1", "'\t=1+2",
         *CANVAS_CELLS],
        ["f3", "ghost", "", "", "", "s", "'-Supplier\nline two", "supplier;expert", "", "", "", "",
         "", "false", "", "", "", *CANVAS_CELLS],
    ]  # fmt: skip


def test_party_table_has_roles_labels_and_flow_counts_in_the_language_asked_for() -> None:
    output = export_csv(small_canvas(), ExportOptions(Language.NL, {"table": "parties"}))
    table = list(csv.reader(io.StringIO(output, newline="")))
    assert table[0] == list(PARTY_COLUMNS)
    dutch = [*CANVAS_CELLS[:3], "nl", *CANVAS_CELLS[4:]]
    assert table[1:] == [
        ["s", "'-Supplier\nline two", "supplier;expert", "aanbieder; expert", "org", "false",
         "false", "false", "", "", "", "2", "1", *dutch],
        ["d", "'@Demander", "demander", "afnemer (vrager)", "", "false", "true", "false", "", "",
         "", "1", "1", *dutch],
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
    with pytest.raises(CsvSettingError, match="flows, parties") as caught:
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
