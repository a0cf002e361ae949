"""Where an answer can go: the canvas fields a question may be bound to.

A binding target is a logical path with the file's keys and no list indices:
``meta.name``, ``boundary.inclusion_criteria``, ``notes.boundary``, ``factors.vision.answer``,
``principles.specialize_coordinate_finalize.status``, ``waste.baseline_share``, or a whole
entity collection such as ``parties`` or ``flows``. The set is computed from the model itself,
so it cannot drift from the canvas.
"""

from __future__ import annotations

from functools import cache

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.canvas import Canvas
from cmc_core.model import BlockNote, Factor, Principle
from cmc_core.vocabulary import FactorKey, PrincipleKey

__all__ = ["ENTITY_COLLECTIONS", "LIST_TARGETS", "binding_targets", "is_binding_target"]

#: Collections whose answers become entities (a list of parties becomes Party objects).
ENTITY_COLLECTIONS = frozenset(
    {
        "parties",
        "values",
        "flows",
        "process_areas",
        "commonalities",
        "developments",
        "resistances",
        "governance.decision_rights",
    }
)

#: Fields that hold a list of short texts or references, filled by a ``text_list`` answer.
LIST_TARGETS = frozenset(
    {
        "meta.authors",
        "boundary.inclusion_criteria",
        "boundary.exclusion_criteria",
        "boundary.instruments",
        "governance.agreements",
        "process_steps",
    }
)

# Canvas fields that are keyed mappings in the file and so need a key in the target.
_KEYED: dict[str, tuple[type, type]] = {
    "factors": (Factor, FactorKey),
    "principles": (Principle, PrincipleKey),
    "notes": (BlockNote, BlockKey),
}


@cache
def binding_targets() -> frozenset[str]:
    """Every target a question may be bound to."""
    targets: set[str] = set()
    for field in attrs.fields(Canvas):
        name = field.name
        if name in ENTITY_COLLECTIONS or name == "process_steps":
            targets.add(name)
        elif name in _KEYED:
            entity, keys = _KEYED[name]
            values = [f.name for f in attrs.fields(entity) if f.name != "key"]
            for key in keys:  # type: ignore[attr-defined]
                if name == "notes":
                    targets.add(f"notes.{key}")
                else:
                    targets.update(f"{name}.{key}.{value}" for value in values)
        elif attrs.has(block := type(field.default)):
            # A block held as one object (meta, boundary, waste ...): each of its fields.
            targets.update(
                f"{name}.{sub.name}" for sub in attrs.fields(block) if sub.name != "decision_rights"
            )
        else:
            targets.add(name)
    # Decision rights are entities inside the governance block.
    targets.add("governance.decision_rights")
    return frozenset(targets)


def is_binding_target(target: str) -> bool:
    """Whether ``target`` names a real field of the canvas."""
    return target in binding_targets()
