"""Canvases built in code for the scoring tests, and the edits the property tests make.

``community()`` is a small, fully filled-in canvas whose market is perfectly balanced: four
supplier and four demander organisations, each supplier selling to two demanders and each
demander buying from two suppliers, all over a commonality stewarded by a network leader.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from cmc_core.canvas import Canvas
from cmc_core.model import (
    Boundary,
    Commonality,
    EndCustomerValue,
    Factor,
    Governance,
    Meta,
    Party,
    Principle,
    ProcessArea,
    Resistance,
    Value,
    ValueFlow,
    Waste,
)
from cmc_core.vocabulary import (
    FactorKey,
    Mode,
    PrincipleKey,
    PrincipleStatus,
    ProcessKind,
    Role,
    SavingStatus,
)

SUPPLIERS = ("p-s1", "p-s2", "p-s3", "p-s4")
DEMANDERS = ("p-d1", "p-d2", "p-d3", "p-d4")
STEWARD = "p-net"


def supplier(party_id: str, **changes: Any) -> Party:
    """A supplier party named after its id."""
    return attrs.evolve(
        Party(party_id, name=f"Supplier {party_id}", roles=(Role.SUPPLIER,)), **changes
    )


def demander(party_id: str, **changes: Any) -> Party:
    """A demander party named after its id."""
    return attrs.evolve(
        Party(party_id, name=f"Demander {party_id}", roles=(Role.DEMANDER,)), **changes
    )


def flows_between(pairs: Iterable[tuple[str, str]], *, via: bool = True) -> tuple[ValueFlow, ...]:
    """Primary flows ``f-01``, ``f-02``... for these (from, to) pairs."""
    return tuple(
        ValueFlow(f"f-{number:02d}", value="v-goods", from_party=a, to_party=b, via_commonality=via)
        for number, (a, b) in enumerate(pairs, start=1)
    )


def ring_pairs() -> list[tuple[str, str]]:
    """Each supplier sells to two demanders, each demander buys from two suppliers."""
    return [(s, DEMANDERS[(n + shift) % 4]) for n, s in enumerate(SUPPLIERS) for shift in (0, 1)]


def market(parties: Sequence[Party], pairs: Iterable[tuple[str, str]], **changes: Any) -> Canvas:
    """A bare canvas with these parties and flows, and nothing else unless ``changes`` say."""
    return Canvas(parties=tuple(parties), flows=flows_between(pairs)).evolve(**changes)


def community() -> Canvas:
    """A filled-in, balanced community (see the module notes)."""
    parties = (
        *(supplier(s) for s in SUPPLIERS),
        *(demander(d, serves_end_customer=True) for d in DEMANDERS),
        Party(STEWARD, name="Port Network", roles=(Role.NETWORK_LEADER,)),
        Party("p-city", name="City", roles=(Role.GOVERNMENT,)),
    )
    market_ids = SUPPLIERS + DEMANDERS
    return Canvas(
        meta=Meta(name="Balanced community"),
        end_customer=EndCustomerValue(
            customer="Shoppers",
            value="Fresher produce",
            problem="Produce waits at the port",
            waste="Spoilage and empty trips",
            measure="Hours from ship to shelf",
        ),
        boundary=Boundary(goal="Ship to shelf in a day", target_group="Fresh importers"),
        parties=parties,
        values=(Value("v-goods", name="Transport"),),
        flows=flows_between(ring_pairs()),
        process_areas=(
            ProcessArea(
                "pa-info", name="Arrivals", kind=ProcessKind.INFORMATION, mode=Mode.COOPERATE
            ),
            ProcessArea(
                "pa-book", name="Booking", kind=ProcessKind.TRANSACTION, mode=Mode.COOPERATE
            ),
            ProcessArea("pa-truck", name="Trucking", kind=ProcessKind.EXECUTION, mode=Mode.COMPETE),
        ),
        commonalities=(
            Commonality(
                "c-hub", name="Port platform", primary=True, steward=STEWARD, users=market_ids
            ),
        ),
        governance=Governance(decision_making="One member, one vote"),
        factors=[Factor(key, f"Agreed {key.value}") for key in FactorKey],
        resistances=(
            Resistance(
                "r-data",
                holder="p-s1",
                reason="Customers could be poached",
                mitigation="Data rules",
            ),
        ),
        principles=[Principle(key, PrincipleStatus.ADEQUATE) for key in PrincipleKey],
        waste=Waste(
            baseline="A day lost",
            baseline_share=20,
            expected_saving=15,
            basis="Pilot",
            status=SavingStatus.REALISED,
        ),
    )


# -- the edits of the property tests ----------------------------------------------------------


def least_served_demander(canvas: Canvas) -> str | None:
    """The demander inside the boundary whose organisation receives the fewest primary flows
    between two known, different parties (ties: the first in the canvas)."""
    known = {party.id: party for party in reversed(canvas.parties)}
    received: Counter[str] = Counter(
        known[flow.to_party].organisation_id
        for flow in canvas.flows
        if not flow.counter_of
        and flow.from_party in known
        and flow.to_party in known
        and flow.from_party != flow.to_party
    )
    demanders = [
        party
        for party in canvas.parties
        if Role.DEMANDER in party.roles and not party.external and known[party.id] is party
    ]
    if not demanders:
        return None
    return min(demanders, key=lambda party: received[party.organisation_id]).id


def with_new_supplier(canvas: Canvas, target: str) -> Canvas:
    """The canvas with an independent supplier (its own organisation) selling one flow to
    ``target``."""
    newcomer = supplier("zz-newcomer", name="Newcomer")
    flow = ValueFlow("zz-newcomer-flow", value=None, from_party=newcomer.id, to_party=target)
    return canvas.evolve(parties=(*canvas.parties, newcomer), flows=(*canvas.flows, flow))


def moved_onto(canvas: Canvas, hub: str) -> Canvas:
    """The canvas with every flow sent by ``hub``: its other party keeps its place, and a flow
    ``hub`` received is turned around."""
    moved = []
    for flow in canvas.flows:
        other = flow.from_party if flow.to_party == hub else flow.to_party
        moved.append(attrs.evolve(flow, from_party=hub, to_party=other))
    return canvas.evolve(flows=tuple(moved))


def shuffled(canvas: Canvas, seed: int) -> Canvas:
    """The canvas with its parties, flows and values in another order."""
    rng = random.Random(seed)

    def mixed(items: tuple[object, ...]) -> tuple[object, ...]:
        order = list(items)
        rng.shuffle(order)
        return tuple(order)

    return canvas.evolve(
        parties=mixed(canvas.parties), flows=mixed(canvas.flows), values=mixed(canvas.values)
    )
