"""Rule CMC025 hub: no party takes part in more than half of all market flows.

A party in more than half of all market flows is a hub (decision 4 of the domain reference). As
for concentration (:mod:`~cmc_core.rules.builtin.concentration`), the sweep's upper bound of any
party's count is taken first, and parties are counted exactly only when it could reach the
threshold.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat
from operator import and_, eq

from cmc_core.analysis import primary_position
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.rules.builtin._common import describe, join_and, quote, rule
from cmc_core.rules.builtin.concentration import percent
from cmc_core.rules.control import steward_of, trades
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import N_, Messages

__all__ = ["hub"]

_ = Messages("cmc_core", "rules")


def _hub_counts(index: CanvasIndex, limit: float) -> dict[str, int]:
    """Parties in more than ``limit`` primary flows (as from or to), with their flow counts."""
    froms, tos = index.counts("from"), index.counts("to")
    candidates = {key for key, uses in froms.items() if uses + tos.get(key, 0) > limit}
    candidates.update(key for key, uses in tos.items() if uses > limit)
    hubs: dict[str, int] = {}
    for key in candidates:
        party = index.party(key) if key else None
        if key is None or party is None:
            continue  # missing and unknown parties are CMC011's business
        if party.organisations > 1:
            continue  # a group of many organisations is no one hub, however many flows
        uses = froms.get(key, 0) + tos.get(key, 0)
        if index.may_have_self_loops:
            # A flow from a party to itself is one flow the party is in, not two.
            column_from, column_to = index.primary_column("from"), index.primary_column("to")
            uses -= sum(
                map(and_, map(eq, column_from, column_to), map(eq, column_from, repeat(key)))
            )
        if uses > limit:
            hubs[key] = uses
    return hubs


@rule(
    code="CMC025",
    name="hub",
    severity=Severity.WARNING,
    title=N_("No party is a hub of the market flows"),
    rationale=N_(
        "A party in more than half of all market flows is a hub (decision 4): the others "
        "reach each other through it, not on an equal footing [S1]. A steward that trades "
        "sits on every flow over the commonality it runs. A warning, and an error when the "
        "hub also stewards the primary commonality or alone holds a decision right."
    ),
    source="domain.md 3.4 V03, decision 4; [S1]",
)
def hub(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per hub party."""
    index = context.index
    settings = context.settings
    total = index.primary_count
    if not total:
        return
    limit = settings.hub_share * total
    hubs: dict[str, int] = {}
    if index.count_bound("from") + index.count_bound("to") > limit:
        hubs = _hub_counts(index, limit)
    found = steward_of(canvas, index)
    steward = found[2] if found is not None else None
    if steward is not None and steward.id not in hubs and trades(index, steward):
        over = sum(1 for p in index.primary_positions if canvas.flows[p].via_commonality)
        if over > limit:
            hubs[steward.id] = over
    yield from _hubs(canvas, index, hubs, total, settings.hub_share)


def _hubs(
    canvas: Canvas, index: CanvasIndex, hubs: dict[str, int], total: int, hub_share: float
) -> Iterator[Finding]:
    position = primary_position(canvas)
    steward = canvas.commonalities[position].steward if position is not None else None
    for key in sorted(hubs, key=index.party_position.__getitem__):
        party = index.party_by_id[key]
        share = hubs[key] / total
        message = _(
            "{party} takes part in {share} of all primary flows, more than {limit}: it is a hub "
            "of the network",
            party=describe(party),
            share=percent(share),
            limit=percent(hub_share),
        )
        reasons = []
        if key == steward and position is not None:
            reasons.append(
                _(
                    "also stewards the primary commonality {commonality}",
                    commonality=describe(canvas.commonalities[position]),
                )
            )
        reasons.extend(
            _(
                "alone holds the decision right {right}",
                right=quote(right.subject.strip() or right.id),
            )
            for right in canvas.governance.decision_rights
            if set(right.holders) == {key}
        )
        if reasons:
            message += _(", and it {reasons}", reasons=join_and(reasons))
        yield Finding(
            message=message + ".",
            path=index.party_path(key),
            subject=key,
            figures=(("share", share),),
            severity=Severity.ERROR if reasons else None,
        )
