"""Rules CMC021 concentration (HHI per side against an even split), CMC025 hub and CMC026
few-organisations, exact and through the bound."""

from __future__ import annotations

import random

import attrs
import pytest

from cmc_core.analysis import herfindahl
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import Commonality, DecisionRight, Governance, Party, Stake, ValueFlow
from cmc_core.rules.index import CanvasIndex
from cmc_core.vocabulary import FlowKind, Role

from .builders import DEMANDERS, SUPPLIERS, diagnostics, only, valid_canvas


def with_flows(canvas: Canvas, pairs: list[tuple[str, str]]) -> Canvas:
    """The canvas with its flows replaced by one flow per (from, to) pair."""
    flows = tuple(
        ValueFlow(f"f-{number:04d}", value="v-transport", from_party=source, to_party=target)
        for number, (source, target) in enumerate(pairs)
    )
    return canvas.evolve(flows=flows)


def _no_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the sweep's bound useless, so that the rule always counts exactly."""
    monkeypatch.setattr(CanvasIndex, "count_bound", lambda self, side: 10**9)


@pytest.fixture(params=["counted in the sweep", "bound first", "exact only"])
def counting(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test three ways: as shipped for a small canvas (the sweep counts exactly), as
    for a large one (the sweep bounds the counts), and counting exactly every time."""
    if request.param != "counted in the sweep":
        monkeypatch.setattr("cmc_core.rules.flow_index.EXACT_COUNT_PARTIES", 0)
    if request.param == "exact only":
        _no_bound(monkeypatch)
    return str(request.param)


def test_the_hhi_of_equal_shares_is_one_over_the_number_of_parties() -> None:
    assert herfindahl([3, 3, 3, 3]) == 0.25
    assert herfindahl([5]) == 1.0
    assert herfindahl([]) == 0.0


def test_the_hhi_does_not_depend_on_the_order_of_the_parties() -> None:
    counts = [random.Random(seed).randrange(1, 50) for seed in range(40)]
    assert herfindahl(counts) == herfindahl(sorted(counts)) == herfindahl(counts[::-1])


def test_six_suppliers_and_six_demanders_with_equal_shares_are_not_concentrated(
    counting: str,
) -> None:
    assert diagnostics(valid_canvas(), "CMC021") == []


def test_a_supply_side_dominated_by_one_supplier_is_highly_concentrated(counting: str) -> None:
    sources = ["p-s1"] * 10 + [supplier for supplier in SUPPLIERS[1:] for _ in range(3)]
    pairs = [(source, DEMANDERS[n % 6]) for n, source in enumerate(sources)]
    found = only(with_flows(valid_canvas(), pairs), "CMC021")
    assert (found.severity, found.path, found.subject) == (Severity.WARNING, "flows", None)
    assert dict(found.figures) == {
        "hhi": pytest.approx((100 + 5 * 9) / 625),
        "largest_share": 0.4,
        "even_hhi": pytest.approx(1 / 6),
    }
    assert (
        "The supply side is highly concentrated: an HHI of 0.23 over 6 supplier organisations "
        "by flows" in found.message
    )
    assert (
        "(above 0.18); the largest, 'Supplier 1' (p-s1), has 40%, against 17% in an even split"
        in found.message
    )


def test_a_demand_side_split_between_two_demanders_is_highly_concentrated(counting: str) -> None:
    pairs = [(supplier, DEMANDERS[n % 2]) for n, supplier in enumerate(SUPPLIERS * 2)]
    found = only(with_flows(valid_canvas(), pairs), "CMC021")
    assert dict(found.figures) == {"hhi": 0.5, "largest_share": 0.5, "even_hhi": 1 / 6}
    assert "The demand side is highly concentrated" in found.message
    assert "'Demander 1' (p-d1) and 'Demander 2' (p-d2)" not in found.message
    assert "the largest, 'Demander 1' (p-d1), 'Demander 2' (p-d2), each have 50%," in found.message


def test_flows_to_end_customers_do_not_count_on_the_demand_side(counting: str) -> None:
    canvas = valid_canvas().add(Party("p-shop", name="Shop", roles=(Role.END_CUSTOMER,)))
    pairs = [(supplier, "p-shop") for supplier in SUPPLIERS] + [
        (SUPPLIERS[n], DEMANDERS[n]) for n in range(6)
    ]
    assert diagnostics(with_flows(canvas, pairs), "CMC021") == []


def test_a_party_in_most_flows_is_a_hub() -> None:
    canvas = valid_canvas()
    canvas = canvas.replace(Party("p-s1", name="Supplier 1", roles=(Role.SUPPLIER, Role.DEMANDER)))
    pairs = (
        [("p-s1", demander) for demander in DEMANDERS]
        + [(supplier, "p-s1") for supplier in SUPPLIERS[1:]]
        + [("p-s2", "p-d2")]
    )
    found = diagnostics(with_flows(canvas, pairs), "CMC025")
    assert [(d.severity, d.path, d.subject) for d in found] == [
        (Severity.WARNING, "parties[0]", "p-s1")
    ]
    assert dict(found[0].figures) == {"share": pytest.approx(11 / 12)}
    assert "'Supplier 1' (p-s1) takes part in 92% of all primary flows" in found[0].message
    assert "it is a hub of the network." in found[0].message


def test_a_hub_that_stewards_the_commonality_is_an_error(counting: str) -> None:
    canvas = valid_canvas()
    canvas = canvas.replace(
        Party("p-leader", name="Port Network", roles=(Role.NETWORK_LEADER, Role.SUPPLIER))
    )
    pairs = [("p-leader", demander) for demander in DEMANDERS] * 2 + [("p-s1", "p-d1")]
    hubs = diagnostics(with_flows(canvas, pairs), "CMC025")
    assert [(d.severity, d.subject) for d in hubs] == [(Severity.ERROR, "p-leader")]
    assert "also stewards the primary commonality 'Port platform' (c-platform)" in hubs[0].message


def test_a_hub_that_alone_holds_a_decision_right_is_an_error(counting: str) -> None:
    canvas = valid_canvas().evolve(
        governance=Governance(
            decision_rights=(DecisionRight("dr-fees", subject="Fees", holders=("p-s3", "p-s3")),)
        )
    )
    pairs = [("p-s3", demander) for demander in DEMANDERS] * 2 + [("p-s1", "p-d1")]
    hubs = diagnostics(with_flows(canvas, pairs), "CMC025")
    assert [(d.severity, d.path, d.subject) for d in hubs] == [
        (Severity.ERROR, "parties[2]", "p-s3")
    ]
    assert "alone holds the decision right 'Fees'" in hubs[0].message


def test_the_thresholds_are_settings() -> None:
    from cmc_core.rules import validate
    from cmc_core.rules.engine import RuleSelection, RuleSettings, ValidationConfig

    lenient = ValidationConfig(RuleSelection(select=("CMC021",)), RuleSettings(hhi_threshold=0.5))
    strict = ValidationConfig(RuleSelection(select=("CMC021",)), RuleSettings(hhi_threshold=0.1))
    pairs = [(supplier, DEMANDERS[n % 3]) for n, supplier in enumerate(SUPPLIERS * 2)]
    canvas = with_flows(valid_canvas(), pairs)
    assert len(validate(canvas, config=lenient)) == 0
    # The suppliers share the supply side evenly: above 0.1, but no more than an even split.
    assert [d.message.split(":")[0] for d in validate(canvas, config=strict)] == [
        "The demand side is highly concentrated",
    ]


@pytest.mark.parametrize("seed", range(12))
def test_the_bound_and_the_exact_count_report_the_same_findings(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    suppliers = SUPPLIERS[: rng.randrange(1, 7)]
    pairs = [
        (rng.choice(suppliers), rng.choice(DEMANDERS[: rng.randrange(1, 7)]))
        for _ in range(rng.randrange(1, 60))
    ]
    canvas = with_flows(valid_canvas(), pairs)
    shipped = diagnostics(canvas, "CMC021") + diagnostics(canvas, "CMC025")
    _no_bound(monkeypatch)
    assert diagnostics(canvas, "CMC021") + diagnostics(canvas, "CMC025") == shipped


def test_a_wide_even_market_is_cleared_by_the_bound_without_exact_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cmc_core.rules.builtin.concentration import flow_concentration
    from cmc_core.rules.engine import RuleContext, RuleSettings

    monkeypatch.setattr("cmc_core.rules.flow_index.EXACT_COUNT_PARTIES", 100)

    width = 3000
    suppliers = [Party(f"s{n}", roles=(Role.SUPPLIER,)) for n in range(width)]
    demanders = [Party(f"d{n}", roles=(Role.DEMANDER,)) for n in range(width)]
    pairs = [(f"s{n}", f"d{n * 7 % width}") for n in range(width)]
    canvas = with_flows(Canvas(parties=(*suppliers, *demanders)), pairs)
    context = RuleContext(canvas, RuleSettings())
    assert list(flow_concentration(canvas, context)) == []
    assert context.index.sweep.from_counts is None
    assert "_primary_from_counts" not in context.index.__dict__
    assert "_primary_to_counts" not in context.index.__dict__


def test_the_bound_is_never_below_the_largest_exact_count() -> None:
    from cmc_core.rules.index import CanvasIndex

    rng = random.Random(5)
    pairs = [(rng.choice(SUPPLIERS[:4]), rng.choice(DEMANDERS)) for _ in range(5000)]
    index = CanvasIndex(with_flows(valid_canvas(), pairs))
    for side in ("from", "to"):
        assert index.count_bound(side) >= max(index.counts(side).values())


# -- issue 13: even splits, groups, volumes, organisations and control ---------------------------


def _equal_market(suppliers: int, demanders: int) -> Canvas:
    supply = [Party(f"p-s{n}", name=f"S{n}", roles=(Role.SUPPLIER,)) for n in range(suppliers)]
    demand = [Party(f"p-d{n}", name=f"D{n}", roles=(Role.DEMANDER,)) for n in range(demanders)]
    pairs = [(f"p-s{s}", f"p-d{d}") for s in range(suppliers) for d in range(demanders)]
    return with_flows(Canvas(parties=(*supply, *demand)), pairs)


def test_four_equal_suppliers_and_four_equal_demanders_give_no_concentration_warning() -> None:
    canvas = _equal_market(4, 4)
    for code in ("CMC021", "CMC025", "CMC026"):
        assert diagnostics(canvas, code) == [], code


def test_one_party_with_90_percent_of_a_side_is_concentrated() -> None:
    canvas = _equal_market(4, 4)
    flows = [
        ValueFlow(f"f-{n}", "v", "p-s0" if n < 36 else f"p-s{1 + n % 3}", f"p-d{n % 4}")
        for n in range(40)
    ]
    found = only(canvas.evolve(flows=tuple(flows)), "CMC021")
    assert found.severity is Severity.WARNING
    assert dict(found.figures)["largest_share"] == pytest.approx(0.9)
    assert "'S0' (p-s0), has 90%" in found.message


def test_volumes_in_one_unit_weigh_the_shares() -> None:
    canvas = _equal_market(4, 4)
    flows = tuple(
        attrs.evolve(flow, volume=90.0 if flow.from_party == "p-s0" else 1.0, unit="TEU")
        for flow in canvas.flows
    )
    found = only(canvas.evolve(flows=flows), "CMC021")
    assert "by volume (TEU)" in found.message
    mixed = tuple(
        attrs.evolve(flow, unit="EUR") if n == 0 else flow for n, flow in enumerate(flows)
    )
    assert diagnostics(canvas.evolve(flows=mixed), "CMC021") == []  # no one unit: counted


def test_parties_of_one_organisation_are_one_share() -> None:
    canvas = _equal_market(4, 4)
    merged = canvas.replace(
        Party("p-s1", name="S1", roles=(Role.SUPPLIER,), organisation="p-s0")
    ).replace(Party("p-s2", name="S2", roles=(Role.SUPPLIER,), organisation="p-s0"))
    found = only(merged, "CMC021")
    assert "over 2 supplier organisations" in found.message
    assert dict(found.figures)["largest_share"] == pytest.approx(0.75)


def test_a_group_counts_as_its_organisations_with_its_share_split_among_them() -> None:
    canvas = _equal_market(4, 4)
    grouped = canvas.replace(Party("p-s3", name="S3", roles=(Role.SUPPLIER,), represents=2000))
    # three single suppliers with 25% each and 2,000 organisations sharing 25%
    found = only(grouped, "CMC021")
    assert "over 2003 supplier organisations" in found.message
    assert "against 0.05% in an even split" in found.message  # 1/2003, not "0%"
    assert dict(found.figures)["hhi"] == pytest.approx(3 * 0.0625 + 0.0625 / 2000)


def test_concentration_is_an_error_when_the_largest_steward_or_own_the_commonality() -> None:
    canvas = _equal_market(4, 4)
    flows = [
        ValueFlow(f"f-{n}", "v", "p-s0" if n < 36 else f"p-s{1 + n % 3}", f"p-d{n % 4}")
        for n in range(40)
    ]
    owned = canvas.evolve(
        flows=tuple(flows),
        parties=(*canvas.parties, Party("p-hub", roles=(Role.NETWORK_LEADER,),
                                        owners=(Stake("p-s0"), Stake("p-s1")))),
        commonalities=(Commonality("c", primary=True, steward="p-hub"),),
    )  # fmt: skip
    found = only(owned, "CMC021")
    assert found.severity is Severity.ERROR
    assert "among the market parties that own the primary commonality" in found.message


def test_a_side_of_two_organisations_is_too_few_however_evenly_split() -> None:
    found = only(_equal_market(2, 4), "CMC026")
    assert (found.severity, found.path) == (Severity.WARNING, "parties")
    assert "The supplier side has only 2 organisations" in found.message
    assert diagnostics(_equal_market(2, 4), "CMC021") == []


def test_a_steward_that_trades_is_a_hub_of_the_flows_over_its_commonality() -> None:
    canvas = _equal_market(4, 4)
    flows = tuple(attrs.evolve(flow, via_commonality=True) for flow in canvas.flows)
    trader = canvas.replace(Party("p-s3", name="S3", roles=(Role.SUPPLIER, Role.NETWORK_LEADER)))
    owned = trader.evolve(
        flows=flows, commonalities=(Commonality("c", primary=True, steward="p-s3"),)
    )
    found = only(owned, "CMC025")
    assert (found.severity, found.subject) == (Severity.ERROR, "p-s3")


def test_fees_and_reports_are_not_market_flows() -> None:
    canvas = _equal_market(4, 4)
    fees = tuple(
        ValueFlow(f"f-fee-{n}", "v", "p-s0", "p-d0", kind=FlowKind.FEE) for n in range(100)
    )
    assert diagnostics(canvas.evolve(flows=canvas.flows + fees), "CMC021") == []
    assert diagnostics(canvas.evolve(flows=canvas.flows + fees), "CMC025") == []
