"""The built-in scorers as a plugin: registered through the ``cmc`` entry-point group.

Loading the built-ins the way third-party scorers are loaded proves that the public hook is
enough for them. :func:`cmc_core.scoring.score_canvas` does not need plugins: without scorers
given it uses :data:`~cmc_core.scoring.builtin.BUILTIN_SCORERS` directly.
"""

from __future__ import annotations

from collections.abc import Callable

# A plugin of your own writes `from cmc_core import hookimpl`: the same marker. The built-ins sit
# below the hook specifications, which name their types, so they take it from where it is made.
from cmc_core._markers import hookimpl
from cmc_core.scoring.builtin import BUILTIN_SCORERS
from cmc_core.scoring.contract import Scorer

__all__ = ["cmc_register_scorers"]


@hookimpl
def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
    """Register the built-in dimensions of the score card."""
    for scorer in BUILTIN_SCORERS:
        register(scorer)
