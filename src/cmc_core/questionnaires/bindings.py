"""Where an answer can go: the canvas fields a question may be bound to.

A binding target is a logical path with the file's keys and no list indices:
``meta.name``, ``boundary.inclusion_criteria``, ``notes.boundary``, ``factors.vision.answer``,
``principles.specialize_coordinate_finalize.status``, ``waste.baseline_share``, or a whole
entity collection such as ``parties`` or ``flows``. The set is computed from the model itself,
so it cannot drift from the canvas.
"""

from __future__ import annotations

from functools import cache

from cmc_core.canvas import Canvas
from cmc_core.shape import (
    collections,
    fields,
    file_key,
    is_record,
    keyed_fields,
    singles,
    tuple_item,
)

__all__ = ["ENTITY_COLLECTIONS", "LIST_TARGETS", "binding_targets", "is_binding_target"]

#: Collections whose answers become entities (a list of parties becomes Party objects).
ENTITY_COLLECTIONS = frozenset(collection.name for collection in collections(Canvas))


def _list_targets() -> frozenset[str]:
    lists = {a.name for a in fields(Canvas) if tuple_item(a.type) is str}
    for single in singles(Canvas):
        lists.update(
            f"{single.name}.{a.name}" for a in fields(single.record) if tuple_item(a.type) is str
        )
    return frozenset(lists)


#: Fields that hold a list of short texts or references, filled by a ``text_list`` answer.
LIST_TARGETS = _list_targets()


@cache
def binding_targets() -> frozenset[str]:
    """Every target a question may be bound to."""
    targets: set[str] = set(ENTITY_COLLECTIONS)
    for name, keyed in keyed_fields(Canvas).items():
        values = [f.name for f in fields(keyed.item_type) if f.name != "key"]
        for member in keyed.key_type:
            if keyed.text_only:
                targets.add(f"{name}.{member.value}")
            else:
                targets.update(f"{name}.{member.value}.{value}" for value in values)
    held = {single.name: single.record for single in singles(Canvas)}
    for path, record in (("", Canvas), *held.items()):
        for field in fields(record):
            key = file_key(record, field.name)
            target = f"{path}.{key}" if path else key
            if target in ENTITY_COLLECTIONS or target in held or field.name in keyed_fields(record):
                continue
            if not is_record(field.type):
                targets.add(target)
    return frozenset(targets)


def is_binding_target(target: str) -> bool:
    """Whether ``target`` names a real field of the canvas."""
    return target in binding_targets()
