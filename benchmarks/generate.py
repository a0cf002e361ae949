"""A deterministic generator of realistic canvases in the file form of the spec (version 2).

The document is built as plain dicts and lists, in the file's key order and with defaults left
out, because that is what cmc writes and what every decoder under test reads. Building dicts is
much faster than building model objects, which matters at 1M flows.

Shape, for ``flows`` value flows:

- ``flows // 10`` parties: 40 % suppliers, 40 % demanders, 10 % both, 10 % stakeholders (the
  first stakeholder is the network leader who stewards the commonality); one party in five
  belongs to a shared organisation; half the demanders serve the end customer;
- 20 values (products, services, data, money...);
- flows from a supplier to a different demander, with a value, usually a counter-value (money),
  most via the commonality, each at a process step; every 50th flow is the payment counter-flow
  of the one before it (``counter_of``), a few carry a friction note;
- one primary commonality used by every inside market party, one secondary commonality;
- every block filled: end customer, boundary, process areas, governance, the seven factors,
  developments, resistances, the five principles, waste, and a note of about 350 characters per
  block.

Run ``python -m benchmarks.generate --flows 10000 --out canvas.cmc.json`` to write one.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import orjson

__all__ = ["DEFAULT_SEED", "make_document", "to_json_bytes"]

DEFAULT_SEED = 20261126

_STEPS = ("profile", "find", "match", "transact")
_STAKEHOLDER_ROLES = ("expert", "government", "financier", "ngo", "software_builder")
_WORDS = (
    "Harbour",
    "Rijn",
    "Delta",
    "North",
    "Cargo",
    "Fresh",
    "Quay",
    "Polder",
    "Maas",
    "Cold",
    "Chain",
    "Link",
    "Bulk",
    "Tide",
    "Gate",
    "Dock",
    "Flow",
    "Route",
    "Terminal",
    "Barge",
)
_FORMS = ("B.V.", "N.V.", "Logistics", "Services", "Group", "Transport", "Trading", "Co-op")
_SPECIALISATIONS = (
    "refrigerated container transport",
    "customs brokerage for perishables",
    "barge feeder service",
    "warehousing with cross-docking",
    "last-mile delivery in the city",
    "bulk grain handling",
)
_VALUES: tuple[tuple[str, str, str, str | None], ...] = (
    ("v-money", "Payment", "money", None),
    ("v-transport", "Container transport", "service", "concrete"),
    ("v-storage", "Cold storage", "service", "concrete"),
    ("v-customs", "Customs clearance", "service", "concrete"),
    ("v-eta", "Arrival time updates", "data", "instrument"),
    ("v-slots", "Terminal slot booking", "instrument", "instrument"),
    ("v-capacity", "Free capacity notices", "information", "instrument"),
    ("v-orders", "Transport orders", "information", "concrete"),
    ("v-invoice", "Electronic invoices", "data", "concrete"),
    ("v-tracking", "Track and trace", "data", "instrument"),
    ("v-fresh", "Fresh produce", "product", "concrete"),
    ("v-bulk", "Bulk goods", "product", "concrete"),
    ("v-advice", "Routing advice", "knowledge", "added_value"),
    ("v-insurance", "Cargo insurance", "service", "concrete"),
    ("v-certs", "Phytosanitary certificates", "information", "concrete"),
    ("v-reputation", "Reliability rating", "trust_reputation", "added_value"),
    ("v-pooling", "Load pooling", "service", "added_value"),
    ("v-repair", "Container repair", "service", "concrete"),
    ("v-training", "Driver training", "knowledge", "instrument"),
    ("v-emissions", "Emission reports", "data", "added_value"),
)
_GOODS = tuple(v[0] for v in _VALUES[1:])
_FRICTIONS = (
    "orders arrive by phone and e-mail, retyped twice",
    "arrival times are guessed, trucks wait at the gate",
    "certificates are checked on paper at three desks",
)
_BLOCKS = (
    "end_customer_value",
    "developments",
    "perspective",
    "vision",
    "ambition",
    "boundary",
    "suppliers",
    "demanders",
    "stakeholders",
    "values_exchanged",
    "cooperation_competition",
    "commonality",
    "coordination",
    "governance",
    "structure",
    "culture",
    "resistances",
    "waste_reduction",
)
_FACTORS = (
    "perspective",
    "vision",
    "ambition",
    "coordination",
    "governance",
    "structure",
    "culture",
)
_PRINCIPLES = (
    "specialize_coordinate_finalize",
    "programmable_institutions",
    "structured_flexibility",
    "apart_together",
    "back_to_basic",
)
_NOTE = (
    "The workshop agreed that the community exists for the shippers and receivers of fresh "
    "produce, and that every party keeps its own customers. Information about arrivals, free "
    "capacity and certificates is shared through the platform on the same terms for everyone; "
    "execution of transport, storage and customs work stays competitive. Open points: "
    "financing after the pilot year and the role of the port authority."
)


def _party_name(rng: random.Random, index: int) -> str:
    return f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {rng.choice(_FORMS)} {index}"


def _parties(rng: random.Random, count: int) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """The parties, plus the ids of those that can supply and of those that can demand."""
    parties: list[dict[str, Any]] = []
    suppliers: list[str] = []
    demanders: list[str] = []
    width = len(str(count))
    for index in range(count):
        party_id = f"p-{index:0{width}d}"
        party: dict[str, Any] = {"id": party_id, "name": _party_name(rng, index)}
        draw = rng.random()
        interest = ""
        if index == 0:  # the steward of the commonality: a stakeholder, never a market party
            roles = ["network_leader"]
            interest = "a level playing field for all members of the port community"
        elif draw < 0.4:
            roles = ["supplier"]
        elif draw < 0.8:
            roles = ["demander"]
        elif draw < 0.9:
            roles = ["supplier", "demander"]
        else:
            roles = [rng.choice(_STAKEHOLDER_ROLES)]
            interest = "less congestion and fewer empty trips in the region"
        party["roles"] = roles
        # keys are added in the model's field order, as cmc writes them
        if index and rng.random() < 0.2:
            party["organisation"] = f"org-{rng.randrange(max(1, count // 5)):0{width}d}"
        if interest and index and rng.random() < 0.3:
            party["external"] = True
        if "supplier" in roles:
            party["specialisation"] = rng.choice(_SPECIALISATIONS)
            suppliers.append(party_id)
        if "demander" in roles:
            demanders.append(party_id)
            if rng.random() < 0.5:
                party["serves_end_customer"] = True
        if interest:
            party["interest"] = interest
        parties.append(party)
    return parties, suppliers, demanders


def _flows(
    rng: random.Random, count: int, suppliers: list[str], demanders: list[str]
) -> list[dict[str, Any]]:
    flows: list[dict[str, Any]] = []
    width = len(str(count))
    choice, rand = rng.choice, rng.random
    previous: dict[str, Any] = {}
    for index in range(count):
        flow_id = f"f-{index:0{width}d}"
        if index % 50 == 49:  # the payment running back against the flow before it
            flows.append(
                {
                    "id": flow_id,
                    "value": "v-money",
                    "from": previous["to"],
                    "to": previous["from"],
                    "via_commonality": True,
                    "step": "transact",
                    "counter_of": previous["id"],
                }
            )
            continue
        source = choice(suppliers)
        target = choice(demanders)
        while target == source:
            target = choice(demanders)
        flow: dict[str, Any] = {
            "id": flow_id,
            "value": choice(_GOODS),
            "from": source,
            "to": target,
        }
        if rand() < 0.8:
            flow["counter_value"] = "v-money"
        if rand() < 0.7:
            flow["via_commonality"] = True
        flow["step"] = choice(_STEPS)
        if rand() < 0.05:
            flow["friction"] = choice(_FRICTIONS)
        # schema 2's fields, filled: every flow's volume in one unit, some sourced
        flow["volume"] = float(rng.randrange(1, 100))
        flow["unit"] = "pallets"
        flow["period"] = "week"
        if rand() < 0.1:
            flow["provenance"] = "sourced"
            flow["sources"] = ["S1"]
        flows.append(flow)
        previous = flow
    return flows


def make_document(flows: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """A canvas document with ``flows`` value flows and ``flows // 10`` parties, in file form.

    The same ``flows`` and ``seed`` always give the same document.
    """
    rng = random.Random(seed)
    parties, suppliers, demanders = _parties(rng, max(10, flows // 10))
    market = set(suppliers) | set(demanders)
    inside_market = [p["id"] for p in parties if p["id"] in market and not p.get("external")]
    steward = parties[0]["id"]
    return {
        "$schema": "cmc-canvas-2.schema.json",
        "schema_version": 2,
        "meta": {
            "name": f"Fresh port community ({flows} flows)",
            "description": "A generated canvas for the benchmarks.",
            "authors": ["cmc benchmarks"],
            "date": "2026-11-26",
            "as_of": "2026",
        },
        "end_customer": {
            "customer": "Shoppers buying fresh produce",
            "value": "Fresher produce at a lower price",
            "problem": "Produce waits at the port for paperwork and trucks",
            "waste": "Spoilage and empty truck trips",
            "measure": "Hours from ship to shelf",
        },
        "boundary": {
            "goal": "Move fresh produce from ship to shelf within 24 hours",
            "target_group": "Importers and distributors of fresh produce in the port region",
            "inclusion_criteria": ["handles fresh produce", "operates in the port region"],
            "exclusion_criteria": ["bulk-only operators"],
            "parent_domain": "Port logistics",
            "instruments": ["v-slots", "v-eta"],
        },
        "parties": parties,
        "values": [_value(*value) for value in _VALUES],
        "flows": _flows(rng, flows, suppliers, demanders),
        "process_areas": [
            {
                "id": "pa-info",
                "name": "Arrival information",
                "kind": "information",
                "mode": "cooperate",
                "parties": inside_market[:10],
            },
            {
                "id": "pa-booking",
                "name": "Slot booking",
                "kind": "transaction",
                "mode": "cooperate",
                "parties": inside_market[:10],
            },
            {
                "id": "pa-transport",
                "name": "Transport",
                "kind": "execution",
                "mode": "compete",
                "parties": inside_market[:10],
            },
        ],
        "commonalities": [
            {
                "id": "c-platform",
                "name": "Fresh port platform",
                "primary": True,
                "description": "Shared booking, arrival and certificate services",
                "capabilities": [
                    "slot booking",
                    "arrival times",
                    "certificates",
                    "track and trace",
                ],
                "steward": steward,
                "users": inside_market,
                "access_terms": "Same fee and the same data rights for every member",
                "financing": "Member fees, per transaction",
            },
            {
                "id": "c-standards",
                "name": "Shared data standards",
                "capabilities": ["message formats"],
                "steward": steward,
                "users": inside_market[:20],
                "access_terms": "Open to all",
            },
        ],
        "governance": {
            "decision_making": "One member, one vote in the general assembly",
            "legal_form": "cooperative",
            "agreements": ["membership agreement", "data sharing agreement"],
            "decision_rights": [
                {
                    "id": "dr-fees",
                    "subject": "Fees",
                    "holders": [steward, *inside_market[:2]],
                    "over_transaction_rules": True,
                },
                {"id": "dr-roadmap", "subject": "Platform roadmap", "holders": [steward]},
            ],
        },
        "factors": {
            key: {"answer": f"Agreed {key} of the community", "maturity": 2} for key in _FACTORS
        },
        "developments": [
            {
                "id": "d-digital",
                "kind": "opportunity",
                "description": "Digital certificates",
                "affects_roles": ["supplier"],
                "source": "customs pilot",
            },
            {
                "id": "d-congestion",
                "kind": "problem",
                "description": "Gate congestion",
                "affects_roles": ["supplier", "demander"],
            },
        ],
        "resistances": [
            {
                "id": "r-data",
                "description": "Fear of sharing customer data",
                "holder": suppliers[0],
                "holder_role": "supplier",
                "reason": "Customers could be poached",
                "severity": "high",
                "mitigation": "Data rights in the membership agreement",
            },
        ],
        "principles": {key: {"status": "adequate"} for key in _PRINCIPLES},
        "waste": {
            "baseline": "One day per container lost to paperwork",
            "baseline_share": 12.5,
            "expected_saving": 30.0,
            "basis": "Pilot with three importers",
        },
        "sources": [{"id": "S1", "title": "Port community flow counts", "date": "2026"}],
        "notes": dict.fromkeys(_BLOCKS, _NOTE),
    }


def _value(value_id: str, name: str, kind: str, level: str | None) -> dict[str, Any]:
    value: dict[str, Any] = {"id": value_id, "name": name, "kind": kind}
    if level is not None:
        value["level"] = level
    return value


def to_json_bytes(document: dict[str, Any]) -> bytes:
    """The document as compact JSON bytes: the input every decoder under test reads."""
    return orjson.dumps(document)


def main(argv: list[str] | None = None) -> None:
    """Write a generated canvas to a JSON file; ``--check`` also loads it with cmc."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="load the file with cmc afterwards")
    args = parser.parse_args(argv)
    data = to_json_bytes(make_document(args.flows, args.seed))
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes")
    if args.check:
        from benchmarks.subjects import check_cmc_accepts

        check_cmc_accepts(data)
        print("cmc loads it and round-trips it unchanged")


if __name__ == "__main__":
    main()
