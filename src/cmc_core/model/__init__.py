"""The entities of a Community Model Canvas: immutable attrs value objects with stable ids.

Nothing here does I/O or checks references between entities: a canvas half filled in during a
workshop must load, show and be fixed, so referential integrity is the job of the validation rules
(:mod:`cmc_core.rules`). What *is* enforced here is what no canvas can mean: a maturity outside
0-3, a percentage outside 0-100, the same factor twice. Field names are the Python names; the file
format renames a few (``from_party`` is ``from`` in a file), see :mod:`cmc_core.fileformat`.

What a field means beyond its type (it names a party, its order carries nothing, its bounds, its
name in a file) is declared here with :mod:`cmc_core.fields` and nowhere else; everything that
walks the model reads it through :mod:`cmc_core.shape`. The records live in two modules, the
entities of the canvas's collections (:mod:`cmc_core.model.entities`) and its blocks and keyed
items (:mod:`cmc_core.model.blocks`); import them from this package.

The records have no weakref slot (``weakref_slot=False``): nothing refers to one weakly, and on
a canvas of a million flows the slot costs 8 MB.
"""

from __future__ import annotations

from cmc_core.model.blocks import (
    DEFAULT_PROCESS_STEPS,
    BlockNote,
    Boundary,
    Development,
    EndCustomerValue,
    Factor,
    Meta,
    Principle,
    Quickscan,
    Resistance,
    Waste,
)
from cmc_core.model.blocks import (
    canonical_by_key as canonical_by_key,
)
from cmc_core.model.entities import (
    Commonality,
    DecisionRight,
    Governance,
    Party,
    ProcessArea,
    Source,
    Stake,
    Value,
    ValueFlow,
)

__all__ = [
    "DEFAULT_PROCESS_STEPS",
    "BlockNote",
    "Boundary",
    "Commonality",
    "DecisionRight",
    "Development",
    "EndCustomerValue",
    "Factor",
    "Governance",
    "Meta",
    "Party",
    "Principle",
    "ProcessArea",
    "Quickscan",
    "Resistance",
    "Source",
    "Stake",
    "Value",
    "ValueFlow",
    "Waste",
]
