"""Cheap drawing primitives: one hypothesis choice where a naive strategy makes several.

A canvas has hundreds of fields and every choice hypothesis makes costs tens of microseconds, so
the canvas strategies draw subsets as bit masks, optional references as one integer, and free
text from a small per-canvas pool of texts cycled through the fields (no draw per field). All of
them shrink towards "nothing": ``None``, the empty subset, the first element, the identity
permutation, the first text of the pool. Strategies are cached, never built per draw.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar

from hypothesis import strategies as st

_T = TypeVar("_T")

#: Subsets of at most this many elements are drawn as one bit mask.
_MASK_LIMIT = 20


#: ``None`` or a float from 0 to 100 (any float there, subnormals and -0.0 included).
PERCENTAGES: st.SearchStrategy[float | None] = st.none() | st.floats(min_value=0, max_value=100)


@lru_cache(maxsize=4096)
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


def integer(draw: st.DrawFn, low: int, high: int) -> int:
    """An integer from ``low`` to ``high`` inclusive; no draw when there is one choice."""
    return low if high <= low else draw(_integers(low, high))


def flag(draw: st.DrawFn) -> bool:
    """A boolean; shrinks to ``False``."""
    return integer(draw, 0, 1) == 1


def pick(draw: st.DrawFn, options: Sequence[_T]) -> _T:
    """One of ``options`` (not empty); shrinks to the first."""
    return options[integer(draw, 0, len(options) - 1)]


def maybe(draw: st.DrawFn, options: Sequence[_T]) -> _T | None:
    """``None`` or one of ``options``, in one draw; shrinks to ``None``."""
    index = integer(draw, 0, len(options))
    return None if index == 0 else options[index - 1]


def subset(draw: st.DrawFn, options: Sequence[_T], *, max_size: int | None = None) -> list[_T]:
    """Distinct elements of ``options`` in their order; shrinks to the empty list."""
    limit = len(options) if max_size is None else min(max_size, len(options))
    if len(options) <= _MASK_LIMIT:
        mask = integer(draw, 0, (1 << len(options)) - 1)
        return [option for bit, option in enumerate(options) if mask >> bit & 1][:limit]
    indices = draw(_index_lists(len(options), limit))
    return [options[index] for index in sorted(indices)]


@lru_cache(maxsize=1024)
def _index_lists(size: int, limit: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_integers(0, size - 1), max_size=limit, unique=True)


def repeats(draw: st.DrawFn, options: Sequence[_T], *, max_size: int) -> tuple[_T, ...]:
    """Up to ``max_size`` elements of ``options``, repeats allowed; shrinks to ``()``."""
    if not options:
        return ()
    return tuple(pick(draw, options) for _ in range(integer(draw, 0, max_size)))


def permutation(draw: st.DrawFn, items: Sequence[_T], *, limit: int = 64) -> tuple[_T, ...]:
    """``items`` in a drawn order (Fisher-Yates); shrinks to the given order.

    Only the first ``limit`` places are drawn (from anywhere in the sequence); the rest keep
    their relative order, so long sequences cost at most ``limit`` choices.
    """
    shuffled = list(items)
    for position in range(min(len(shuffled) - 1, limit)):
        other = integer(draw, position, len(shuffled) - 1)
        shuffled[position], shuffled[other] = shuffled[other], shuffled[position]
    return tuple(shuffled)


@lru_cache(maxsize=64)
def _pools(text: st.SearchStrategy[str], size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(text, min_size=2, max_size=size)


class TextCycle:
    """Free text for a canvas: a pool drawn once, handed out field after field in turn.

    Each field gets a different pool entry than the one before, so a canvas mixes its texts;
    shrinking the pool to one plain text makes every field plain at once.
    """

    def __init__(self, draw: st.DrawFn, text: st.SearchStrategy[str], size: int = 5) -> None:
        self._pool = draw(_pools(text, size))
        self._turn = 0

    def next(self) -> str:
        """The next text of the pool."""
        text = self._pool[self._turn % len(self._pool)]
        self._turn += 1
        return text

    def filled(self, word: str) -> str:
        """The next text, with ``word`` in front when that text is blank (rules need it)."""
        text = self.next()
        return text if text.strip() else word + text

    def several(self, draw: st.DrawFn, max_size: int) -> tuple[str, ...]:
        """A drawn number (up to ``max_size``) of texts."""
        return tuple(self.next() for _ in range(integer(draw, 0, max_size)))

    def maybe(self, draw: st.DrawFn) -> str | None:
        """``None`` or the next text."""
        return self.next() if flag(draw) else None
