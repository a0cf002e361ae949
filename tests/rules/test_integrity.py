"""Rules about referential integrity: CMC022 references-resolve and CMC023 unique-ids."""

from __future__ import annotations

import attrs

from cmc_core.diagnostics import Severity
from cmc_core.model import (
    Boundary,
    DecisionRight,
    Development,
    Governance,
    Meta,
    Party,
    ProcessArea,
    Resistance,
    Value,
    ValueFlow,
)
from cmc_core.vocabulary import Role

from .builders import diagnostics, only, valid_canvas

# -- CMC022 references-resolve -------------------------------------------------------------------


def test_a_canvas_whose_references_all_resolve_passes() -> None:
    assert diagnostics(valid_canvas(), "CMC022") == []


def test_unknown_commonality_references_are_reported_one_by_one() -> None:
    canvas = valid_canvas()
    standards = attrs.evolve(
        canvas.commonalities[1], steward="p-ghost", users=("p-s1", "p-nobody"), exclusive_to=("x",)
    )
    found = diagnostics(canvas.replace(standards), "CMC022")
    assert [(d.severity, d.path, d.subject) for d in found] == [
        (Severity.ERROR, "commonalities[1].exclusive_to[0]", "c-standards"),
        (Severity.ERROR, "commonalities[1].steward", "c-standards"),
        (Severity.ERROR, "commonalities[1].users[1]", "c-standards"),
    ]
    assert found[1].message == (
        "The commonality 'Data standards' (c-standards) names 'p-ghost' as its steward, "
        "which is not a party of the canvas."
    )
    assert "names 'p-nobody' as a user" in found[2].message


def test_unknown_area_parties_holders_and_instruments_are_reported() -> None:
    canvas = valid_canvas().evolve(
        process_areas=(ProcessArea("pa-1", name="Arrivals", parties=("p-s1", "p-zz")),),
        resistances=(Resistance("r-1", holder="p-yy", reason="fear"),),
        governance=Governance(decision_rights=(DecisionRight("dr-1", holders=("p-xx",)),)),
        boundary=Boundary(goal="g", target_group="t", instruments=("v-transport", "v-none")),
    )
    found = diagnostics(canvas, "CMC022")
    assert [(d.path, d.subject) for d in found] == [
        ("boundary.instruments[1]", None),
        ("governance.decision_rights[0].holders[0]", "dr-1"),
        ("process_areas[0].parties[1]", "pa-1"),
        ("resistances[0].holder", "r-1"),
    ]
    assert "names 'v-none' as an instrument, which is not a value" in found[0].message


def test_unknown_owner_and_focal_party_are_reported() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", owner="p-a", focal_party="p-b"))
    found = diagnostics(canvas, "CMC022")
    assert [(d.path, d.subject) for d in found] == [
        ("meta.focal_party", None),
        ("meta.owner", None),
    ]
    assert "names 'p-b' as its focal party" in found[0].message


def test_unknown_counter_values_steps_and_counter_flows_are_reported() -> None:
    canvas = valid_canvas()
    canvas = canvas.replace(attrs.evolve(canvas.flows[1], counter_value="v-gold", step="ship"))
    canvas = canvas.add(ValueFlow("f-13", value="v-money", from_party="p-d1", to_party="p-s1",
                                  counter_of="f-99"))  # fmt: skip
    found = diagnostics(canvas, "CMC022")
    assert [(d.path, d.subject) for d in found] == [
        ("flows[12].counter_of", "f-13"),
        ("flows[1].counter_value", "f-02"),
        ("flows[1].step", "f-02"),
    ]
    assert "names 'f-99' as the flow it answers (counter_of)" in found[0].message
    assert "names 'ship' as its process step, which is not a process step" in found[2].message


def test_process_steps_are_configurable() -> None:
    canvas = valid_canvas()
    canvas = canvas.replace(attrs.evolve(canvas.flows[1], step="ship"))
    assert diagnostics(canvas.evolve(process_steps=("ship", "transact")), "CMC022") == []


def test_a_counter_flow_of_a_known_flow_resolves_whatever_the_order_of_the_ids() -> None:
    canvas = valid_canvas()
    canvas = canvas.add(ValueFlow("a-first", value="v-money", from_party="p-d1", to_party="p-s1",
                                  counter_of="f-01"))  # fmt: skip
    assert diagnostics(canvas, "CMC022") == []


# -- CMC023 unique-ids ---------------------------------------------------------------------------


def test_a_canvas_with_unique_ids_passes() -> None:
    assert diagnostics(valid_canvas(), "CMC023") == []


def test_a_party_id_repeated_by_a_value_is_reported_at_the_second_use() -> None:
    canvas = valid_canvas().add(Value("p-s1", name="Oops"))
    found = only(canvas, "CMC023")
    assert (found.severity, found.path, found.subject) == (Severity.ERROR, "values[2].id", "p-s1")
    assert found.message == (
        "The id 'p-s1' is used by 2 entities (1 party and 1 value); "
        "an id must name one entity only."
    )


def test_a_repeated_flow_id_is_reported_for_every_use_after_the_first() -> None:
    canvas = valid_canvas()
    flows = canvas.flows
    canvas = canvas.evolve(
        flows=(*flows, attrs.evolve(flows[0]), attrs.evolve(flows[4], id="f-01"))
    )
    found = diagnostics(canvas, "CMC023")
    assert [(d.path, d.subject) for d in found] == [
        ("flows[12].id", "f-01"),
        ("flows[13].id", "f-01"),
    ]
    assert "used by 3 entities (3 flows)" in found[0].message


def test_flow_ids_out_of_order_are_checked_as_well() -> None:
    canvas = valid_canvas()
    flows = canvas.flows[::-1]
    canvas = canvas.evolve(flows=(*flows, attrs.evolve(flows[3])))
    assert [d.path for d in diagnostics(canvas, "CMC023")] == ["flows[12].id"]


def test_ids_repeated_across_flows_decision_rights_and_developments_are_found() -> None:
    canvas = valid_canvas().evolve(
        developments=(Development("f-05"), Development("dr-rules")),
    )
    found = diagnostics(canvas, "CMC023")
    assert [(d.path, d.subject) for d in found] == [
        ("developments[0].id", "f-05"),
        ("governance.decision_rights[0].id", "dr-rules"),
    ]
    assert "(1 development and 1 flow)" in found[0].message
    assert "(1 decision right and 1 development)" in found[1].message


def test_two_parties_with_one_id_are_reported_once() -> None:
    canvas = valid_canvas()
    canvas = canvas.evolve(parties=(*canvas.parties, Party("p-city", roles=(Role.NGO,))))
    assert [d.path for d in diagnostics(canvas, "CMC023")] == [
        f"parties[{len(canvas.parties) - 1}].id"
    ]
