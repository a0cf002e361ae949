"""The canvas itself: one immutable value holding every block and entity.

Edits return a new canvas. The helpers here cover what a workshop does to a canvas (add, replace
or remove an entity, write a block, answer a factor, assess a principle); anything else goes
through :meth:`Canvas.evolve`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, TypeAlias

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.fields import PROCESS_STEP, keyed_by, names_of, part_of
from cmc_core.model import (
    DEFAULT_PROCESS_STEPS,
    BlockNote,
    Boundary,
    Commonality,
    Development,
    EndCustomerValue,
    Factor,
    Governance,
    Meta,
    Party,
    Principle,
    ProcessArea,
    Quickscan,
    Resistance,
    Source,
    Value,
    ValueFlow,
    Waste,
    canonical_by_key,
)
from cmc_core.shape import collections, per_type
from cmc_core.vocabulary import FactorKey, PrincipleKey, PrincipleStatus

__all__ = ["SCHEMA_VERSION", "Canvas", "Entity"]

#: The version of the file format and model this library writes.
SCHEMA_VERSION = 2

#: The entities held in the canvas's own collections (decision rights sit in its governance).
Entity: TypeAlias = (
    Party | Value | ValueFlow | ProcessArea | Commonality | Development | Resistance | Source
)


def _factors(items: Any) -> tuple[Factor, ...]:
    return canonical_by_key(items, FactorKey)


def _principles(items: Any) -> tuple[Principle, ...]:
    return canonical_by_key(items, PrincipleKey)


def _notes(items: Any) -> tuple[BlockNote, ...]:
    return canonical_by_key(items, BlockKey)


@attrs.frozen
class Canvas:
    """A Community Model Canvas: the design of one business community.

    The network is the unit of analysis: no party owns the canvas. ``factors``, ``principles``
    and ``notes`` are kept in their vocabulary's order so that equal content compares equal.
    """

    schema_version: ClassVar[int] = SCHEMA_VERSION

    meta: Meta = Meta()
    end_customer: EndCustomerValue = part_of(BlockKey.END_CUSTOMER_VALUE, EndCustomerValue())
    boundary: Boundary = part_of(BlockKey.BOUNDARY, Boundary())
    #: Parties fill the Suppliers, Demanders or Stakeholders block by their roles.
    parties: tuple[Party, ...] = ()
    values: tuple[Value, ...] = part_of(BlockKey.VALUES_EXCHANGED, ())
    flows: tuple[ValueFlow, ...] = part_of(BlockKey.VALUES_EXCHANGED, ())
    process_areas: tuple[ProcessArea, ...] = part_of(BlockKey.COOPERATION_COMPETITION, ())
    commonalities: tuple[Commonality, ...] = part_of(BlockKey.COMMONALITY, ())
    process_steps: tuple[str, ...] = names_of(
        PROCESS_STEP, DEFAULT_PROCESS_STEPS, block=BlockKey.COORDINATION
    )
    governance: Governance = part_of(BlockKey.GOVERNANCE, Governance())
    #: Each factor fills the block of the canvas that asks for it (``Block.factor``).
    factors: tuple[Factor, ...] = attrs.field(
        default=(), converter=_factors, metadata=keyed_by(FactorKey)
    )
    developments: tuple[Development, ...] = part_of(BlockKey.DEVELOPMENTS, ())
    resistances: tuple[Resistance, ...] = part_of(BlockKey.RESISTANCES, ())
    principles: tuple[Principle, ...] = attrs.field(
        default=(), converter=_principles, metadata=keyed_by(PrincipleKey)
    )
    waste: Waste = part_of(BlockKey.WASTE_REDUCTION, Waste())
    #: Where the canvas's facts come from; entities name them in ``sources``.
    sources: tuple[Source, ...] = ()
    #: Each note fills the block it is keyed by.
    notes: tuple[BlockNote, ...] = attrs.field(
        default=(), converter=_notes, metadata=keyed_by(BlockKey, text_only=True)
    )
    #: The quickscan's answers its verdict reads, when a quickscan made or filled the canvas:
    #: the score card shows the verdict from them. No block's part, and the rules ignore it.
    quickscan: Quickscan = Quickscan()

    # -- reading -------------------------------------------------------------------------------

    @property
    def primary_commonality(self) -> Commonality | None:
        """The commonality marked primary, else the first one, else ``None``."""
        for commonality in self.commonalities:
            if commonality.primary:
                return commonality
        return self.commonalities[0] if self.commonalities else None

    def favoured_ids(self) -> frozenset[str]:
        """The parties some commonality's terms favour (``Commonality.favours``)."""
        return frozenset(party for c in self.commonalities for party in c.favours)

    def entities(self) -> Iterator[Entity]:
        """Every entity of the canvas's own collections, collection by collection."""
        for name in _collections(type(self)).values():
            yield from getattr(self, name)

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or ``None``."""
        return next((e for e in self.entities() if e.id == entity_id), None)

    def party(self, party_id: str) -> Party | None:
        """The party with this id, or ``None``."""
        return next((p for p in self.parties if p.id == party_id), None)

    def factor(self, key: FactorKey | str) -> Factor:
        """The answer to a connecting factor (an empty one when not yet answered)."""
        wanted = FactorKey(key)
        return next((f for f in self.factors if f.key is wanted), Factor(wanted))

    def principle(self, key: PrincipleKey | str) -> Principle:
        """The assessment of a principle (``not_assessed`` when absent)."""
        wanted = PrincipleKey(key)
        return next((p for p in self.principles if p.key is wanted), Principle(wanted))

    def note(self, key: BlockKey | str) -> str:
        """The free text written in a block ('' when none)."""
        wanted = BlockKey(key)
        return next((n.text for n in self.notes if n.key is wanted), "")

    # -- editing -------------------------------------------------------------------------------

    def evolve(self, **changes: Any) -> Canvas:
        """A copy with the given fields replaced."""
        return attrs.evolve(self, **changes)

    def add(self, entity: Entity) -> Canvas:
        """A copy with ``entity`` appended to its collection; its id must be new there."""
        name = self._collection_of(entity)
        items: tuple[Entity, ...] = getattr(self, name)
        if any(item.id == entity.id for item in items):
            raise ValueError(f"{name} already holds an entity with id {entity.id!r}")
        return self._with_collection(name, (*items, entity))

    def replace(self, entity: Entity) -> Canvas:
        """A copy in which the entity with ``entity.id`` is replaced by ``entity``, in place."""
        name = self._collection_of(entity)
        items: tuple[Entity, ...] = getattr(self, name)
        if not any(item.id == entity.id for item in items):
            raise KeyError(f"{name} holds no entity with id {entity.id!r}")
        return self._with_collection(name, tuple(entity if i.id == entity.id else i for i in items))

    def remove(self, entity_id: str) -> Canvas:
        """A copy without the entity that has this id. References to it are left for validation."""
        for name in _collections(type(self)).values():
            items: tuple[Entity, ...] = getattr(self, name)
            if any(item.id == entity_id for item in items):
                return self._with_collection(name, tuple(i for i in items if i.id != entity_id))
        raise KeyError(f"the canvas holds no entity with id {entity_id!r}")

    def _collection_of(self, entity: Entity) -> str:
        for entity_type, name in _collections(type(self)).items():
            if isinstance(entity, entity_type):
                return name
        raise TypeError(f"{type(entity).__name__} is not a canvas entity")

    def _with_collection(self, name: str, items: tuple[Entity, ...]) -> Canvas:
        changes: dict[str, Any] = {name: items}
        return attrs.evolve(self, **changes)

    def with_note(self, key: BlockKey | str, text: str) -> Canvas:
        """A copy with the free text of a block set (an empty text removes it)."""
        wanted = BlockKey(key)
        kept = [n for n in self.notes if n.key is not wanted]
        return attrs.evolve(self, notes=[*kept, BlockNote(wanted, text)] if text else kept)

    def with_factor(self, key: FactorKey | str, answer: str, maturity: int | None = None) -> Canvas:
        """A copy with a connecting factor answered."""
        wanted = FactorKey(key)
        kept = [f for f in self.factors if f.key is not wanted]
        return attrs.evolve(self, factors=[*kept, Factor(wanted, answer, maturity)])

    def with_principle(
        self, key: PrincipleKey | str, status: PrincipleStatus | str, notes: str = ""
    ) -> Canvas:
        """A copy with a principle assessed."""
        wanted = PrincipleKey(key)
        kept = [p for p in self.principles if p.key is not wanted]
        assessed = Principle(wanted, PrincipleStatus(status), notes)
        return attrs.evolve(self, principles=[*kept, assessed])


@per_type
def _collections(root: type) -> dict[type[Any], str]:
    """The canvas's own collections by entity type, in document order (see cmc_core.shape)."""
    return {c.entity: c.name for c in collections(root) if len(c.path) == 1}
