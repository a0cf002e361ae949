"""The flow half of :class:`~cmc_core.rules.index.CanvasIndex`: what the sweep found, and the
columns and positions the rules read when it found a problem.

The sweep (:mod:`cmc_core.rules.sweep`) reads every flow once; everything else here works on
its distinct keys and bounds, or reads a column again only to locate the offending flows.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from itertools import compress, count, filterfalse
from operator import and_, attrgetter, not_
from typing import TYPE_CHECKING, Literal

from cmc_core.rules.ids import IdColumn, positions
from cmc_core.rules.sweep import FlowSweep, sweep_flows

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.model import Party

__all__ = ["EXACT_COUNT_PARTIES", "MISSING", "FlowIndex", "Side"]

#: The values that mean "no reference given".
MISSING: frozenset[str | None] = frozenset({None, ""})

#: Up to this many parties the flows per party are counted exactly during the sweep: the table
#: of counts then fits in the second-level cache. Above it, the sweep only bounds them.
EXACT_COUNT_PARTIES = 16384

#: Which party column of the primary flows a count is about.
Side = Literal["from", "to"]

_get_id = attrgetter("id")
_get_from = attrgetter("from_party")
_get_to = attrgetter("to_party")
_get_counter_of = attrgetter("counter_of")


class FlowIndex:
    """Lookups over the flows of a canvas, each computed at most once."""

    canvas: Canvas

    if TYPE_CHECKING:  # provided by PartyIndex

        @property
        def supplier_ids(self) -> frozenset[str]: ...
        @property
        def demander_ids(self) -> frozenset[str]: ...
        @property
        def inside_suppliers(self) -> tuple[Party, ...]: ...
        @property
        def inside_demanders(self) -> tuple[Party, ...]: ...
        def unknown_parties(self, references: Iterable[str | None]) -> frozenset[str]: ...

    @cached_property
    def sweep(self) -> FlowSweep:
        """The aggregates of one cache-blocked pass over the flows (see :mod:`.sweep`).

        With few parties the sweep counts each party's flows exactly, as the counts then stay
        in the cache; with many it only bounds them (:meth:`count_bound`). It makes a tuple per
        flow: :func:`~cmc_core.rules.engine.run_rules` pauses the cyclic GC around the run.
        """
        exact = len(self.canvas.parties) <= EXACT_COUNT_PARTIES
        return sweep_flows(self.canvas.flows, exact=exact)

    @property
    def flow_ids(self) -> list[str]:
        """The id of every flow, in document order (read by the sweep)."""
        return self.sweep.ids

    @cached_property
    def forward_flow_positions(self) -> dict[int, int | None]:
        """The position of each counter-flow, in document order, mapped to the position of the
        flow it answers (``counter_of``), or to ``None`` when no flow or several have that id.

        A payment is usually written right after the flow it pays for, so the flow before is
        tried first; other targets are found by bisection in sorted ids, else in one pass.
        (A dict of ints, not a list of pairs: it holds no object the garbage collector tracks,
        so building it does not set off collections that walk the million-id lists.)
        """
        ids = self.flow_ids
        repeated = self.flow_id_column.duplicates
        forward: dict[int, int | None] = {}
        unresolved: dict[str, list[int]] = {}
        for position, target in zip(
            self.sweep.counter_positions, self.sweep.counter_targets, strict=True
        ):
            if target in repeated:
                forward[position] = None
            elif position and ids[position - 1] == target:
                forward[position] = position - 1
            else:
                forward[position] = None
                unresolved.setdefault(target, []).append(position)
        if unresolved:
            for target, found in self._flow_positions(set(unresolved)).items():
                forward.update(dict.fromkeys(unresolved[target], found))
        return forward

    @cached_property
    def _answered_targets(self) -> frozenset[str]:
        """The ``counter_of`` references that name a flow (found while pairing the flows)."""
        forward, repeated = self.forward_flow_positions, self.flow_id_column.duplicates
        return frozenset(
            target
            for position, target in zip(
                self.sweep.counter_positions, self.sweep.counter_targets, strict=True
            )
            if forward[position] is not None or target in repeated
        )

    def unknown_flows(self, references: Iterable[str | None]) -> frozenset[str]:
        """The references among ``references`` that name no flow (missing ones left out).

        The counter-flows' targets are known from pairing the flows; only others are looked up
        among the ids."""
        left = frozenset(references) - MISSING - self._answered_targets
        if not left:
            return frozenset()
        named = frozenset(map(str, left))
        return named - self.flow_ids_present(named)

    def _flow_positions(self, targets: set[str]) -> dict[str, int]:
        """Where the flows with these (unrepeated) ids are."""
        ids = self.flow_ids
        if not self.flow_id_column.increasing:
            return {ids[position]: position for position in positions(ids, targets)}
        found = {target: _sorted_position(ids, target) for target in targets}
        return {target: position for target, position in found.items() if position is not None}

    @cached_property
    def flow_froms(self) -> list[str | None]:
        """The ``from`` party of every flow, in document order."""
        if self._all_primary:  # the sweep listed them: no second pass over the flows
            return self.sweep.primary_froms
        return list(map(_get_from, self.canvas.flows))

    @cached_property
    def flow_tos(self) -> list[str | None]:
        """The ``to`` party of every flow, in document order."""
        if self._all_primary:
            return self.sweep.primary_tos
        return list(map(_get_to, self.canvas.flows))

    def flow_column(self, field: str) -> list[str | None]:
        """Any flow field as a column, such as ``counter_value``; read on demand, not kept."""
        if field == "from_party":
            return self.flow_froms
        if field == "to_party":
            return self.flow_tos
        return list(map(attrgetter(field), self.canvas.flows))

    @property
    def has_counter_flows(self) -> bool:
        """Whether any flow names the forward flow it answers (``counter_of``)."""
        return bool(self.sweep.counter_positions)

    @property
    def counter_flow_positions(self) -> Sequence[int]:
        """The positions of the flows with a ``counter_of``."""
        return self.sweep.counter_positions

    @property
    def primary_count(self) -> int:
        """The number of primary flows: market flows without ``counter_of``."""
        return self.sweep.primary_count

    @property
    def _all_primary(self) -> bool:
        return not (self.has_counter_flows or self.sweep.other_kinds)

    @cached_property
    def _primary_mask(self) -> list[bool]:
        primary = map(not_, map(_get_counter_of, self.canvas.flows))
        if not self.sweep.other_kinds:
            return list(primary)
        market = map(attrgetter("is_market"), self.canvas.flows)
        return list(map(and_, primary, market))

    @cached_property
    def primary_positions(self) -> Sequence[int]:
        """The positions of the primary flows, aligned with :meth:`primary_column`."""
        if self._all_primary:
            return range(len(self.canvas.flows))
        return tuple(compress(count(), self._primary_mask))

    @property
    def _primary_froms(self) -> list[str | None]:
        return self.sweep.primary_froms

    @property
    def _primary_tos(self) -> list[str | None]:
        return self.sweep.primary_tos

    @property
    def has_volumes(self) -> bool:
        """Whether some flow gives its volume."""
        return self.sweep.has_volumes

    @property
    def volume_range(self) -> tuple[float, float] | None:
        """The largest volume and the total of the primary flows when every one gives a
        volume, all in one unit per one period, with a finite total above 0 (then shares are of
        volumes)."""
        sweep = self.sweep
        if not (sweep.has_volumes and sweep.volumes_complete and sweep.primary_count):
            return None
        if not 0 < sweep.volume_total < math.inf:
            return None
        return sweep.volume_largest, sweep.volume_total

    def primary_column(self, side: Side) -> list[str | None]:
        """The ``from`` or ``to`` column of the primary flows (read on demand)."""
        return self._primary_froms if side == "from" else self._primary_tos

    # The key sets below are the sweep's own sets, not copies: at 1M flows a copy of a set of
    # 100k parties costs as much as a rule. They are read-only by convention.

    @property
    def primary_from_keys(self) -> AbstractSet[str | None]:
        """The distinct ``from`` references of the primary flows."""
        return self.sweep.primary_from_keys

    @property
    def primary_to_keys(self) -> AbstractSet[str | None]:
        """The distinct ``to`` references of the primary flows."""
        return self.sweep.primary_to_keys

    def primary_keys(self, side: Side) -> AbstractSet[str | None]:
        """The distinct ``from`` or ``to`` references of the primary flows."""
        return self.sweep.primary_from_keys if side == "from" else self.sweep.primary_to_keys

    def counter_keys(self, side: Side) -> AbstractSet[str | None]:
        """The distinct ``from`` or ``to`` references of the other flows: counter-flows and
        flows that are no market trade."""
        return self.sweep.counter_from_keys if side == "from" else self.sweep.counter_to_keys

    def side_members(self, side: Side) -> frozenset[str]:
        """Who belongs on a side of a primary flow: suppliers send, demanders receive."""
        return self.supplier_ids if side == "from" else self.demander_ids

    @cached_property
    def _outside_from(self) -> frozenset[str | None]:
        return frozenset(self.sweep.primary_from_keys - self.supplier_ids)

    @cached_property
    def _outside_to(self) -> frozenset[str | None]:
        return frozenset(self.sweep.primary_to_keys - self.demander_ids)

    def outside_keys(self, side: Side) -> frozenset[str | None]:
        """The primary ``from`` references that are no supplier, or ``to`` references that are
        no demander: missing, unknown, or a party in another role (few, on a sound canvas)."""
        return self._outside_from if side == "from" else self._outside_to

    def refers_to(self, side: Side, party_ids: Iterable[str]) -> bool:
        """Whether some flow has one of ``party_ids`` as its ``from`` or ``to``."""
        primary, counter = self.primary_keys(side), self.counter_keys(side)
        return any(key in primary or key in counter for key in party_ids)

    def unknown_flow_parties(self, side: Side) -> frozenset[str]:
        """The ``from`` or ``to`` references of any flow that name no party (missing ones aside)."""
        candidates = self.outside_keys(side).union(self.counter_keys(side))
        return self.unknown_parties(candidates - MISSING)

    @cached_property
    def from_keys(self) -> frozenset[str | None]:
        """The distinct ``from`` references of all flows (a copy: not for the common path)."""
        return frozenset(self.sweep.primary_from_keys.union(self.sweep.counter_from_keys))

    @cached_property
    def to_keys(self) -> frozenset[str | None]:
        """The distinct ``to`` references of all flows (a copy: not for the common path)."""
        return frozenset(self.sweep.primary_to_keys.union(self.sweep.counter_to_keys))

    @cached_property
    def value_keys(self) -> frozenset[str | None]:
        """The distinct ``value`` references of the flows."""
        return frozenset(reference[0] for reference in self.sweep.references)

    @cached_property
    def counter_value_keys(self) -> frozenset[str | None]:
        """The distinct ``counter_value`` references of the flows."""
        return frozenset(reference[1] for reference in self.sweep.references)

    @cached_property
    def step_keys(self) -> frozenset[str | None]:
        """The distinct ``step`` references of the flows."""
        return frozenset(reference[2] for reference in self.sweep.references)

    def flow_keys(self, field: str) -> frozenset[str | None]:
        """The distinct values of any flow field, such as ``counter_of``: from the sweep for the
        fields it reads, else in one pass over the flows."""
        swept = {
            "from_party": "from_keys",
            "to_party": "to_keys",
            "value": "value_keys",
            "counter_value": "counter_value_keys",
            "step": "step_keys",
        }
        if field in swept:
            keys: frozenset[str | None] = getattr(self, swept[field])
            return keys
        if field == "counter_of":
            return frozenset(self.sweep.counter_targets)
        return frozenset(map(attrgetter(field), self.canvas.flows))

    @property
    def may_have_self_loops(self) -> bool:
        """False when no flow has equal ``from`` and ``to`` (two missing ones count as equal)."""
        return bool(self.sweep.loop_blocks)

    # -- per-party counts of the primary flows ------------------------------------------------

    @cached_property
    def _primary_from_counts(self) -> Counter[str | None]:
        counted = self.sweep.from_counts
        return counted if counted is not None else Counter(self.primary_column("from"))

    @cached_property
    def _primary_to_counts(self) -> Counter[str | None]:
        counted = self.sweep.to_counts
        return counted if counted is not None else Counter(self.primary_column("to"))

    def counts(self, side: Side) -> Counter[str | None]:
        """The exact number of primary flows per ``from`` or ``to`` reference.

        Counted by the sweep on a canvas with few parties; on a large one, counted here in a
        second pass, which the rules ask for only when :meth:`count_bound` is not enough.
        """
        return self._primary_from_counts if side == "from" else self._primary_to_counts

    def count_bound(self, side: Side) -> int:
        """At least the number of primary flows of any single ``from`` or ``to`` reference.

        The exact largest count when the sweep counted exactly; otherwise the sum over its
        blocks of a bound per block (see :mod:`.sweep`). Cheap, and enough to prove that no
        party reaches a threshold without counting per party.
        """
        return self.sweep.from_bound if side == "from" else self.sweep.to_bound

    @cached_property
    def flow_id_column(self) -> IdColumn:
        """The flow ids; the sweep has already found out whether they are increasing."""
        first, last = self.sweep.first_id, self.sweep.last_id
        bounds = (first, last) if first is not None and last is not None else None
        return IdColumn(lambda: self.flow_ids, self.sweep.ids_increasing, bounds)

    @property
    def flow_ids_increasing(self) -> bool:
        """Whether the flow ids are strictly increasing, which proves them unique."""
        return self.sweep.ids_increasing

    def flow_ids_present(self, wanted: Iterable[str]) -> frozenset[str]:
        """The ids among ``wanted`` that some flow has."""
        return self.flow_id_column.present(frozenset(wanted))

    @cached_property
    def unconnected_market_ids(self) -> set[str]:
        """Inside market parties in no flow, as ``from`` or ``to`` (process areas not counted)."""
        # Suppliers are looked up among the senders first, demanders among the receivers, so
        # that in a connected market each party costs one probe.
        sweep = self.sweep
        sending = [sweep.primary_from_keys, sweep.counter_from_keys]
        receiving = [sweep.primary_to_keys, sweep.counter_to_keys]
        unconnected: set[str] = set()
        # Each filter passes on the ids its key set lacks; the likelier set comes first.
        for parties, order in (
            (self.inside_suppliers, sending + receiving),
            (self.inside_demanders, receiving + sending),
        ):
            ids: Iterator[str] = map(_get_id, parties)
            for keys in order:
                ids = filterfalse(keys.__contains__, ids)
            unconnected.update(ids)
        return unconnected


def _sorted_position(ids: list[str], key: str) -> int | None:
    position = bisect_left(ids, key)
    return position if position < len(ids) and ids[position] == key else None
