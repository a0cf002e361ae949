"""The built-in dimensions of the score card, one module per theme.

Each is a :class:`~cmc_core.scoring.Scorer` whose ``description`` gives its formula and its
grounding in the domain reference; docs/scoring.md explains them at length.
"""

from __future__ import annotations

from cmc_core.scoring.builtin.change import CHANGE_READINESS
from cmc_core.scoring.builtin.commonality import COMMONALITY_STRENGTH
from cmc_core.scoring.builtin.completeness import COMPLETENESS
from cmc_core.scoring.builtin.cooperation import COOPERATION_COMPETITION
from cmc_core.scoring.builtin.end_customer import END_CUSTOMER_ORIENTATION
from cmc_core.scoring.builtin.market import MARKET_BALANCE
from cmc_core.scoring.builtin.quickscan import QUICKSCAN_SUITABILITY
from cmc_core.scoring.builtin.waste import WASTE_REDUCTION
from cmc_core.scoring.contract import Scorer

__all__ = [
    "BUILTIN_SCORERS",
    "CHANGE_READINESS",
    "COMMONALITY_STRENGTH",
    "COMPLETENESS",
    "COOPERATION_COMPETITION",
    "END_CUSTOMER_ORIENTATION",
    "MARKET_BALANCE",
    "QUICKSCAN_SUITABILITY",
    "WASTE_REDUCTION",
]

#: The built-in scorers in score-card order: what the canvas is, then how healthy its market
#: is, then how ready the change is.
BUILTIN_SCORERS: tuple[Scorer, ...] = (
    COMPLETENESS,
    MARKET_BALANCE,
    COMMONALITY_STRENGTH,
    COOPERATION_COMPETITION,
    END_CUSTOMER_ORIENTATION,
    CHANGE_READINESS,
    WASTE_REDUCTION,
    QUICKSCAN_SUITABILITY,
)
