"""change-readiness: resistances understood and handled, and a SMART next step.

The SMART check reads the ambition's text (connecting factor 3 and the note of block A5) in
Dutch or English with simple patterns: a named next step, a number that is not a year, and a
date, year or period. Patterns cannot judge whether a goal is achievable or relevant; that
stays the workshop's call, and the reasons say what was found.
"""

from __future__ import annotations

import re

from cmc_core.canvas import Canvas
from cmc_core.model import Resistance
from cmc_core.scoring.builtin._common import Tally, make_scorer, plural
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.vocabulary import FactorKey

__all__ = [
    "AMBITION_POINTS",
    "CHANGE_READINESS",
    "MEASURABLE",
    "NEXT_STEP",
    "RESISTANCE_PARTS",
    "RESISTANCE_POINTS",
    "TIME_BOUND",
    "score_change_readiness",
]

#: Points for the resistances: their mean completeness, each part weighing as given.
RESISTANCE_POINTS = 50.0
RESISTANCE_PARTS = {"reason": 0.4, "mitigation": 0.4, "holder": 0.2}
#: Points for the ambition: written, a next step, measurable, time-bound.
AMBITION_POINTS = {"written": 5.0, "next step": 15.0, "measurable": 15.0, "time-bound": 15.0}

#: A next step named as such.
NEXT_STEP = re.compile(
    r"\b(next|first|volgende|eerste)\s+(step|stap|phase|fase)\b|\bpilot\b|\bkick-?off\b",
    re.IGNORECASE,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januari|februari|maart|mei|juni|juli|augustus|oktober"
)
#: A moment or period: a year, a month, a quarter or a number of days, weeks, months or years.
TIME_BOUND = re.compile(
    rf"\b(19|20)\d\d\b|\b({_MONTHS})\b|\bQ[1-4]\b|\b(kwartaal|quarter)\b|"
    r"\b\d+\s*(days?|weeks?|months?|years?|dagen|weken|maanden|jaar)\b",
    re.IGNORECASE,
)
#: A figure to measure against: a percentage, or a number that is not a year.
MEASURABLE = re.compile(r"\d+(?:[.,]\d+)?\s*%|\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?\b")


def _resistance_parts(resistance: Resistance) -> dict[str, bool]:
    return {
        "reason": bool(resistance.reason.strip()),
        "mitigation": bool(resistance.mitigation.strip()),
        "holder": bool(resistance.holder or resistance.holder_role),
    }


def _resistances(canvas: Canvas, tally: Tally) -> None:
    resistances = canvas.resistances
    if not resistances:
        tally.note(
            "No resistances are expected yet: every change meets some; say whose and why (D1, S16)",
            "resistances",
        )
        return
    found = [_resistance_parts(resistance) for resistance in resistances]
    mean = sum(
        sum(RESISTANCE_PARTS[part] for part, present in parts.items() if present) for parts in found
    ) / len(found)
    counts = {part: sum(parts[part] for parts in found) for part in RESISTANCE_PARTS}
    tally.add(
        RESISTANCE_POINTS * mean,
        f"{plural(len(resistances), 'expected resistance')}: {counts['reason']} with a reason, "
        f"{counts['mitigation']} with a mitigation, {counts['holder']} with a holder",
        "resistances",
    )
    for position, (resistance, parts) in enumerate(zip(resistances, found, strict=True)):
        for part, present in parts.items():
            if not present:
                field = "holder" if part == "holder" else part
                tally.note(
                    f"The resistance {describe_resistance(resistance)} has no {part}",
                    f"resistances[{position}].{field}",
                )


def describe_resistance(resistance: Resistance) -> str:
    """A resistance as messages name it: the start of its description and its id."""
    text = " ".join(resistance.description.split())
    if not text:
        return f"'{resistance.id}'"
    return f"'{text[:60]}{'...' if len(text) > 60 else ''}' ({resistance.id})"


def _ambition(canvas: Canvas, tally: Tally) -> None:
    answer = canvas.factor(FactorKey.AMBITION).answer
    note = canvas.note("ambition")
    path = "factors.ambition.answer" if answer.strip() or not note.strip() else "notes.ambition"
    text = f"{answer}\n{note}"
    if not text.strip():
        tally.note(
            "The ambition (connecting factor 3) is not written: what is the SMART goal of the "
            "next step, and for whom?",
            path,
        )
        return
    checks = {
        "written": (True, "is written down", ""),
        "next step": (
            bool(NEXT_STEP.search(text)),
            "names a next or first step",
            "names no next or first step",
        ),
        "measurable": (
            bool(MEASURABLE.search(text)),
            "has a figure to measure the step by",
            "has no figure to measure the step by",
        ),
        "time-bound": (
            bool(TIME_BOUND.search(text)),
            "has a date or a period",
            "has no date or period",
        ),
    }
    for check, (passed, found, lacking) in checks.items():
        worth = AMBITION_POINTS[check]
        if passed:
            tally.add(worth, f"The ambition {found} ({check})", path)
        else:
            tally.note(f"The ambition {lacking} (worth {worth:g} points)", path)


def score_change_readiness(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the change readiness of a canvas (see :data:`CHANGE_READINESS`)."""
    tally = Tally()
    _resistances(canvas, tally)
    _ambition(canvas, tally)
    return tally.score()


CHANGE_READINESS = make_scorer(
    name="change-readiness",
    title="Change readiness",
    rules=("CMC013",),
    score=score_change_readiness,
    description="""
        Whether the change is prepared:
        50 x the mean over the expected resistances of (0.4 for a reason + 0.4 for a
        mitigation + 0.2 for a holder), 0 without resistances;
        plus, for the ambition (connecting factor 3 and block A5's note): 5 for writing it
        down, 15 for naming a next or first step, 15 for a figure that is not a year, 15 for a
        date, year or period (text patterns in Dutch and English).
        Grounding: leaders as "ambassadors or resistors of change" [S16]; workshop topic 8,
        expected resistances and why [seed]; V13; the ambition as "the SMART goal of the next
        step and its target group" [S3].""",
)
