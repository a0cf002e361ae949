"""The digital-waste scorer on real canvases: the bundled examples, generated communities, and
canvases built to show one term of the formula at a time."""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
import pytest
from cmc_core.canvas import Canvas
from cmc_core.examples import example_text, names, starter_text
from cmc_core.fileformat import loads
from cmc_core.model import Commonality, Party, ValueFlow, Waste
from cmc_core.scoring import Score, ScoreContext, Scorer
from cmc_core.strategies import valid_canvases
from cmc_core.testing import ScorerContract, examples
from cmc_core.vocabulary import Role
from hypothesis import given, settings
from hypothesis import strategies as st

import cmc_digital_waste
from cmc_digital_waste import SCORER
from cmc_digital_waste.questionnaire import (
    CHANNEL,
    COMMUNICATION_CONTROL_SHARE,
    DOUBLE_ENTRY,
    DOUBLE_ENTRY_TIMES,
    NAME,
    PARTIES,
    TRUST_CHECKS,
)
from cmc_digital_waste.scorer import (
    BASELINE_FULL_AT,
    BASELINE_POINTS,
    BASIS_POINTS,
    COMMONALITY_POINTS,
    COVERAGE_POINTS,
    FRICTION_COUNTED,
    FRICTION_POINTS,
    SAVING_FULL_AT,
    SAVING_POINTS,
)


class TestDigitalWasteScorer(ScorerContract):
    """The contract every scorer passes, here also with assessment answers in the extras."""

    @pytest.fixture
    def scorer(self) -> Scorer:
        return SCORER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_digital_waste

    def score_contexts(self, canvas: Canvas) -> Sequence[ScoreContext]:
        heavy = {PARTIES: 12, DOUBLE_ENTRY: "yes", DOUBLE_ENTRY_TIMES: 4, CHANNEL: "phone-email"}
        odd = {COMMUNICATION_CONTROL_SHARE: "40%", TRUST_CHECKS: 9, "dw-unknown": "x"}
        return [
            ScoreContext(canvas),
            ScoreContext(canvas, {NAME: heavy}),
            ScoreContext(canvas, {NAME: odd}),
        ]


def example(name: str) -> Canvas:
    return loads(example_text(name), "yaml", source=f"example:{name}").canvas


def effects_total(score: Score) -> float:
    return sum(reason.effect or 0.0 for reason in score.reasons)


NO_WASTE_FIGURES = Waste()


def community(*, flows_via: int, flows_outside: int = 0, waste: Waste = NO_WASTE_FIGURES) -> Canvas:
    """Two suppliers and two demanders on one commonality, with flows on or off it."""
    parties = (
        Party("s-1", "Supplier one", (Role.SUPPLIER,)),
        Party("s-2", "Supplier two", (Role.SUPPLIER,)),
        Party("d-1", "Demander one", (Role.DEMANDER,)),
        Party("d-2", "Demander two", (Role.DEMANDER,)),
    )
    flows = tuple(
        ValueFlow(f"f-{i}", None, "s-1", "d-1", via_commonality=i < flows_via)
        for i in range(flows_via + flows_outside)
    )
    commonality = Commonality("c-net", "Shared network", primary=True, users=("s-1", "d-1"))
    return Canvas(parties=parties, flows=flows, commonalities=(commonality,), waste=waste)


# -- the bundled examples ------------------------------------------------------------------


@pytest.mark.parametrize("name", names())
def test_every_bundled_example_gets_a_score_whose_reasons_add_up_to_it(name: str) -> None:
    score = SCORER(example(name))

    assert score.applicable
    assert 0 < score.value <= 100
    assert score.value == pytest.approx(effects_total(score))


@pytest.mark.parametrize("name", names())
def test_every_bundled_example_is_scored_on_its_own_waste_figures(name: str) -> None:
    canvas = example(name)
    share = canvas.waste.baseline_share
    assert share is not None, "the examples all estimate their waste"

    reasons = {reason.path: reason for reason in SCORER(canvas).reasons}

    baseline = reasons["waste.baseline_share"]
    assert f"{share:g}%" in baseline.text
    assert baseline.effect == pytest.approx(
        BASELINE_POINTS * min(share, BASELINE_FULL_AT) / BASELINE_FULL_AT
    )


@pytest.mark.parametrize("name", names())
def test_friction_reasons_point_at_flows_that_run_via_the_commonality_and_name_friction(
    name: str,
) -> None:
    canvas = example(name)

    friction_paths = [r.path for r in SCORER(canvas).reasons if r.path.endswith("].friction")]

    assert friction_paths, "every example names friction on some flow"
    for path in friction_paths:
        flow = canvas.flows[int(path.removeprefix("flows[").removesuffix("].friction"))]
        assert flow.friction.strip()


def test_the_port_example_names_more_friction_than_counts_and_says_the_rest_adds_nothing() -> None:
    canvas = example("port-logistics")
    addressed = [f for f in canvas.flows if f.via_commonality and f.friction.strip()]
    assert len(addressed) > FRICTION_COUNTED

    reasons = SCORER(canvas).reasons

    counted = [r for r in reasons if r.path.endswith("].friction") and r.effect]
    assert len(counted) == FRICTION_COUNTED
    assert any("at most" in r.text and r.effect == 0 for r in reasons)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_empty_starter_canvas_has_nothing_to_judge(language: str) -> None:
    canvas = loads(starter_text(language), "yaml").canvas

    score = SCORER(canvas)

    assert not score.applicable
    assert score.value == 0
    assert "nothing to judge" in score.reasons[0].text


# -- one term of the formula at a time ----------------------------------------------------


def test_a_baseline_share_counts_in_proportion_up_to_the_sourced_thirty_percent() -> None:
    def baseline_points(share: float) -> float:
        canvas = community(flows_via=1, waste=Waste(baseline_share=share))
        return SCORER(canvas).value - SCORER(community(flows_via=1)).value

    assert baseline_points(15) == pytest.approx(BASELINE_POINTS / 2)
    assert baseline_points(BASELINE_FULL_AT) == pytest.approx(BASELINE_POINTS)
    assert baseline_points(80) == pytest.approx(BASELINE_POINTS)


def test_an_expected_saving_beyond_twenty_percent_earns_no_more() -> None:
    modest = community(flows_via=1, waste=Waste(expected_saving=SAVING_FULL_AT))
    bold = community(flows_via=1, waste=Waste(expected_saving=90))

    assert SCORER(bold).value == SCORER(modest).value
    assert SCORER(modest).value - SCORER(community(flows_via=1)).value == pytest.approx(
        SAVING_POINTS
    )


def test_a_basis_counts_only_when_it_substantiates_an_expected_saving() -> None:
    basis_alone = community(flows_via=1, waste=Waste(basis="a time study"))
    saving = community(flows_via=1, waste=Waste(expected_saving=10))
    saving_with_basis = community(flows_via=1, waste=Waste(expected_saving=10, basis="a study"))

    assert SCORER(basis_alone).value == SCORER(community(flows_via=1)).value
    assert SCORER(saving_with_basis).value - SCORER(saving).value == pytest.approx(BASIS_POINTS)


def test_the_share_of_flows_via_the_commonality_earns_the_coverage_points() -> None:
    half = SCORER(community(flows_via=2, flows_outside=2))
    all_of_them = SCORER(community(flows_via=4))

    assert all_of_them.value - half.value == pytest.approx(COVERAGE_POINTS / 2)
    assert any(r.text.startswith("2 of 4 value flows") for r in half.reasons)


def test_without_a_commonality_no_flow_counts_as_running_via_it() -> None:
    canvas = community(flows_via=3).evolve(commonalities=())

    score = SCORER(canvas)

    assert score.value == 0
    assert any(r.path == "commonalities" for r in score.reasons)
    assert any("the canvas has none" in r.text for r in score.reasons)


def test_a_primary_commonality_earns_its_points_and_is_named_by_its_path() -> None:
    canvas = community(flows_via=0, flows_outside=1)
    backup = Commonality("c-backup", "Backup")
    canvas = canvas.evolve(commonalities=(backup, *canvas.commonalities))

    reasons = [r for r in SCORER(canvas).reasons if r.path.startswith("commonalities")]

    assert [(r.path, r.effect) for r in reasons] == [("commonalities[1]", COMMONALITY_POINTS)]
    assert "Shared network" in reasons[0].text


def test_friction_on_a_flow_outside_the_commonality_is_waste_that_stays() -> None:
    canvas = community(flows_via=1, flows_outside=1)
    flows = canvas.flows
    on_network = canvas.evolve(flows=(attrs.evolve(flows[0], friction="phone"), flows[1]))
    off_network = canvas.evolve(flows=(flows[0], attrs.evolve(flows[1], friction="phone")))

    assert SCORER(on_network).value - SCORER(canvas).value == pytest.approx(FRICTION_POINTS)
    assert SCORER(off_network).value == SCORER(canvas).value
    assert any(
        r.path == "flows[1].friction" and "stays" in r.text for r in SCORER(off_network).reasons
    )


# -- properties on generated communities ----------------------------------------------------


@settings(max_examples=examples(40), deadline=None)
@given(canvas=valid_canvases(max_flows=12), data=st.data())
def test_routing_one_more_flow_via_the_commonality_raises_the_score(
    canvas: Canvas, data: st.DataObject
) -> None:
    if not canvas.flows:
        return
    index = data.draw(st.integers(0, len(canvas.flows) - 1), label="flow")

    def routed(via: bool) -> Canvas:
        flows = list(canvas.flows)
        flows[index] = attrs.evolve(flows[index], via_commonality=via)
        return canvas.evolve(flows=tuple(flows))

    assert SCORER(routed(True)).value > SCORER(routed(False)).value


@settings(max_examples=examples(40), deadline=None)
@given(canvas=valid_canvases(max_flows=12))
def test_the_score_of_a_generated_community_is_the_sum_of_its_reasons(canvas: Canvas) -> None:
    score = SCORER(canvas, ScoreContext(canvas))

    assert score.applicable
    assert math.isclose(score.value, effects_total(score), abs_tol=1e-9)
    assert all(reason.text for reason in score.reasons)
