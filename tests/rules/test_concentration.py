"""Rule CMC021 concentration: HHI per market side and hubs, exact and through the bound."""

from __future__ import annotations

import random

import pytest

from cmc_core.analysis import herfindahl
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import DecisionRight, Governance, Party, ValueFlow
from cmc_core.rules.index import CanvasIndex
from cmc_core.vocabulary import Role

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
    assert dict(found.figures) == {"hhi": (100 + 5 * 9) / 625, "largest_share": 0.4}
    assert (
        "The supply side is highly concentrated: an HHI of 0.23 over 6 suppliers" in found.message
    )
    assert "(above 0.18)" in found.message
    assert "the largest, 'Supplier 1' (p-s1), has 40% of its flows" in found.message


def test_a_demand_side_split_between_two_demanders_is_highly_concentrated(counting: str) -> None:
    pairs = [(supplier, DEMANDERS[n % 2]) for n, supplier in enumerate(SUPPLIERS * 2)]
    found = only(with_flows(valid_canvas(), pairs), "CMC021")
    assert dict(found.figures) == {"hhi": 0.5, "largest_share": 0.5}
    assert "The demand side is highly concentrated" in found.message
    assert "'Demander 1' (p-d1) and 'Demander 2' (p-d2)" not in found.message
    assert "the largest, 'Demander 1' (p-d1), 'Demander 2' (p-d2), each have 50%" in found.message


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
    found = [d for d in diagnostics(with_flows(canvas, pairs), "CMC021") if d.path != "flows"]
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
    hubs = [d for d in diagnostics(with_flows(canvas, pairs), "CMC021") if d.subject]
    assert [(d.severity, d.subject) for d in hubs] == [(Severity.ERROR, "p-leader")]
    assert "also stewards the primary commonality 'Port platform' (c-platform)" in hubs[0].message


def test_a_hub_that_alone_holds_a_decision_right_is_an_error(counting: str) -> None:
    canvas = valid_canvas().evolve(
        governance=Governance(
            decision_rights=(DecisionRight("dr-fees", subject="Fees", holders=("p-s3", "p-s3")),)
        )
    )
    pairs = [("p-s3", demander) for demander in DEMANDERS] * 2 + [("p-s1", "p-d1")]
    hubs = [d for d in diagnostics(with_flows(canvas, pairs), "CMC021") if d.subject]
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
    assert [d.message.split(":")[0] for d in validate(canvas, config=strict)] == [
        "The demand side is highly concentrated",
        "The supply side is highly concentrated",
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
    shipped = diagnostics(canvas, "CMC021")
    _no_bound(monkeypatch)
    assert diagnostics(canvas, "CMC021") == shipped


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
