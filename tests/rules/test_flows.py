"""Rules about value flows: CMC009, CMC010 and CMC011."""

from __future__ import annotations

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import EndCustomerValue, Party, ValueFlow
from cmc_core.vocabulary import Role

from .builders import diagnostics, only, replace_party, valid_canvas


def with_flow(canvas: Canvas, position: int, **changes: object) -> Canvas:
    """The canvas with the flow at ``position`` changed."""
    return canvas.replace(attrs.evolve(canvas.flows[position], **changes))


# -- CMC009 end-customer-value -------------------------------------------------------------------


def test_a_named_end_customer_reached_through_a_serving_demander_passes() -> None:
    assert diagnostics(valid_canvas(), "CMC009") == []


def test_an_unnamed_end_customer_value_is_an_error() -> None:
    canvas = valid_canvas().evolve(end_customer=EndCustomerValue(customer="Shoppers"))
    found = only(canvas, "CMC009")
    assert (found.severity, found.path, found.subject) == (Severity.ERROR, "end_customer", None)
    assert "does not name the value" in found.message


def test_no_flow_reaching_an_end_customer_is_an_error() -> None:
    canvas = replace_party(valid_canvas(), "p-d1", serves_end_customer=False)
    found = only(canvas, "CMC009")
    assert (found.severity, found.path) == (Severity.ERROR, "flows")
    assert "No value flow reaches an end customer" in found.message


def test_a_flow_to_a_party_with_the_end_customer_role_reaches_the_end_customer() -> None:
    canvas = replace_party(valid_canvas(), "p-d1", serves_end_customer=False)
    canvas = canvas.add(Party("p-shop", name="Shoppers", roles=(Role.END_CUSTOMER,)))
    canvas = canvas.add(
        ValueFlow("f-99", value="v-transport", from_party="p-s1", to_party="p-shop")
    )
    assert diagnostics(canvas, "CMC009") == []


# -- CMC010 supply-to-demand ---------------------------------------------------------------------


def test_flows_from_suppliers_to_demanders_pass() -> None:
    assert diagnostics(valid_canvas(), "CMC010") == []


def test_a_primary_flow_from_a_demander_is_warned_about() -> None:
    canvas = with_flow(valid_canvas(), 3, from_party="p-d5")
    found = only(canvas, "CMC010")
    assert (found.severity, found.path, found.subject) == (
        Severity.WARNING,
        "flows[3].from",
        "f-04",
    )
    assert "'f-04' runs from 'Demander 5' (p-d5), which is not a supplier" in found.message


def test_a_primary_flow_to_a_stakeholder_is_warned_about() -> None:
    canvas = with_flow(valid_canvas(), 0, to_party="p-city")
    found = only(canvas, "CMC010")
    assert (found.path, found.subject) == ("flows[0].to", "f-01")
    assert (
        "'City Council' (p-city), which is neither a demander nor an end customer" in found.message
    )


def test_a_counter_flow_running_back_is_allowed() -> None:
    back = ValueFlow("f-13", value="v-money", from_party="p-d1", to_party="p-s1", counter_of="f-01")
    assert diagnostics(valid_canvas().add(back), "CMC010") == []


def test_a_counter_flow_that_does_not_run_the_reverse_way_is_warned_about() -> None:
    back = ValueFlow("f-13", value="v-money", from_party="p-d2", to_party="p-s1", counter_of="f-01")
    found = only(valid_canvas().add(back), "CMC010")
    assert (found.severity, found.path, found.subject) == (
        Severity.WARNING,
        "flows[12].counter_of",
        "f-13",
    )
    assert "is the counter-flow of 'f-01' but does not run the reverse way" in found.message
    assert "from 'p-d1' to 'p-s1'" in found.message


def test_flows_with_unknown_parties_or_forward_flows_are_left_to_other_rules() -> None:
    canvas = with_flow(valid_canvas(), 0, from_party="p-ghost", to_party=None)
    canvas = canvas.add(ValueFlow("f-13", value="v-money", from_party="p-d1", counter_of="f-77"))
    assert diagnostics(canvas, "CMC010") == []


# -- CMC011 flow-integrity -----------------------------------------------------------------------


def test_flows_with_known_values_and_distinct_known_parties_pass() -> None:
    assert diagnostics(valid_canvas(), "CMC011") == []


def test_a_flow_without_value_from_and_to_gets_one_error_each() -> None:
    canvas = with_flow(valid_canvas(), 5, value=None, from_party="", to_party=None)
    found = diagnostics(canvas, "CMC011")
    assert [(d.severity, d.path, d.subject) for d in found] == [
        (Severity.ERROR, "flows[5].from", "f-06"),
        (Severity.ERROR, "flows[5].to", "f-06"),
        (Severity.ERROR, "flows[5].value", "f-06"),
    ]
    assert [d.message for d in found] == [
        "The flow 'f-06' has no from.",
        "The flow 'f-06' has no to.",
        "The flow 'f-06' has no value.",
    ]


def test_a_flow_to_itself_is_an_error() -> None:
    found = only(with_flow(valid_canvas(), 2, to_party="p-s2"), "CMC011")
    assert (found.path, found.subject) == ("flows[2].to", "f-03")
    assert "runs from 'Supplier 2' (p-s2) to itself" in found.message


def test_unknown_parties_and_values_are_errors() -> None:
    canvas = with_flow(valid_canvas(), 7, value="v-gold", to_party="p-ghost")
    found = diagnostics(canvas, "CMC011")
    assert [(d.path, d.subject) for d in found] == [
        ("flows[7].to", "f-08"),
        ("flows[7].value", "f-08"),
    ]
    assert "refers to 'p-ghost' as its to, which is not a party of the canvas" in found[0].message
    assert "refers to 'v-gold' as its value, which is not a value of the canvas" in found[1].message


def test_every_flow_with_an_unknown_party_is_reported() -> None:
    canvas = valid_canvas()
    canvas = with_flow(with_flow(canvas, 0, from_party="p-x"), 11, from_party="p-x")
    assert [d.path for d in diagnostics(canvas, "CMC011")] == ["flows[0].from", "flows[11].from"]


def test_a_counter_flow_of_an_ambiguous_flow_id_is_left_to_unique_ids() -> None:
    canvas = valid_canvas()
    twin = attrs.evolve(canvas.flows[5], id="f-01")
    back = ValueFlow("f-13", value="v-money", from_party="p-d6", to_party="p-s6", counter_of="f-01")
    canvas = canvas.evolve(flows=(*canvas.flows, twin, back))
    assert diagnostics(canvas, "CMC010") == []


def test_a_payment_written_right_after_its_flow_is_matched_to_it() -> None:
    canvas = valid_canvas()
    flows = list(canvas.flows)
    flows.insert(3, ValueFlow("f-03b", from_party="p-d3", to_party="p-s2", counter_of="f-03"))
    found = only(canvas.evolve(flows=tuple(flows)), "CMC010")
    assert (found.path, found.subject) == ("flows[3].counter_of", "f-03b")
    assert "it must run from 'p-d2' to 'p-s2'" in found.message
