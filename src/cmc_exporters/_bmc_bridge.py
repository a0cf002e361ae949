"""The CMC -> BMC bridge: the nine blocks of one market party's Business Model Canvas.

The mapping is domain.md section 5.4. A BMC comes *after* the CMC: it shows how one existing
organisation connects to the network the CMC designed, so every block is read from the
community canvas, from the focal party's point of view:

============================  ==================================================================
BMC block                     read from the CMC
============================  ==================================================================
Customer segments             the demanders the party's flows go to; the end customer (A1, B3)
Value propositions            the values of the party's own flows (B5, party = from)
Channels                      the commonalities it uses; the coordination steps (B7, B8)
Customer relationships        the process steps of its flows; the culture (B8, C3)
Revenue streams               counter-values of its flows; counter-flows it receives (B5)
Key resources                 capabilities of the commonalities it uses; its specialisation (B7)
Key activities                its competed execution areas (B6)
Key partners                  parties it cooperates with, its suppliers, the network leader
                              (B2, B4, B6)
Cost structure                the financing of the commonalities it uses; its own execution;
                              the expected saving (B7, B6, D2)
============================  ==================================================================

A counter-flow (``counter_of``) pays for a flow; it is revenue for whoever receives it, not a
value proposition of whoever sends it. The text is the canvas's raw text: the exporter escapes.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from cmc_core.canvas import Canvas
from cmc_core.model import Party, ProcessArea
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import FactorKey, Language, Mode, ProcessKind, Role, SavingStatus, label
from cmc_exporters._facts import percent

__all__ = ["BMC_BLOCKS", "BmcBlock", "bmc_blocks"]

_ = Messages("cmc_exporters", "exporters")

#: The nine blocks in the usual reading order: key, label, the CMC blocks it is read from, and
#: Osterwalder's guiding question. Label and question are English source texts of the
#: ``exporters`` catalog: :func:`bmc_blocks` gives them in the language asked for (or
#: ``_.translate(label, language)`` with ``_ = Messages("cmc_exporters", "exporters")``).
BMC_BLOCKS: tuple[tuple[str, str, str, str], ...] = (
    ("customer_segments", N_("Customer segments"), "A1, B3", N_("For whom do we create value?")),
    ("value_propositions", N_("Value propositions"), "B5", N_("What value do we deliver?")),
    (
        "channels",
        N_("Channels"),
        "B7, B8",
        N_("Through which channels do we reach our customers?"),
    ),
    (
        "customer_relationships",
        N_("Customer relationships"),
        "B8, C3",
        N_("Which relationship does each segment expect?"),
    ),
    ("revenue_streams", N_("Revenue streams"), "B5", N_("What do customers pay for?")),
    (
        "key_resources",
        N_("Key resources"),
        "B7",
        N_("Which resources do our value propositions require?"),
    ),
    (
        "key_activities",
        N_("Key activities"),
        "B6",
        N_("Which activities do our value propositions require?"),
    ),
    (
        "key_partners",
        N_("Key partners"),
        "B2, B4, B6",
        N_("Who are our key partners and key suppliers?"),
    ),
    (
        "cost_structure",
        N_("Cost structure"),
        "B7, B6, D2",
        N_("What are the most important costs?"),
    ),
)

_WORDS: dict[str, str] = {
    "end_customer": N_("End customer of the community"),
    "served_directly": N_("served by this party"),
    "to": N_("to"),
    "from": N_("from"),
    "via": N_("via"),
    "flows_via": N_("{count} of {total} flows over the commonality"),
    "steps": N_("Coordination steps"),
    "coordination": N_("Coordination"),
    "culture": N_("Culture"),
    "own": N_("Own specialisation"),
    "cooperate": N_("Cooperating on"),
    "all_parties": N_("all parties"),
    "supplies_us": N_("Suppliers of this party"),
    "network_leader": N_("Network leader"),
    "steward": N_("Steward of"),
    "financing": N_("Financing of"),
    "own_execution": N_("Own execution"),
    "saving": N_("Expected saving on communication and control"),
    "realised_saving": N_("Realised saving on communication and control"),
}


def _say(key: str, language: Language, **values: object) -> str:
    return _.translate(_WORDS[key], language, **values)


@attrs.frozen
class BmcBlock:
    """One block of the BMC: its key, label, the CMC blocks it comes from, its guiding
    question and the lines read from the CMC (empty when the CMC says nothing yet)."""

    key: str
    label: str
    sources: str
    question: str
    lines: tuple[str, ...]


def _unique(items: Iterable[str]) -> list[str]:
    return [item for item in dict.fromkeys(item.strip() for item in items) if item]


def _takes_part(area: ProcessArea, party: Party) -> bool:
    return not area.parties or party.id in area.parties


class _Bridge:
    """The canvas seen from the focal party."""

    def __init__(self, canvas: Canvas, party: Party, language: Language) -> None:
        self.canvas, self.party, self.language = canvas, party, language
        self.names = {p.id: p.name.strip() or p.id for p in reversed(canvas.parties)}
        self.values = {v.id: v.name.strip() or v.id for v in reversed(canvas.values)}
        self.roles = {p.id: p.roles for p in reversed(canvas.parties)}
        self.out = [f for f in canvas.flows if f.from_party == party.id and f.counter_of is None]
        own_ids = {f.id for f in self.out}
        self.paid = [f for f in canvas.flows if f.to_party == party.id and f.counter_of in own_ids]
        self.incoming = [f for f in canvas.flows if f.to_party == party.id and f.counter_of is None]
        self.used = [c for c in canvas.commonalities if party.id in c.users]

    def say(self, key: str, **values: object) -> str:
        return _say(key, self.language, **values)

    def name(self, party_id: str | None) -> str:
        return "?" if party_id is None else self.names.get(party_id, party_id)

    def value(self, value_id: str | None) -> str:
        return "?" if value_id is None else self.values.get(value_id, value_id)

    def factor(self, key: FactorKey, heading: str) -> list[str]:
        answer = self.canvas.factor(key).answer.strip()
        return [f"{self.say(heading)}: {answer}"] if answer else []

    def customer_segments(self) -> list[str]:
        demanders = [
            f.to_party for f in self.out if Role.DEMANDER in self.roles.get(f.to_party or "", ())
        ]
        lines = _unique(self.name(p) for p in demanders)
        customer = self.canvas.end_customer.customer.strip()
        if customer:
            served = f" ({self.say('served_directly')})" if self.party.serves_end_customer else ""
            lines.append(f"{self.say('end_customer')}{served}: {customer}")
        return lines

    def value_propositions(self) -> list[str]:
        receivers: dict[str, list[str]] = {}
        for flow in self.out:
            receivers.setdefault(self.value(flow.value), []).append(self.name(flow.to_party))
        return [
            f"{value} ({self.say('to')} {', '.join(_unique(names))})"
            for value, names in receivers.items()
        ]

    def channels(self) -> list[str]:
        lines = [c.name.strip() or c.id for c in self.used]
        if self.out:
            via = sum(1 for flow in self.out if flow.via_commonality)
            lines.append(self.say("flows_via", count=via, total=len(self.out)))
        steps = " → ".join(s.strip() for s in self.canvas.process_steps if s.strip())
        if steps:
            lines.append(f"{self.say('steps')}: {steps}")
        return lines + self.factor(FactorKey.COORDINATION, "coordination")

    def customer_relationships(self) -> list[str]:
        order = {step: index for index, step in enumerate(self.canvas.process_steps)}
        steps = sorted(
            {f.step for f in self.out if f.step},
            key=lambda step: (order.get(step, len(order)), step),
        )
        lines = [f"{self.say('steps')}: {', '.join(steps)}"] if steps else []
        return lines + self.factor(FactorKey.CULTURE, "culture")

    def revenue_streams(self) -> list[str]:
        sources: dict[str, list[str]] = {}
        for flow in self.out:
            if flow.counter_value is not None:
                sources.setdefault(self.value(flow.counter_value), []).append(
                    self.name(flow.to_party)
                )
        for flow in self.paid:
            sources.setdefault(self.value(flow.value), []).append(self.name(flow.from_party))
        return [
            f"{value} ({self.say('from')} {', '.join(_unique(names))})"
            for value, names in sources.items()
        ]

    def key_resources(self) -> list[str]:
        lines = []
        for commonality in self.used:
            capabilities = "; ".join(c.strip() for c in commonality.capabilities if c.strip())
            name = commonality.name.strip() or commonality.id
            lines.append(f"{name}: {capabilities}" if capabilities else name)
        if self.party.specialisation.strip():
            lines.append(f"{self.say('own')}: {self.party.specialisation.strip()}")
        return lines

    def execution_areas(self) -> list[ProcessArea]:
        return [
            area
            for area in self.canvas.process_areas
            if area.kind is ProcessKind.EXECUTION
            and area.effective_mode is Mode.COMPETE
            and _takes_part(area, self.party)
        ]

    def key_activities(self) -> list[str]:
        return [
            f"{area.name.strip() or area.id}: {area.description.strip()}"
            if area.description.strip()
            else area.name.strip() or area.id
            for area in self.execution_areas()
        ]

    def key_partners(self) -> list[str]:
        lines = []
        for area in self.canvas.process_areas:
            if area.effective_mode is not Mode.COOPERATE or not _takes_part(area, self.party):
                continue
            others = [self.name(p) for p in area.parties if p != self.party.id]
            who = ", ".join(_unique(others)) if area.parties else self.say("all_parties")
            kind = label(area.kind, self.language)
            lines.append(f"{self.say('cooperate')} {area.name.strip() or area.id} ({kind}): {who}")
        suppliers = _unique(
            self.name(f.from_party) for f in self.incoming if f.from_party != self.party.id
        )
        if suppliers:
            lines.append(f"{self.say('supplies_us')}: {', '.join(suppliers)}")
        leaders = _unique(
            self.name(p.id) for p in self.canvas.parties if Role.NETWORK_LEADER in p.roles
        )
        lines += [f"{self.say('network_leader')}: {leader}" for leader in leaders]
        for commonality in self.used:
            if commonality.steward and self.name(commonality.steward) not in leaders:
                name = commonality.name.strip() or commonality.id
                lines.append(f"{self.say('steward')} {name}: {self.name(commonality.steward)}")
        return lines

    def cost_structure(self) -> list[str]:
        lines = [
            f"{self.say('financing')} {c.name.strip() or c.id}: {c.financing.strip()}"
            for c in self.used
            if c.financing.strip()
        ]
        areas = [area.name.strip() or area.id for area in self.execution_areas()]
        if areas:
            lines.append(f"{self.say('own_execution')}: {', '.join(areas)}")
        waste = self.canvas.waste
        if waste.expected_saving is not None:
            key = "realised_saving" if waste.status is SavingStatus.REALISED else "saving"
            lines.append(f"{self.say(key)}: {percent(waste.expected_saving, self.language)}")
        return lines


def bmc_blocks(canvas: Canvas, party: Party, language: Language) -> tuple[BmcBlock, ...]:
    """The nine blocks of ``party``'s Business Model Canvas, read from ``canvas``."""
    bridge = _Bridge(canvas, party, language)
    blocks = []
    for key, block_label, sources, question in BMC_BLOCKS:
        lines = getattr(bridge, key)()
        blocks.append(
            BmcBlock(
                key=key,
                label=_.translate(block_label, language),
                sources=sources,
                question=_.translate(question, language),
                lines=tuple(" ".join(line.split()) for line in lines),
            )
        )
    return tuple(blocks)
