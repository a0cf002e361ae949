"""Every id of a canvas, and a consistent renaming of them: for properties such as "renaming ids
changes nothing but the names" and for making ids fresh.

Both read the model's declarations (:mod:`cmc_core.shape`): an entity's ``id`` and every
reference to an entity or an organisation are ids; a reference to a process step is a name, not
an id, and stays as it is. A reference field added to the model is renamed with no change here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from cmc_core.canvas import Canvas
from cmc_core.fields import entity_kind
from cmc_core.shape import Reference, collections, fields, is_record, per_type, references

__all__ = ["id_strings", "rename_ids"]


@per_type
def _id_references(record: type) -> tuple[Reference, ...]:
    return tuple(reference for reference in references(record) if reference.kind.is_id)


@per_type
def _nested(record: type) -> tuple[str, ...]:
    """The fields of ``record`` that hold records or collections of entities with ids."""
    found = []
    for attribute in fields(record):
        if is_record(attribute.type):
            found.append(attribute.name)
    found.extend(c.path[0] for c in collections(record) if len(c.path) == 1)
    return tuple(found)


def _records(record: object) -> Iterator[object]:
    """``record`` and every record it holds that may carry ids, depth first."""
    yield record
    for name in _nested(type(record)):
        value = getattr(record, name)
        for item in value if isinstance(value, tuple) else (value,):
            yield from _records(item)


def id_strings(canvas: Canvas) -> set[str]:
    """Every string a canvas uses as an id: entity and decision right ids, organisations, and
    every reference (resolving or not) in flows, areas, commonalities, governance, resistances,
    the boundary's instruments and the meta's owner and focal party."""
    found: set[str] = set()
    for record in _records(canvas):
        if entity_kind(type(record)) is not None:
            found.add(record.id)  # type: ignore[attr-defined]
        for reference in _id_references(type(record)):
            found.update(reference.read(record))
    return found


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

    def renamed(record: Any) -> Any:
        record_type = type(record)
        changes: dict[str, Any] = {}
        if entity_kind(record_type) is not None:
            changes["id"] = new(record.id)
        for reference in _id_references(record_type):
            changes[reference.name] = reference.mapped(record, new)
        for name in _nested(record_type):
            value = getattr(record, name)
            changes[name] = (
                tuple(renamed(item) for item in value)
                if isinstance(value, tuple)
                else renamed(value)
            )
        return attrs.evolve(record, **changes) if changes else record

    result: Canvas = renamed(canvas)
    return result
