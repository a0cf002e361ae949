"""Rule CMC024 decision-power: weighted decision rights and a rule-setter owned by traders."""

from __future__ import annotations

import pytest

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import DecisionRight, Governance, Stake
from cmc_core.rules.control import votes_by_subject

from .builders import DEMANDERS, SUPPLIERS, diagnostics, only, replace_party, valid_canvas


def with_rights(*rights: DecisionRight) -> Canvas:
    return valid_canvas().evolve(governance=Governance(decision_rights=rights))


def rules(subject: str, *holders: str, weight: float | None = None, n: int = 0) -> DecisionRight:
    return DecisionRight(f"dr-{n}", subject, holders, True, weight=weight)


def test_shared_decisions_over_the_transaction_rules_pass() -> None:
    assert diagnostics(valid_canvas(), "CMC024") == []


def test_one_market_party_deciding_the_transaction_rules_alone_is_an_error() -> None:
    found = only(with_rights(rules("Transaction rules", "p-s1", "p-s1")), "CMC024")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "governance.decision_rights[0].holders",
        "dr-0",
    )
    assert "The market party 'Supplier 1' (p-s1) holds 100% of the votes on" in found.message
    assert "'Transaction rules'" in found.message


def test_a_sole_holder_of_a_right_over_something_else_is_fine() -> None:
    canvas = with_rights(DecisionRight("dr-logo", subject="Logo", holders=("p-s1",)))
    assert diagnostics(canvas, "CMC024") == []


def test_a_market_party_with_most_of_the_votes_decides_a_co_held_subject() -> None:
    canvas = with_rights(
        rules("Tariffs", "p-s1", weight=60, n=1), rules("Tariffs", "p-leader", "p-d1", n=2)
    )
    found = only(canvas, "CMC024")
    assert dict(found.figures) == {"share": pytest.approx(0.6)}
    assert "holds 60% of the votes on 'Tariffs'" in found.message


def test_one_side_holding_the_majority_decides_for_the_other() -> None:
    canvas = with_rights(rules("Buyer fees", *SUPPLIERS[:3]))
    found = only(canvas, "CMC024")
    assert found.severity is Severity.ERROR
    assert found.message.startswith("Only suppliers ('Supplier 1' (p-s1), ")


def test_both_sides_with_votes_share_the_decision() -> None:
    canvas = with_rights(rules("Fees", SUPPLIERS[0], SUPPLIERS[1], DEMANDERS[0]))
    assert diagnostics(canvas, "CMC024") == []


def test_votes_split_what_the_weighted_rights_leave_evenly() -> None:
    rights = (
        rules("Fees", "p-s1", weight=40, n=1),
        rules("fees ", "p-d1", "p-d2", n=2),
        rules("Fees", "p-leader", n=3),
        DecisionRight("dr-x", "Fees", ("p-s2",)),  # not over the transaction rules
    )
    ((positions, votes),) = votes_by_subject(rights).values()
    assert positions == [0, 1, 2]
    assert votes == pytest.approx({"p-s1": 0.4, "p-d1": 0.15, "p-d2": 0.15, "p-leader": 0.3})


def test_a_rule_setter_its_market_owners_control_is_a_warning() -> None:
    owned = replace_party(valid_canvas(), "p-leader", owners=(Stake("p-s1"), Stake("p-d1")))
    no_rights = owned.evolve(governance=Governance())
    found = only(no_rights, "CMC024")
    assert found.severity is Severity.WARNING
    assert "market parties own 100% of it" in found.message
    assert found.path.endswith(".owners")


def test_an_explicit_error_replaces_the_ownership_warning() -> None:
    owned = replace_party(valid_canvas(), "p-leader", owners=(Stake("p-s1"),))
    canvas = owned.evolve(governance=Governance(decision_rights=(rules("Rules", "p-s1"),)))
    assert [d.severity for d in diagnostics(canvas, "CMC024")] == [Severity.ERROR]
