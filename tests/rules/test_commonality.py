"""Rules about the commonality and equal footing: CMC003, CMC005, CMC006, CMC017, bmc_blockers.

CMC003's decision rights moved to CMC024 (tests/rules/test_governance.py)."""

from __future__ import annotations

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import Commonality, Meta
from cmc_core.rules.builtin import bmc_blockers
from cmc_core.vocabulary import Access, Role

from .builders import (
    DEMANDERS,
    MARKET,
    SUPPLIERS,
    diagnostics,
    only,
    replace_party,
    valid_canvas,
)


def with_primary(canvas: Canvas, **changes: object) -> Canvas:
    """The canvas with its primary commonality changed."""
    return canvas.replace(attrs.evolve(canvas.commonalities[0], **changes))


# -- CMC003 equal-footing ------------------------------------------------------------------------


def test_written_access_terms_and_shared_decisions_are_equal_footing() -> None:
    assert diagnostics(valid_canvas(), "CMC003") == []


def test_a_primary_commonality_without_access_terms_is_warned_about() -> None:
    found = only(with_primary(valid_canvas(), access_terms="  "), "CMC003")
    assert (found.severity, found.subject) == (Severity.WARNING, "c-platform")
    assert found.path == "commonalities[0].access_terms"
    assert "'Port platform' (c-platform) has no access terms" in found.message


def test_a_secondary_commonality_needs_no_access_terms() -> None:
    canvas = valid_canvas()
    assert canvas.commonalities[1].access_terms == ""
    assert diagnostics(canvas, "CMC003") == []


def test_a_commonality_exclusive_to_a_market_party_is_an_error() -> None:
    canvas = valid_canvas()
    canvas = canvas.replace(
        attrs.evolve(canvas.commonalities[1], exclusive_to=("p-leader", "p-s2"))
    )
    found = only(canvas, "CMC003")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "commonalities[1].exclusive_to[1]",
        "c-standards",
    )
    assert "exclusive to the market party 'Supplier 2' (p-s2)" in found.message


def test_terms_that_favour_a_market_party_are_an_error() -> None:
    found = only(with_primary(valid_canvas(), favours=("p-city", "p-d3")), "CMC003")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "commonalities[0].favours[1]",
        "c-platform",
    )
    assert "has terms that favour the market party 'Demander 3' (p-d3)" in found.message


def test_terms_that_favour_a_stakeholder_are_no_market_privilege() -> None:
    assert diagnostics(with_primary(valid_canvas(), favours=("p-city",)), "CMC003") == []


def test_an_exit_ban_is_an_error_and_member_tariffs_a_warning() -> None:
    found = diagnostics(with_primary(valid_canvas(), exit_ban=True, member_tariffs=True), "CMC003")
    assert [(d.severity, d.path) for d in found] == [
        (Severity.ERROR, "commonalities[0].exit_ban"),
        (Severity.WARNING, "commonalities[0].member_tariffs"),
    ]
    assert "locks members in" in found[0].message
    assert "Members and non-members pay different tariffs" in found[1].message


def test_admission_decided_by_one_side_is_an_error_by_both_sides_a_warning() -> None:
    one_side = with_primary(
        valid_canvas(), access=Access.INVITATION, access_set_by=("p-d1", "p-d2")
    )
    found = only(one_side, "CMC003")
    assert (found.severity, found.path) == (Severity.ERROR, "commonalities[0].access_set_by")
    assert "decided by the demanders 'Demander 1' (p-d1), 'Demander 2' (p-d2)" in found.message
    assert "(by invitation)" in found.message
    both = with_primary(valid_canvas(), access=Access.MEMBERSHIP, access_set_by=("p-d1", "p-s2"))
    assert only(both, "CMC003").severity is Severity.WARNING


def test_open_access_a_party_sets_for_its_own_data_is_fine() -> None:
    canvas = with_primary(valid_canvas(), access=Access.OPEN, access_set_by=("p-s1",))
    assert diagnostics(canvas, "CMC003") == []


def test_a_structured_access_kind_counts_as_written_terms() -> None:
    canvas = with_primary(valid_canvas(), access_terms="", access=Access.LICENCE)
    assert diagnostics(canvas, "CMC003") == []


# -- CMC005 primary-commonality ------------------------------------------------------------------


def test_a_primary_commonality_used_by_every_market_party_passes() -> None:
    assert diagnostics(valid_canvas(), "CMC005") == []


def test_a_canvas_without_a_commonality_is_an_error() -> None:
    found = only(valid_canvas().evolve(commonalities=()), "CMC005")
    assert (found.severity, found.path, found.subject) == (Severity.ERROR, "commonalities", None)
    assert "no commonality" in found.message


def test_two_commonalities_marked_primary_are_an_error() -> None:
    canvas = valid_canvas()
    canvas = canvas.replace(attrs.evolve(canvas.commonalities[1], primary=True, users=MARKET))
    found = only(canvas, "CMC005")
    assert (found.severity, found.path) == (Severity.ERROR, "commonalities")
    assert "2 commonalities are marked primary" in found.message
    assert "'Data standards' (c-standards), 'Port platform' (c-platform)" in found.message


def test_a_primary_commonality_no_demander_uses_is_an_error_plus_a_warning_per_demander() -> None:
    found = diagnostics(with_primary(valid_canvas(), users=SUPPLIERS), "CMC005")
    errors = [d for d in found if d.severity is Severity.ERROR]
    warnings = [d for d in found if d.severity is Severity.WARNING]
    assert [(d.path, d.subject) for d in errors] == [("commonalities[0].users", "c-platform")]
    assert "No demander inside the boundary uses the primary commonality" in errors[0].message
    assert sorted(d.subject for d in warnings) == sorted(DEMANDERS)
    assert {d.path for d in warnings} == {f"parties[{i}]" for i in range(6, 12)}
    assert all("does not use the primary commonality" in d.message for d in warnings)


def test_without_a_primary_mark_the_first_commonality_is_primary() -> None:
    canvas = with_primary(valid_canvas(), primary=False, users=MARKET[1:])
    found = only(canvas, "CMC005")
    assert (found.severity, found.path, found.subject) == (Severity.WARNING, "parties[0]", "p-s1")


# -- CMC006 commonality-steward ------------------------------------------------------------------


def test_a_network_leader_stewarding_the_primary_commonality_passes() -> None:
    assert diagnostics(valid_canvas(), "CMC006") == []


def test_a_primary_commonality_without_steward_is_warned_about() -> None:
    found = only(with_primary(valid_canvas(), steward=None), "CMC006")
    assert (found.severity, found.path, found.subject) == (
        Severity.WARNING,
        "commonalities[0].steward",
        "c-platform",
    )
    assert "has no steward" in found.message


def test_a_steward_that_is_no_network_leader_is_warned_about() -> None:
    found = only(with_primary(valid_canvas(), steward="p-city"), "CMC006")
    assert found.path == "commonalities[0].steward"
    assert "'City Council' (p-city) of the primary commonality" in found.message
    assert "is not a network leader" in found.message


def test_an_unknown_steward_is_left_to_references_resolve() -> None:
    assert diagnostics(with_primary(valid_canvas(), steward="p-nobody"), "CMC006") == []


# -- CMC017 bmc-ready ----------------------------------------------------------------------------


def test_without_a_focal_party_there_is_nothing_to_export() -> None:
    assert diagnostics(valid_canvas(), "CMC017") == []


def test_a_connected_market_party_can_be_the_focal_party() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", focal_party="p-s2"))
    assert diagnostics(canvas, "CMC017") == []


def test_a_stakeholder_cannot_be_the_focal_party() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", focal_party="p-city"))
    found = only(canvas, "CMC017")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "meta.focal_party",
        "p-city",
    )
    assert "'City Council' (p-city) is not a market party" in found.message
    assert "does not use the primary commonality" in found.message


def test_an_unknown_focal_party_cannot_get_a_bmc() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", focal_party="p-ghost"))
    assert "'p-ghost' is not a party of the canvas" in only(canvas, "CMC017").message


def test_bmc_blockers_are_empty_for_a_valid_canvas_and_a_connected_party() -> None:
    assert bmc_blockers(valid_canvas(), "p-d4") == []


def test_bmc_blockers_name_the_party_problem_and_every_error_of_the_canvas() -> None:
    canvas = replace_party(valid_canvas(), "p-d4", external=True, roles=(Role.DEMANDER,))
    canvas = canvas.evolve(commonalities=())
    blockers = bmc_blockers(canvas, "p-d4")
    assert "'Demander 4' (p-d4) is outside the boundary" in blockers
    assert "the canvas has no commonality to connect it to" in blockers
    assert any(blocker.startswith("CMC005 at commonalities:") for blocker in blockers)


def test_bmc_blockers_follow_the_configuration() -> None:
    from cmc_core.rules.engine import RuleSelection, ValidationConfig

    canvas = valid_canvas().evolve(commonalities=(Commonality("c-x", users=MARKET),))
    assert any("CMC006" in blocker for blocker in bmc_blockers(canvas, "p-s1")) is False
    quiet = ValidationConfig(RuleSelection(ignore=("CMC003",)))
    strict = ValidationConfig(RuleSelection(severities=(("CMC003", Severity.ERROR),)))
    assert bmc_blockers(canvas, "p-s1", quiet) == []
    assert [b[:6] for b in bmc_blockers(canvas, "p-s1", strict)] == ["CMC003"]
