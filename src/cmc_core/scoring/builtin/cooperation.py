"""cooperation-competition: cooperate on information and transactions, compete on execution."""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.model import ProcessArea
from cmc_core.scoring.builtin._common import Tally, describe, make_scorer, share
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Mode, ProcessKind

_ = Messages("cmc_core", "scores")

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


#: What to say when a kind has no area.
_NONE = {
    ProcessKind.INFORMATION: N_(
        "No information process area yet: name the information processes the parties share"
    ),
    ProcessKind.TRANSACTION: N_(
        "No transaction process area yet: name the transaction processes the parties share"
    ),
    ProcessKind.EXECUTION: N_(
        "No execution area yet: name the execution the parties keep competing on"
    ),
}
#: How many areas of a kind are in its expected mode (singular, plural).
_RIGHT = {
    ProcessKind.INFORMATION: (
        N_("{right} of {count} information process area cooperated on"),
        N_("{right} of {count} information process areas cooperated on"),
    ),
    ProcessKind.TRANSACTION: (
        N_("{right} of {count} transaction process area cooperated on"),
        N_("{right} of {count} transaction process areas cooperated on"),
    ),
    ProcessKind.EXECUTION: (
        N_("{right} of {count} execution area competed in"),
        N_("{right} of {count} execution areas competed in"),
    ),
}
#: An area in the other mode than its kind's.
_WRONG = {
    ProcessKind.INFORMATION: N_(
        "The information process area {area} is competed in, not cooperated on (V08)"
    ),
    ProcessKind.TRANSACTION: N_(
        "The transaction process area {area} is competed in, not cooperated on (V08)"
    ),
    ProcessKind.EXECUTION: N_("The execution area {area} is cooperated on, not competed in (V08)"),
}


def _kind(canvas: Canvas, kind: ProcessKind, tally: Tally) -> None:
    expected = EXPECTED_MODES[kind]
    areas = [(p, area) for p, area in enumerate(canvas.process_areas) if area.kind is kind]
    if not areas:
        tally.note(_.translate(_NONE[kind]), "process_areas")
        return
    right = [(p, area) for p, area in areas if area.effective_mode is expected]
    # Marked singly with N_, so chosen here: Dutch, like English, has one form for one.
    text = _RIGHT[kind][len(areas) != 1]
    tally.add(
        AREA_POINTS * share(len(right), len(areas)),
        _.translate(text, right=len(right), count=len(areas)),
        "process_areas",
    )
    for position, area in areas:
        if area.effective_mode is not expected:
            tally.note(
                _.translate(_WRONG[kind], area=describe(area)),
                f"process_areas[{position}].mode",
            )


def _explicit(areas: tuple[ProcessArea, ...], tally: Tally) -> None:
    if not areas:
        return
    written = sum(area.mode is not None for area in areas)
    tally.add(
        EXPLICIT_POINTS * written / len(areas),
        _.plural(
            "{written} of {count} process area say whether the parties cooperate or compete",
            "{written} of {count} process areas say whether the parties cooperate or compete",
            len(areas),
            written=written,
        ),
        "process_areas",
    )
    tally.missing(
        (
            (
                _("The area {area} leaves its mode open", area=describe(area)),
                f"process_areas[{p}].mode",
            )
            for p, area in enumerate(areas)
            if area.mode is None
        ),
        _more_areas,
        "process_areas",
    )


def _more_areas(count: int) -> str:
    return _.plural(
        "... and {count} more process area", "... and {count} more process areas", count
    )


def score_cooperation_competition(canvas: Canvas, context: ScoreContext) -> Score:
    """Score how clearly cooperation and competition are split (see the scorer's formula)."""
    tally = Tally()
    if not canvas.process_areas:
        tally.note(
            _(
                "There are no process areas: say on which information and transaction "
                "processes the parties cooperate, and on what execution they compete (V07)"
            ),
            "process_areas",
        )
        return tally.score()
    for kind in EXPECTED_MODES:
        _kind(canvas, kind, tally)
    _explicit(canvas.process_areas, tally)
    return tally.score()


COOPERATION_COMPETITION = make_scorer(
    name="cooperation-competition",
    title=N_("Cooperation and competition clarity"),
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
