"""Rules about change: resistances, waste and savings, and the principles checklist.

CMC013 resistance-reason, CMC018 waste-baseline and CMC020 principles-assessed.
"""

from __future__ import annotations

from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.rules.builtin._common import quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.translation import N_, Messages, current_language
from cmc_core.vocabulary import PrincipleKey, PrincipleStatus, SavingStatus, Status, label

__all__ = ["principles_assessed", "resistance_reason", "waste_baseline"]

_ = Messages("cmc_core", "rules")


@rule(
    code="CMC013",
    name="resistance-reason",
    severity=Severity.WARNING,
    title=N_("Every expected resistance says why"),
    rationale=N_(
        "The workshop covers the expected resistances to the community and why they arise "
        '[seed, topic 8]; leaders may become "ambassadors or resistors of change" [S16]. '
        "A resistance without a reason cannot be addressed."
    ),
    source="domain.md 3.4 V13; [seed], [S16]",
)
def resistance_reason(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding for every resistance without a reason."""
    for position, resistance in enumerate(canvas.resistances):
        if resistance.reason.strip():
            continue
        what = resistance.description.strip()
        yield Finding(
            message=(
                _(
                    "The resistance {resistance} ({about}) does not say why it arises.",
                    resistance=quote(resistance.id),
                    about=quote(what),
                )
                if what
                else _(
                    "The resistance {resistance} does not say why it arises.",
                    resistance=quote(resistance.id),
                )
            ),
            path=f"resistances[{position}].reason",
            subject=resistance.id,
        )


@rule(
    code="CMC018",
    name="waste-baseline",
    severity=Severity.WARNING,
    title=N_("A claimed saving is measured against a quantified baseline, with its basis"),
    rationale=N_(
        'The CMC reasons from delivering value to the end customer at "minimale '
        'verspilling" (minimal waste), and smart cooperation saves "tientallen '
        'procenten" (tens of percent) [S1]. A saving is only checkable against the waste '
        "today as a figure (``baseline_amount`` or ``baseline_share``) and with the basis "
        "it rests on. A promised saving with no such baseline is an error: the community's "
        "case rests on a number nobody can measure. A realised saving without one, or any "
        "saving without its basis, is a warning; a canvas that claims no saving at all "
        "gets a note."
    ),
    source="domain.md 3.4 V18; [S1]",
)
def waste_baseline(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding by the ladder: promised without baseline, realised without baseline,
    without basis, or no saving claimed at all."""
    waste = canvas.waste
    if not waste.claims_saving:
        if not waste.has_baseline and not waste.baseline.strip():
            yield Finding(
                message=_(
                    "The waste block states neither the waste today (baseline_amount or "
                    "baseline_share) nor a saving with its basis."
                ),
                path="waste",
                severity=Severity.INFO,
            )
        return
    status = label(waste.status, current_language())
    if not waste.has_baseline:
        promised = waste.status is SavingStatus.PROMISED
        yield Finding(
            message=(
                _(
                    "The waste block claims a {status} saving but gives no baseline as a figure "
                    "(baseline_amount or baseline_share): a promise nobody can measure.",
                    status=status,
                )
                if promised
                else _(
                    "The waste block claims a {status} saving but gives no baseline as a figure "
                    "(baseline_amount or baseline_share): its size cannot be judged against the "
                    "waste today.",
                    status=status,
                )
            ),
            path="waste.baseline_amount",
            severity=Severity.ERROR if promised else None,
        )
    elif not waste.basis.strip():
        yield Finding(
            message=_(
                "The waste block claims a {status} saving against a baseline but says not on "
                "what basis (waste.basis).",
                status=status,
            ),
            path="waste.basis",
        )


@rule(
    code="CMC020",
    name="principles-assessed",
    severity=Severity.INFO,
    title=N_("A final canvas has all five principles of organising assessed"),
    rationale=N_(
        "The five basic principles of organising are the basis of the CMC [S1b]. A canvas "
        "that is presented (status final) says how it meets each of them."
    ),
    source="domain.md 3.4 V20, 2.3; [S1b]",
)
def principles_assessed(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per unassessed principle, on a final canvas only."""
    if canvas.meta.status is not Status.FINAL:
        return
    for key in PrincipleKey:
        if canvas.principle(key).status is PrincipleStatus.NOT_ASSESSED:
            yield Finding(
                message=_(
                    "The principle {principle} is not assessed on a final canvas.",
                    principle=quote(label(key, current_language())),
                ),
                path=f"principles.{key.value}",
                subject=key.value,
            )
