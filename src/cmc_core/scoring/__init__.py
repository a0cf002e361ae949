"""Scoring: dimensions of the community score card, each explaining itself with reasons."""

from __future__ import annotations

from cmc_core.scoring.contract import (
    MAXIMUM_SCORE,
    SCORER_API_VERSION,
    Reason,
    Score,
    ScoreContext,
    ScoreFunction,
    Scorer,
)

__all__ = [
    "MAXIMUM_SCORE",
    "SCORER_API_VERSION",
    "Reason",
    "Score",
    "ScoreContext",
    "ScoreFunction",
    "Scorer",
]
