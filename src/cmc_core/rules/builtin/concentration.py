"""Rule CMC021 concentration: how evenly the flows spread over the parties of each market side.

Equal footing is measured per side of the market as the Herfindahl-Hirschman index (HHI, 0-1)
of the parties' shares of the primary flows, plus the share of the largest party; a party in
more than half of all primary flows is a hub (decision 4 of the domain reference).

On a large canvas an exact count per party is the most cache-hostile step of validation, so the
rule first takes the sweep's upper bound of any party's count (:meth:`CanvasIndex.count_bound`)
and counts exactly only when that bound could reach a threshold. The bound is sound: HHI, the sum
of the squared shares, is at most the largest share, which is at most bound / side total.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat
from operator import and_, eq

from cmc_core.analysis import herfindahl, primary_position
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Party
from cmc_core.rules.builtin._common import describe, describe_all, plural, quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex, Side

__all__ = ["flow_concentration"]


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _side_total(index: CanvasIndex, side: Side) -> int:
    """The number of primary flows on a side: those whose party on ``side`` is a member."""
    outside = index.outside_keys(side)
    if not outside:
        return index.primary_count
    return index.primary_count - sum(map(outside.__contains__, index.primary_column(side)))


def _concentrated_side(
    index: CanvasIndex, side: Side, threshold: float
) -> tuple[float, float, list[Party], int] | None:
    """(HHI, largest share, largest parties, number of parties) when HHI > threshold."""
    total = _side_total(index, side)
    if not total or index.count_bound(side) <= threshold * total:
        return None  # HHI <= largest share <= bound / total <= threshold
    counts = index.counts(side)
    shares = {key: counts[key] for key in index.side_members(side).intersection(counts)}
    hhi = herfindahl(list(shares.values()))
    if hhi <= threshold:
        return None
    most = max(shares.values())
    largest = [index.party_by_id[key] for key, uses in shares.items() if uses == most]
    return hhi, most / total, largest, len(shares)


def _hub_counts(index: CanvasIndex, limit: float) -> dict[str, int]:
    """Parties in more than ``limit`` primary flows (as from or to), with their flow counts."""
    froms, tos = index.counts("from"), index.counts("to")
    candidates = {key for key, uses in froms.items() if uses + tos.get(key, 0) > limit}
    candidates.update(key for key, uses in tos.items() if uses > limit)
    hubs: dict[str, int] = {}
    for key in candidates:
        if not key or index.party(key) is None:
            continue  # missing and unknown parties are CMC011's business
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
    code="CMC021",
    name="concentration",
    severity=Severity.WARNING,
    title="No market side is highly concentrated and no party is a hub of the flows",
    rationale="""Market parties transact "op gelijkwaardige basis" (on an equal footing) [S1]; a
        side where a few parties carry most of the flows is not. Per side, the HHI of the
        parties' shares of the primary flows above 0.18 is "highly concentrated" (the 2023 US
        Merger Guidelines threshold, decision 4), reported with the largest party's share. A
        party in more than half of all primary flows is a hub: a warning, and an error when it
        also stewards the primary commonality or alone holds a decision right.""",
    source="domain.md 3.4 V03, decision 4; [S1]",
)
def flow_concentration(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per concentrated side and per hub party."""
    index = context.index
    settings = context.settings
    total = index.primary_count
    if not total:
        return
    sides: tuple[tuple[str, Side, str], ...] = (
        ("supply", "from", "supplier"),
        ("demand", "to", "demander"),
    )
    for name, side, role in sides:
        found = _concentrated_side(index, side, settings.hhi_threshold)
        if found is None:
            continue
        hhi, share, largest, parties = found
        yield Finding(
            message=(
                f"The {name} side is highly concentrated: an HHI of {hhi:.2f} over "
                f"{plural(parties, role)} (above {settings.hhi_threshold:.2f}); the largest, "
                f"{describe_all(largest)}, "
                f"{'has' if len(largest) == 1 else 'each have'} {_percent(share)} of its flows."
            ),
            path="flows",
            figures=(("hhi", hhi), ("largest_share", share)),
        )
    limit = settings.hub_share * total
    if index.count_bound("from") + index.count_bound("to") <= limit:
        return  # no party can be in more flows than its two bounds together
    yield from _hubs(canvas, index, _hub_counts(index, limit), total, settings.hub_share)


def _hubs(
    canvas: Canvas, index: CanvasIndex, hubs: dict[str, int], total: int, hub_share: float
) -> Iterator[Finding]:
    position = primary_position(canvas)
    steward = canvas.commonalities[position].steward if position is not None else None
    for key in sorted(hubs, key=index.party_position.__getitem__):
        party = index.party_by_id[key]
        share = hubs[key] / total
        message = (
            f"{describe(party)} takes part in {_percent(share)} of all primary flows, more than "
            f"{_percent(hub_share)}: it is a hub of the network"
        )
        reasons = []
        if key == steward and position is not None:
            reasons.append(
                f"also stewards the primary commonality {describe(canvas.commonalities[position])}"
            )
        reasons.extend(
            f"alone holds the decision right {quote(right.subject.strip() or right.id)}"
            for right in canvas.governance.decision_rights
            if set(right.holders) == {key}
        )
        if reasons:
            message += ", and it " + " and ".join(reasons)
        yield Finding(
            message=message + ".",
            path=index.party_path(key),
            subject=key,
            figures=(("share", share),),
            severity=Severity.ERROR if reasons else None,
        )
