"""One cache-blocked pass over the value flows that gathers everything the flow rules need.

Why a single pass in blocks: at a million flows the flows and their strings take hundreds of
megabytes, far beyond the CPU caches, so every separate pass over them pays a trip to main
memory per flow. The sweep reads the flows in blocks of :data:`BLOCK` flows and runs all of its
C-level loops (``map``, ``attrgetter``, ``compress``, ``Counter``) over a block while it is still
in the cache; memory is read once, in order.

Counting per party is the other cache-hostile step: a ``Counter`` over 100k party ids probes a
table of several megabytes at random, twice, for every flow. The sweep only collects the distinct
parties (one probe per flow, unavoidable) and, per block, a bound of any party's count in the
block, from the number of repeats in it. The sum of those bounds bounds every party's total
count, which is all the concentration rule needs to clear a canvas; it counts exactly only when
the bound could reach a threshold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import and_, attrgetter, eq, is_, not_
from typing import TYPE_CHECKING

from cmc_core.rules.ids import is_increasing
from cmc_core.vocabulary import FlowKind, Period

if TYPE_CHECKING:
    from cmc_core.model import ValueFlow

__all__ = ["BLOCK", "FlowSweep", "sweep_flows"]

#: Flows per block: a block's flows, their strings and the block's small tables fit in the
#: second-level cache, and the per-block overhead (a few dozen calls) stays below 1 %.
BLOCK = 2048

_get_id = attrgetter("id")
_get_from = attrgetter("from_party")
_get_to = attrgetter("to_party")
_get_counter_of = attrgetter("counter_of")
_get_references = attrgetter("value", "counter_value", "step")
_get_kind = attrgetter("kind")
_get_volume = attrgetter("volume")
_get_unit = attrgetter("unit")
_get_period = attrgetter("period")
_MARKET = FlowKind.MARKET

Reference = tuple[str | None, str | None, str | None]


class FlowSweep:
    """What one pass over the flows found.

    :ivar flow_count: the number of flows.
    :ivar ids: the flow ids, in document order.
    :ivar primary_count: the number of primary flows: market flows without ``counter_of``.
    :ivar ids_increasing: whether the flow ids are strictly increasing, hence unique.
    :ivar first_id: the first flow id, when the ids are increasing.
    :ivar last_id: the last flow id, when the ids are increasing.
    :ivar primary_from_keys: the distinct ``from`` references of the primary flows.
    :ivar primary_to_keys: the distinct ``to`` references of the primary flows.
    :ivar counter_from_keys: the distinct ``from`` references of the other flows: the
        counter-flows and the flows that are no market trade (a fee, a report ...).
    :ivar counter_to_keys: the same for ``to``.
    :ivar other_kinds: whether some flow is no market trade (its ``kind`` is not ``market``).
    :ivar has_volumes: whether some flow gives its ``volume``.
    :ivar from_bound: at least the number of primary flows of any single ``from`` reference.
    :ivar to_bound: the same for ``to``.
    :ivar from_counts: the exact number of primary flows per ``from`` reference, when asked for.
    :ivar to_counts: the same for ``to``.
    :ivar references: the distinct (value, counter_value, step) triples.
    :ivar counter_positions: the positions of the counter-flows.
    :ivar counter_targets: their ``counter_of`` references, in the same order.
    :ivar loop_blocks: the first positions of the blocks where some flow may run to itself.
    :ivar flow_types: the classes of the flows (a subclass may add references of its own).
    :ivar primary_froms: the ``from`` reference of every primary flow, in document order.
    :ivar primary_tos: the same for ``to``.
    :ivar volumes_complete: whether every primary flow gives its volume.
    :ivar volume_total: the sum of the primary flows' volumes (while they are complete).
    :ivar volume_largest: the largest of them.
    :ivar unit: the one unit of the primary flows' volumes (stripped), ``None`` when they name
        several or there are none.
    :ivar period: the one period of those volumes (``None`` also when they give none).
    :ivar block: the number of flows per block of this sweep.
    :ivar odd_unit_blocks: the first positions of the blocks where some flow may give a volume
        without a unit, or a share (unit ``%``) above 100.
    """

    __slots__ = (
        "_units_seen",
        "block",
        "counter_from_keys",
        "counter_positions",
        "counter_targets",
        "counter_to_keys",
        "first_id",
        "flow_count",
        "flow_types",
        "from_bound",
        "from_counts",
        "has_volumes",
        "ids",
        "ids_increasing",
        "last_id",
        "loop_blocks",
        "odd_unit_blocks",
        "other_kinds",
        "period",
        "primary_count",
        "primary_from_keys",
        "primary_froms",
        "primary_to_keys",
        "primary_tos",
        "references",
        "to_bound",
        "to_counts",
        "unit",
        "volume_largest",
        "volume_total",
        "volumes_complete",
    )

    def __init__(self) -> None:
        self.flow_count = 0
        self.ids: list[str] = []
        self.primary_count = 0
        self.ids_increasing = True
        self.first_id: str | None = None
        self.last_id: str | None = None
        self.primary_from_keys: set[str | None] = set()
        self.primary_to_keys: set[str | None] = set()
        self.counter_from_keys: set[str | None] = set()
        self.counter_to_keys: set[str | None] = set()
        self.from_bound = 0
        self.to_bound = 0
        self.from_counts: Counter[str | None] | None = None
        self.to_counts: Counter[str | None] | None = None
        self.references: set[Reference] = set()
        self.counter_positions: list[int] = []
        self.counter_targets: list[str] = []
        self.loop_blocks: list[int] = []
        self.flow_types: set[type] = set()
        self.other_kinds = False
        self.has_volumes = False
        self.primary_froms: list[str | None] = []
        self.primary_tos: list[str | None] = []
        self.volumes_complete = True
        self.volume_total = 0.0
        self.volume_largest = 0.0
        self.unit: str | None = None
        self.period: Period | None = None
        self.block = BLOCK
        self.odd_unit_blocks: list[int] = []
        self._units_seen: str | None = None


def _add_block(keys: Sequence[str | None], distinct: set[str | None]) -> int:
    """Add a block's keys to ``distinct``; return a bound of any one key's count in the block.

    A block of n keys with d distinct ones repeats keys n - d times, so no key occurs more than
    n - d + 1 times. Getting d takes a small set that stays in the cache; an exact per-block
    ``Counter`` would cost twice as much for a bound that is rarely needed tighter.
    """
    block = set(keys)
    distinct |= block
    return len(keys) - len(block) + 1 if keys else 0


def _primary_only(
    found: FlowSweep,
    chunk: Sequence[ValueFlow],
    start: int,
    froms: list[str | None],
    tos: list[str | None],
) -> tuple[list[str | None], list[str | None], Sequence[ValueFlow]]:
    """The block's ``from`` and ``to`` columns of its primary flows (market flows that answer
    no other flow), and those flows; records the counter-flows and the other flows' parties on
    the way."""
    kinds = list(map(_get_kind, chunk))
    market = kinds.count(_MARKET) == len(kinds)  # identity first: cheap when all are
    if not found.has_volumes:
        volumes = list(map(_get_volume, chunk))
        found.has_volumes = volumes.count(None) != len(volumes)
    if market and not any(map(_get_counter_of, chunk)):
        return froms, tos, chunk
    counter_of = list(map(_get_counter_of, chunk))
    primary = list(map(not_, counter_of))
    if not market:
        found.other_kinds = True
        primary = list(map(and_, primary, map(is_, kinds, repeat(_MARKET))))
    other = list(map(not_, primary))
    found.counter_positions.extend(compress(count(start), counter_of))
    found.counter_targets.extend(compress(counter_of, counter_of))
    found.counter_from_keys.update(compress(froms, other))
    found.counter_to_keys.update(compress(tos, other))
    return (
        list(compress(froms, primary)),
        list(compress(tos, primary)),
        list(compress(chunk, primary)),
    )


def _weigh(found: FlowSweep, primary: Sequence[ValueFlow]) -> None:
    """Add a block's primary flows to the volume aggregates, while every one gives a volume in
    the one unit and period of the first.

    Done here, while the block is in the cache: the concentration rule's bound and shares need
    the total, the largest volume and whether one unit holds, and a second pass over a million
    flows costs as much as the whole sweep."""
    if not primary:
        return
    volumes = list(map(_get_volume, primary))
    if None in volumes:
        found.volumes_complete = False
        return
    units = list(map(_get_unit, primary))
    periods = list(map(_get_period, primary))
    if found._units_seen is None:
        found._units_seen, found.unit, found.period = units[0], units[0].strip(), periods[0]
    seen = found._units_seen
    one_unit = units.count(seen) == len(units) or {u.strip() for u in set(units)} == {found.unit}
    if not one_unit or periods.count(found.period) != len(periods):
        # Several units or periods: no volume is comparable to every other.
        found.volumes_complete = False
        found.unit = found.period = None
        return
    found.volume_total += sum(volumes)  # not fsum: a sum too large for a float is inf
    found.volume_largest = max(found.volume_largest, max(volumes))  # noqa: PLW3301 - a list


def _odd_units(chunk: Sequence[ValueFlow]) -> bool:
    """Whether some flow of the block may give a volume without a unit, or a share above 100:
    cheap when every flow names the first flow's unit, neither blank nor ``%``, which is the
    case of a canvas that counts in one unit."""
    units = list(map(_get_unit, chunk))
    first = units[0]
    if first.strip() not in ("", "%") and units.count(first) == len(units):
        return False
    return any(unit.strip() in ("", "%") for unit in set(units))


def sweep_flows(
    flows: Sequence[ValueFlow],
    block: int = BLOCK,
    exact: bool = False,
) -> FlowSweep:
    """Read the flows once, block by block, and gather a :class:`FlowSweep`.

    :param exact: count every party's primary flows exactly (:attr:`FlowSweep.from_counts`),
        which is cheap while the parties' table fits in the cache; the bounds are then exact.
    """
    found = FlowSweep()
    found.block = block
    from_counts: Counter[str | None] = Counter()
    to_counts: Counter[str | None] = Counter()
    found.flow_count = len(flows)
    add_references = found.references.update
    add_types = found.flow_types.update
    for start in range(0, len(flows), block):
        chunk = flows[start : start + block]
        froms = list(map(_get_from, chunk))
        tos = list(map(_get_to, chunk))
        add_references(map(_get_references, chunk))
        ids = list(map(_get_id, chunk))
        found.ids.extend(ids)
        add_types(map(type, chunk))
        if found.ids_increasing:
            last = found.last_id
            found.ids_increasing = is_increasing(ids if last is None else [last, *ids])
            found.first_id = found.first_id if last is not None else ids[0]
            found.last_id = ids[-1]
        if any(map(eq, froms, tos)):
            found.loop_blocks.append(start)
        froms, tos, primary = _primary_only(found, chunk, start, froms, tos)
        if found.has_volumes and _odd_units(chunk):
            found.odd_unit_blocks.append(start)
        found.primary_count += len(froms)
        found.primary_froms += froms
        found.primary_tos += tos
        if found.volumes_complete:  # a block with a flow without one ends the weighing
            _weigh(found, primary)
        if exact:
            from_counts.update(froms)
            to_counts.update(tos)
        else:
            found.from_bound += _add_block(froms, found.primary_from_keys)
            found.to_bound += _add_block(tos, found.primary_to_keys)
    if not found.ids_increasing:
        found.first_id = found.last_id = None
    if exact:
        found.from_counts, found.to_counts = from_counts, to_counts
        found.primary_from_keys, found.primary_to_keys = set(from_counts), set(to_counts)
        found.from_bound = max(from_counts.values(), default=0)
        found.to_bound = max(to_counts.values(), default=0)
    return found
