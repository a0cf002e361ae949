"""Mutations that break the integrity, direction, change and figure rules (CMC011-CMC027).

Each takes a canvas made by ``valid_canvases`` and changes only what its rule looks at; see
:mod:`cmc_core.strategies._breaking` for the promise they keep.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from cmc_core.canvas import Canvas
from cmc_core.model import (
    DecisionRight,
    Development,
    Party,
    Resistance,
    Waste,
)
from cmc_core.strategies import _mutations as m
from cmc_core.strategies._draws import flag, maybe, pick
from cmc_core.strategies._mutations import Mutation
from cmc_core.vocabulary import Role, Status

# -- CMC011 - CMC016 -------------------------------------------------------------------------


def _broken_flow(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A flow without a value, without an end, to itself, or naming an unknown party or value."""
    flow = m.new_forward_flow(draw, canvas, "f-broken")
    ghost = m.fresh_id(canvas, "ghost")
    breakages: tuple[dict[str, Any], ...] = (
        {"value": None},
        {"value": ghost},
        {"from_party": None},
        {"to_party": None},
        {"from_party": ghost},
        {"to_party": ghost},
        {"to_party": flow.from_party},
    )
    breakage = pick(draw, breakages)
    return canvas.add(attrs.evolve(flow, **breakage))


def _boundary_emptied(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The boundary's goal, target group, or both are emptied."""
    fields = pick(draw, (("goal",), ("target_group",), ("goal", "target_group")))
    changes: dict[str, Any] = dict.fromkeys(fields, "")
    return canvas.evolve(boundary=attrs.evolve(canvas.boundary, **changes))


def _resistance_without_reason(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A resistance without a reason is added, or an existing one loses its reason."""
    if len(canvas.resistances) > 0 and flag(draw):
        resistance = pick(draw, canvas.resistances)
        return canvas.replace(attrs.evolve(resistance, reason=""))
    holder = maybe(draw, [p.id for p in canvas.parties])
    return canvas.add(Resistance(m.fresh_id(canvas, "r-new"), "Change fatigue", holder))


def _factor_unanswered(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A connecting factor's answer is removed."""
    factor = pick(draw, canvas.factors) if canvas.factors else None
    return canvas.evolve(factors=[f for f in canvas.factors if f != factor])


def _canvas_owned(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A party is named the canvas's owner."""
    owner = pick(draw, canvas.parties)
    return canvas.evolve(meta=attrs.evolve(canvas.meta, owner=owner.id))


# -- CMC017 - CMC023 -------------------------------------------------------------------------


def _focal_party_outside_the_market(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The focal party is a known party that is no market party (the steward, a stakeholder)."""
    party = pick(draw, [p for p in canvas.parties if not p.is_market_party])
    return canvas.evolve(meta=attrs.evolve(canvas.meta, focal_party=party.id))


def _focal_party_off_the_commonality(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The focal party is a market party that stops using the primary commonality."""
    party = pick(draw, m.market(canvas))
    primary = m.primary(canvas)
    users = tuple(user for user in primary.users if user != party.id)
    canvas = canvas.replace(attrs.evolve(primary, users=users))
    return canvas.evolve(meta=attrs.evolve(canvas.meta, focal_party=party.id))


def _no_waste_baseline(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The waste block is emptied."""
    return canvas.evolve(waste=Waste())


def _dangling_supplier(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A supplier that uses the commonality but has no flow and no process area is added."""
    party = Party(m.fresh_id(canvas, "p-idle"), "Idle supplier", (Role.SUPPLIER,))
    primary = m.primary(canvas)
    canvas = canvas.replace(attrs.evolve(primary, users=(*primary.users, party.id)))
    return canvas.add(party)


def _final_with_unassessed_principle(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The canvas is marked final while a principle is not assessed."""
    principle = pick(draw, canvas.principles) if canvas.principles else None
    kept = [p for p in canvas.principles if p != principle]
    meta = attrs.evolve(canvas.meta, status=Status.FINAL)
    return canvas.evolve(meta=meta, principles=kept)


def _concentrated_supply(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """One supplier sends every primary flow (a concentration and hub warning)."""
    supplier = pick(draw, m.pure(canvas, Role.SUPPLIER))
    return m.route_all_flows_from(canvas, supplier.id)


def _hub_decides_alone(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """One supplier sends every primary flow and alone holds a decision right (an error)."""
    canvas = _concentrated_supply(draw, canvas)
    hub = next(flow.from_party for flow in canvas.flows if flow.counter_of is None)
    assert hub is not None
    return m.add_right(canvas, DecisionRight(m.fresh_id(canvas, "dr-hub"), "pricing", (hub,)))


def _steward_is_the_hub(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The steward of the primary commonality sends every primary flow (an error)."""
    return m.route_all_flows_from(canvas, m.steward(canvas).id)


def _dangling_reference(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """One reference other than a flow's value or ends names nothing."""
    ghost = m.fresh_id(canvas, "ghost")
    where = pick(draw, m.GHOST_PLACES)
    return m.put_ghost(draw, canvas, where, ghost)


def _votes_above_the_whole(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """Two rights over one new subject held by the steward give more than 100% of its votes."""
    steward = m.steward(canvas).id
    first = DecisionRight(m.fresh_id(canvas, "dr-agenda"), "agenda", (steward,), weight=70.0)
    canvas = m.add_right(canvas, first)
    weight = draw(st.floats(min_value=32.0, max_value=100.0))
    return m.add_right(
        canvas, DecisionRight(m.fresh_id(canvas, "dr-agenda"), "agenda", (steward,), weight=weight)
    )


def _volume_without_unit(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A new sound flow gives a volume but no unit (a warning)."""
    volume = draw(st.floats(min_value=0.0, max_value=1e6))
    flow = attrs.evolve(m.new_forward_flow(draw, canvas, "f-unitless"), volume=volume, unit=" ")
    return canvas.evolve(flows=(*canvas.flows, flow))


def _waste_amount_without_unit(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """The waste today is given as an amount with no unit (a warning)."""
    amount = draw(st.floats(min_value=0.0, max_value=1e9))
    return canvas.evolve(waste=attrs.evolve(canvas.waste, baseline_amount=amount, unit=""))


def _id_used_twice(draw: st.DrawFn, canvas: Canvas) -> Canvas:
    """A new development or decision right takes an id that is already in use."""
    taken = sorted(m.entity_ids(canvas))
    duplicate = pick(draw, taken)
    if flag(draw):
        twin = Development(duplicate, description="Same id again")
        # not canvas.add: it refuses an id its own collection holds, which is the point here
        return canvas.evolve(developments=(*canvas.developments, twin))
    return m.add_right(canvas, DecisionRight(duplicate, "agenda", (m.steward(canvas).id,)))


INTEGRITY_MUTATIONS: dict[str, tuple[Mutation, ...]] = {
    "CMC011": (_broken_flow,),
    "CMC012": (_boundary_emptied,),
    "CMC013": (_resistance_without_reason,),
    "CMC014": (_factor_unanswered,),
    "CMC016": (_canvas_owned,),
    "CMC017": (_focal_party_outside_the_market, _focal_party_off_the_commonality),
    "CMC018": (_no_waste_baseline,),
    "CMC019": (_dangling_supplier,),
    "CMC020": (_final_with_unassessed_principle,),
    "CMC021": (_concentrated_supply,),
    "CMC025": (_hub_decides_alone, _steward_is_the_hub),
    "CMC022": (_dangling_reference,),
    "CMC023": (_id_used_twice,),
    "CMC027": (_votes_above_the_whole, _volume_without_unit, _waste_amount_without_unit),
}
