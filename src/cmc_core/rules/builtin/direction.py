"""Rules about the direction of the community: its domain and its connecting factors.

CMC012 boundary-goal-and-target-group and CMC014 connecting-factors.
"""

from __future__ import annotations

from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.rules.builtin._common import rule
from cmc_core.rules.engine import RuleContext
from cmc_core.translation import N_, Messages, current_language
from cmc_core.vocabulary import FactorKey, FactorSide, Language, label

__all__ = ["boundary_goal_and_target_group", "connecting_factors"]

_ = Messages("cmc_core", "rules")


@rule(
    code="CMC012",
    name="boundary-goal-and-target-group",
    severity=Severity.ERROR,
    title=N_("The community's boundary names a goal and a target group"),
    rationale=N_(
        'A domain is "een definitie van een doel en doelgroep" (a definition of a goal '
        "and a target group) [S2]: the bounded system a community puts into practice [S3]. "
        "Without both, nobody can say who or what is inside the community."
    ),
    source="domain.md 3.4 V12, 2.6; [S2], [S3]",
)
def boundary_goal_and_target_group(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding for an empty goal and one for an empty target group."""
    boundary = canvas.boundary
    if not boundary.goal.strip():
        yield Finding(
            message=_("The boundary has no goal (doel); a domain is defined by its goal."),
            path="boundary.goal",
        )
    if not boundary.target_group.strip():
        yield Finding(
            message=_(
                "The boundary has no target group (doelgroep); a domain is defined by its "
                "target group."
            ),
            path="boundary.target_group",
        )


@rule(
    code="CMC014",
    name="connecting-factors",
    severity=Severity.WARNING,
    title=N_("All seven connecting factors are answered, the demand side first"),
    rationale=N_(
        "Before a community can connect it needs a vision and a shared analysis of the "
        'context; then come the seven "verbindende factoren" (connecting factors) [S3]. '
        "Factors 1-3 are the demand side of organising, 4 the hinge (scharnierpunt) and "
        "5-7 the supply side. Each unanswered factor is a warning; answering the supply "
        "side while the demand side is open is noted, since the sources order them."
    ),
    source="domain.md 3.4 V14, 2.4; [S3]",
)
def connecting_factors(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per unanswered factor and a note when the supply side runs ahead."""
    language = current_language()
    open_demand: list[FactorKey] = []
    answered_supply: list[FactorKey] = []
    for key in FactorKey:
        answered = canvas.factor(key).is_answered
        if not answered:
            yield Finding(
                message=(
                    _(
                        "Connecting factor {number}, {factor} ({dutch}), is not answered.",
                        number=key.number,
                        factor=label(key),
                        dutch=label(key, "nl"),
                    )
                    if language is Language.EN
                    else _(
                        "Connecting factor {number}, {factor}, is not answered.",
                        number=key.number,
                        factor=label(key, language),
                    )
                ),
                path=f"factors.{key.value}",
                subject=key.value,
            )
            if key.side is FactorSide.DEMAND:
                open_demand.append(key)
        elif key.side is FactorSide.SUPPLY:
            answered_supply.append(key)
    if open_demand and answered_supply:
        supply = ", ".join(label(key, language) for key in answered_supply)
        demand = ", ".join(label(key, language) for key in open_demand)
        yield Finding(
            message=_(
                "The supply-side factors {supply} are answered while the demand-side factors "
                "{demand} are not; the demand side (factors 1-3) comes first.",
                supply=supply,
                demand=demand,
            ),
            path="factors",
            severity=Severity.INFO,
        )
