"""Pausing the cyclic garbage collector around bulk work.

Loading, validating, scoring or exporting a large canvas creates millions of small objects that
never form cycles; with the collector on, it would scan them again and again. The pause is a
module of its own so that every layer can use it without importing the file format.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building or walking many small objects.

    It is re-enabled only if it was on, so pauses nest and a caller's own setting is kept.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
