"""Rules about process areas: CMC007 and CMC008."""

from __future__ import annotations

from cmc_core.diagnostics import Severity
from cmc_core.model import ProcessArea
from cmc_core.vocabulary import Mode, ProcessKind

from .builders import diagnostics, only, valid_canvas


def with_areas(*areas: ProcessArea):  # type: ignore[no-untyped-def]
    return valid_canvas().evolve(process_areas=areas)


# -- CMC007 cooperate-on-information-and-transactions --------------------------------------------


def test_an_information_area_cooperated_on_by_default_is_enough() -> None:
    canvas = with_areas(ProcessArea("pa-1", name="Arrivals", kind=ProcessKind.INFORMATION))
    assert diagnostics(canvas, "CMC007") == []


def test_no_cooperated_information_or_transaction_area_is_an_error() -> None:
    canvas = with_areas(
        ProcessArea("pa-1", name="Arrivals", kind=ProcessKind.INFORMATION, mode=Mode.COMPETE),
        ProcessArea("pa-2", name="Trucking", kind=ProcessKind.EXECUTION, mode=Mode.COOPERATE),
    )
    found = only(canvas, "CMC007")
    assert (found.severity, found.path, found.subject) == (Severity.ERROR, "process_areas", None)
    assert "No process area of kind information or transaction is cooperated on" in found.message


def test_a_canvas_without_process_areas_has_no_cooperation() -> None:
    assert only(with_areas(), "CMC007").path == "process_areas"


# -- CMC008 compete-on-execution -----------------------------------------------------------------


def test_execution_competed_and_information_cooperated_is_as_expected() -> None:
    assert diagnostics(valid_canvas(), "CMC008") == []


def test_an_execution_area_cooperated_on_is_warned_about() -> None:
    canvas = with_areas(
        ProcessArea("pa-1", name="Arrivals", kind=ProcessKind.INFORMATION),
        ProcessArea("pa-2", name="Trucking", kind=ProcessKind.EXECUTION, mode=Mode.COOPERATE),
    )
    found = only(canvas, "CMC008")
    assert (found.severity, found.path, found.subject) == (
        Severity.WARNING,
        "process_areas[1].mode",
        "pa-2",
    )
    assert "execution area 'Trucking' (pa-2) is cooperated on" in found.message


def test_a_transaction_area_competed_in_is_warned_about() -> None:
    canvas = with_areas(
        ProcessArea("pa-1", name="Arrivals", kind=ProcessKind.INFORMATION),
        ProcessArea("pa-2", name="Booking", kind=ProcessKind.TRANSACTION, mode=Mode.COMPETE),
    )
    found = only(canvas, "CMC008")
    assert (found.path, found.subject) == ("process_areas[1].mode", "pa-2")
    assert "transaction area 'Booking' (pa-2) is competed in" in found.message


def test_one_area_name_with_both_modes_is_reported_for_each_area() -> None:
    canvas = with_areas(
        ProcessArea("pa-1", name="Warehousing", kind=ProcessKind.OTHER),
        ProcessArea("pa-2", name=" warehousing ", kind=ProcessKind.OTHER, mode=Mode.COMPETE),
        ProcessArea("pa-3", name="Arrivals", kind=ProcessKind.INFORMATION),
    )
    found = diagnostics(canvas, "CMC008")
    assert [(d.path, d.subject, d.severity) for d in found] == [
        ("process_areas[0].mode", "pa-1", Severity.WARNING),
        ("process_areas[1].mode", "pa-2", Severity.WARNING),
    ]
    assert "'Warehousing' (pa-1) is cooperated on, but 'warehousing' (pa-2)" in found[0].message
    assert "one area cannot carry both modes" in found[1].message


def test_areas_of_the_same_name_and_mode_are_fine() -> None:
    canvas = with_areas(
        ProcessArea("pa-1", name="Arrivals", kind=ProcessKind.INFORMATION),
        ProcessArea("pa-2", name="ARRIVALS", kind=ProcessKind.INFORMATION),
    )
    assert diagnostics(canvas, "CMC008") == []
