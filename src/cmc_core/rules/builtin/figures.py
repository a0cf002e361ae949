"""Rule CMC027 figures-add-up: shares that add up, and amounts that say their unit.

Schema version 2 lets a canvas give figures: owners with their shares, decision rights with the
weight of their votes, volumes of flows and amounts of waste. The other rules and the scores read
them, and where the shares of one thing add up to more than the whole they would have to rescale
them silently; a volume without its unit cannot be weighed against another. This rule says so.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Commonality, Party, Stake
from cmc_core.rules.builtin._common import describe, join_and, quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.translation import N_, Messages

__all__ = ["ROUNDING", "figures_add_up"]

_ = Messages("cmc_core", "rules")

#: How far above 100 % shares may add up before they are an error: rounding (three owners of
#: 33.4 % each), not a second whole.
ROUNDING = 1.0


def _percent(total: float) -> str:
    return f"{total:g}%"


def _given(stakes: tuple[Stake, ...]) -> float:
    return math.fsum(stake.share for stake in stakes if stake.share is not None)


def _owners(canvas: Canvas) -> Iterator[Finding]:
    owned: list[tuple[str, int, Party | Commonality]] = [
        ("parties", position, party) for position, party in enumerate(canvas.parties)
    ]
    owned += [("commonalities", position, c) for position, c in enumerate(canvas.commonalities)]
    for collection, position, entity in owned:
        if not entity.owners:
            continue
        what = describe(entity)
        if collection == "parties":
            what = _("the organisation of {party}", party=what)
        total = _given(entity.owners)
        unshared = [stake.party for stake in entity.owners if stake.share is None]
        if total > 100 + ROUNDING:
            yield Finding(
                message=_(
                    "The owners of {what} hold {total} of it together; the shares of one thing "
                    "add up to at most 100%.",
                    what=what,
                    total=_percent(total),
                ),
                path=f"{collection}[{position}].owners",
                subject=entity.id,
                figures=(("total", total),),
            )
        elif unshared and total >= 100 - ROUNDING:
            named = ", ".join(quote(str(party)) for party in unshared)
            yield Finding(
                message=_(
                    "The owners of {what} with a share hold {total} already, so nothing is left "
                    "for {named}, listed without a share: give the shares, or leave the owner "
                    "out.",
                    what=what,
                    total=_percent(total),
                    named=named,
                ),
                path=f"{collection}[{position}].owners",
                subject=entity.id,
                severity=Severity.WARNING,
            )


def _decision_weights(canvas: Canvas) -> Iterator[Finding]:
    rights = canvas.governance.decision_rights
    by_subject: dict[str, list[int]] = defaultdict(list)
    for position, right in enumerate(rights):
        if right.weight is not None:
            by_subject[right.subject.strip().casefold() or right.id].append(position)
    for positions in by_subject.values():
        total = math.fsum(rights[p].weight or 0.0 for p in positions)
        if total > 100 + ROUNDING:
            first = rights[positions[0]]
            subject = quote(first.subject.strip()) if first.subject.strip() else quote(first.id)
            yield Finding(
                message=_(
                    "The decision rights over {subject} give {total} of the votes together; the "
                    "votes on one subject add up to at most 100%.",
                    subject=subject,
                    total=_percent(total),
                ),
                path=f"governance.decision_rights[{positions[0]}].weight",
                subject=first.id,
                figures=(("total", total),),
            )


def _flow_units(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Volumes without a unit, and shares (unit ``%``) above 100, in the blocks the sweep
    marked."""
    sweep = context.index.sweep
    flows = canvas.flows
    for start in sweep.odd_unit_blocks:
        for position in range(start, min(start + sweep.block, len(flows))):
            flow = flows[position]
            if flow.volume is None:
                continue
            unit = flow.unit.strip()
            if not unit:
                message = _(
                    "The flow {flow} gives a volume of {volume} without a unit: in what is it "
                    "counted (EUR, TEU, % for a share)?",
                    flow=quote(flow.id),
                    volume=format(flow.volume, "g"),
                )
            elif unit == "%" and flow.volume > 100 + ROUNDING:
                message = _(
                    "The flow {flow} gives a share of {volume}%: a share is at most 100%.",
                    flow=quote(flow.id),
                    volume=format(flow.volume, "g"),
                )
            else:
                continue
            yield Finding(
                message=message,
                path=f"flows[{position}].{'unit' if not unit else 'volume'}",
                subject=flow.id,
                severity=Severity.WARNING,
            )


def _units(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    yield from _flow_units(canvas, context)
    waste = canvas.waste
    amounts = [
        (name, amount)
        for name, amount in (
            ("baseline_amount", waste.baseline_amount),
            ("saving_amount", waste.saving_amount),
        )
        if amount is not None
    ]
    if amounts and not waste.unit.strip():
        named = join_and(f"{name} {amount:g}" for name, amount in amounts)
        yield Finding(
            message=_(
                "The waste block gives {named} without a unit: in what is it counted (EUR, truck "
                "trips, hours)?",
                named=named,
            ),
            path="waste.unit",
            severity=Severity.WARNING,
        )


@rule(
    code="CMC027",
    name="figures-add-up",
    severity=Severity.ERROR,
    title=N_("Shares add up to at most 100%, and every amount says its unit"),
    rationale=N_(
        "The owners of one thing hold at most all of it, and the votes on one subject are "
        "at most all votes: shares that add up to more than 100% (beyond one point of "
        "rounding) are an error, since the ownership, decision-power and score checks that "
        "read them would have to guess which one is wrong. Warnings: an owner listed "
        "without a share when the others already hold all of it, a share of a flow (unit "
        "``%``) above 100%, and a volume of a flow or an amount of waste without its unit, "
        'which cannot be weighed against another ("12 what?").'
    ),
    source="domain.md 3.4 V03, V18",
)
def figures_add_up(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per thing whose owners' shares or whose votes add up beyond 100%, and per
    volume or amount without a unit."""
    yield from _owners(canvas)
    yield from _decision_weights(canvas)
    yield from _units(canvas, context)
