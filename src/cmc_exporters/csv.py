"""The ``csv`` exporter: the value flows or the parties as one tidy table for analysis.

One export is one table, chosen with the setting ``table``:

- ``table=flows`` (the default): one row per value flow, an edge list with the names of the
  value and the parties next to their ids, so that the table answers "who delivers what to
  whom" without a join; with the flow's kind (market, fee ...), its volume, unit and period,
  its provenance and the ids of its sources;
- ``table=parties``: one row per party, with its roles, how many organisations it stands for,
  its owners and their shares, its provenance and sources, and how many flows leave and reach
  it;
- ``table=sources``: one row per source of the canvas, with the logical paths of the facts
  that name it (``parties[p-acme];flows[f-1];waste``).

Why not one file with all: the tables have different columns, and a stacked file with a
``table`` column leaves most of every row empty and mixes types within a column; a zip of
files cannot be opened by a spreadsheet or piped. Plain tables load with one call
(``pandas.read_csv``, ``read.csv``, a spreadsheet) and join on ``parties.id`` = ``flows.from``
or ``flows.to``, and on the ids in ``sources``.

Every row ends with the same columns describing the canvas: ``canvas`` (its name),
``canvas_version``, ``schema_version``, ``language``, ``date`` (``meta.date``, never the clock),
``as_of`` (``meta.as_of``, the moment the canvas describes) and ``method`` (the attribution of
the CMC method), so that exports of several canvases, versions or snapshots can be stacked and
still be told apart; the date of a source is therefore its column ``published``. Column names
are fixed English identifiers; vocabulary values are their file ids (``supplier``), with
``*_label`` columns in the language asked for (``--lang``). Lists are joined with ``;`` (the
owners of a party as three lists in the same order: ``owners``, ``owner_names``,
``owner_shares``), booleans are ``true``/``false``, numbers are written plainly (``1200``,
``24.5``), absent values empty cells.

Safety: written with :mod:`csv` (RFC 4180 quoting, CRLF line ends, UTF-8 without a byte
order mark). Text is kept as it is, line breaks included, except that a cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so that a
spreadsheet shows it as text instead of running it as a formula (OWASP's advice). A cell
starting with ``'`` gets one too: a spreadsheet hides the first ``'`` of a cell, so
``'t Hooft`` would lose its apostrophe, and a program gets every text back exactly by
removing one leading ``'`` wherever a cell starts with one.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from cmc_core.canvas import Canvas
from cmc_core.exporting import Exporter, ExportOptions, ExportSettingError
from cmc_core.model import Party, Value
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language, Provenance, label
from cmc_exporters._colophon import METHOD, colophon
from cmc_exporters._facts import plain

__all__ = [
    "CSV_EXPORTER",
    "FLOW_COLUMNS",
    "PARTY_COLUMNS",
    "SOURCE_COLUMNS",
    "TABLES",
    "CsvSettingError",
    "export_csv",
    "neutralised",
]

_ = Messages("cmc_exporters", "exporters")

#: The tables the ``table`` setting chooses from; the first is the default.
TABLES = ("flows", "parties", "sources")
#: Cells starting with these are run as formulas by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Cells starting with these get a leading ``'``: the formula starts, and ``'`` itself.
_QUOTED_STARTS = (*FORMULA_STARTS, "'")

_CANVAS_COLUMNS = (
    "canvas",
    "canvas_version",
    "schema_version",
    "language",
    "date",
    "as_of",
    "method",
)
FLOW_COLUMNS: tuple[str, ...] = (
    "id",
    "value",
    "value_name",
    "value_kind",
    "value_kind_label",
    "from",
    "from_name",
    "from_roles",
    "to",
    "to_name",
    "to_roles",
    "counter_value",
    "counter_value_name",
    "via_commonality",
    "step",
    "counter_of",
    "friction",
    "kind",
    "kind_label",
    "volume",
    "unit",
    "period",
    "provenance",
    "sources",
    *_CANVAS_COLUMNS,
)
PARTY_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "roles",
    "role_labels",
    "organisation",
    "external",
    "serves_end_customer",
    "privileged",
    "specialisation",
    "interest",
    "notes",
    "represents",
    "owners",
    "owner_names",
    "owner_shares",
    "provenance",
    "sources",
    "flows_out",
    "flows_in",
    *_CANVAS_COLUMNS,
)
SOURCE_COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "publisher",
    "published",
    "url",
    "cited_by",
    *_CANVAS_COLUMNS,
)

Cell = str | int | float | bool | None


class CsvSettingError(ExportSettingError):
    """A setting of the ``csv`` exporter has a value it does not understand."""


def neutralised(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula or hide its
    own leading ``'``; removing one leading ``'`` gives ``text`` back."""
    return "'" + text if text.startswith(_QUOTED_STARTS) else text


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return plain(value)
    return neutralised(value)


def _first_by_id(items: Sequence[Party] | Sequence[Value]) -> dict[str, Party | Value]:
    found: dict[str, Party | Value] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def _canvas_cells(canvas: Canvas, language: Language) -> dict[str, Cell]:
    about = colophon(canvas, language)
    return {
        "canvas": about.name,
        "canvas_version": about.canvas_version,
        "schema_version": about.schema_version,
        "language": language.value,
        "date": about.date,
        "as_of": about.as_of,
        "method": METHOD,
    }


def _flow_rows(canvas: Canvas, language: Language) -> Iterator[dict[str, Cell]]:
    parties = _first_by_id(canvas.parties)
    values = _first_by_id(canvas.values)

    def name(found: Mapping[str, Party | Value], key: str | None) -> str | None:
        item = found.get(key) if key is not None else None
        return item.name if item is not None else None

    def roles(key: str | None) -> str | None:
        party = parties.get(key) if key is not None else None
        return ";".join(party.roles) if isinstance(party, Party) else None

    about = _canvas_cells(canvas, language)
    for flow in canvas.flows:
        value = values.get(flow.value) if flow.value is not None else None
        kind = value.kind if isinstance(value, Value) else None
        yield {
            "id": flow.id,
            "value": flow.value,
            "value_name": name(values, flow.value),
            "value_kind": None if kind is None else kind.value,
            "value_kind_label": None if kind is None else label(kind, language),
            "from": flow.from_party,
            "from_name": name(parties, flow.from_party),
            "from_roles": roles(flow.from_party),
            "to": flow.to_party,
            "to_name": name(parties, flow.to_party),
            "to_roles": roles(flow.to_party),
            "counter_value": flow.counter_value,
            "counter_value_name": name(values, flow.counter_value),
            "via_commonality": flow.via_commonality,
            "step": flow.step,
            "counter_of": flow.counter_of,
            "friction": flow.friction,
            "kind": flow.kind.value,
            "kind_label": label(flow.kind, language),
            "volume": flow.volume,
            "unit": flow.unit,
            "period": flow.period or "",
            "provenance": _provenance(flow.provenance),
            "sources": ";".join(flow.sources),
            **about,
        }


def _party_rows(canvas: Canvas, language: Language) -> Iterator[dict[str, Cell]]:
    flows_out = Counter(flow.from_party for flow in canvas.flows)
    flows_in = Counter(flow.to_party for flow in canvas.flows)
    about = _canvas_cells(canvas, language)
    favoured = canvas.favoured_ids()
    names = _first_by_id(canvas.parties)

    def name(party_id: str | None) -> str:
        party = names.get(party_id) if party_id is not None else None
        return party.name if party is not None else ""

    for party in canvas.parties:
        yield {
            "id": party.id,
            "name": party.name,
            "roles": ";".join(party.roles),
            "role_labels": "; ".join(label(role, language) for role in party.roles),
            "organisation": party.organisation,
            "external": party.external,
            "serves_end_customer": party.serves_end_customer,
            "privileged": party.id in favoured,
            "specialisation": party.specialisation,
            "interest": party.interest,
            "notes": party.notes,
            "represents": party.represents,
            "owners": ";".join(stake.party or "" for stake in party.owners),
            "owner_names": ";".join(name(stake.party) for stake in party.owners),
            "owner_shares": ";".join(
                "" if stake.share is None else plain(stake.share) for stake in party.owners
            ),
            "provenance": _provenance(party.provenance),
            "sources": ";".join(party.sources),
            "flows_out": flows_out[party.id],
            "flows_in": flows_in[party.id],
            **about,
        }


def _source_rows(canvas: Canvas, language: Language) -> Iterator[dict[str, Cell]]:
    # Only this table reads the paths of what names a source (cmc_core.diffing's form, which
    # loads the file format): imported here so that listing the exporters stays light.
    from cmc_exporters._citations import citations  # noqa: PLC0415

    cited = citations(canvas, language)
    about = _canvas_cells(canvas, language)
    for source in canvas.sources:
        yield {
            "id": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "published": source.date,
            "url": source.url,
            "cited_by": ";".join(citation.path for citation in cited.get(source.id, ())),
            **about,
        }


def _provenance(provenance: Provenance | None) -> str | None:
    return None if provenance is None else provenance.value


def _table(settings: Mapping[str, str]) -> str:
    table = settings.get("table", TABLES[0]).strip().lower()
    if table not in TABLES:
        expected = _("one of {choices}", choices=", ".join(TABLES))
        raise CsvSettingError("csv", "table", settings["table"], expected)
    return table


def export_csv(canvas: Canvas, options: ExportOptions) -> str:
    """The table chosen by the ``table`` setting (``flows``, ``parties`` or ``sources``) as CSV
    text.

    :raises CsvSettingError: when ``table`` names no table.
    """
    language = options.language_for(canvas)
    table = _table(options.settings)
    if table == "parties":
        columns, rows = PARTY_COLUMNS, _party_rows(canvas, language)
    elif table == "sources":
        columns, rows = SOURCE_COLUMNS, _source_rows(canvas, language)
    else:
        columns, rows = FLOW_COLUMNS, _flow_rows(canvas, language)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(row[column]) for column in columns] for row in rows)
    return buffer.getvalue()


CSV_EXPORTER = Exporter(
    name="csv",
    title=N_("Value flows, parties or sources as a CSV table"),
    media_type="text/csv",
    extension=".csv",
    export=export_csv,
    description=(
        "One tidy table for spreadsheets and data analysis: the value flows with value and "
        "party names, kinds and volumes (default), the parties with their roles, groups, "
        "owners and flow counts (-O table=parties), or the sources with what names them "
        "(-O table=sources). Every row names the canvas, its versions, language, date and "
        "the moment it describes. Cells that a spreadsheet would run as a formula start with '."
    ),
    settings=("table",),
    messages=_,
)
