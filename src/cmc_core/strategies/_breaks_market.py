"""Mutations that break the market, commonality, process, flow and party rules (CMC001-CMC010,
CMC024, CMC026, CMC028 and CMC029).

Each takes a canvas made by ``valid_canvases`` and changes only what its rule looks at; see
:mod:`cmc_core.strategies._breaking` for the promise they keep.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from cmc_core.canvas import Canvas
from cmc_core.model import (
    DecisionRight,
    Party,
    ProcessArea,
    ValueFlow,
)
from cmc_core.strategies import _mutations as m
from cmc_core.strategies._draws import integer, pick, subset
from cmc_core.strategies._mutations import Mutation
from cmc_core.vocabulary import Mode, ProcessKind, Role

_PRIMARY = (ProcessKind.INFORMATION, ProcessKind.TRANSACTION)


# -- CMC001 - CMC005 -------------------------------------------------------------------------


def _one_supply_or_demand_organisation(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """Every party of one market side joins one new organisation (the other side keeps two)."""
    role = pick(draw, (Role.SUPPLIER, Role.DEMANDER))
    merged = m.fresh_id(canvas, "merged-org")
    return m.change_parties(
        canvas, (p for p in m.inside(canvas) if p.has_role(role)), organisation=merged
    )


def _two_organisations_in_all(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """Both sides spread over the same two organisations: two of each, but only two in all."""
    first, second = m.fresh_id(canvas, "org-a"), m.fresh_id(canvas, "org-b")
    changed: dict[str, Party] = {}
    for role, order in ((Role.SUPPLIER, (first, second)), (Role.DEMANDER, (second, first))):
        for position, party in enumerate(m.pure(canvas, role)):
            organisation = order[0] if position == 0 else order[1]
            changed[party.id] = attrs.evolve(party, organisation=organisation)
    for party in m.market(canvas):
        changed.setdefault(party.id, attrs.evolve(party, organisation=first))
    return m.replace_parties(canvas, changed.values())


def _privileged_market_party(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The primary commonality's terms favour a market party."""
    party = pick(draw, m.market(canvas))
    commonality = m.primary(canvas)
    return canvas.replace(attrs.evolve(commonality, favours=(*commonality.favours, party.id)))


def _commonality_exclusive_to_market_party(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A commonality is made exclusive to a market party."""
    commonality = pick(draw, canvas.commonalities)
    party = pick(draw, m.market(canvas))
    exclusive = (*commonality.exclusive_to, party.id)
    return canvas.replace(attrs.evolve(commonality, exclusive_to=exclusive))


def _unilateral_transaction_rules(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """One market party alone decides the transaction rules (not a hub, so CMC021 stays quiet)."""
    party = pick(draw, m.non_hubs(canvas))
    right = DecisionRight(
        m.fresh_id(canvas, "dr-alone"),
        "transaction rules",
        (party.id,),
        over_transaction_rules=True,
    )
    return m.add_right(canvas, right)


def _exit_ban(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A commonality bars a party that leaves from coming back for a while."""
    commonality = pick(draw, canvas.commonalities)
    return canvas.replace(attrs.evolve(commonality, exit_ban=True))


def _two_supplier_organisations(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The inside suppliers are made to belong to two organisations (a warning: a duopoly)."""
    suppliers = [p for p in m.inside(canvas) if p.has_role(Role.SUPPLIER)]
    names = (m.fresh_id(canvas, "org-supply-a"), m.fresh_id(canvas, "org-supply-b"))
    changed = [
        attrs.evolve(party, organisation=names[position % 2], represents=None)
        for position, party in enumerate(suppliers)
    ]
    return m.replace_parties(canvas, changed)


def _primary_without_access_terms(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The primary commonality's access terms are emptied (a warning)."""
    return canvas.replace(attrs.evolve(m.primary(canvas), access_terms=""))


def _market_party_leads(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A market party also takes a leader role (a warning: its side has other organisations)."""
    party = pick(draw, m.market(canvas))
    role = pick(draw, (Role.NETWORK_LEADER, Role.DOMAIN_LEADER))
    return canvas.replace(attrs.evolve(party, roles=(*party.roles, role)))


def _no_commonality(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """Every commonality is removed (and the focal party cleared: CMC017 needs a primary)."""
    meta = attrs.evolve(canvas.meta, focal_party=None)
    return canvas.evolve(commonalities=(), meta=meta)


def _second_primary(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A copy of the primary commonality, also marked primary, is added."""
    copy = attrs.evolve(m.primary(canvas), id=m.fresh_id(canvas, "c-copy"))
    position = integer(draw, 0, len(canvas.commonalities))
    commonalities = list(canvas.commonalities)
    commonalities.insert(position, copy)
    return canvas.evolve(commonalities=tuple(commonalities))


def _primary_unused_by_one_side(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """No supplier (or no demander) uses the primary commonality any more (the focal party is
    cleared when it loses its seat: that is CMC017's business)."""
    role = pick(draw, (Role.SUPPLIER, Role.DEMANDER))
    side = {p.id for p in m.inside(canvas) if p.has_role(role)}
    primary = m.primary(canvas)
    users = tuple(user for user in primary.users if user not in side)
    canvas = canvas.replace(attrs.evolve(primary, users=users))
    if canvas.meta.focal_party in side:
        canvas = canvas.evolve(meta=attrs.evolve(canvas.meta, focal_party=None))
    return canvas


# -- CMC006 - CMC010 -------------------------------------------------------------------------


def _primary_without_steward(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The primary commonality loses its steward."""
    return canvas.replace(attrs.evolve(m.primary(canvas), steward=None))


def _steward_not_network_leader(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The steward drops its network leader role."""
    steward = m.steward(canvas)
    roles = tuple(role for role in steward.roles if role is not Role.NETWORK_LEADER)
    return canvas.replace(attrs.evolve(steward, roles=roles))


def _information_and_transactions_competed(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """Every information and transaction area is competed instead of cooperated on."""
    areas = tuple(
        attrs.evolve(area, mode=Mode.COMPETE) if area.kind in _PRIMARY else area
        for area in canvas.process_areas
    )
    return canvas.evolve(process_areas=areas)


def _information_and_transactions_dropped(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """Every information and transaction area is removed."""
    areas = tuple(area for area in canvas.process_areas if area.kind not in _PRIMARY)
    return canvas.evolve(process_areas=areas)


def _new_area(
    draw: st.DrawFn, canvas: Canvas, name: str, kind: ProcessKind, mode: Mode | None
) -> Canvas:
    parties = subset(draw, m.market_ids(canvas), max_size=4) or m.market_ids(canvas)[:1]
    return canvas.add(ProcessArea(m.fresh_id(canvas, "pa-new"), name, kind, mode, tuple(parties)))


def _execution_cooperated(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """An execution area where the parties cooperate is added."""
    name = m.fresh_name(canvas, "Shared execution")
    return _new_area(draw, canvas, name, ProcessKind.EXECUTION, Mode.COOPERATE)


def _transactions_competed(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """An information or transaction area the parties compete in is added."""
    kind = pick(draw, _PRIMARY)
    return _new_area(draw, canvas, m.fresh_name(canvas, "Own channel"), kind, Mode.COMPETE)


def _same_area_both_modes(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """An area with the name of an existing one (up to case and spaces) and the other mode."""
    area = pick(draw, canvas.process_areas)
    name = f" {area.name} "
    if area.effective_mode is Mode.COOPERATE:
        return _new_area(draw, canvas, name, ProcessKind.EXECUTION, None)
    return _new_area(draw, canvas, name, ProcessKind.OTHER, Mode.COOPERATE)


def _end_customer_value_emptied(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The end customer or their value is emptied."""
    field = pick(draw, ("customer", "value"))
    changes: dict[str, str] = {field: ""}
    return canvas.evolve(end_customer=attrs.evolve(canvas.end_customer, **changes))


def _nothing_reaches_the_end_customer(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """No flow's receiver serves the end customer or is one."""
    receivers = {flow.to_party for flow in canvas.flows}
    parties = [p for p in canvas.parties if p.id in receivers]
    changed = (
        attrs.evolve(
            p,
            serves_end_customer=False,
            roles=tuple(role for role in p.roles if role is not Role.END_CUSTOMER),
        )
        for p in parties
    )
    return m.replace_parties(canvas, changed)


def _flow_against_the_market(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A primary flow from a demander to a supplier is added."""
    demander = pick(draw, m.pure(canvas, Role.DEMANDER))
    supplier = pick(draw, m.pure(canvas, Role.SUPPLIER))
    value = pick(draw, canvas.values).id
    return canvas.add(ValueFlow(m.fresh_id(canvas, "f-back"), value, demander.id, supplier.id))


def _counter_flow_not_reversed(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A counter-flow that runs the same way as its forward flow is added."""
    forward = pick(draw, [f for f in canvas.flows if f.counter_of is None])
    flow = attrs.evolve(forward, id=m.fresh_id(canvas, "f-counter"), counter_of=forward.id)
    return canvas.add(flow)


# -- CMC028 - CMC029 -------------------------------------------------------------------------


def _name_typed_twice(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A market party is named once more, in other case and punctuation, by a new party with
    no role (warnings only: a party with no role is counted by no other rule)."""
    party = pick(draw, m.market(canvas))
    named = m.change_parties(canvas, (party,), name="Harbour Trader")
    spelt = pick(draw, ("harbour-trader", "HARBOUR trader."))
    typed = Party(m.fresh_id(canvas, "p-typed"), name=spelt)
    return named.evolve(parties=(*named.parties, typed))


def _party_without_a_role(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A new party holds no role (a warning)."""
    return canvas.evolve(parties=(*canvas.parties, Party(m.fresh_id(canvas, "p-roleless"))))


MARKET_MUTATIONS: dict[str, tuple[Mutation, ...]] = {
    "CMC001": (_one_supply_or_demand_organisation,),
    "CMC002": (_two_organisations_in_all,),
    "CMC003": (
        _privileged_market_party,
        _commonality_exclusive_to_market_party,
        _exit_ban,
        _primary_without_access_terms,
    ),
    "CMC004": (_market_party_leads,),
    "CMC005": (_no_commonality, _second_primary, _primary_unused_by_one_side),
    "CMC006": (_primary_without_steward, _steward_not_network_leader),
    "CMC007": (_information_and_transactions_competed, _information_and_transactions_dropped),
    "CMC008": (_execution_cooperated, _transactions_competed, _same_area_both_modes),
    "CMC009": (_end_customer_value_emptied, _nothing_reaches_the_end_customer),
    "CMC010": (_flow_against_the_market, _counter_flow_not_reversed),
    "CMC024": (_unilateral_transaction_rules,),
    "CMC026": (_two_supplier_organisations,),
    "CMC028": (_name_typed_twice,),
    "CMC029": (_party_without_a_role,),
}
