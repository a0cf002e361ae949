"""cooperation-competition: cooperate on information and transactions, compete on execution."""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.model import ProcessArea
from cmc_core.scoring.builtin._common import Tally, describe, make_scorer, plural, share
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.vocabulary import Mode, ProcessKind, label

__all__ = [
    "AREA_POINTS",
    "COOPERATION_COMPETITION",
    "EXPECTED_MODES",
    "EXPLICIT_POINTS",
    "score_cooperation_competition",
]

#: Points per kind of process area for the share of its areas in the expected mode.
AREA_POINTS = 25.0
#: Points for the share of all areas whose mode is written down rather than left to default.
EXPLICIT_POINTS = 25.0
#: The mode each kind of process should have [S1].
EXPECTED_MODES = {
    ProcessKind.INFORMATION: Mode.COOPERATE,
    ProcessKind.TRANSACTION: Mode.COOPERATE,
    ProcessKind.EXECUTION: Mode.COMPETE,
}


#: How the reasons say that an area is in a mode.
_IN_MODE = {Mode.COOPERATE: "cooperated on", Mode.COMPETE: "competed in"}
#: What to add when a kind has no area.
_HINTS = {
    ProcessKind.INFORMATION: "name the information processes the parties share",
    ProcessKind.TRANSACTION: "name the transaction processes the parties share",
    ProcessKind.EXECUTION: "name the execution the parties keep competing on",
}


def _kind(canvas: Canvas, kind: ProcessKind, tally: Tally) -> None:
    expected = EXPECTED_MODES[kind]
    areas = [(p, area) for p, area in enumerate(canvas.process_areas) if area.kind is kind]
    what = label(kind)
    verb = _IN_MODE[expected]
    if not areas:
        tally.note(f"No {what} area yet: {_HINTS[kind]}", "process_areas")
        return
    right = [(p, area) for p, area in areas if area.effective_mode is expected]
    tally.add(
        AREA_POINTS * share(len(right), len(areas)),
        f"{len(right)} of {plural(len(areas), what + ' area')} {verb}",
        "process_areas",
    )
    for position, area in areas:
        if area.effective_mode is not expected:
            tally.note(
                f"The {what} area {describe(area)} is {_IN_MODE[area.effective_mode]}, not "
                f"{verb} (V08)",
                f"process_areas[{position}].mode",
            )


def _explicit(areas: tuple[ProcessArea, ...], tally: Tally) -> None:
    if not areas:
        return
    written = sum(area.mode is not None for area in areas)
    tally.add(
        EXPLICIT_POINTS * written / len(areas),
        f"{written} of {plural(len(areas), 'process area')} say whether the parties cooperate "
        "or compete",
        "process_areas",
    )
    tally.missing(
        (
            (f"The area {describe(area)} leaves its mode open", f"process_areas[{p}].mode")
            for p, area in enumerate(areas)
            if area.mode is None
        ),
        "process areas",
        "process_areas",
    )


def score_cooperation_competition(canvas: Canvas, context: ScoreContext) -> Score:
    """Score how clearly cooperation and competition are split (see the scorer's formula)."""
    tally = Tally()
    if not canvas.process_areas:
        tally.note(
            "There are no process areas: say on which information and transaction processes "
            "the parties cooperate, and on what execution they compete (V07)",
            "process_areas",
        )
        return tally.score()
    for kind in EXPECTED_MODES:
        _kind(canvas, kind, tally)
    _explicit(canvas.process_areas, tally)
    return tally.score()


COOPERATION_COMPETITION = make_scorer(
    name="cooperation-competition",
    title="Cooperation and competition clarity",
    rules=("CMC007", "CMC008"),
    score=score_cooperation_competition,
    description="""
        Whether the parties cooperate on information and transaction processes and compete
        on execution:
        25 x (information areas cooperated on / information areas)
        + 25 x (transaction areas cooperated on / transaction areas)
        + 25 x (execution areas competed in / execution areas)
        + 25 x (areas with a written mode / all areas),
        a kind without areas scoring 0 for its term. An area without a mode counts with its
        kind's default (execution competes, the rest cooperates) but not as written.
        Grounding: "werken vooral samen op informatie- en transactieprocessen, maar
        concurreren bijv. op de uitvoering" [S1]; principle 4, apart together; domain.md 3.4
        V07 and V08.""",
)
