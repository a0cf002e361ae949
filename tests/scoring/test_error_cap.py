"""An error-level diagnostic caps the score card (issue 13): a failing canvas is never strong."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmc_core import assess
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Diagnostic, Severity
from cmc_core.examples import example_text
from cmc_core.fileformat import loads
from cmc_core.scoring import Band, Bands, Reason, Score, Scorer, error_cap, score_canvas
from cmc_core.scoring.builtin import BUILTIN_SCORERS
from cmc_core.strategies import canvases, canvases_breaking

EXAMPLES = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
ERROR_CODES = ("CMC001", "CMC002", "CMC005", "CMC007", "CMC009", "CMC012")


def _full_marks(canvas: Canvas, context: object) -> Score:
    return Score(100.0, (Reason("everything is in place"),))


FULL = Scorer(name="full", title="Full marks", score=_full_marks, rules={"CMC001"})
OTHER = Scorer(name="other", title="Full marks elsewhere", score=_full_marks)


def _error(code: str, message: str = "too few suppliers", path: str = "parties") -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, path=path)


def test_an_error_caps_its_dimension_and_the_overall_score_below_the_strong_band() -> None:
    card = score_canvas(Canvas(), [FULL, OTHER], errors=[_error("CMC001")])
    full, other = card.dimensions
    assert full.score == error_cap(Bands()) == 69.0
    assert full.band is Band.ADEQUATE
    assert full.reasons[0].text.startswith("This dimension is capped at 69")
    assert "CMC001" in full.reasons[0].text
    assert "too few suppliers" in full.reasons[0].text
    assert full.reasons[0].path == "parties"
    assert other.score == 100.0  # the rule does not concern it
    assert card.overall == 69.0
    assert card.band is Band.ADEQUATE
    assert card.notes
    assert "The overall score is capped" in card.notes[0].text
    assert card.to_dict()["notes"][0]["path"] == "parties"


def test_warnings_cap_nothing_and_a_low_score_is_left_as_it_is() -> None:
    warning = attrs.evolve(_error("CMC001"), severity=Severity.WARNING)
    card = score_canvas(Canvas(), [FULL], errors=[warning])
    assert card.overall == 100.0
    assert not card.notes

    def low(canvas: Canvas, context: object) -> Score:
        return Score(12.0)

    low_scorer = Scorer("low", "Low", low, rules={"CMC001"})
    low_card = score_canvas(Canvas(), [low_scorer], errors=[_error("CMC001")])
    assert low_card.overall == 12.0
    assert not low_card.notes
    assert low_card.dimensions[0].reasons == ()


def test_the_cap_follows_the_bands() -> None:
    bands = Bands(adequate=30, strong=50)
    card = score_canvas(Canvas(), [FULL], errors=[_error("CMC001")], bands=bands)
    assert card.overall == 49.0
    assert card.band is Band.ADEQUATE


@EXAMPLES
@given(st.one_of(canvases(), *(canvases_breaking(code) for code in ERROR_CODES)))
def test_a_canvas_with_an_error_level_diagnostic_never_scores_in_the_top_band(
    canvas: Canvas,
) -> None:
    assessment = assess(canvas)
    card = assessment.scores
    if assessment.has_errors:
        assert card.band is not Band.STRONG
        assert card.overall is None or card.overall < Bands().strong
        for dimension in card.dimensions:
            concerned = {error.code for error in assessment.report.errors} & set(
                dimension_rules(dimension.name)
            )
            if concerned:
                assert dimension.band is not Band.STRONG


def dimension_rules(name: str) -> frozenset[str]:
    return next(scorer.rules for scorer in BUILTIN_SCORERS if scorer.name == name)


def test_breaking_a_strong_example_caps_its_card() -> None:
    canvas = loads(example_text("port-logistics"), "yaml").canvas
    passing = assess(canvas)
    assert not passing.has_errors
    assert not passing.scores.notes
    assert passing.scores.band is Band.STRONG
    broken = attrs.evolve(canvas, boundary=attrs.evolve(canvas.boundary, goal=""))
    failing = assess(broken)
    assert [error.code for error in failing.report.errors] == ["CMC012"]
    assert failing.scores.overall == error_cap(Bands())
    assert "CMC012" in failing.scores.notes[0].text
    assert failing.scores.dimension("completeness").score <= error_cap(Bands())
    assert failing.scores.dimension("market-balance").score > error_cap(Bands())
