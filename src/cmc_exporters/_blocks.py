"""The eighteen blocks of a canvas as the report exporters show them: labelled lines of text.

:func:`read_zones` reads a canvas block by block, in blueprint order, into :class:`BlockView`
objects holding :class:`Item` lines (``Goal: ...``, a party with its profile, a value with its
kind). Parties and values are named rather than given by id. Each item also carries the logical
paths it shows (``parties[p-acme]``, ``boundary.goal``), in the form :mod:`cmc_core.diffing`
reports changes in, so that a comparison with an earlier version can mark what changed.

The text here is the canvas's raw text: each exporter escapes it for its format.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from operator import attrgetter

import attrs

from cmc_core.blueprint import BLOCKS, ZONES, Block, BlockKey, Zone
from cmc_core.canvas import Canvas
from cmc_core.diffing import id_segment
from cmc_core.model import Party
from cmc_core.vocabulary import FactorKey, Language, Role, label
from cmc_exporters._words import say

__all__ = ["BlockView", "Item", "ZoneView", "capitalised", "read_zones"]


def capitalised(text: str) -> str:
    """``text`` with its first letter in upper case (vocabulary labels are lower case)."""
    return text[:1].upper() + text[1:]


@attrs.frozen
class Item:
    """One line of a block.

    :param label: what the line is (``Goal``), or ``None`` for a plain line.
    :param text: the content.
    :param paths: the logical paths of what the line shows, for marking changes.
    :param state: ``added`` or ``changed`` when compared with an earlier version, ``removed``
        for a line that shows what is gone; ``None`` otherwise.
    """

    label: str | None
    text: str
    paths: tuple[str, ...] = ()
    state: str | None = None


@attrs.frozen
class BlockView:
    """One block: its code, label and lines; the guiding questions when it is empty."""

    block: Block
    label: str
    items: tuple[Item, ...]
    questions: tuple[str, ...]
    state: str | None = None

    @property
    def key(self) -> str:
        """The block's key (``end_customer_value``), safe for ids and class names."""
        return self.block.key.value

    @property
    def code(self) -> str:
        """The block's code (``A1``)."""
        return self.block.code

    @property
    def is_empty(self) -> bool:
        """Whether the block holds nothing yet."""
        return not self.items


@attrs.frozen
class ZoneView:
    """A zone of the canvas with its blocks."""

    zone: Zone
    label: str
    blocks: tuple[BlockView, ...]

    @property
    def key(self) -> str:
        """The zone's key (``direction``), safe for ids and class names."""
        return self.zone.key.value


class _Reader:
    """Reads a canvas in one language, naming parties and values instead of giving ids."""

    def __init__(self, canvas: Canvas, language: Language) -> None:
        self.canvas = canvas
        self._favoured = canvas.favoured_ids()
        self.language = language
        self.parties: dict[str, str] = {}
        for party in canvas.parties:
            self.parties.setdefault(party.id, party.name.strip() or party.id)
        self.values: dict[str, str] = {}
        for value in canvas.values:
            self.values.setdefault(value.id, value.name.strip() or value.id)

    def word(self, key: str) -> str:
        return say(key, self.language)

    def party(self, party_id: str | None) -> str:
        """A party's name; its id when it has no name or is unknown; ``?`` when unset."""
        return "?" if party_id is None else self.parties.get(party_id, party_id)

    def value(self, value_id: str | None) -> str:
        """A value's name; its id when it has no name or is unknown; ``?`` when unset."""
        return "?" if value_id is None else self.values.get(value_id, value_id)

    def field(self, key: str, text: str | None, path: str) -> list[Item]:
        """A labelled line, or nothing when the text is blank."""
        if text is None or not text.strip():
            return []
        return [Item(self.word(key), text.strip(), (path,))]

    def listed(self, key: str, items: Iterable[str], path: str) -> list[Item]:
        """A labelled line of the non-blank items joined by semicolons, or nothing."""
        return self.field(key, "; ".join(item.strip() for item in items if item.strip()), path)

    def factor(self, key: FactorKey) -> list[Item]:
        """A connecting factor's answer and maturity (out of 3), each when given."""
        factor = self.canvas.factor(key)
        path = f"factors.{key.value}"
        items = [Item(None, factor.answer.strip(), (path,))] if factor.is_answered else []
        if factor.maturity is not None:
            items.append(Item(self.word("maturity"), f"{factor.maturity}/3", (path,)))
        return items

    def percent(self, value: float | None) -> str | None:
        """A percentage as the language writes it (``12,5 %`` in Dutch), or ``None``."""
        if value is None:
            return None
        text = f"{value:g}"
        return (text.replace(".", ",") if self.language is Language.NL else text) + " %"

    def profile(self, party: Party, with_roles: bool) -> str:
        """What a block says of a party: roles (if asked), specialisation and flags."""
        parts = (
            [", ".join(label(role, self.language) for role in party.roles)] if with_roles else []
        )
        parts.append(party.specialisation.strip())
        for flag, key in (
            (party.serves_end_customer, "serves_end_customer"),
            (party.external, "external"),
            (party.id in self._favoured, "privileged"),
        ):
            if flag:
                parts.append(self.word(key))
        return " · ".join(part for part in parts if part)

    def party_items(self, wanted: Callable[[Party], bool], with_roles: bool) -> list[Item]:
        return [
            Item(self.party(p.id), self.profile(p, with_roles), (f"parties{id_segment(p.id)}",))
            for p in self.canvas.parties
            if wanted(p)
        ]


def _end_customer(read: _Reader) -> list[Item]:
    value = read.canvas.end_customer
    return [
        item
        for key in ("customer", "value", "problem", "waste", "measure")
        for item in read.field(key, getattr(value, key), f"end_customer.{key}")
    ]


def _developments(read: _Reader) -> list[Item]:
    items = []
    for development in read.canvas.developments:
        text = development.description.strip()
        extras = []
        if development.affects_roles:
            roles = ", ".join(label(role, read.language) for role in development.affects_roles)
            extras.append(f"{read.word('affects')}: {roles}")
        if development.source.strip():
            extras.append(f"{read.word('source')}: {development.source.strip()}")
        if extras:
            text = f"{text} ({'; '.join(extras)})" if text else "; ".join(extras)
        path = f"developments{id_segment(development.id)}"
        items.append(Item(capitalised(label(development.kind, read.language)), text, (path,)))
    return items


def _factor_block(key: FactorKey) -> Callable[[_Reader], list[Item]]:
    def build(read: _Reader) -> list[Item]:
        return read.factor(key)

    return build


def _perspective(read: _Reader) -> list[Item]:
    items = read.factor(FactorKey.PERSPECTIVE)
    for principle in read.canvas.principles:
        text = label(principle.status, read.language)
        if principle.notes.strip():
            text += f" ({principle.notes.strip()})"
        path = f"principles.{principle.key.value}"
        items.append(Item(capitalised(label(principle.key, read.language)), text, (path,)))
    return items


def _boundary(read: _Reader) -> list[Item]:
    boundary = read.canvas.boundary
    return [
        *read.field("goal", boundary.goal, "boundary.goal"),
        *read.field("target_group", boundary.target_group, "boundary.target_group"),
        *read.listed("inside", boundary.inclusion_criteria, "boundary.inclusion_criteria"),
        *read.listed("outside", boundary.exclusion_criteria, "boundary.exclusion_criteria"),
        *read.field("parent_domain", boundary.parent_domain, "boundary.parent_domain"),
        *read.listed(
            "instruments", (read.value(i) for i in boundary.instruments), "boundary.instruments"
        ),
    ]


def _market(role: Role) -> Callable[[_Reader], list[Item]]:
    def build(read: _Reader) -> list[Item]:
        return read.party_items(lambda party: party.has_role(role), with_roles=False)

    return build


def _stakeholders(read: _Reader) -> list[Item]:
    return read.party_items(lambda party: not party.is_market_party, with_roles=True)


def _values_exchanged(read: _Reader) -> list[Item]:
    counts = Counter(map(attrgetter("value"), read.canvas.flows))  # in C: a canvas may be large
    items = []
    for value in read.canvas.values:
        kind = label(value.kind, read.language)
        if value.level is not None:
            kind += f", {label(value.level, read.language)}"
        text = f"({kind})"
        if counts.get(value.id):
            text += f" · {counts[value.id]} {read.word('flow_count')}"
        if value.description.strip():
            text += f" · {value.description.strip()}"
        path = f"values{id_segment(value.id)}"
        items.append(Item(value.name.strip() or value.id, text, (path,)))
    return items


def _cooperation(read: _Reader) -> list[Item]:
    items = []
    for area in read.canvas.process_areas:
        parts = [f"{label(area.kind, read.language)} · {label(area.effective_mode, read.language)}"]
        if area.parties:
            parts.append(", ".join(read.party(p) for p in area.parties))
        if area.description.strip():
            parts.append(area.description.strip())
        path = f"process_areas{id_segment(area.id)}"
        items.append(Item(area.name.strip() or area.id, " · ".join(parts), (path,)))
    return items


def _commonality(read: _Reader) -> list[Item]:
    items = []
    for item in read.canvas.commonalities:
        path = f"commonalities{id_segment(item.id)}"
        name = item.name.strip() or item.id
        head = f"({read.word('primary')})" if item.primary else ""
        parts = [head, item.description.strip()]
        items.append(Item(name, " ".join(part for part in parts if part), (path,)))
        details = [
            ("capabilities", "; ".join(c.strip() for c in item.capabilities if c.strip())),
            ("steward", read.party(item.steward) if item.steward else ""),
            ("users", ", ".join(read.party(user) for user in item.users)),
            ("access", item.access_terms.strip()),
            ("exclusive", ", ".join(read.party(p) for p in item.exclusive_to)),
            ("financing", item.financing.strip()),
        ]
        items += [Item(read.word(key), text, (path,)) for key, text in details if text]
    return items


def _coordination(read: _Reader) -> list[Item]:
    steps = " → ".join(step.strip() for step in read.canvas.process_steps if step.strip())
    return [*read.factor(FactorKey.COORDINATION), *read.field("steps", steps, "process_steps")]


def _governance(read: _Reader) -> list[Item]:
    governance = read.canvas.governance
    legal_form = label(governance.legal_form, read.language) if governance.legal_form else None
    items = [
        *read.factor(FactorKey.GOVERNANCE),
        *read.field("decision_making", governance.decision_making, "governance.decision_making"),
        *read.field("legal_form", legal_form, "governance.legal_form"),
        *read.listed("agreements", governance.agreements, "governance.agreements"),
    ]
    for right in governance.decision_rights:
        holders = ", ".join(read.party(holder) for holder in right.holders)
        text = f"{right.subject.strip() or right.id}: {holders}" if holders else right.subject
        if right.over_transaction_rules:
            text += f" ({read.word('transaction_rules')})"
        path = f"governance.decision_rights{id_segment(right.id)}"
        items.append(Item(read.word("decision_rights"), text.strip() or right.id, (path,)))
    return items


def _resistances(read: _Reader) -> list[Item]:
    items = []
    for item in read.canvas.resistances:
        holder = read.party(item.holder) if item.holder else None
        if holder is None and item.holder_role is not None:
            holder = label(item.holder_role, read.language)
        who = " · ".join(part for part in (holder, label(item.severity, read.language)) if part)
        text = item.description.strip() or item.id
        for key, extra in (("reason", item.reason), ("mitigation", item.mitigation)):
            if extra.strip():
                text += f"; {read.word(key)}: {extra.strip()}"
        items.append(Item(who, text, (f"resistances{id_segment(item.id)}",)))
    return items


def _waste(read: _Reader) -> list[Item]:
    waste = read.canvas.waste
    return [
        *read.field("baseline", waste.baseline, "waste.baseline"),
        *read.field("baseline_share", read.percent(waste.baseline_share), "waste.baseline_share"),
        *read.field(
            "expected_saving", read.percent(waste.expected_saving), "waste.expected_saving"
        ),
        *read.field("basis", waste.basis, "waste.basis"),
    ]


_BUILDERS: dict[BlockKey, Callable[[_Reader], list[Item]]] = {
    BlockKey.END_CUSTOMER_VALUE: _end_customer,
    BlockKey.DEVELOPMENTS: _developments,
    BlockKey.PERSPECTIVE: _perspective,
    BlockKey.VISION: _factor_block(FactorKey.VISION),
    BlockKey.AMBITION: _factor_block(FactorKey.AMBITION),
    BlockKey.BOUNDARY: _boundary,
    BlockKey.SUPPLIERS: _market(Role.SUPPLIER),
    BlockKey.DEMANDERS: _market(Role.DEMANDER),
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

#: Marks the lines of a block against an earlier version: (block, items) -> (state, items).
Marker = Callable[[Block, list[Item]], tuple[str | None, list[Item]]]


def read_zones(
    canvas: Canvas, language: Language, mark: Marker | None = None
) -> tuple[ZoneView, ...]:
    """Every zone with its blocks, in blueprint order, read in ``language``.

    :param mark: marks changed lines and adds removed ones (see :mod:`cmc_exporters._changes`).
    """
    read = _Reader(canvas, language)
    views: dict[str, list[BlockView]] = {zone.key.value: [] for zone in ZONES}
    for block in BLOCKS:
        items = _BUILDERS[block.key](read)
        note = canvas.note(block.key).strip()
        if note:
            items.append(Item(read.word("note"), note, (f"notes.{block.key.value}",)))
        state = None
        if mark is not None:
            state, items = mark(block, items)
        view = BlockView(
            block=block,
            label=block.label(language),
            items=tuple(items),
            questions=block.guiding_questions(language),
            state=state,
        )
        views[block.zone.value].append(view)
    return tuple(
        ZoneView(
            zone,
            zone.label_nl if language is Language.NL else zone.label_en,
            tuple(views[zone.key.value]),
        )
        for zone in ZONES
    )
