"""Schema version 2's facts are worded the same in every export, in Dutch and English: numbers,
amounts in a unit per period, groups, owners, provenance (``cmc_exporters._facts``), what each
source stands behind (``cmc_exporters._citations``), and the moment a canvas describes in the
colophon every exporter writes."""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cmc_core.model import Stake
from cmc_core.vocabulary import Language, Period, Provenance
from cmc_exporters._changes import describe_value
from cmc_exporters._citations import Citation, citations, cited_for, source_rows
from cmc_exporters._colophon import colophon
from cmc_exporters._facts import (
    amount,
    number,
    owners,
    percent,
    plain,
    provenance_marker,
    represents,
)

from .schema2 import schema2_canvas

EN, NL = Language.EN, Language.NL


@pytest.mark.parametrize(
    ("value", "english", "dutch"),
    [
        (0, "0", "0"),
        (12, "12", "12"),
        (1200, "1,200", "1.200"),
        (1_000_000, "1,000,000", "1.000.000"),
        (1500.5, "1,500.5", "1.500,5"),
        (0.1 + 0.2, "0.3", "0,3"),
        (2.25, "2.25", "2,25"),
        (1.0e22, "10,000,000,000,000,000,000,000", "10.000.000.000.000.000.000.000"),
        (0.000000123, "0.000000123", "0,000000123"),
        (1234567.891, "1,234,567.891", "1.234.567,891"),
        (1 / 3, "0.333333333333333", "0,333333333333333"),  # 15 significant digits
        (-0.0, "0", "0"),
        (12_345_678_901_234_567, "12,345,678,901,234,567", "12.345.678.901.234.567"),  # an int
    ],
)
def test_numbers_follow_the_language_and_never_use_an_exponent(
    value: float, english: str, dutch: str
) -> None:
    assert number(value, EN) == english
    assert number(value, NL) == dutch
    assert plain(value) == english.replace(",", "")


@given(st.floats(allow_nan=False, allow_infinity=False))
@example(1.0e22)
@example(0.000000123)
@example(5e-324)  # the smallest float: 323 zeros after the point
@example(1.7976931348623157e308)  # the largest: 15 digits rounded up would overflow
@example(-1.7976931348623157e308)
def test_no_finite_number_is_written_in_exponent_form(value: float) -> None:
    """However large or small, a number is written out in full (thousands separators in the
    reports, none in CSV), with at most 15 significant digits and no trailing zeros, and reads
    back as the number to 15 significant digits."""
    shown = {
        "plain": plain(value),
        "en": number(value, EN),
        "nl": number(value, NL),
        "percent": percent(value, NL),
    }
    assert [form for form, text in shown.items() if "e" in text.lower()] == []
    assert math.isclose(float(shown["plain"]), value, rel_tol=1e-14)  # 15 significant digits
    assert shown["en"].replace(",", "") == shown["plain"]
    assert shown["nl"].replace(".", "").replace(",", ".") == shown["plain"]
    digits = shown["plain"].lstrip("-").replace(".", "").lstrip("0").rstrip("0")
    assert len(digits) <= 15
    if "." in shown["plain"]:
        assert not shown["plain"].endswith(("0", "."))  # no trailing zeros


def test_a_change_of_a_number_is_described_without_an_exponent_too() -> None:
    assert describe_value(1.0e22, EN) == "10,000,000,000,000,000,000,000"
    assert describe_value(0.000000123, NL) == "0,000000123"
    assert describe_value(Stake("p-city", 0.5), NL) == "p-city 0,5 %"


def test_an_amount_gives_its_unit_and_period_and_a_share_as_a_percentage() -> None:
    assert amount(12000, "t", Period.YEAR, EN) == "12,000 t per year"
    assert amount(12000, "t", Period.YEAR, NL) == "12.000 t per jaar"
    assert amount(24.5, "%", None, EN) == "24.5 %"
    assert amount(24.5, "%", None, NL) == "24,5 %"
    assert amount(3, "", None, EN) == "3"
    assert amount(3, " truck\n trips ", Period.WEEK, EN) == "3 truck trips per week"
    assert amount(3, "ritten", Period.QUARTER, NL) == "3 ritten per kwartaal"
    assert percent(12.5, NL) == "12,5 %"


def test_a_group_owners_and_provenance_are_worded_in_the_language_asked_for() -> None:
    assert represents(2000, EN) == "stands for 2,000 organisations"
    assert represents(2000, NL) == "staat voor 2.000 organisaties"
    assert represents(1, EN) == "stands for 1 organisation"
    assert represents(1, NL) == "staat voor 1 organisatie"
    names = {"p-a": "Port Authority", "p-b": "City"}.get
    stakes = (Stake("p-a", 60), Stake("p-b", 40.5), Stake("p-c"), Stake(None))

    def name(party: str | None) -> str:
        return "?" if party is None else names(party) or party

    assert owners(stakes, name, NL) == "Port Authority (60 %), City (40,5 %), p-c, ?"
    assert provenance_marker(Provenance.INFERRED, EN) == "(inferred)"
    assert provenance_marker(Provenance.UNVERIFIED, NL) == "(niet bevestigd)"
    assert provenance_marker(Provenance.SOURCED, EN) == ""  # the normal case: unmarked
    assert provenance_marker(None, NL) == ""


def test_each_source_knows_what_names_it_by_path_and_by_name() -> None:
    canvas = schema2_canvas()
    cited = citations(canvas, EN)
    assert [c.path for c in cited["S1"]] == ["parties[p-growers]", "flows[f-grain-mill]", "waste"]
    assert [c.path for c in cited["S3"]] == [
        "parties[p-exchange]",
        "flows[f-fee]",
        "commonalities[c-exchange]",
        "governance.decision_rights[d-growers]",
    ]
    assert "S4" not in cited  # named by nothing
    assert cited_for(cited["S1"], EN) == (
        "Riverside Growers' Cooperative, D2 Waste and savings, flow #1"
    )
    dutch = {row.id: row.cited_for for row in source_rows(canvas, NL)}
    assert dutch["S2"] == "North Mill, Mills fear price transparency, stroom #1"
    assert dutch["S4"] == ""


def test_several_flows_of_one_source_are_numbered_together() -> None:
    canvas = schema2_canvas()
    flows = tuple(
        attrs.evolve(flow, sources=("S9",)) if flow.id in ("f-grain-mill", "f-estate") else flow
        for flow in canvas.flows
    )
    cited = citations(canvas.evolve(flows=flows), EN)["S9"]
    assert cited_for(cited, EN) == "flows #1, #3"
    assert cited_for(cited, NL) == "stromen #1, #3"


def test_the_colophon_gives_the_moment_described_when_the_canvas_has_one() -> None:
    canvas = schema2_canvas()
    assert colophon(canvas, EN).facts.endswith(" · date: 2025-05-01 · as of: 2019-06")
    assert colophon(canvas, NL).facts.endswith(" · datum: 2025-05-01 · peildatum: 2019-06")
    without = canvas.evolve(meta=attrs.evolve(canvas.meta, as_of=None))
    assert "as of" not in colophon(without, EN).facts


def test_a_source_behind_many_facts_names_the_first_and_says_how_many_more() -> None:
    flows = tuple(Citation(f"flows[f{n}]", f"flow #{n}", n) for n in range(1, 5001))
    parties = tuple(Citation(f"parties[p{n}]", f"Party {n}") for n in range(1, 31))
    assert cited_for((*parties, *flows), EN) == (
        ", ".join(f"Party {n}" for n in range(1, 21)) + " and 10 more, flows "
        + ", ".join(f"#{n}" for n in range(1, 11)) + " and 4,990 more"
    )  # fmt: skip
    assert cited_for(flows, NL).endswith("#10 en nog 4.990")
