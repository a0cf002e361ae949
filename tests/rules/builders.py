"""A small valid canvas built in code, and helpers to break it one piece at a time.

The canvas is a fresh-produce port community with six suppliers and six demanders from twelve
organisations, each in two of the twelve flows, so that no side is concentrated (HHI 1/6).
It passes every built-in rule without a single diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Diagnostic
from cmc_core.model import (
    Boundary,
    Commonality,
    DecisionRight,
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
from cmc_core.rules import validate
from cmc_core.rules.engine import RuleSelection, ValidationConfig
from cmc_core.vocabulary import (
    FactorKey,
    Mode,
    PrincipleKey,
    PrincipleStatus,
    ProcessKind,
    Role,
)

SUPPLIERS = tuple(f"p-s{number}" for number in range(1, 7))
DEMANDERS = tuple(f"p-d{number}" for number in range(1, 7))
MARKET = SUPPLIERS + DEMANDERS
STEWARD = "p-leader"


def _parties() -> tuple[Party, ...]:
    suppliers = tuple(
        Party(party_id, name=f"Supplier {party_id[-1]}", roles=(Role.SUPPLIER,))
        for party_id in SUPPLIERS
    )
    demanders = tuple(
        Party(
            party_id,
            name=f"Demander {party_id[-1]}",
            roles=(Role.DEMANDER,),
            serves_end_customer=party_id == "p-d1",
        )
        for party_id in DEMANDERS
    )
    others = (
        Party(STEWARD, name="Port Network", roles=(Role.NETWORK_LEADER,)),
        Party("p-city", name="City Council", roles=(Role.GOVERNMENT,)),
    )
    return suppliers + demanders + others


def _flows() -> tuple[ValueFlow, ...]:
    flows = []
    for number, supplier in enumerate(SUPPLIERS):
        for shift in (0, 1):
            demander = DEMANDERS[(number + shift) % len(DEMANDERS)]
            flows.append(
                ValueFlow(
                    f"f-{len(flows) + 1:02d}",
                    value="v-transport",
                    from_party=supplier,
                    to_party=demander,
                    counter_value="v-money",
                    via_commonality=True,
                    step="transact",
                )
            )
    return tuple(flows)


def valid_canvas() -> Canvas:
    """A canvas that passes every built-in rule without a diagnostic."""
    return Canvas(
        meta=Meta(name="Fresh port community"),
        end_customer=EndCustomerValue(
            customer="Shoppers", value="Fresher produce", problem="Waiting at the port"
        ),
        boundary=Boundary(
            goal="Ship to shelf within a day",
            target_group="Importers of fresh produce",
            instruments=("v-transport",),
        ),
        parties=_parties(),
        values=(
            Value("v-transport", name="Container transport"),
            Value("v-money", name="Payment"),
        ),
        flows=_flows(),
        process_areas=(
            ProcessArea("pa-info", name="Arrival information", kind=ProcessKind.INFORMATION),
            ProcessArea(
                "pa-booking",
                name="Slot booking",
                kind=ProcessKind.TRANSACTION,
                mode=Mode.COOPERATE,
                parties=MARKET[:4],
            ),
            ProcessArea("pa-trucking", name="Trucking", kind=ProcessKind.EXECUTION),
        ),
        commonalities=(
            Commonality(
                "c-platform",
                name="Port platform",
                primary=True,
                steward=STEWARD,
                users=MARKET,
                access_terms="The same fee and data rights for every member",
            ),
            Commonality("c-standards", name="Data standards", users=MARKET[:2]),
        ),
        governance=Governance(
            decision_rights=(
                DecisionRight(
                    "dr-rules",
                    subject="Transaction rules",
                    holders=(STEWARD, "p-s1", "p-d1"),
                    over_transaction_rules=True,
                ),
                DecisionRight("dr-roadmap", subject="Roadmap", holders=(STEWARD,)),
            )
        ),
        factors=[Factor(key, f"Agreed {key.value}") for key in FactorKey],
        resistances=(Resistance("r-data", holder="p-s1", reason="Customers could be poached"),),
        principles=[Principle(key, PrincipleStatus.ADEQUATE) for key in PrincipleKey],
        waste=Waste(baseline="A day per container lost to paperwork"),
    )


def replace_party(canvas: Canvas, party_id: str, **changes: object) -> Canvas:
    """The canvas with one party changed."""
    party = next(p for p in canvas.parties if p.id == party_id)
    return canvas.replace(attrs.evolve(party, **changes))


def without_parties(canvas: Canvas, party_ids: Iterable[str]) -> Canvas:
    """The canvas without some parties, and without the flows and uses that name them."""
    gone = set(party_ids)
    return canvas.evolve(
        parties=tuple(p for p in canvas.parties if p.id not in gone),
        flows=tuple(f for f in canvas.flows if f.from_party not in gone and f.to_party not in gone),
        commonalities=tuple(
            attrs.evolve(c, users=tuple(u for u in c.users if u not in gone))
            for c in canvas.commonalities
        ),
        process_areas=tuple(
            attrs.evolve(a, parties=tuple(p for p in a.parties if p not in gone))
            for a in canvas.process_areas
        ),
    )


def diagnostics(canvas: Canvas, code: str) -> list[Diagnostic]:
    """The diagnostics of one rule for a canvas, in the report's stable order."""
    config = ValidationConfig(RuleSelection(select=(code,)))
    return list(validate(canvas, config=config))


def only(canvas: Canvas, code: str) -> Diagnostic:
    """The single diagnostic of one rule; fails the test when there are none or several."""
    found = diagnostics(canvas, code)
    assert len(found) == 1, [d.to_dict() for d in found]
    return found[0]
