"""What each of the eighteen blocks holds, for :mod:`cmc_exporters.blocks`: a function a block.

Each function takes a :class:`~cmc_exporters._reader.Reader` (a canvas read in one language,
parties and values named rather than given by id) and returns the block's lines in canvas
order; :data:`BUILDERS` maps every block of :data:`cmc_core.blueprint.BLOCKS` to its function.
This is the one place that says which entities and fields belong in which block.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from operator import attrgetter

from cmc_core.blueprint import BlockKey
from cmc_core.diffing import id_segment
from cmc_core.model import Commonality
from cmc_core.vocabulary import FactorKey, Provenance, Role, SavingStatus, label
from cmc_exporters._facts import amount, provenance_marker
from cmc_exporters._reader import Item, Reader, capitalised
from cmc_exporters._words import flow_count, step_label

__all__ = ["BUILDERS"]


def _end_customer(read: Reader) -> list[Item]:
    value = read.canvas.end_customer
    return [
        item
        for key in ("customer", "value", "problem", "waste", "measure")
        for item in read.field(key, getattr(value, key), f"end_customer.{key}")
    ]


def _developments(read: Reader) -> list[Item]:
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


def _factor_block(key: FactorKey) -> Callable[[Reader], list[Item]]:
    def build(read: Reader) -> list[Item]:
        return read.factor(key)

    return build


def _perspective(read: Reader) -> list[Item]:
    items = read.factor(FactorKey.PERSPECTIVE)
    for principle in read.canvas.principles:
        text = label(principle.status, read.language)
        if principle.notes.strip():
            text += f" ({principle.notes.strip()})"
        path = f"principles.{principle.key.value}"
        items.append(Item(capitalised(label(principle.key, read.language)), text, (path,)))
    return items


def _boundary(read: Reader) -> list[Item]:
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


def _market(role: Role) -> Callable[[Reader], list[Item]]:
    def build(read: Reader) -> list[Item]:
        return read.party_items(lambda party: party.has_role(role), with_roles=False)

    return build


def _stakeholders(read: Reader) -> list[Item]:
    return read.party_items(lambda party: not party.is_market_party, with_roles=True)


def _values_exchanged(read: Reader) -> list[Item]:
    counts = Counter(map(attrgetter("value"), read.canvas.flows))  # in C: a canvas may be large
    items = []
    for value in read.canvas.values:
        kind = label(value.kind, read.language)
        if value.level is not None:
            kind += f", {label(value.level, read.language)}"
        text = f"({kind})"
        if counts.get(value.id):
            text += f" · {flow_count(counts[value.id], read.language)}"
        if value.description.strip():
            text += f" · {value.description.strip()}"
        path = f"values{id_segment(value.id)}"
        items.append(Item(value.name.strip() or value.id, text, (path,)))
    return items


def _cooperation(read: Reader) -> list[Item]:
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


def _commonality(read: Reader) -> list[Item]:
    items = []
    for item in read.canvas.commonalities:
        path = f"commonalities{id_segment(item.id)}"
        name = item.name.strip() or item.id
        head = f"({read.word('primary')})" if item.primary else ""
        parts = [head, provenance_marker(item.provenance, read.language), item.description.strip()]
        items.append(Item(name, " ".join(part for part in parts if part), (path,)))
        details = [
            ("capabilities", "; ".join(c.strip() for c in item.capabilities if c.strip())),
            ("steward", read.party(item.steward) if item.steward else ""),
            ("co_stewards", read.party_list(item.co_stewards)),
            ("owners", read.owners(item.owners)),
            ("users", read.party_list(item.users)),
            ("access", _access(read, item)),
            ("favours", read.party_list(item.favours)),
            ("exclusive", read.party_list(item.exclusive_to)),
            ("financing", item.financing.strip()),
        ]
        items += [Item(read.word(key), text, (path,)) for key, text in details if text]
    return items


#: The yes-or-no access terms of a commonality: each field's name is the key of its word.
_ACCESS_FLAGS = ("member_tariffs", "exit_ban")


def _access(read: Reader, item: Commonality) -> str:
    """The access terms on one line: ``membership (set by: Acme) · member tariffs · exit ban ·
    what the terms say in words``."""
    parts = []
    if item.access is not None:
        parts.append(label(item.access, read.language))
    if item.access_set_by:
        set_by = f"{read.word('access_set_by')}: {read.party_list(item.access_set_by)}"
        parts.append(f"({set_by})" if parts else set_by)
    terms = [" ".join(parts)] if parts else []
    terms += [read.word(flag) for flag in _ACCESS_FLAGS if getattr(item, flag)]
    terms.append(item.access_terms.strip())
    return " · ".join(term for term in terms if term)


def _coordination(read: Reader) -> list[Item]:
    steps = " → ".join(
        step_label(step, read.language) for step in read.canvas.process_steps if step.strip()
    )
    return [*read.factor(FactorKey.COORDINATION), *read.field("steps", steps, "process_steps")]


def _governance(read: Reader) -> list[Item]:
    governance = read.canvas.governance
    legal_form = label(governance.legal_form, read.language) if governance.legal_form else None
    items = [
        *read.factor(FactorKey.GOVERNANCE),
        *read.field("decision_making", governance.decision_making, "governance.decision_making"),
        *read.field("legal_form", legal_form, "governance.legal_form"),
        *read.listed("agreements", governance.agreements, "governance.agreements"),
    ]
    for right in governance.decision_rights:
        holders = read.party_list(right.holders)
        text = f"{right.subject.strip() or right.id}: {holders}" if holders else right.subject
        details = []
        if right.weight is not None:
            details.append(read.word("vote_weight", share=read.percent(right.weight)))
        if right.over_transaction_rules:
            details.append(read.word("transaction_rules"))
        if details:
            text += f" ({'; '.join(details)})"
        text = read.marked(text.strip() or right.id, right.provenance)
        path = f"governance.decision_rights{id_segment(right.id)}"
        items.append(Item(read.word("decision_rights"), text, (path,)))
    return items


def _resistances(read: Reader) -> list[Item]:
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
        path = f"resistances{id_segment(item.id)}"
        items.append(Item(who, read.marked(text, item.provenance), (path,)))
    return items


def _waste(read: Reader) -> list[Item]:
    waste = read.canvas.waste

    def measured(value: float | None) -> str | None:
        return None if value is None else amount(value, waste.unit, waste.period, read.language)

    # The saving, as a percentage and as an amount, on one line labelled by its status: a
    # realised saving is no longer expected ("Realised saving: 25 % · 4,500 delivery notes per
    # year"); a promised one is ("Expected saving: 20 % (promised)").
    saving = " · ".join(
        text
        for text in (read.percent(waste.expected_saving), measured(waste.saving_amount))
        if text
    )
    if waste.status is SavingStatus.REALISED:
        saving_key = "realised_saving"
    else:
        saving_key = "expected_saving"
        saving = saving and f"{saving} ({label(waste.status, read.language)})"
    saving_paths = (
        *(
            f"waste.{name}"
            for name in ("expected_saving", "saving_amount")
            if getattr(waste, name) is not None
        ),
        "waste.status",  # in the label or the marker: a new status changes the line
    )
    known = waste.provenance
    provenance = None if known in (None, Provenance.SOURCED) else label(known, read.language)
    return [
        *read.field("baseline", waste.baseline, "waste.baseline"),
        *read.field("baseline_amount", measured(waste.baseline_amount), "waste.baseline_amount"),
        *read.field("baseline_share", read.percent(waste.baseline_share), "waste.baseline_share"),
        *([Item(read.word(saving_key), saving, saving_paths)] if saving else []),
        *read.field("basis", waste.basis, "waste.basis"),
        *read.field("provenance", provenance, "waste.provenance"),
    ]


BUILDERS: dict[BlockKey, Callable[[Reader], list[Item]]] = {
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
