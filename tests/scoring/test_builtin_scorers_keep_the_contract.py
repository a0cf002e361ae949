"""Every built-in scorer keeps the scorer contract that plugin authors test theirs with."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from cmc_core.canvas import Canvas
from cmc_core.questionnaires import Answer, AnswerSet
from cmc_core.scoring import ScoreContext, Scorer
from cmc_core.scoring import plugin as builtin_scorers
from cmc_core.scoring.builtin import BUILTIN_SCORERS
from cmc_core.testing import ScorerContract

#: Quickscan answers for each verdict, so the quickscan scorer is checked where it applies.
QUICKSCAN_ANSWERS = (
    AnswerSet({"qs-suppliers-count": Answer("qs-suppliers-count", 1)}),
    AnswerSet(
        {
            "qs-suppliers-count": Answer("qs-suppliers-count", 5),
            "qs-demanders-count": Answer("qs-demanders-count", 8),
        }
    ),
    AnswerSet(
        {
            "qs-suppliers-count": Answer("qs-suppliers-count", 5),
            "qs-demanders-count": Answer("qs-demanders-count", 8),
            "qs-cooperate": Answer("qs-cooperate", ["booking"]),
            "qs-commonality": Answer("qs-commonality", "A shared booking system"),
            "qs-kickoff-ready": Answer("qs-kickoff-ready", True),
        }
    ),
)


class TestBuiltinScorers(ScorerContract):
    max_examples = 15  # eight scorers; the scoring property tests go further

    @pytest.fixture(params=BUILTIN_SCORERS, ids=lambda scorer: scorer.name)
    def scorer(self, request: pytest.FixtureRequest) -> Scorer:
        chosen: Scorer = request.param
        return chosen

    @pytest.fixture
    def plugin(self) -> object:
        return builtin_scorers

    def score_contexts(self, canvas: Canvas) -> Sequence[ScoreContext]:
        return [
            ScoreContext(canvas),
            *(ScoreContext(canvas, {"quickscan": answers}) for answers in QUICKSCAN_ANSWERS),
        ]
