"""Rules about change: CMC013, CMC018 and CMC020."""

from __future__ import annotations

from cmc_core.diagnostics import Severity
from cmc_core.model import Meta, Resistance, Waste
from cmc_core.vocabulary import Period, PrincipleKey, PrincipleStatus, SavingStatus, Status

from .builders import diagnostics, only, valid_canvas

# -- CMC013 resistance-reason --------------------------------------------------------------------


def test_a_resistance_with_a_reason_passes() -> None:
    assert diagnostics(valid_canvas(), "CMC013") == []


def test_a_resistance_without_a_reason_is_warned_about() -> None:
    canvas = valid_canvas().add(Resistance("r-ict", description="Own systems are cheaper"))
    found = only(canvas, "CMC013")
    assert (found.severity, found.path, found.subject) == (
        Severity.WARNING,
        "resistances[1].reason",
        "r-ict",
    )
    assert "'r-ict' ('Own systems are cheaper') does not say why" in found.message


# -- CMC018 waste-baseline -----------------------------------------------------------------------


def test_a_waste_baseline_in_words_is_enough() -> None:
    assert diagnostics(valid_canvas(), "CMC018") == []


def test_a_baseline_share_alone_is_enough() -> None:
    assert diagnostics(valid_canvas().evolve(waste=Waste(baseline_share=12.5)), "CMC018") == []


def test_a_saving_with_a_quantified_baseline_and_its_basis_is_enough() -> None:
    waste = Waste(baseline_share=20.0, expected_saving=30.0, basis="Pilot with three importers")
    assert diagnostics(valid_canvas().evolve(waste=waste), "CMC018") == []
    amounts = Waste(
        baseline_amount=1_000_000, saving_amount=4000, unit="truck trips", period=Period.YEAR,
        status=SavingStatus.REALISED, basis="Port authority count",
    )  # fmt: skip
    assert diagnostics(valid_canvas().evolve(waste=amounts), "CMC018") == []


def test_a_promised_saving_without_a_quantified_baseline_is_an_error() -> None:
    waste = Waste(baseline="a lot of paper", expected_saving=30.0, basis="Vendor estimate")
    found = only(valid_canvas().evolve(waste=waste), "CMC018")
    assert (found.severity, found.path) == (Severity.ERROR, "waste.baseline_amount")
    assert "claims a promised saving but gives no baseline as a figure" in found.message
    words_only = Waste(basis="Significant savings in buying and sourcing")
    assert only(valid_canvas().evolve(waste=words_only), "CMC018").severity is Severity.ERROR


def test_a_realised_saving_without_a_baseline_is_a_warning() -> None:
    waste = Waste(basis="Paper transfers are obsolete", status=SavingStatus.REALISED)
    found = only(valid_canvas().evolve(waste=waste), "CMC018")
    assert found.severity is Severity.WARNING
    assert "realised saving" in found.message


def test_a_saving_against_a_baseline_without_its_basis_is_a_warning() -> None:
    found = only(valid_canvas().evolve(waste=Waste(baseline_share=10, expected_saving=5)), "CMC018")
    assert (found.severity, found.path) == (Severity.WARNING, "waste.basis")


def test_no_saving_claimed_at_all_is_noted() -> None:
    found = only(valid_canvas().evolve(waste=Waste()), "CMC018")
    assert (found.severity, found.path, found.subject) == (Severity.INFO, "waste", None)
    assert "neither the waste today" in found.message


# -- CMC020 principles-assessed ------------------------------------------------------------------


def test_a_draft_canvas_needs_no_assessed_principles() -> None:
    canvas = valid_canvas().evolve(principles=())
    assert canvas.meta.status is Status.DRAFT
    assert diagnostics(canvas, "CMC020") == []


def test_a_final_canvas_with_every_principle_assessed_passes() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", status=Status.FINAL))
    assert diagnostics(canvas, "CMC020") == []


def test_a_final_canvas_notes_each_principle_not_assessed() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", status=Status.FINAL))
    canvas = canvas.with_principle(PrincipleKey.APART_TOGETHER, PrincipleStatus.NOT_ASSESSED)
    found = only(canvas, "CMC020")
    assert (found.severity, found.path, found.subject) == (
        Severity.INFO,
        "principles.apart_together",
        "apart_together",
    )
    assert "'apart together' is not assessed on a final canvas" in found.message


def test_a_final_canvas_without_principles_notes_all_five() -> None:
    canvas = valid_canvas().evolve(meta=Meta(name="x", status=Status.FINAL), principles=())
    assert [d.subject for d in diagnostics(canvas, "CMC020")] == sorted(
        k.value for k in PrincipleKey
    )
