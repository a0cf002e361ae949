"""Lookups and counts over a canvas, computed once per validation run and shared by the rules.

Why this module looks the way it does: a canvas may hold a million value flows over a hundred
thousand parties, and the rules must check it in about a microsecond per flow, growing no faster
than the flow count (issue 2, item 9). A per-flow lookup in a dict or set of 100k string keys
misses the CPU caches, so its cost grows from tens of nanoseconds at 10k flows to hundreds at 1M
(``shared/performance.md`` section 3). The index therefore:

* reads the flows once, in blocks that stay in the cache, with C-level loops only (``map``,
  ``attrgetter``, ``compress``) and in document order (:mod:`.sweep`);
* pays the unavoidable per-flow hash probe once per party column, to get the *distinct* parties
  the column refers to, and lets the rules work on those distinct keys with set operations;
* proves the common case cheaply and does the exact, slower work only when the proof fails:
  strictly increasing ids are unique without a set of all of them (:mod:`.ids`), and the
  sweep bounds every party's number of flows without counting per party
  (:meth:`CanvasIndex.count_bound`);
* finds the exact offending flows, for paths such as ``flows[12].to``, only when an aggregate
  says there is something to find (:meth:`CanvasIndex.positions`).

Everything is computed lazily, on first use, so a run of a few selected rules pays only for what
those rules read. A "missing" reference is ``None`` or the empty string (:data:`MISSING`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from cmc_core.fields import Kind
from cmc_core.rules.flow_index import EXACT_COUNT_PARTIES, MISSING, FlowIndex, Side
from cmc_core.rules.ids import positions as _positions
from cmc_core.rules.party_index import PartyIndex
from cmc_core.shape import Collection, collections, resolved_by

__all__ = [
    "EXACT_COUNT_PARTIES",
    "MISSING",
    "CanvasIndex",
    "IdUse",
    "Side",
]

_get_id = attrgetter("id")
_NONE: frozenset[str | None] = frozenset({None})


class IdUse(NamedTuple):
    """One use of an id by an entity."""

    #: The id.
    id: str
    #: The logical path of the entity that carries it, such as ``parties[3]``.
    path: str


class CanvasIndex(PartyIndex, FlowIndex):
    """What the rules of one run look up and count, each computed at most once.

    The party lookups come from :class:`~cmc_core.rules.party_index.PartyIndex`, the flow
    aggregates from :class:`~cmc_core.rules.flow_index.FlowIndex`; ids across all collections
    are here.

    :param canvas: the canvas being validated; the index never changes it.
    """

    @staticmethod
    def positions(column: Sequence[object], wanted: Iterable[object]) -> list[int]:
        """The positions whose entry is in ``wanted``: the slow pass, run on a known problem."""
        return _positions(column, wanted)

    @property
    def collections(self) -> tuple[Collection, ...]:
        """The canvas's collections of entities, in the order their ids are listed."""
        return collections(type(self.canvas))

    @cached_property
    def repeated_ids(self) -> frozenset[str]:
        """Ids that more than one entity has, across all collections (decision rights too)."""
        flows, parties = self.flow_id_column, self.party_id_column
        small: list[str] = []
        for collection in self.collections:
            if collection.name not in ("parties", "flows"):  # the two large ones: columns
                small.extend(map(_get_id, collection.read(self.canvas)))
        repeated = set(flows.duplicates | parties.duplicates)
        repeated.update(key for key, uses in Counter(small).items() if uses > 1)
        repeated.update(flows.shared_with(parties))
        repeated.update(flows.present(small), parties.present(small))
        return frozenset(repeated)

    def id_uses(self, ids: Iterable[str]) -> list[IdUse]:
        """Every use of the given ids, in document order."""
        targets = frozenset(ids)
        uses: list[IdUse] = []
        for collection in self.collections:
            name = collection.name
            column = (
                self.flow_ids
                if name == "flows"
                else list(map(_get_id, collection.read(self.canvas)))
            )
            uses.extend(
                IdUse(column[position], f"{name}[{position}]")
                for position in _positions(column, targets)
            )
        return uses

    @cached_property
    def value_ids(self) -> frozenset[str]:
        """The ids of the canvas's values."""
        return frozenset(map(_get_id, self.canvas.values))

    def unknown_values(self, references: Iterable[str | None]) -> frozenset[str]:
        """The references among ``references`` that name no value (``None`` left out)."""
        return frozenset(str(key) for key in frozenset(references) - _NONE - self.value_ids)

    def resolves(self, kind: Kind) -> bool:
        """Whether references to ``kind`` name something the canvas holds (an organisation is
        only a shared id: it resolves to nothing and so is never unknown)."""
        return resolved_by(type(self.canvas), kind) is not None

    def unknown(self, kind: Kind, references: Iterable[str | None]) -> frozenset[str]:
        """The references among ``references`` that name no thing of ``kind`` (missing ones,
        ``None`` or ``""``, left out)."""
        where = resolved_by(type(self.canvas), kind)
        if where is None:
            return frozenset()
        if isinstance(where, str):  # a list of names, such as the process steps
            given = frozenset(references) - MISSING
            return frozenset(str(key) for key in given - set(getattr(self.canvas, where)))
        if where.name == "parties":
            if isinstance(references, tuple) and self.lists_every_inside_market_party(references):
                return frozenset()  # a commonality's users as a tool writes them: no sets
            return self.unknown_parties(frozenset(references) - MISSING)
        given = frozenset(references) - MISSING
        if not given:
            return frozenset()
        if where.name == "values":
            return self.unknown_values(given)
        if where.name == "flows":
            return self.unknown_flows(given)
        return frozenset(str(key) for key in given - self.ids_of(where))

    def ids_of(self, collection: Collection) -> frozenset[str]:
        """The ids of a collection's entities (computed once per collection and run)."""
        known = self._ids_of.get(collection.name)
        if known is None:
            known = self._ids_of[collection.name] = frozenset(
                map(_get_id, collection.read(self.canvas))
            )
        return known

    @cached_property
    def _ids_of(self) -> dict[str, frozenset[str]]:
        return {}
