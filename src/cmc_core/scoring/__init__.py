"""Scoring: the community score card, whose every dimension explains itself with reasons.

- The contract plugins implement: :class:`Scorer`, :class:`Score`, :class:`Reason`,
  :class:`ScoreContext`.
- The card: :func:`score_canvas` -> :class:`ScoreCard` of :class:`DimensionScore` objects, read
  in :class:`Band` s with configurable :class:`Bands`; :func:`compare` two cards.
- Snapshots of one community over time: :func:`build_timeline` -> :class:`Timeline` of
  :class:`Snapshot` s, with each dimension's :class:`DimensionSeries` and, per :class:`Step`,
  the rule codes that appeared or disappeared.
- The built-in dimensions: :data:`cmc_core.scoring.builtin.BUILTIN_SCORERS`, imported on first
  use.
- The value network: :func:`analyse_network` -> :class:`NetworkAnalysis` (networkx only for
  :func:`cmc_core.scoring.network.to_networkx`, imported when called).
"""

from __future__ import annotations

from cmc_core.scoring.bands import DEFAULT_BANDS, Band, Bands
from cmc_core.scoring.card import (
    DimensionScore,
    DuplicateScorerError,
    InvalidWeightError,
    ScoreCard,
    UnknownScorerError,
    check_weights,
    error_cap,
    score_canvas,
)
from cmc_core.scoring.compare import DimensionChange, ScoreComparison, compare
from cmc_core.scoring.contract import (
    MAXIMUM_SCORE,
    SCORER_API_VERSION,
    Reason,
    Score,
    ScoreContext,
    ScoreFunction,
    Scorer,
)
from cmc_core.scoring.network import NetworkAnalysis, analyse_network
from cmc_core.scoring.timeline import (
    Assessed,
    CodeChange,
    CodeSummary,
    DimensionSeries,
    Snapshot,
    Step,
    Timeline,
    build_timeline,
)

__all__ = [
    "DEFAULT_BANDS",
    "MAXIMUM_SCORE",
    "SCORER_API_VERSION",
    "Assessed",
    "Band",
    "Bands",
    "CodeChange",
    "CodeSummary",
    "DimensionChange",
    "DimensionScore",
    "DimensionSeries",
    "DuplicateScorerError",
    "InvalidWeightError",
    "NetworkAnalysis",
    "Reason",
    "Score",
    "ScoreCard",
    "ScoreComparison",
    "ScoreContext",
    "ScoreFunction",
    "Scorer",
    "Snapshot",
    "Step",
    "Timeline",
    "UnknownScorerError",
    "analyse_network",
    "build_timeline",
    "check_weights",
    "compare",
    "error_cap",
    "score_canvas",
]
