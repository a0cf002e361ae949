"""How each of the eighteen blocks reads a canvas: one small function per block.

Each function takes a :class:`Reader` (a canvas read in one language, with parties and values
named rather than given by id) and returns the block's parts: its short summary for the
overview, its details for the zone slide (lines of text, or a two-column :class:`Table`), and
lines only the speaker notes hold. :data:`BUILDERS` maps every block of
:data:`cmc_core.blueprint.BLOCKS` to its function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
from cmc_core.blueprint import BlockKey
from cmc_core.canvas import Canvas
from cmc_core.model import Party
from cmc_core.vocabulary import FactorKey, Language, Role, label

from cmc_pptx.wording import word

__all__ = ["BUILDERS", "Parts", "Reader", "Table"]


@attrs.frozen
class Table:
    """Two columns of text with a header row."""

    header: tuple[str, str]
    rows: tuple[tuple[str, str], ...]


class Reader:
    """Reads a canvas in one language, naming parties and values instead of giving their ids."""

    def __init__(self, canvas: Canvas, language: Language) -> None:
        self.canvas = canvas
        self.language = language
        self._parties = {party.id: party.name or party.id for party in canvas.parties}
        self._values = {value.id: value.name or value.id for value in canvas.values}

    def word(self, key: str) -> str:
        """The deck's word ``key`` in the reader's language."""
        return word(key, self.language)

    def party(self, party_id: str | None) -> str:
        """The name of a party; its id when it has no name or is unknown, ``?`` when unset."""
        return "?" if party_id is None else self._parties.get(party_id, party_id)

    def value(self, value_id: str | None) -> str:
        """The name of a value; its id when it has no name or is unknown, ``?`` when unset."""
        return "?" if value_id is None else self._values.get(value_id, value_id)

    def labelled(self, key: str, text: str | None) -> list[str]:
        """``["Key: text"]``, or nothing when the text is blank."""
        return [f"{self.word(key)}: {text.strip()}"] if text and text.strip() else []

    def listed(self, key: str, items: Iterable[str]) -> list[str]:
        """``["Key: a; b; c"]`` of the non-blank items, or nothing."""
        return self.labelled(key, "; ".join(item for item in items if item.strip()))

    def factor(self, key: FactorKey) -> list[str]:
        """A connecting factor's answer and maturity (out of 3), each when given."""
        factor = self.canvas.factor(key)
        lines = [factor.answer.strip()] if factor.is_answered else []
        if factor.maturity is not None:
            lines.append(f"{self.word('maturity')}: {factor.maturity}/3")
        return lines

    def percent(self, value: float | None) -> str | None:
        """A percentage as the language writes it (``12,5 %`` in Dutch), or ``None``."""
        if value is None:
            return None
        text = f"{value:g}"
        return (text.replace(".", ",") if self.language is Language.NL else text) + " %"

    def parties_with(self, wanted: Callable[[Party], bool]) -> list[Party]:
        """The parties ``wanted`` accepts, in canvas order."""
        return [party for party in self.canvas.parties if wanted(party)]

    def party_profile(self, party: Party, roles: bool) -> str:
        """What the deck says of a party: its roles (if asked), specialisation, interest..."""
        parts = [", ".join(label(role, self.language) for role in party.roles)] if roles else []
        parts += [party.specialisation.strip()] if party.specialisation.strip() else []
        parts += [self.word("serves_end_customer")] if party.serves_end_customer else []
        parts += [self.word("external")] if party.external else []
        if party.interest.strip():
            parts.append(f"{self.word('interest')}: {party.interest.strip()}")
        return " · ".join(part for part in parts if part)


def _party_notes(parties: Iterable[Party]) -> list[str]:
    return [f"{p.name or p.id}: {p.notes.strip()}" for p in parties if p.notes.strip()]


#: A block's summary lines, detail lines, table (or ``None``) and notes-only lines.
Parts = tuple[list[str], list[str], Table | None, list[str]]


def _end_customer(read: Reader) -> Parts:
    value = read.canvas.end_customer
    summary = read.labelled("customer", value.customer) + read.labelled("value", value.value)
    details = [
        *summary,
        *read.labelled("problem", value.problem),
        *read.labelled("waste", value.waste),
        *read.labelled("measure", value.measure),
    ]
    return summary, details, None, []


def _developments(read: Reader) -> Parts:
    summary, details = [], []
    for item in read.canvas.developments:
        line = f"{label(item.kind, read.language)}: {item.description.strip()}"
        summary.append(line)
        if item.source.strip():
            line += f" ({read.word('source')}: {item.source.strip()})"
        details.append(line)
    return summary, details, None, []


def _factor_block(key: FactorKey) -> Callable[[Reader], Parts]:
    def build(read: Reader) -> Parts:
        lines = read.factor(key)
        return lines[:1], lines, None, []

    return build


def _perspective(read: Reader) -> Parts:
    summary, details, _, _ = _factor_block(FactorKey.PERSPECTIVE)(read)
    assessed = [
        f"{label(p.key, read.language)}: {label(p.status, read.language)}"
        + (f" ({p.notes.strip()})" if p.notes.strip() else "")
        for p in read.canvas.principles
    ]
    return summary, details + read.listed("principles", assessed), None, []


def _boundary(read: Reader) -> Parts:
    boundary = read.canvas.boundary
    summary = [
        *read.labelled("goal", boundary.goal),
        *read.labelled("target_group", boundary.target_group),
    ]
    details = [
        *summary,
        *read.listed("inside", boundary.inclusion_criteria),
        *read.listed("outside", boundary.exclusion_criteria),
        *read.labelled("parent_domain", boundary.parent_domain),
        *read.listed("instruments", (read.value(i) for i in boundary.instruments)),
    ]
    return summary, details, None, []


def _market_parties(role: Role) -> Callable[[Reader], Parts]:
    def build(read: Reader) -> Parts:
        parties = read.parties_with(lambda party: party.has_role(role))
        rows = tuple((p.name or p.id, read.party_profile(p, roles=False)) for p in parties)
        table = Table((read.word("party"), read.word("profile")), rows) if rows else None
        return [p.name or p.id for p in parties], [], table, _party_notes(parties)

    return build


def _stakeholders(read: Reader) -> Parts:
    parties = read.parties_with(lambda party: not party.is_market_party)
    rows = tuple((p.name or p.id, read.party_profile(p, roles=True)) for p in parties)
    table = Table((read.word("party"), read.word("profile")), rows) if rows else None
    summary = [
        f"{p.name or p.id} ({', '.join(label(r, read.language) for r in p.roles)})"
        if p.roles
        else p.name or p.id
        for p in parties
    ]
    return summary, [], table, _party_notes(parties)


def _values_exchanged(read: Reader) -> Parts:
    rows: list[tuple[str, str]] = []
    for flow in read.canvas.flows:
        route = f"{read.party(flow.from_party)} → {read.party(flow.to_party)}"
        if flow.counter_value:
            route += f" ({read.word('counter')} {read.value(flow.counter_value)})"
        if flow.via_commonality:
            route += f" · {read.word('via_commonality')}"
        rows.append((read.value(flow.value), route))
    flowing = {flow.value for flow in read.canvas.flows}
    rows += [
        (value.name or value.id, label(value.kind, read.language))
        for value in read.canvas.values
        if value.id not in flowing
    ]
    table = Table((read.word("value"), read.word("flow")), tuple(rows)) if rows else None
    more = [
        f"{value.name or value.id}: {value.description.strip()}"
        for value in read.canvas.values
        if value.description.strip()
    ]
    more += [
        f"{read.value(flow.value)}, {read.party(flow.from_party)} → {read.party(flow.to_party)}: "
        f"{flow.friction.strip()}"
        for flow in read.canvas.flows
        if flow.friction.strip()
    ]
    return [value.name or value.id for value in read.canvas.values], [], table, more


def _cooperation(read: Reader) -> Parts:
    rows = tuple(
        (
            area.name or area.id,
            f"{label(area.kind, read.language)} · {label(area.effective_mode, read.language)}",
        )
        for area in read.canvas.process_areas
    )
    table = Table((read.word("process_area"), read.word("mode")), rows) if rows else None
    summary = [f"{first}: {second}" for first, second in rows]
    more = [
        f"{area.name or area.id}: "
        + " · ".join(
            part
            for part in (area.description.strip(), ", ".join(read.party(p) for p in area.parties))
            if part
        )
        for area in read.canvas.process_areas
        if area.description.strip() or area.parties
    ]
    return summary, [], table, more


def _commonality(read: Reader) -> Parts:
    summary, details = [], []
    for item in read.canvas.commonalities:
        name = (item.name or item.id) + (f" ({read.word('primary')})" if item.primary else "")
        summary.append(name)
        details += [name, *([item.description.strip()] if item.description.strip() else [])]
        details += read.listed("capabilities", item.capabilities)
        details += read.labelled("steward", read.party(item.steward) if item.steward else None)
        details += read.listed("users", (read.party(user) for user in item.users))
        details += read.labelled("access", item.access_terms)
        details += read.listed("exclusive", (read.party(p) for p in item.exclusive_to))
        details += read.labelled("financing", item.financing)
    return summary, details, None, []


def _coordination(read: Reader) -> Parts:
    lines = read.factor(FactorKey.COORDINATION)
    steps = read.labelled("steps", " → ".join(read.canvas.process_steps))
    return lines[:1] + steps, lines + steps, None, []


def _governance(read: Reader) -> Parts:
    governance = read.canvas.governance
    legal_form = label(governance.legal_form, read.language) if governance.legal_form else None
    rights = [
        f"{right.subject or right.id}: {', '.join(read.party(h) for h in right.holders)}"
        for right in governance.decision_rights
    ]
    factor = read.factor(FactorKey.GOVERNANCE)
    details = [
        *factor,
        *read.labelled("decision_making", governance.decision_making),
        *read.labelled("legal_form", legal_form),
        *read.listed("agreements", governance.agreements),
        *read.listed("decision_rights", rights),
    ]
    return factor[:1] + read.labelled("legal_form", legal_form), details, None, []


def _resistances(read: Reader) -> Parts:
    rows: list[tuple[str, str]] = []
    for item in read.canvas.resistances:
        text = item.description.strip() or item.id
        for key, extra in (("reason", item.reason), ("mitigation", item.mitigation)):
            text += f" — {read.word(key)}: {extra.strip()}" if extra.strip() else ""
        holder = read.party(item.holder) if item.holder else None
        if holder is None and item.holder_role is not None:
            holder = label(item.holder_role, read.language)
        who = " · ".join(part for part in (holder, label(item.severity, read.language)) if part)
        rows.append((text, who))
    table = Table((read.word("resistance"), read.word("who")), tuple(rows)) if rows else None
    return [r.description.strip() or r.id for r in read.canvas.resistances], [], table, []


def _waste(read: Reader) -> Parts:
    waste = read.canvas.waste
    share = read.labelled("baseline_share", read.percent(waste.baseline_share))
    saving = read.labelled("expected_saving", read.percent(waste.expected_saving))
    details = [*read.labelled("baseline", waste.baseline), *share, *saving]
    return saving + share, details + read.labelled("basis", waste.basis), None, []


BUILDERS: dict[BlockKey, Callable[[Reader], Parts]] = {
    BlockKey.END_CUSTOMER_VALUE: _end_customer,
    BlockKey.DEVELOPMENTS: _developments,
    BlockKey.PERSPECTIVE: _perspective,
    BlockKey.VISION: _factor_block(FactorKey.VISION),
    BlockKey.AMBITION: _factor_block(FactorKey.AMBITION),
    BlockKey.BOUNDARY: _boundary,
    BlockKey.SUPPLIERS: _market_parties(Role.SUPPLIER),
    BlockKey.DEMANDERS: _market_parties(Role.DEMANDER),
    BlockKey.STAKEHOLDERS: _stakeholders,
    BlockKey.VALUES_EXCHANGED: _values_exchanged,
    BlockKey.COOPERATION_COMPETITION: _cooperation,
    BlockKey.COMMONALITY: _commonality,
    BlockKey.COORDINATION: _coordination,
    BlockKey.GOVERNANCE: _governance,
    BlockKey.STRUCTURE: _factor_block(FactorKey.STRUCTURE),
    BlockKey.CULTURE: _factor_block(FactorKey.CULTURE),
    BlockKey.RESISTANCES: _resistances,
    BlockKey.WASTE_REDUCTION: _waste,
}
