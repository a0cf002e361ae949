"""Every id of a canvas, and a consistent renaming of them: for properties such as "renaming ids
changes nothing but the names" and for making ids fresh."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import attrs

from cmc_core.canvas import Canvas

__all__ = ["id_strings", "rename_ids"]


def _references(canvas: Canvas) -> Iterator[str | None]:
    meta, boundary = canvas.meta, canvas.boundary
    yield meta.owner
    yield meta.focal_party
    yield from boundary.instruments
    for party in canvas.parties:
        yield party.id
        yield party.organisation
    for value in canvas.values:
        yield value.id
    for flow in canvas.flows:
        yield from (flow.id, flow.value, flow.from_party, flow.to_party)
        yield from (flow.counter_value, flow.counter_of)
    for area in canvas.process_areas:
        yield area.id
        yield from area.parties
    for common in canvas.commonalities:
        yield from (common.id, common.steward, *common.users, *common.exclusive_to)
    for right in canvas.governance.decision_rights:
        yield from (right.id, *right.holders)
    for development in canvas.developments:
        yield development.id
    for resistance in canvas.resistances:
        yield from (resistance.id, resistance.holder)


def id_strings(canvas: Canvas) -> set[str]:
    """Every string a canvas uses as an id: entity and decision right ids, organisations, and
    every reference (resolving or not) in flows, areas, commonalities, governance, resistances,
    the boundary's instruments and the meta's owner and focal party."""
    return {reference for reference in _references(canvas) if reference is not None}


def rename_ids(canvas: Canvas, renaming: Mapping[str, str] | Callable[[str], str]) -> Canvas:
    """A copy with every id and every reference to it renamed the same way.

    :param renaming: a mapping (ids it lacks are kept) or a function from old id to new id.
        Give a bijection to keep the canvas's meaning; organisations are renamed too, so a
        party without one stays its own organisation under its new id.
    """
    lookup = renaming.get if isinstance(renaming, Mapping) else None

    def new(old: str) -> str:
        if lookup is not None:
            return lookup(old, old)
        assert callable(renaming)
        return renaming(old)

    def opt(old: str | None) -> str | None:
        return None if old is None else new(old)

    def many(olds: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new(old) for old in olds)

    meta = attrs.evolve(
        canvas.meta, owner=opt(canvas.meta.owner), focal_party=opt(canvas.meta.focal_party)
    )
    boundary = attrs.evolve(canvas.boundary, instruments=many(canvas.boundary.instruments))
    rights = tuple(
        attrs.evolve(r, id=new(r.id), holders=many(r.holders))
        for r in canvas.governance.decision_rights
    )
    return canvas.evolve(
        meta=meta,
        boundary=boundary,
        parties=tuple(
            attrs.evolve(p, id=new(p.id), organisation=opt(p.organisation)) for p in canvas.parties
        ),
        values=tuple(attrs.evolve(v, id=new(v.id)) for v in canvas.values),
        flows=tuple(
            attrs.evolve(
                f,
                id=new(f.id),
                value=opt(f.value),
                from_party=opt(f.from_party),
                to_party=opt(f.to_party),
                counter_value=opt(f.counter_value),
                counter_of=opt(f.counter_of),
            )
            for f in canvas.flows
        ),
        process_areas=tuple(
            attrs.evolve(a, id=new(a.id), parties=many(a.parties)) for a in canvas.process_areas
        ),
        commonalities=tuple(
            attrs.evolve(
                c,
                id=new(c.id),
                steward=opt(c.steward),
                users=many(c.users),
                exclusive_to=many(c.exclusive_to),
            )
            for c in canvas.commonalities
        ),
        governance=attrs.evolve(canvas.governance, decision_rights=rights),
        developments=tuple(attrs.evolve(d, id=new(d.id)) for d in canvas.developments),
        resistances=tuple(
            attrs.evolve(r, id=new(r.id), holder=opt(r.holder)) for r in canvas.resistances
        ),
    )
