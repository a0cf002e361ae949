"""change-readiness: resistances understood and handled, and a SMART next step.

The resistances are facts of the canvas. The ambition (connecting factor 3 and the note of
block A5) is free text in Dutch or English; from it the score reads only what a pattern can
check without judging: that a next step is named, that its target group is a party or a role
of this canvas (by name), and that there is a figure to measure it by, in the ambition (not a
date) or as the quantified saving of block D2. A date earns nothing: a go-live date says when,
not whether the community is ready, and whether it was kept shows in the next snapshot.
Whether a goal is achievable or relevant stays the workshop's call; the reasons say what was
found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.model import Resistance
from cmc_core.scoring.builtin._common import Tally, make_scorer
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import FactorKey, Language, Role, label

_ = Messages("cmc_core", "scores")

__all__ = [
    "AMBITION_POINTS",
    "CHANGE_READINESS",
    "DATE",
    "MEASURABLE",
    "NEXT_STEP",
    "RESISTANCE_PARTS",
    "RESISTANCE_POINTS",
    "score_change_readiness",
    "target_words",
]

#: Points for the resistances: their mean completeness, each part weighing as given.
RESISTANCE_POINTS = 50.0
RESISTANCE_PARTS = {"reason": 0.4, "mitigation": 0.4, "holder": 0.2}
#: Points for the ambition: written, a next step, its target group, a figure to measure it by.
AMBITION_POINTS = {"written": 10.0, "next step": 15.0, "target group": 10.0, "measurable": 15.0}

#: A next step named as such.
NEXT_STEP = re.compile(
    r"\b(next|first|volgende|eerste)\s+(step|stap|phase|fase)\b|\bpilot\b|\bkick-?off\b",
    re.IGNORECASE,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "januari|februari|maart|mei|juni|juli|augustus|oktober"
)
#: A moment or period, which earns nothing and whose digits are no figure to measure by: a
#: numeric date, a day and month, a year, a month, a quarter, or a number of days to years.
DATE = re.compile(
    r"\b\d{4}-\d{1,2}(?:-\d{1,2})?\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th|e)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS})\b|\bQ[1-4]\b|\b(?:kwartaal|quarter)\b|"
    r"\b\d+\s*(?:days?|weeks?|months?|years?|dagen|weken|maanden|jaar)\b|"
    r"\b(?:week|wk)\s*\d{1,2}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b",
    re.IGNORECASE,
)
#: A figure to measure against: a percentage or a number (read once the dates are removed).
MEASURABLE = re.compile(r"\d+(?:[.,]\d+)?\s*%|\b\d+(?:[.,]\d+)?\b")
#: Words for the market's sides that the role labels do not use.
_SIDE_WORDS = ("leverancier", "klant", "customer", "member", "leden", "lid")


def target_words(canvas: Canvas) -> Iterator[str]:
    """The words that name a target group of this canvas, case-folded: the roles (Dutch and
    English labels, and a few common synonyms) first, then its parties' names. Not ids or
    organisation references: those are the file's keys, which renaming may change, and no
    ambition is written in them."""
    for role in Role:
        for language in Language:
            yield label(role, language).split("(")[0].strip().casefold()
    yield from _SIDE_WORDS
    for party in canvas.parties:
        if len(party.name.strip()) > 1:
            yield party.name.casefold()


def _named_target(text: str, canvas: Canvas) -> str | None:
    """The target group ``text`` names, as written: a word of :func:`target_words` at a word
    start, or ``None``. A plain substring test first, so a canvas of many parties costs one
    C-level scan each."""
    folded = text.casefold()
    for word in target_words(canvas):
        if word in folded and (found := re.search(rf"(?<!\w){re.escape(word)}", folded)):
            return text[found.start() : found.end()]
    return None


def _figure(text: str, canvas: Canvas) -> str | None:
    """The figure the step can be measured by: a number in ``text`` that is no date or time
    (as written), else the saving quantified in block D2, else ``None``."""
    found = MEASURABLE.search(DATE.sub(" ", text))
    if found:
        return f"'{found.group().strip()}'"
    waste = canvas.waste
    if waste.expected_saving is not None or waste.saving_amount is not None:
        return _("the saving quantified in block D2")
    return None


def _quoted(match: re.Match[str] | None) -> str | None:
    return f"'{match.group().strip()}'" if match else None


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
            _(
                "No resistances are expected yet: every change meets some; say whose and why "
                "(D1, S16)"
            ),
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
        _.plural(
            "{count} expected resistance: {reasons} with a reason, {mitigations} with a "
            "mitigation, {holders} with a holder",
            "{count} expected resistances: {reasons} with a reason, {mitigations} with a "
            "mitigation, {holders} with a holder",
            len(resistances),
            reasons=counts["reason"],
            mitigations=counts["mitigation"],
            holders=counts["holder"],
        ),
        "resistances",
    )
    for position, (resistance, parts) in enumerate(zip(resistances, found, strict=True)):
        for part, present in parts.items():
            if not present:
                field = "holder" if part == "holder" else part
                tally.note(
                    _.translate(_LACKS[part], resistance=describe_resistance(resistance)),
                    f"resistances[{position}].{field}",
                )


#: What the reasons say when a resistance lacks a part.
_LACKS = {
    "reason": N_("The resistance {resistance} has no reason"),
    "mitigation": N_("The resistance {resistance} has no mitigation"),
    "holder": N_("The resistance {resistance} has no holder"),
}


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
            _(
                "The ambition (connecting factor 3) is not written: what is the SMART goal of "
                "the next step, and for whom?"
            ),
            path,
        )
        return
    target = _named_target(text, canvas)
    measurable = (
        N_(
            "The ambition has no figure to measure the step by, nor a saving quantified in D2; "
            "a date or time is no figure (worth {worth} points)"
        )
        if DATE.search(text)
        else N_(
            "The ambition has no figure to measure the step by, nor a saving quantified in D2 "
            "(worth {worth} points)"
        )
    )
    checks = {
        "written": ("", N_("The ambition is written down"), ""),
        "next step": (
            _quoted(NEXT_STEP.search(text)),
            N_("The ambition names a next or first step: {found}"),
            N_(
                "The ambition names no next or first step (such as 'next step', 'pilot', "
                "'volgende stap') (worth {worth} points)"
            ),
        ),
        "target group": (
            f"'{target}'" if target else None,
            N_("The ambition names its target group: {found}"),
            N_(
                "The ambition names no party or role of the canvas as its target group "
                "(worth {worth} points)"
            ),
        ),
        "measurable": (
            _figure(text, canvas),
            N_("The ambition has a figure to measure the step by: {found}"),
            measurable,
        ),
    }
    for check, (found, says, lacking) in checks.items():
        worth = AMBITION_POINTS[check]
        if found is not None:
            tally.add(worth, _.translate(says, found=found), path)
        else:
            tally.note(_.translate(lacking, worth=format(worth, "g")), path)


def score_change_readiness(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the change readiness of a canvas (see :data:`CHANGE_READINESS`)."""
    tally = Tally()
    _resistances(canvas, tally)
    _ambition(canvas, tally)
    return tally.score()


CHANGE_READINESS = make_scorer(
    name="change-readiness",
    title=N_("Change readiness"),
    rules=("CMC013",),
    score=score_change_readiness,
    description="""
        Whether the change is prepared:
        50 x the mean over the expected resistances of (0.4 for a reason + 0.4 for a
        mitigation + 0.2 for a holder), 0 without resistances;
        plus, for the ambition (connecting factor 3 and block A5's note): 10 for writing it
        down, 15 for naming a next or first step, 10 for naming its target group (a party,
        or role of the canvas by name), 15 for a figure to measure it by (a number in the
        ambition that is no date, or the saving quantified in D2). A date earns nothing.
        Grounding: leaders as "ambassadors or resistors of change" [S16]; workshop topic 8,
        expected resistances and why [seed]; V13; the ambition as "the SMART goal of the next
        step and its target group" [S3].""",
)
