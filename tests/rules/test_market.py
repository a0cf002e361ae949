"""Rules about the market: CMC001, CMC002, CMC004, CMC015, CMC016 and CMC019."""

from __future__ import annotations

import attrs
import pytest

from cmc_core.diagnostics import Severity
from cmc_core.model import Meta, Party, Stake
from cmc_core.vocabulary import Role

from .builders import (
    DEMANDERS,
    SUPPLIERS,
    diagnostics,
    only,
    replace_party,
    valid_canvas,
    without_parties,
)

# -- CMC001 several-suppliers-and-demanders ------------------------------------------------------


def test_a_canvas_with_six_supplier_and_six_demander_organisations_has_enough_of_both() -> None:
    assert diagnostics(valid_canvas(), "CMC001") == []


def test_one_supplier_left_is_too_few_suppliers() -> None:
    canvas = without_parties(valid_canvas(), SUPPLIERS[1:])
    found = only(canvas, "CMC001")
    assert (found.severity, found.path, found.subject) == (Severity.ERROR, "parties", None)
    assert dict(found.figures) == {"suppliers": 1.0}
    assert "1 supplier organisation" in found.message
    assert "'Supplier 1' (p-s1)" in found.message
    assert "at least 2 distinct organisations" in found.message


def test_suppliers_of_one_organisation_count_once() -> None:
    canvas = valid_canvas()
    for party_id in SUPPLIERS:
        canvas = replace_party(canvas, party_id, organisation="acme")
    found = only(canvas, "CMC001")
    assert dict(found.figures) == {"suppliers": 1.0}
    assert "supplier organisation" in found.message


def test_a_canvas_without_demanders_reports_the_demand_side_only() -> None:
    canvas = without_parties(valid_canvas(), DEMANDERS)
    found = only(canvas, "CMC001")
    assert dict(found.figures) == {"demanders": 0.0}
    assert "no demander inside its boundary" in found.message


def test_external_suppliers_do_not_count() -> None:
    canvas = valid_canvas()
    for party_id in SUPPLIERS[1:]:
        canvas = replace_party(canvas, party_id, external=True)
    assert dict(only(canvas, "CMC001").figures) == {"suppliers": 1.0}


def test_a_party_with_both_market_roles_counts_on_both_sides() -> None:
    canvas = without_parties(valid_canvas(), SUPPLIERS[1:])
    canvas = replace_party(canvas, "p-d2", roles=(Role.DEMANDER, Role.SUPPLIER))
    assert diagnostics(canvas, "CMC001") == []


def test_the_minimum_number_of_suppliers_is_a_setting() -> None:
    from cmc_core.rules import validate
    from cmc_core.rules.engine import RuleSelection, RuleSettings, ValidationConfig

    config = ValidationConfig(RuleSelection(select=("CMC001",)), RuleSettings(min_suppliers=7))
    report = validate(valid_canvas(), config=config)
    assert [d.figures for d in report] == [(("suppliers", 6.0),)]


# -- CMC002 distinct-organisations ---------------------------------------------------------------


def test_twelve_market_organisations_are_enough() -> None:
    assert diagnostics(valid_canvas(), "CMC002") == []


def test_market_parties_of_one_organisation_are_a_firm_talking_to_itself() -> None:
    canvas = valid_canvas()
    for party_id in SUPPLIERS + DEMANDERS:
        canvas = replace_party(canvas, party_id, organisation="acme")
    found = only(canvas, "CMC002")
    assert (found.severity, found.path, found.subject) == (Severity.ERROR, "parties", None)
    assert dict(found.figures) == {"organisations": 1.0}
    assert "All 12 market parties belong to one organisation, 'acme'" in found.message
    assert "firm talking to itself" in found.message


def test_two_organisations_are_a_bilateral_relation() -> None:
    canvas = valid_canvas()
    for party_id in SUPPLIERS:
        canvas = replace_party(canvas, party_id, organisation="sellers")
    for party_id in DEMANDERS:
        canvas = replace_party(canvas, party_id, organisation="buyers")
    found = only(canvas, "CMC002")
    assert dict(found.figures) == {"organisations": 2.0}
    assert "only 2 organisations ('buyers', 'sellers')" in found.message
    assert "bilateral" in found.message


def test_no_market_party_at_all_has_no_organisations() -> None:
    canvas = without_parties(valid_canvas(), SUPPLIERS + DEMANDERS)
    found = only(canvas, "CMC002")
    assert dict(found.figures) == {"organisations": 0.0}
    assert "no market party" in found.message


# -- CMC004 leader-conflict ----------------------------------------------------------------------


def test_a_network_leader_outside_the_market_has_no_conflict() -> None:
    assert diagnostics(valid_canvas(), "CMC004") == []


def test_a_network_leader_that_also_supplies_is_warned_about() -> None:
    canvas = replace_party(valid_canvas(), "p-city", roles=(Role.NETWORK_LEADER, Role.SUPPLIER))
    found = only(canvas, "CMC004")
    assert (found.severity, found.subject) == (Severity.WARNING, "p-city")
    assert found.path == f"parties[{len(SUPPLIERS) + len(DEMANDERS) + 1}].roles"
    assert "'City Council' (p-city) is network leader and trades as supplier" in found.message
    assert "equal footing" in found.message


def test_a_steward_that_trades_is_an_error() -> None:
    canvas = replace_party(valid_canvas(), "p-leader", roles=(Role.NETWORK_LEADER, Role.SUPPLIER))
    found = only(canvas, "CMC004")
    assert (found.severity, found.subject) == (Severity.ERROR, "p-leader")
    assert (
        "'Port Network' (p-leader) is network leader and steward of the primary commonality and "
        "trades as supplier" in found.message
    )


def test_a_leader_that_is_a_division_of_a_market_party_trades_through_it() -> None:
    canvas = replace_party(valid_canvas(), "p-leader", organisation="p-s1")
    found = only(canvas, "CMC004")
    assert found.severity is Severity.ERROR
    assert "trades as supplier through its organisation 'p-s1'" in found.message


def test_market_parties_owning_the_steward_are_an_error_a_minority_a_warning() -> None:
    owned = replace_party(
        valid_canvas(), "p-leader", owners=(Stake("p-s1", 40), Stake("p-s2", 20), Stake("p-city"))
    )
    found = only(owned, "CMC004")
    assert (found.severity, found.path) == (
        Severity.ERROR,
        f"parties[{len(SUPPLIERS) + len(DEMANDERS)}].owners",
    )
    assert "Market parties own 60% of the primary commonality" in found.message
    assert dict(found.figures) == {"market_share": pytest.approx(0.6)}
    minority = replace_party(
        valid_canvas(), "p-leader", owners=(Stake("p-s1", 10), Stake("p-city"))
    )
    assert only(minority, "CMC004").severity is Severity.WARNING


def test_market_owners_are_a_warning_when_parties_outside_the_market_decide_access() -> None:
    canvas = replace_party(valid_canvas(), "p-leader", owners=(Stake("p-s1"), Stake("p-d1")))
    gated = canvas.replace(attrs.evolve(canvas.commonalities[0], access_set_by=("p-city",)))
    found = only(gated, "CMC004")
    assert found.severity is Severity.WARNING
    assert "decided by parties outside the market ('City Council' (p-city))" in found.message


def test_a_cooperative_of_a_whole_side_is_no_single_competitor() -> None:
    canvas = replace_party(valid_canvas(), "p-s6", represents=5000)
    owned = replace_party(canvas, "p-leader", owners=(Stake("p-s6"),))
    assert diagnostics(owned, "CMC004") == []


def test_a_domain_leader_that_is_the_only_supplier_organisation_is_an_error() -> None:
    canvas = without_parties(valid_canvas(), SUPPLIERS[1:])
    canvas = replace_party(canvas, "p-s1", roles=(Role.SUPPLIER, Role.DOMAIN_LEADER))
    found = only(canvas, "CMC004")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "parties[0].roles",
        "p-s1",
    )
    assert "domain leader and trades as supplier" in found.message
    assert "only supplier organisation" in found.message


# -- CMC015 stakeholders-not-counted -------------------------------------------------------------


def test_stakeholders_are_not_mentioned_while_the_market_is_large_enough() -> None:
    assert diagnostics(valid_canvas(), "CMC015") == []


def test_stakeholders_are_named_when_a_market_side_is_short() -> None:
    canvas = without_parties(valid_canvas(), SUPPLIERS[1:])
    canvas = canvas.add(Party("p-bank", name="Harbour Bank", roles=(Role.FINANCIER,)))
    found = only(canvas, "CMC015")
    assert (found.severity, found.path, found.subject) == (Severity.INFO, "parties", None)
    assert "2 stakeholders" in found.message
    assert "'City Council' (p-city), 'Harbour Bank' (p-bank)" in found.message
    assert "not market parties" in found.message


def test_a_short_market_without_stakeholders_gives_no_note() -> None:
    canvas = without_parties(valid_canvas(), (*SUPPLIERS[1:], "p-city"))
    assert diagnostics(canvas, "CMC015") == []


# -- CMC016 no-centre ----------------------------------------------------------------------------


def test_a_canvas_without_an_owner_has_no_centre() -> None:
    assert diagnostics(valid_canvas(), "CMC016") == []


def test_an_owner_makes_a_party_the_centre() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", owner="p-s1"))
    found = only(canvas, "CMC016")
    assert (found.severity, found.path, found.subject) == (Severity.WARNING, "meta.owner", None)
    assert "names 'Supplier 1' (p-s1) as its owner" in found.message
    assert "no centre" in found.message


# -- CMC019 no-dangling-parties ------------------------------------------------------------------


def test_every_market_party_with_a_flow_is_connected() -> None:
    assert diagnostics(valid_canvas(), "CMC019") == []


def test_a_supplier_with_no_flow_and_no_area_is_dangling() -> None:
    canvas = valid_canvas().add(Party("p-s7", name="Supplier 7", roles=(Role.SUPPLIER,)))
    found = only(canvas, "CMC019")
    assert (found.severity, found.subject) == (Severity.WARNING, "p-s7")
    assert found.path == f"parties[{len(canvas.parties) - 1}]"
    assert (
        "'Supplier 7' (p-s7) is a supplier with no value flow and no process area" in found.message
    )


def test_a_process_area_connects_a_party_without_flows() -> None:
    canvas = valid_canvas().add(Party("p-s7", name="Supplier 7", roles=(Role.SUPPLIER,)))
    area = attrs.evolve(canvas.process_areas[0], parties=("p-s7",))
    assert diagnostics(canvas.replace(area), "CMC019") == []


def test_stakeholders_and_external_parties_never_dangle() -> None:
    canvas = valid_canvas().add(
        Party("p-far", name="Far Away", roles=(Role.SUPPLIER,), external=True)
    )
    assert diagnostics(canvas, "CMC019") == []
