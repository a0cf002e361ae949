"""Rule CMC027 figures-add-up: owners' shares and votes within 100%, amounts with their unit."""

from __future__ import annotations

import attrs
import pytest

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import DecisionRight, Governance, Stake, ValueFlow, Waste
from cmc_core.rules.builtin.figures import ROUNDING
from cmc_core.rules.sweep import BLOCK

from .builders import diagnostics, only, replace_party, valid_canvas


def test_a_valid_canvas_has_nothing_to_add_up() -> None:
    assert diagnostics(valid_canvas(), "CMC027") == []


@pytest.mark.parametrize(
    ("shares", "flagged"),
    [
        ((70.0, 50.0), True),
        ((33.4, 33.4, 33.4), False),  # rounding, not a second whole
        ((60.0, None, 30.0), False),  # an owner without a share has what the others leave
        ((60.0, 40.0 + ROUNDING + 0.5), True),
    ],
)
def test_owners_of_a_party_hold_at_most_the_whole(
    shares: tuple[float | None, ...], flagged: bool
) -> None:
    owners = tuple(Stake("p-net", share) for share in shares)
    canvas = replace_party(valid_canvas(), "p-s1", owners=owners)
    found = diagnostics(canvas, "CMC027")
    assert bool(found) is flagged
    if flagged:
        (finding,) = found
        assert (finding.severity, finding.path, finding.subject) == (
            Severity.ERROR,
            "parties[0].owners",
            "p-s1",
        )
        assert f"hold {sum(s or 0 for s in shares):g}% of it together" in finding.message
        assert finding.message.startswith("The owners of the organisation of 'Supplier 1'")


def test_owners_of_a_commonality_hold_at_most_the_whole() -> None:
    canvas = valid_canvas()
    commonality = attrs.evolve(
        canvas.commonalities[0], owners=(Stake("p-net", 80.0), Stake("p-s1", 30.0))
    )
    found = only(canvas.evolve(commonalities=(commonality,)), "CMC027")
    assert (found.path, dict(found.figures)) == ("commonalities[0].owners", {"total": 110.0})


def test_the_votes_on_one_subject_add_up_to_at_most_the_whole() -> None:
    rights = (
        DecisionRight("dr-1", "Pricing", ("p-net",), weight=60.0),
        DecisionRight("dr-2", "pricing ", ("p-s1",), weight=50.0),  # the same subject
        DecisionRight("dr-3", "Agenda", ("p-net",), weight=60.0),  # another subject
    )
    canvas = valid_canvas().evolve(governance=Governance(decision_rights=rights))
    found = only(canvas, "CMC027")
    assert (found.severity, found.path, found.subject) == (
        Severity.ERROR,
        "governance.decision_rights[0].weight",
        "dr-1",
    )
    assert "The decision rights over 'Pricing' give 110% of the votes together" in found.message


def flows_with_units(units: list[str]) -> Canvas:
    canvas = valid_canvas()
    template = canvas.flows[0]
    flows = tuple(
        attrs.evolve(template, id=f"f-{n:05d}", volume=2.0, unit=unit)
        for n, unit in enumerate(units)
    )
    return canvas.evolve(flows=flows)


def test_a_volume_without_a_unit_is_a_warning_wherever_it_is() -> None:
    # blocks of the sweep that all name one unit are cleared at once; the others are read
    units = ["t"] * (BLOCK * 2 + 5)
    units[3], units[BLOCK * 2 + 1] = "", "  "
    found = diagnostics(flows_with_units(units), "CMC027")
    assert [(d.severity, d.path) for d in found] == [
        (Severity.WARNING, "flows[3].unit"),
        (Severity.WARNING, f"flows[{BLOCK * 2 + 1}].unit"),
    ]
    assert "gives a volume of 2 without a unit" in found[0].message


def test_a_flow_without_a_volume_needs_no_unit() -> None:
    canvas = valid_canvas()
    flows = (*canvas.flows, ValueFlow("f-plain", "v-goods", "p-s1", "p-d1"))
    assert diagnostics(canvas.evolve(flows=flows), "CMC027") == []


def test_a_waste_amount_without_a_unit_is_a_warning() -> None:
    canvas = valid_canvas().evolve(waste=Waste(baseline_amount=1200.0, saving_amount=300.0))
    found = only(canvas, "CMC027")
    assert (found.severity, found.path) == (Severity.WARNING, "waste.unit")
    assert "baseline_amount 1200 and saving_amount 300 without a unit" in found.message
    assert diagnostics(canvas.evolve(waste=attrs.evolve(canvas.waste, unit="EUR")), "CMC027") == []


def test_an_owner_without_a_share_beside_shares_of_the_whole_is_a_warning() -> None:
    owners = (Stake("p-net", 60.0), Stake("p-d1", 40.0), Stake("p-d2", None))
    found = only(replace_party(valid_canvas(), "p-s1", owners=owners), "CMC027")
    assert (found.severity, found.path) == (Severity.WARNING, "parties[0].owners")
    assert "nothing is left for 'p-d2', listed without a share" in found.message
    fine = (Stake("p-net", 60.0), Stake("p-d2", None))
    assert diagnostics(replace_party(valid_canvas(), "p-s1", owners=fine), "CMC027") == []


def test_a_share_above_100_percent_is_a_warning() -> None:
    found = diagnostics(flows_with_units(["%", "%", "t"]), "CMC027")
    assert found == []  # volumes of 2
    canvas = valid_canvas()
    flows = (
        *canvas.flows,
        ValueFlow("f-share", "v-goods", "p-s1", "p-d1", volume=250.0, unit=" % "),
    )
    share = only(canvas.evolve(flows=flows), "CMC027")
    assert (share.severity, share.path) == (Severity.WARNING, f"flows[{len(flows) - 1}].volume")
    assert "gives a share of 250%: a share is at most 100%" in share.message
