"""The ids of one collection, and what can be proved about them without a set of all of them.

A set of a million flow ids is the most cache-hostile structure validation could build: every
insert lands on a random line of a table of tens of megabytes. Tools write entities in id order,
though, and strictly increasing ids are unique, which one comparison of neighbours proves while
reading memory in order. Sorted columns are searched by bisection, and two sorted columns whose
ranges do not overlap share no id at all. A set is built only for a column that is not sorted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cached_property
from itertools import compress, count, islice
from operator import eq

__all__ = ["IdColumn", "is_increasing", "positions"]


def positions(column: Sequence[object], wanted: Iterable[object]) -> list[int]:
    """The positions whose entry is in ``wanted``: the slow pass, run on a known problem."""
    targets = frozenset(wanted)
    if not targets:
        return []
    return list(compress(count(), map(targets.__contains__, column)))


def is_increasing(ids: list[str]) -> bool:
    """Whether every id is greater than the one before it.

    ``sorted`` checks an ordered list with one specialised string comparison per id, several
    times faster than ``map(operator.lt, ...)``; equal neighbours are then ruled out with
    ``operator.eq``, which tells different ids apart by their length or first bytes. On a list
    that is not ordered this costs a full sort, so callers stop asking after the first no.
    """
    try:
        ordered = sorted(ids) == ids
    except TypeError:  # an id that is not a string: not ours to order
        return False
    return ordered and not any(map(eq, ids, islice(ids, 1, None)))


class IdColumn:
    """The ids of one collection, in document order, read only when needed.

    :param read: gives the ids.
    :param increasing: whether they are known to be strictly increasing; ``None``: find out.
    :param bounds: the first and last id, when they are known to be increasing.
    """

    def __init__(
        self,
        read: Callable[[], list[str]],
        increasing: bool | None = None,
        bounds: tuple[str, str] | None = None,
    ) -> None:
        self._read = read
        self._increasing = increasing
        self._bounds = bounds

    @cached_property
    def ids(self) -> list[str]:
        """The ids, in document order."""
        return self._read()

    @cached_property
    def increasing(self) -> bool:
        """Whether the ids are strictly increasing, hence unique."""
        if self._increasing is not None:
            return self._increasing
        return is_increasing(self.ids)

    @cached_property
    def bounds(self) -> tuple[str, str] | None:
        """The smallest and largest id when the column is sorted and not empty."""
        if not self.increasing:
            return None
        if self._bounds is not None:
            return self._bounds
        ids = self.ids
        return (ids[0], ids[-1]) if ids else None

    @cached_property
    def id_set(self) -> frozenset[str]:
        """The distinct ids (a set of the whole column: only for columns that are not sorted)."""
        return frozenset(self.ids)

    @cached_property
    def duplicates(self) -> frozenset[str]:
        """The ids that occur more than once."""
        if self.increasing or len(self.id_set) == len(self.ids):
            return frozenset()
        return frozenset(key for key, uses in Counter(self.ids).items() if uses > 1)

    def present(self, wanted: Collection[str]) -> frozenset[str]:
        """The ids among ``wanted`` that occur in this column."""
        if not wanted:
            return frozenset()
        bounds = self.bounds
        if self.increasing:
            if bounds is None:
                return frozenset()
            low, high = bounds
            # Only ids within the range can occur (often none); each is found by bisection.
            within = [key for key in wanted if low <= key <= high]
            return frozenset(key for key in within if _in_sorted(self.ids, key))
        if "id_set" in self.__dict__ or len(wanted) * 8 > len(self.ids):
            return self.id_set.intersection(wanted)
        targets = frozenset(wanted)
        return frozenset(filter(targets.__contains__, self.ids))

    def shared_with(self, other: IdColumn) -> frozenset[str]:
        """The ids that occur in both columns."""
        mine, theirs = self.bounds, other.bounds
        if mine is not None and theirs is not None and (mine[1] < theirs[0] or theirs[1] < mine[0]):
            return frozenset()  # two sorted columns with disjoint ranges
        if (mine is None and self.increasing) or (theirs is None and other.increasing):
            return frozenset()  # one of them is empty
        smaller, larger = sorted((self, other), key=lambda column: len(column.ids))
        return larger.present(smaller.ids)


def _in_sorted(items: list[str], key: str) -> bool:
    position = bisect_left(items, key)
    return position < len(items) and items[position] == key
