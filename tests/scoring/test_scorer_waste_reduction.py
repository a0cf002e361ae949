"""waste-reduction: a baseline, an expected saving, and the basis of the estimate."""

from __future__ import annotations

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import Waste
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.waste import (
    BASELINE_SHARE_POINTS,
    BASELINE_TEXT_POINTS,
    BASIS_ALONE_POINTS,
    BASIS_POINTS,
    SAVING_POINTS,
    WASTE_REDUCTION,
)
from cmc_core.vocabulary import SavingStatus

REALISED = SavingStatus.REALISED


def score(waste: Waste) -> Score:
    canvas = Canvas(waste=waste)
    return WASTE_REDUCTION(canvas, ScoreContext(canvas))


def test_a_substantiated_saving_on_a_measured_baseline_scores_100() -> None:
    full = Waste(
        baseline="Retyping",
        baseline_share=27,
        expected_saving=20,
        basis="Time study",
        status=SavingStatus.REALISED,
    )
    result = score(full)
    assert result.value == 100.0
    assert [r.path for r in result.reasons] == [
        "waste.baseline",
        "waste.baseline_share",
        "waste.expected_saving",
        "waste.basis",
    ]
    assert "27% of the cost" in result.reasons[1].text


def test_an_empty_block_scores_0_and_says_what_to_estimate() -> None:
    result = score(Waste())
    assert result.value == 0.0
    assert all(r.effect == 0.0 for r in result.reasons)


@pytest.mark.parametrize(
    ("waste", "expected"),
    [
        (Waste(baseline="Retyping"), BASELINE_TEXT_POINTS),
        (Waste(baseline_share=0), BASELINE_SHARE_POINTS),
        (Waste(expected_saving=20, status=SavingStatus.REALISED), SAVING_POINTS),
        (Waste(expected_saving=20, basis="Pilot", status=REALISED), SAVING_POINTS + BASIS_POINTS),
        # a promised saving earns half, and nothing without a baseline figure to measure it by
        (Waste(baseline_share=10, expected_saving=20), BASELINE_SHARE_POINTS + SAVING_POINTS / 2),
        (Waste(expected_saving=20), 0.0),
        (
            Waste(baseline_amount=100, saving_amount=4, unit="trips", status=REALISED),
            BASELINE_SHARE_POINTS + SAVING_POINTS,
        ),
        (Waste(basis="Pilot"), BASIS_ALONE_POINTS),
    ],
)
def test_each_part_earns_its_points(waste: Waste, expected: float) -> None:
    assert score(waste).value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "written"),
    [(18000.0, "18,000"), (123456789.0, "123,456,789"), (1.23e-7, "0.000000123"), (2.0, "2")],
)
def test_amounts_are_written_with_separators_and_never_in_exponent_form(
    value: float, written: str
) -> None:
    from cmc_core.canvas import Canvas
    from cmc_core.model import Waste
    from cmc_core.scoring.builtin.waste import WASTE_REDUCTION
    from cmc_core.scoring.contract import ScoreContext
    from cmc_core.vocabulary import Period

    canvas = Canvas(waste=Waste(baseline_amount=value, unit="delivery notes", period=Period.YEAR))
    texts = [r.text for r in WASTE_REDUCTION(canvas, ScoreContext(canvas)).reasons]
    assert f"The waste today is {written} delivery notes per year" in texts
    bare = Canvas(waste=Waste(baseline_amount=value))
    assert f"The waste today is {written}" in [
        r.text for r in WASTE_REDUCTION(bare, ScoreContext(bare)).reasons
    ]
