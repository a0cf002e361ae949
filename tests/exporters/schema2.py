"""A canvas that fills every field schema version 2 added, for the exporter tests.

:func:`schema2_canvas` is a small grain exchange whose parties stand for groups and have owners,
whose flows have kinds and volumes, whose commonality has structured access terms, whose
decision rights have weights, whose waste block has amounts and a status, and whose facts name
their sources with a provenance; ``meta.as_of`` is set. The snapshot tests export it as they
export the bundled examples, and the tests of each exporter check that these facts appear.
:func:`hostile_schema2_canvas` is the same canvas with hostile text in every text field that
schema version 2 added (units, periods, the moment described, the sources), so that the tests
can check that those are escaped too.
"""

from __future__ import annotations

import itertools

import attrs

from cmc_core import Canvas
from cmc_core.model import (
    Commonality,
    DecisionRight,
    Governance,
    Meta,
    Party,
    Resistance,
    Source,
    Stake,
    Value,
    ValueFlow,
    Waste,
)
from cmc_core.testing import HOSTILE_TEXTS, hostile_canvas, sample_canvases
from cmc_core.vocabulary import (
    Access,
    FlowKind,
    Language,
    Level,
    Period,
    Provenance,
    Role,
    SavingStatus,
    ValueKind,
)

__all__ = [
    "SNAPSHOT_NAMES",
    "canvas_called",
    "hostile_schema2_canvas",
    "reviewed_canvas",
    "schema2_canvas",
]


def schema2_canvas() -> Canvas:
    """A canvas with every field of schema version 2 filled (see the module docstring)."""
    return Canvas(
        meta=Meta(name="Riverside Grain Exchange", language=Language.EN, canvas_version="2.0",
                  date="2025-05-01", as_of="2019-06"),
        parties=(
            Party("p-growers", "Riverside Growers' Cooperative", (Role.SUPPLIER,), represents=240,
                  provenance=Provenance.SOURCED, sources=("S1",)),
            Party("p-estate", "Hillside Estate", (Role.SUPPLIER,),
                  provenance=Provenance.UNVERIFIED),
            Party("p-mill", "North Mill", (Role.DEMANDER,), sources=("S2",)),
            Party("p-bakers", "Independent bakers", (Role.DEMANDER,), represents=35,
                  provenance=Provenance.INFERRED),
            Party("p-exchange", "Riverside Exchange B.V.", (Role.NETWORK_LEADER,),
                  owners=(Stake("p-foundation", 70), Stake("p-growers", 30), Stake("p-city")),
                  sources=("S3",)),
            Party("p-foundation", "Riverside Grain Foundation", (Role.COMMUNITY_PARTNER,)),
            Party("p-inspection", "Grain Inspection Authority", (Role.GOVERNMENT,)),
            Party("p-city", "Municipality of Riverside", (Role.GOVERNMENT,), represents=1),
        ),
        values=(
            Value("v-grain", "Milling wheat", ValueKind.PRODUCT),
            Value("v-pay", "Payment", ValueKind.MONEY),
            Value("v-fee", "Exchange fee", ValueKind.MONEY),
            Value("v-report", "Quality report", ValueKind.INFORMATION),
            Value("v-mandate", "Authorisation to book transport", ValueKind.INSTRUMENT),
        ),
        flows=(
            ValueFlow("f-grain-mill", "v-grain", "p-growers", "p-mill", counter_value="v-pay",
                      via_commonality=True, volume=12000, unit="t", period=Period.YEAR,
                      provenance=Provenance.SOURCED, sources=("S1", "S2")),
            ValueFlow("f-grain-bakers", "v-grain", "p-growers", "p-bakers", via_commonality=True,
                      volume=3000, unit="t", period=Period.YEAR, provenance=Provenance.INFERRED),
            ValueFlow("f-estate", "v-grain", "p-estate", "p-mill", volume=1500.5, unit="t",
                      period=Period.YEAR, provenance=Provenance.UNVERIFIED),
            ValueFlow("f-pay", "v-pay", "p-mill", "p-growers", counter_of="f-grain-mill"),
            ValueFlow("f-fee", "v-fee", "p-mill", "p-exchange", kind=FlowKind.FEE, volume=0.5,
                      unit="%", sources=("S3",)),
            ValueFlow("f-report", "v-report", "p-growers", "p-inspection",
                      kind=FlowKind.REGULATORY),
            ValueFlow("f-mandate", "v-mandate", "p-bakers", "p-exchange",
                      kind=FlowKind.DELEGATION),
        ),
        commonalities=(
            Commonality(
                "c-exchange", "Riverside grain exchange platform", primary=True,
                steward="p-exchange", co_stewards=("p-foundation",),
                owners=(Stake("p-foundation", 70), Stake("p-growers", 30)),
                users=("p-growers", "p-estate", "p-mill", "p-bakers"),
                access=Access.MEMBERSHIP, access_set_by=("p-exchange", "p-foundation"),
                favours=("p-estate",), member_tariffs=True, exit_ban=True,
                access_terms="Members sign the exchange rulebook",
                provenance=Provenance.INFERRED, sources=("S3",),
            ),
        ),
        governance=Governance(
            decision_rights=(
                DecisionRight("d-growers", "Trading rules", ("p-growers",),
                              over_transaction_rules=True, weight=40, sources=("S3",)),
                DecisionRight("d-buyers", "Trading rules", ("p-mill", "p-bakers"),
                              over_transaction_rules=True, weight=60,
                              provenance=Provenance.UNVERIFIED),
            )
        ),
        resistances=(
            Resistance("r-mill", "Mills fear price transparency", "p-mill", severity=Level.HIGH,
                       provenance=Provenance.INFERRED, sources=("S2",)),
        ),
        waste=Waste(
            baseline="Paper delivery notes keyed in again at every step", expected_saving=25,
            baseline_amount=18000, saving_amount=4500, unit="delivery notes", period=Period.YEAR,
            status=SavingStatus.REALISED, provenance=Provenance.UNVERIFIED, sources=("S1",),
        ),
        sources=(
            Source("S1", "Annual report 2019", "Riverside Growers' Cooperative", "2020-03",
                   "https://example.org/riverside/annual-report-2019"),
            Source("S2", "Interview with the mill's purchasing manager", date="2019-05-14"),
            Source("S3", "Exchange rulebook", "Riverside Exchange B.V."),
            Source("S4", "A report nothing cites yet"),
        ),
    )  # fmt: skip


def hostile_schema2_canvas() -> Canvas:
    """:func:`schema2_canvas` with the hostile texts in every text field schema version 2
    added: the moment described, units, and the sources' titles, publishers, dates
    and addresses."""
    say = itertools.cycle(HOSTILE_TEXTS).__next__
    canvas = schema2_canvas()
    flows = tuple(attrs.evolve(flow, unit=say()) for flow in canvas.flows)
    sources = tuple(
        attrs.evolve(source, title=say(), publisher=say(), date=say(), url=say())
        for source in canvas.sources
    )
    waste = attrs.evolve(canvas.waste, unit=say())
    meta = attrs.evolve(canvas.meta, as_of=say())
    return attrs.evolve(canvas, meta=meta, flows=flows, sources=sources, waste=waste)


def reviewed_canvas() -> Canvas:
    """:func:`schema2_canvas` with what a review of the exports found wrongly shown: flow volumes
    that Python writes in exponent form (``1e+22`` t and ``1.23e-07`` t a year) and a party
    with owners whose provenance is inferred (its marker must not read as the last owner's)."""
    canvas = schema2_canvas()
    volumes = {"f-grain-mill": 1.0e22, "f-grain-bakers": 0.000000123}
    flows = tuple(
        attrs.evolve(flow, volume=volumes[flow.id]) if flow.id in volumes else flow
        for flow in canvas.flows
    )
    parties = tuple(
        attrs.evolve(party, provenance=Provenance.INFERRED) if party.id == "p-exchange" else party
        for party in canvas.parties
    )
    return canvas.evolve(flows=flows, parties=parties)


#: The canvases every exporter's snapshots are taken of: the bundled examples, the hostile
#: canvas and :func:`schema2_canvas`.
SNAPSHOT_NAMES = [*sample_canvases(), "hostile", "schema2"]


def canvas_called(name: str) -> Canvas:
    """The snapshot canvas called ``name`` (one of :data:`SNAPSHOT_NAMES`)."""
    if name == "hostile":
        return hostile_canvas()
    if name == "schema2":
        return schema2_canvas()
    return sample_canvases()[name]
