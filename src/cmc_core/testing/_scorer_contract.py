"""The scorer contract: a score from 0 to 100 that explains itself and ignores id spelling."""

from __future__ import annotations

import math
import pickle
from collections.abc import Sequence

import pytest

from cmc_core.canvas import Canvas
from cmc_core.naming import NAME_PATTERN
from cmc_core.scoring.contract import MAXIMUM_SCORE, SCORER_API_VERSION, Score, ScoreContext, Scorer
from cmc_core.strategies import SENTINEL, id_strings, rename_ids
from cmc_core.testing._base import (
    CANVAS_NAMES,
    Contract,
    canvas_named,
    check_generated_canvases,
    equal_copies,
    fail_unless_unchanged,
)
from cmc_core.testing._paths import UnresolvedPathError, resolve_path

__all__ = ["ScorerContract", "fresh_ids"]


def fresh_ids(canvas: Canvas) -> dict[str, str]:
    """A renaming of every id of ``canvas`` to fresh tokens that keeps the ids' sorted order.

    Keeping the order keeps every tie-break a scorer makes by id, so the score must not change.
    """
    return {old: f"{SENTINEL}id{n:05d}" for n, old in enumerate(sorted(id_strings(canvas)))}


def _summary(score: Score) -> tuple[float, bool, tuple[str, ...]]:
    return (score.value, score.applicable, tuple(reason.path for reason in score.reasons))


class ScorerContract(Contract):
    """Tests every scorer must pass. Subclass it and provide the scorer as a fixture::

        class TestWasteScorer(ScorerContract):
            @pytest.fixture
            def scorer(self) -> Scorer:
                return WASTE_SCORER

    Over the sample canvases, the hostile canvas and generated ones it checks that the scorer
    returns a :class:`~cmc_core.scoring.Score` from 0 to 100; that an applicable score gives at
    least one reason, each with text and a path that resolves in the canvas; that the score is
    deterministic, the same for equal canvases and for a canvas whose ids are renamed; and that
    the canvas is left unchanged. Override :meth:`score_contexts` to score with extras (such as
    questionnaire answers) as well.
    """

    @pytest.fixture
    def scorer(self) -> Scorer:
        """The scorer under test: override this fixture."""
        pytest.fail(f"{type(self).__name__} must define a fixture 'scorer' returning it")

    def score_contexts(self, canvas: Canvas) -> Sequence[ScoreContext]:
        """The contexts to score ``canvas`` in: by default one without extras."""
        return [ScoreContext(canvas)]

    def _score(self, scorer: Scorer, canvas: Canvas) -> list[Score]:
        return [scorer(canvas, context) for context in self.score_contexts(canvas)]

    def _check_score(self, scorer: Scorer, canvas: Canvas, score: Score) -> None:
        where = f"scorer {scorer.name!r}"
        value = score.value
        if not (isinstance(value, int | float) and math.isfinite(value)):
            pytest.fail(f"{where} gave the score {value!r}, which is not a finite number")
        if not 0 <= value <= MAXIMUM_SCORE:
            pytest.fail(f"{where} gave {value!r}, outside 0 to {MAXIMUM_SCORE:g}")
        if score.applicable and not score.reasons:
            pytest.fail(f"{where} gave {value:g} without a reason; say what produced it")
        problems: list[str] = []
        for reason in score.reasons:
            if not reason.text.strip():
                problems.append(f"a reason at {reason.path!r} has no text")
            try:
                resolve_path(canvas, reason.path)
            except UnresolvedPathError as error:
                problems.append(f"{error} (reason: {reason.text!r})")
            if reason.effect is not None and not math.isfinite(reason.effect):
                problems.append(f"the effect {reason.effect!r} of {reason.text!r} is not finite")
        if problems:
            pytest.fail(f"{where}:\n  " + "\n  ".join(dict.fromkeys(problems)))

    def _check_one(self, scorer: Scorer, canvas: Canvas) -> None:
        before = pickle.loads(pickle.dumps(canvas))
        scores = self._score(scorer, canvas)
        fail_unless_unchanged(canvas, before, f"scorer {scorer.name!r}")
        for score in scores:
            if not isinstance(score, Score):
                pytest.fail(f"scorer {scorer.name!r} returned a {type(score).__name__}")
            self._check_score(scorer, canvas, score)
        if self._score(scorer, canvas) != scores:
            pytest.fail(f"scorer {scorer.name!r} scored the same canvas differently twice")
        for how, copy in equal_copies(canvas).items():
            if self._score(scorer, copy) != scores:
                pytest.fail(f"scorer {scorer.name!r} scored {how} differently")
        renamed = rename_ids(canvas, fresh_ids(canvas))
        expected = [_summary(score) for score in scores]
        got = [_summary(score) for score in self._score(scorer, renamed)]
        if not all(
            math.isclose(a[0], b[0], abs_tol=1e-9) and a[1:] == b[1:]
            for a, b in zip(expected, got, strict=True)
        ):
            pytest.fail(
                f"scorer {scorer.name!r} changed its score when ids were renamed "
                f"(value, applicable, reason paths): {expected} became {got}"
            )

    def test_scorer_is_well_formed(self, scorer: Scorer) -> None:
        if not isinstance(scorer, Scorer):
            pytest.fail(f"the scorer is a {type(scorer).__name__}, not a cmc Scorer")
        if not NAME_PATTERN.match(scorer.name):
            pytest.fail(f"the name {scorer.name!r} must be lower-case words joined by hyphens")
        if not scorer.title.strip() or "\n" in scorer.title:
            pytest.fail("the title must be one non-empty line")
        if not (math.isfinite(scorer.weight) and scorer.weight >= 0):
            pytest.fail(f"the weight {scorer.weight!r} must be a finite number of at least 0")
        if not 1 <= scorer.api_version <= SCORER_API_VERSION:
            pytest.fail(f"api_version {scorer.api_version} is not one this cmc knows")

    def test_plugin_registers_the_scorer(self, scorer: Scorer, plugin: object) -> None:
        self.check_registration(plugin, "scorers", scorer.name, scorer)

    @pytest.mark.parametrize("canvas_name", CANVAS_NAMES)
    def test_scores_each_canvas_within_range_with_reasons_deterministically(
        self, scorer: Scorer, canvas_name: str
    ) -> None:
        self._check_one(scorer, canvas_named(canvas_name))

    def test_handles_generated_canvases(self, scorer: Scorer) -> None:
        check_generated_canvases(lambda canvas: self._check_one(scorer, canvas), self.max_examples)
