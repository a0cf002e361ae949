"""Rules about the direction of the community: CMC012 and CMC014."""

from __future__ import annotations

from cmc_core.diagnostics import Severity
from cmc_core.model import Boundary, Factor
from cmc_core.vocabulary import FactorKey

from .builders import diagnostics, only, valid_canvas

# -- CMC012 boundary-goal-and-target-group -------------------------------------------------------


def test_a_boundary_with_goal_and_target_group_passes() -> None:
    assert diagnostics(valid_canvas(), "CMC012") == []


def test_an_empty_goal_and_target_group_give_one_error_each() -> None:
    canvas = valid_canvas().evolve(boundary=Boundary(goal=" ", target_group=""))
    found = diagnostics(canvas, "CMC012")
    assert [(d.severity, d.path, d.subject) for d in found] == [
        (Severity.ERROR, "boundary.goal", None),
        (Severity.ERROR, "boundary.target_group", None),
    ]
    assert "no goal (doel)" in found[0].message
    assert "no target group (doelgroep)" in found[1].message


def test_only_the_missing_part_of_the_boundary_is_reported() -> None:
    canvas = valid_canvas().evolve(boundary=Boundary(goal="A goal"))
    assert only(canvas, "CMC012").path == "boundary.target_group"


# -- CMC014 connecting-factors -------------------------------------------------------------------


def test_seven_answered_factors_pass() -> None:
    assert diagnostics(valid_canvas(), "CMC014") == []


def test_each_unanswered_factor_is_warned_about() -> None:
    canvas = valid_canvas().with_factor(FactorKey.CULTURE, "   ")
    found = only(canvas, "CMC014")
    assert (found.severity, found.path, found.subject) == (
        Severity.WARNING,
        "factors.culture",
        "culture",
    )
    assert "Connecting factor 7, Culture (Cultuur), is not answered" in found.message


def test_a_supply_side_answered_before_the_demand_side_is_noted() -> None:
    answered = [Factor(FactorKey.GOVERNANCE, "One member, one vote")]
    found = diagnostics(valid_canvas().evolve(factors=answered), "CMC014")
    note = [d for d in found if d.severity is Severity.INFO]
    assert [(d.path, d.subject) for d in note] == [("factors", None)]
    assert "supply-side factors Governance are answered" in note[0].message
    assert "demand-side factors Perspective, Vision, Ambition are not" in note[0].message
    assert len([d for d in found if d.severity is Severity.WARNING]) == 6


def test_no_note_when_nothing_on_the_supply_side_is_answered() -> None:
    answered = [Factor(FactorKey.COORDINATION, "Via the platform")]
    found = diagnostics(valid_canvas().evolve(factors=answered), "CMC014")
    assert {d.severity for d in found} == {Severity.WARNING}
