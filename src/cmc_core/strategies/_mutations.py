"""Small, pure helpers the breaking mutations share: finding parts of a canvas, fresh ids, and
the few edits the model's helpers do not cover."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import attrs
from hypothesis import strategies as st

from cmc_core.canvas import Canvas
from cmc_core.model import Commonality, DecisionRight, Party, Resistance, ValueFlow
from cmc_core.rules.builtin.integrity import FLOW_FIELDS_OF_CMC011
from cmc_core.rules.engine import RuleSettings
from cmc_core.shape import collections, references, resolved_by, singles
from cmc_core.strategies._draws import pick
from cmc_core.vocabulary import Role

#: A way to break a rule: takes the draw function and a valid canvas, returns the broken one.
Mutation = Callable[[st.DrawFn, Canvas], Canvas]

#: References whose dangling breaks another error-level rule too, so no ghost goes there: an
#: unknown focal party also breaks CMC017.
_NOT_GHOSTED = frozenset({"meta.focal_party"})


def _ghost_places() -> tuple[str, ...]:
    """Every reference rule CMC022 checks, as ``<collection or block>.<field>``, read from the
    model's declarations (so a reference field added to the model is broken too)."""
    places = [
        f"{single.name}.{reference.name}"
        for single in singles(Canvas)
        for reference in references(single.record)
        if resolved_by(Canvas, reference.kind) is not None
    ]
    places.extend(
        f"{collection.name}.{reference.name}"
        for collection in collections(Canvas)
        for reference in references(collection.entity)
        if resolved_by(Canvas, reference.kind) is not None
        and not (collection.name == "flows" and reference.name in FLOW_FIELDS_OF_CMC011)
    )
    return tuple(place for place in places if place not in _NOT_GHOSTED)


#: Where :func:`put_ghost` can put a reference to nothing: rule CMC022's places.
GHOST_PLACES: tuple[str, ...] = _ghost_places()


def entity_ids(canvas: Canvas) -> set[str]:
    """Every id an entity or a decision right holds."""
    ids = {entity.id for entity in canvas.entities()}
    ids.update(right.id for right in canvas.governance.decision_rights)
    return ids


def fresh_id(canvas: Canvas, stem: str) -> str:
    """``stem``, or ``stem-2``, ``stem-3``...: the first that names no entity or organisation."""
    taken = entity_ids(canvas) | {party.organisation_id for party in canvas.parties}
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def fresh_name(canvas: Canvas, stem: str) -> str:
    """An area name no process area has yet (compared casefolded and stripped)."""
    taken = {area.name.strip().casefold() for area in canvas.process_areas}
    candidate, number = stem, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} {number}"
    return candidate


def inside(canvas: Canvas) -> list[Party]:
    """The parties inside the boundary."""
    return [party for party in canvas.parties if not party.external]


def market(canvas: Canvas) -> list[Party]:
    """The market parties inside the boundary."""
    return [party for party in inside(canvas) if party.is_market_party]


def market_ids(canvas: Canvas) -> list[str]:
    """The ids of the market parties inside the boundary."""
    return [party.id for party in market(canvas)]


def pure(canvas: Canvas, role: Role) -> list[Party]:
    """Inside parties holding ``role`` and not the other market role."""
    other = Role.DEMANDER if role is Role.SUPPLIER else Role.SUPPLIER
    return [p for p in inside(canvas) if p.has_role(role) and not p.has_role(other)]


def primary(canvas: Canvas) -> Commonality:
    """The primary commonality (a valid canvas always has one)."""
    found = canvas.primary_commonality
    if found is None:
        raise ValueError("the canvas has no commonality")
    return found


def steward(canvas: Canvas) -> Party:
    """The steward of the primary commonality (a valid canvas always has one)."""
    found = canvas.party(primary(canvas).steward or "")
    if found is None:
        raise ValueError("the primary commonality has no known steward")
    return found


def non_hubs(canvas: Canvas) -> list[Party]:
    """Market parties in at most the hub share of the primary flows (never empty with four or
    more market parties: each flow has two ends, so not all can be in more than half)."""
    forward = [flow for flow in canvas.flows if flow.counter_of is None]
    involved = Counter(end for f in forward for end in {f.from_party, f.to_party} if end)
    limit = RuleSettings().hub_share * len(forward)
    return [party for party in market(canvas) if involved[party.id] <= limit]


def replace_parties(canvas: Canvas, changed: Iterable[Party]) -> Canvas:
    """A copy with the given parties replaced, matched by id, in place."""
    by_id = {party.id: party for party in changed}
    return canvas.evolve(parties=tuple(by_id.get(p.id, p) for p in canvas.parties))


def change_parties(canvas: Canvas, parties: Iterable[Party], **changes: Any) -> Canvas:
    """A copy with the same changes made to several parties."""
    return replace_parties(canvas, (attrs.evolve(party, **changes) for party in parties))


def add_right(canvas: Canvas, right: DecisionRight) -> Canvas:
    """A copy with one more decision right."""
    rights = (*canvas.governance.decision_rights, right)
    return canvas.evolve(governance=attrs.evolve(canvas.governance, decision_rights=rights))


def new_forward_flow(draw: st.DrawFn, canvas: Canvas, stem: str) -> ValueFlow:
    """A sound new flow from a supplier to a demander (not yet added)."""
    supplier = pick(draw, pure(canvas, Role.SUPPLIER))
    demander = pick(draw, pure(canvas, Role.DEMANDER))
    value = pick(draw, canvas.values)
    return ValueFlow(fresh_id(canvas, stem), value.id, supplier.id, demander.id)


def route_all_flows_from(canvas: Canvas, sender: str) -> Canvas:
    """A copy in which ``sender`` sends every primary flow and receives every counter-flow."""
    flows = tuple(
        attrs.evolve(flow, from_party=sender)
        if flow.counter_of is None
        else attrs.evolve(flow, to_party=sender)
        for flow in canvas.flows
    )
    return canvas.evolve(flows=flows)


def _with_ghost(record: Any, field: str, ghost: str) -> Any:
    """``record`` with ``ghost`` set as its reference in ``field``, or added to its list."""
    reference = next(r for r in references(type(record)) if r.name == field)
    return attrs.evolve(record, **{field: reference.added(record, ghost)})


def put_ghost(draw: st.DrawFn, canvas: Canvas, where: str, ghost: str) -> Canvas:
    """A copy with one reference, at the place ``where`` names (one of :data:`GHOST_PLACES`),
    pointing at ``ghost``.

    A reference in one of the canvas's blocks is set (or added to its list); one in a collection
    is set in an entity already there. Some places need more care to break nothing else: the
    primary commonality's references, a new resistance or decision right (a valid canvas may
    have none), a new forward flow (a changed one could turn around the market's direction).
    """
    place, _, field = where.rpartition(".")
    if place == "commonalities":
        return canvas.replace(_with_ghost(primary(canvas), field, ghost))
    if place == "resistances":  # a valid canvas may have none: a new one, with a reason
        resistance = Resistance(fresh_id(canvas, "r-ghost"), "Doubt", reason="Habit")
        return canvas.add(_with_ghost(resistance, field, ghost))
    if place == "governance.decision_rights":  # the same, held by the steward
        right = DecisionRight(fresh_id(canvas, "dr-ghost"), "agenda", (steward(canvas).id,))
        if field == "holders":
            right = attrs.evolve(right, holders=())
        return add_right(canvas, _with_ghost(right, field, ghost))
    if place == "flows":
        flow = new_forward_flow(draw, canvas, "f-ghost")
        if field == "counter_of":  # a counter-flow runs back, from demander to supplier
            flow = attrs.evolve(flow, from_party=flow.to_party, to_party=flow.from_party)
        return canvas.add(_with_ghost(flow, field, ghost))
    for single in singles(Canvas):
        if single.name == place:
            ghosted = _with_ghost(single.read(canvas), field, ghost)
            changed: Canvas = single.replaced(canvas, ghosted)
            return changed
    collection = next((c for c in collections(Canvas) if c.name == place), None)
    if collection is None or not collection.read(canvas):
        raise ValueError(f"no reference place called {where!r} in this canvas")
    entity = pick(draw, collection.read(canvas))
    return canvas.replace(_with_ghost(entity, field, ghost))
