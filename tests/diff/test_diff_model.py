"""What the diff reports, edit by edit: paths, blocks, values, reorderings and JSON."""

from __future__ import annotations

import json

import attrs
import pytest

from cmc_core import Canvas
from cmc_core.blueprint import BlockKey
from cmc_core.diffing import Change, ChangeKind, Reordering, diff_canvases, id_segment
from cmc_core.model import (
    BlockNote,
    DecisionRight,
    Factor,
    Governance,
    Meta,
    Party,
    Principle,
    Value,
    ValueFlow,
)
from cmc_core.testing import hostile_canvas, sample_canvas
from cmc_core.vocabulary import FactorKey, PrincipleKey, PrincipleStatus, Role, ValueKind

CHANGED, ADDED, REMOVED = ChangeKind.CHANGED, ChangeKind.ADDED, ChangeKind.REMOVED


def community() -> Canvas:
    return Canvas(
        meta=Meta(name="Harbour", authors=("Ann", "Bob")),
        parties=(
            Party("p-s", "Supplier", (Role.SUPPLIER, Role.EXPERT)),
            Party("p-d", "Demander", (Role.DEMANDER,)),
            Party("p-n", "Network", (Role.NETWORK_LEADER,)),
        ),
        values=(Value("v-1", "Goods", ValueKind.PRODUCT),),
        flows=(ValueFlow("f-1", "v-1", "p-s", "p-d"),),
        governance=Governance(decision_rights=(DecisionRight("dr-1", "Rules", ("p-s", "p-d")),)),
        factors=[Factor(FactorKey.VISION, "One port", 2)],
        principles=[Principle(PrincipleKey.APART_TOGETHER, PrincipleStatus.WEAK)],
        notes=[BlockNote(BlockKey.BOUNDARY, "The port")],
    )


def test_equal_canvases_have_an_empty_diff() -> None:
    diff = diff_canvases(community(), community())
    assert diff.is_empty
    assert list(diff) == []
    assert diff.to_dict() == {
        "equal": True,
        "summary": {"added": 0, "removed": 0, "changed": 0, "reordered": 0},
        "changes": [],
        "reordered": [],
    }


def test_renaming_a_party_is_one_change_in_the_block_of_its_role() -> None:
    old = community()
    new = old.replace(Party("p-d", "Buyer", (Role.DEMANDER,)))
    assert diff_canvases(old, new).changes == (
        Change(CHANGED, "parties[p-d].name", BlockKey.DEMANDERS, "Demander", "Buyer"),
    )


def test_each_changed_field_of_an_entity_is_its_own_change_with_the_file_key() -> None:
    old = community()
    new = old.replace(ValueFlow("f-1", "v-1", "p-n", "p-d", friction="slow"))
    assert diff_canvases(old, new).changes == (
        Change(CHANGED, "flows[f-1].from", BlockKey.VALUES_EXCHANGED, "p-s", "p-n"),
        Change(CHANGED, "flows[f-1].friction", BlockKey.VALUES_EXCHANGED, "", "slow"),
    )


def test_added_and_removed_entities_carry_the_whole_entity() -> None:
    old = community()
    flow = ValueFlow("f-2", "v-1", "p-s", "p-n", via_commonality=True)
    new = old.add(flow).remove("v-1")
    diff = diff_canvases(old, new)
    assert diff.changes == (
        Change(REMOVED, "values[v-1]", BlockKey.VALUES_EXCHANGED, old.values[0], None),
        Change(ADDED, "flows[f-2]", BlockKey.VALUES_EXCHANGED, None, flow),
    )
    assert diff.changes[1].to_dict() == {
        "kind": "added",
        "path": "flows[f-2]",
        "block": "values_exchanged",
        "old": None,
        "new": {"id": "f-2", "value": "v-1", "from": "p-s", "to": "p-n", "via_commonality": True},
    }


def test_moving_entities_around_is_a_note_not_a_change() -> None:
    old = community()
    new = old.evolve(parties=tuple(reversed(old.parties)))
    diff = diff_canvases(old, new)
    assert diff.is_empty
    assert diff.reordered == (
        Reordering("parties", None, ("p-s", "p-d", "p-n"), ("p-n", "p-d", "p-s")),
    )


def test_adding_an_entity_at_the_top_moves_nothing_else() -> None:
    old = community()
    added = Party("p-x", "New", (Role.SUPPLIER,))
    new = old.evolve(parties=(added, *old.parties))
    diff = diff_canvases(old, new)
    assert diff.changes == (Change(ADDED, "parties[p-x]", BlockKey.SUPPLIERS, None, added),)
    assert diff.reordered == ()


def test_a_list_of_references_or_roles_is_a_set_but_a_list_of_texts_is_read_in_order() -> None:
    old = community()
    swapped_roles = old.replace(Party("p-s", "Supplier", (Role.EXPERT, Role.SUPPLIER)))
    new = swapped_roles.evolve(meta=attrs.evolve(old.meta, authors=("Bob", "Ann")))
    diff = diff_canvases(old, new)
    assert diff.changes == (Change(CHANGED, "meta.authors", None, ("Ann", "Bob"), ("Bob", "Ann")),)
    assert diff.reordered == (
        Reordering(
            "parties[p-s].roles",
            BlockKey.SUPPLIERS,
            (Role.SUPPLIER, Role.EXPERT),
            (Role.EXPERT, Role.SUPPLIER),
        ),
    )


def test_a_party_that_stops_supplying_stays_in_the_suppliers_block_both_ways() -> None:
    old = community()
    new = old.replace(Party("p-s", "Supplier", (Role.DEMANDER,)))
    forwards, backwards = diff_canvases(old, new), diff_canvases(new, old)
    assert [change.block for change in forwards] == [BlockKey.SUPPLIERS]
    assert [change.block for change in backwards] == [BlockKey.SUPPLIERS]


def test_factors_principles_and_notes_are_matched_by_key() -> None:
    old = community()
    new = (
        old.with_factor("vision", "One port", 3)
        .with_factor("culture", "Open")
        .with_principle("apart_together", "strong", "Shared")
        .with_note("boundary", "")
        .with_note("vision", "Soon")
    )
    assert diff_canvases(old, new).changes == (
        Change(CHANGED, "factors.vision.maturity", BlockKey.VISION, 2, 3),
        Change(ADDED, "factors.culture", BlockKey.CULTURE, None, Factor(FactorKey.CULTURE, "Open")),
        Change(
            CHANGED,
            "principles.apart_together.status",
            None,
            PrincipleStatus.WEAK,
            PrincipleStatus.STRONG,
        ),
        Change(CHANGED, "principles.apart_together.notes", None, "", "Shared"),
        Change(ADDED, "notes.vision", BlockKey.VISION, None, "Soon"),  # blocks in canvas order
        Change(REMOVED, "notes.boundary", BlockKey.BOUNDARY, "The port", None),
    )


def test_decision_rights_are_entities_of_the_governance_block() -> None:
    old = community()
    right = DecisionRight("dr-1", "Rules", ("p-s",), over_transaction_rules=True)
    new = old.evolve(governance=attrs.evolve(old.governance, decision_rights=(right,)))
    assert diff_canvases(old, new).changes == (
        Change(
            CHANGED,
            "governance.decision_rights[dr-1].holders",
            BlockKey.GOVERNANCE,
            ("p-s", "p-d"),
            ("p-s",),
        ),
        Change(
            CHANGED,
            "governance.decision_rights[dr-1].over_transaction_rules",
            BlockKey.GOVERNANCE,
            False,
            True,
        ),
    )


def test_process_steps_are_one_value_in_the_coordination_block() -> None:
    old = community()
    new = old.evolve(process_steps=("profile", "find", "match"))
    assert diff_canvases(old, new).changes == (
        Change(
            CHANGED,
            "process_steps",
            BlockKey.COORDINATION,
            ("profile", "find", "match", "transact"),
            ("profile", "find", "match"),
        ),
    )


@pytest.mark.parametrize(
    ("entity_id", "segment"),
    [
        ("p-acme", "[p-acme]"),
        ("p_1.x:y/z@w+", "[p_1.x:y/z@w+]"),
        ("c-[1]", '["c-[1]"]'),
        ("p 2 -> x", '["p 2 -> x"]'),
        ('say "hi"', '["say \\"hi\\""]'),
        ("42", '["42"]'),
        ("", '[""]'),
        ("Zoë", '["Zoë"]'),
    ],
)
def test_an_id_is_written_bare_only_when_it_cannot_be_misread(entity_id: str, segment: str) -> None:
    assert id_segment(entity_id) == segment


def test_duplicate_ids_of_a_broken_canvas_are_matched_occurrence_by_occurrence() -> None:
    twins = (Party("p-1", "First"), Party("p-1", "Second"))
    old = Canvas(parties=twins)
    new = Canvas(parties=(twins[0], Party("p-1", "Second, renamed")))
    assert diff_canvases(old, new).changes == (
        Change(CHANGED, "parties[p-1]#2.name", BlockKey.STAKEHOLDERS, "Second", "Second, renamed"),
    )


def test_the_diff_of_two_different_examples_is_plain_json() -> None:
    diff = diff_canvases(sample_canvas("port-logistics"), hostile_canvas())
    document = json.loads(json.dumps(diff.to_dict()))
    assert document["equal"] is False
    assert document["summary"]["changed"] == len(diff.of_kind("changed"))
    assert {change["kind"] for change in document["changes"]} == {"added", "removed", "changed"}
    assert all(isinstance(change["path"], str) for change in document["changes"])


def test_changes_can_be_picked_by_kind_and_by_block() -> None:
    old = community()
    new = old.replace(Party("p-d", "Buyer", (Role.DEMANDER,))).with_note("boundary", "")
    diff = diff_canvases(old, new)
    assert [c.path for c in diff.of_kind("removed")] == ["notes.boundary"]
    assert [c.path for c in diff.in_block("demanders")] == ["parties[p-d].name"]
    assert diff.in_block(None) == ()
