"""Rules about the commonality and equal footing: CMC003, CMC005, CMC006, CMC017, bmc_blockers."""

from __future__ import annotations

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import Commonality, DecisionRight, Governance, Meta
from cmc_core.rules.builtin import bmc_blockers
from cmc_core.vocabulary import Role

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


def test_a_privileged_market_party_is_an_error() -> None:
    found = only(replace_party(valid_canvas(), "p-d3", privileged=True), "CMC003")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "parties[8].privileged",
        "p-d3",
    )
    assert "'Demander 3' (p-d3) is privileged" in found.message


def test_a_privileged_stakeholder_is_not_a_market_privilege() -> None:
    canvas = replace_party(valid_canvas(), "p-city", privileged=True)
    assert diagnostics(canvas, "CMC003") == []


def test_one_market_party_deciding_the_transaction_rules_alone_is_an_error() -> None:
    rights = (
        DecisionRight("dr-rules", subject="Transaction rules", holders=("p-s1", "p-s1"),
                      over_transaction_rules=True),
    )  # fmt: skip
    canvas = valid_canvas().evolve(governance=Governance(decision_rights=rights))
    found = only(canvas, "CMC003")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "governance.decision_rights[0].holders",
        "dr-rules",
    )
    assert "'Supplier 1' (p-s1) alone holds the decision right 'Transaction rules'" in found.message


def test_a_sole_holder_of_a_right_over_something_else_is_fine() -> None:
    rights = (DecisionRight("dr-logo", subject="Logo", holders=("p-s1",)),)
    canvas = valid_canvas().evolve(governance=Governance(decision_rights=rights))
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
