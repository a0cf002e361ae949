"""Rules CMC021 concentration and CMC026 few-organisations: how the market flows spread over the
organisations of each side (CMC025 hub is :mod:`~cmc_core.rules.builtin.hubs`').

Equal footing is measured per side of the market as the Herfindahl-Hirschman index (HHI, 0-1)
of the organisations' shares of the market flows, against what an even split of as many
organisations gives; a party in more than half of all market flows is a hub (decision 4 of the
domain reference, read per organisation: see ``docs/domain.md``).

On a large canvas an exact count per party is the most cache-hostile step of validation, so the
rule first takes the sweep's upper bound of any party's count (:meth:`CanvasIndex.count_bound`)
and counts exactly only when that bound could reach a threshold. The bound is sound: HHI, the sum
of the squared shares, is at most the largest share, which is at most bound / side total.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import cast

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Party, ValueFlow
from cmc_core.rules.builtin._common import describe, describe_all, rule
from cmc_core.rules.builtin.market import organisations_of
from cmc_core.rules.control import MAJORITY, ownership, stakes_of, steward_of
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex, Side
from cmc_core.translation import N_, Messages

__all__ = ["few_organisations", "flow_concentration", "percent"]

_ = Messages("cmc_core", "rules")


def percent(share: float) -> str:
    """A share in whole percent, or to two significant digits below 1 % (an even share of a
    side of 2,000 organisations is 0.05 %, not 0 %)."""
    if 0 < share < 0.01:
        return f"{share * 100:.2g}%"
    return f"{share:.0%}"


def _side_total(index: CanvasIndex, side: Side) -> int:
    """The number of primary flows on a side: those whose party on ``side`` is a member."""
    outside = index.outside_keys(side)
    if not outside:
        return index.primary_count
    return index.primary_count - sum(map(outside.__contains__, index.primary_column(side)))


@attrs.frozen
class _Side:
    """One market side's spread over its organisations.

    :param hhi: the HHI over the organisations (a group's part split evenly within it).
    :param organisations: how many organisations (a group counts as many as it stands for).
    :param largest: the largest single organisations' parties and their share.
    :param dominant: the organisations above an even share.
    :param basis: what the shares are of (``flows``, or a volume's unit).
    """

    hhi: float
    organisations: int
    largest: tuple[tuple[Party, ...], float]
    dominant: frozenset[str]
    basis: str


def _weights(canvas: Canvas, index: CanvasIndex, side: Side) -> tuple[dict[str, float], str]:
    """Each side member's weight on its side of the primary flows: the sum of their volumes
    when every primary flow gives one in one unit (the basis :func:`_cleared` proves on too),
    else the number of flows."""
    members = index.side_members(side)
    counts = index.counts(side)
    by_count = {key: float(counts[key]) for key in members.intersection(counts) if key}
    if index.volume_range is None:
        return by_count, "flows"
    primary = _primary_flows(canvas, index)
    totals: dict[str, float] = {}
    for key, flow in zip(index.primary_column(side), primary, strict=True):
        if key in members:
            totals[key] = totals.get(key, 0.0) + cast("float", flow.volume)
    if not sum(totals.values()):  # the side's own flows carry nothing
        return by_count, "flows"
    sweep = index.sweep
    unit = sweep.unit or _("volume")
    if sweep.period is None:
        return totals, unit
    return totals, _("{unit} per {period}", unit=unit, period=sweep.period)


def _spread(canvas: Canvas, index: CanvasIndex, side: Side) -> _Side | None:
    """The side's spread over all its inside organisations, those without flows included: a
    demander that buys nothing is still one of the market's demanders."""
    weights, basis = _weights(canvas, index, side)
    total = sum(weights.values())
    if not total:
        return None
    parties = index.inside_suppliers if side == "from" else index.inside_demanders
    single: dict[str, float] = defaultdict(float)
    members: dict[str, list[Party]] = defaultdict(list)
    hhi_groups = 0.0
    organisations = 0
    for party in parties:
        share = weights.get(party.id, 0.0) / total
        if party.organisations > 1:  # a group: its share split evenly within it
            organisations += party.organisations
            hhi_groups += share * share / party.organisations
            continue
        single[party.organisation_id] += share
        members[party.organisation_id].append(party)
    organisations += len(single)
    if not organisations:
        return None
    hhi = hhi_groups + math.fsum(share * share for share in single.values())
    most = max(single.values(), default=0.0)
    largest = tuple(
        party for org, share in single.items() if share == most for party in members[org]
    )
    even = 1 / organisations
    dominant = frozenset(org for org, share in single.items() if share > even)
    return _Side(hhi, organisations, (largest, most), dominant, basis)


def _controls(canvas: Canvas, index: CanvasIndex, dominant: frozenset[str]) -> str | None:
    """How the dominant organisations of a side control the primary commonality, if they do:
    one of them stewards it, or they are among its (or its steward's) owners that trade and
    together own more than half of it."""
    found = steward_of(canvas, index)
    if found is None:
        return None
    _position, _commonality, steward = found
    if steward is not None and steward.organisation_id in dominant:
        return _("{steward} also stewards the primary commonality", steward=describe(steward))
    owned = stakes_of(canvas, index)
    if owned is None:
        return None
    split = ownership(index, owned[1])
    among = [party for party in split.owners() if party.organisation_id in dominant]
    if among and split.market_share > MAJORITY:
        return _.plural(
            "{among} is among the market parties that own the primary commonality or its steward",
            "{among} are among the market parties that own the primary commonality or its steward",
            len(among),
            among=describe_all(among),
        )
    return None


@rule(
    code="CMC021",
    name="concentration",
    severity=Severity.WARNING,
    title=N_("No market side is concentrated beyond an even split of its organisations"),
    rationale=N_(
        'Market parties transact "op gelijkwaardige basis" (on an equal footing) [S1]; a '
        "side where a few organisations carry most of the trade is not. Per side, the HHI "
        "of the organisations' shares of the market flows (of their volumes when the flows "
        "give them in one unit, else of their number; a group's share split evenly within "
        'it) is "highly concentrated" above 0.18 (the 2023 US Merger Guidelines '
        "threshold, decision 4), but only when the side is also far from an even split of "
        "as many organisations: the largest organisation must hold more than 1.25 times "
        "its even share. Four equal suppliers are as even as four can be; too few "
        "organisations is CMC026's finding. It is an error when the side's larger "
        "organisations also steward the primary commonality or are among the market "
        "parties that own it."
    ),
    source="domain.md 3.4 V03, decision 4; [S1]",
)
def flow_concentration(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per side concentrated beyond an even split."""
    index = context.index
    settings = context.settings
    if not index.primary_count:
        return
    for name, side, role in _SIDES:
        if _cleared(canvas, index, side, settings.hhi_threshold):
            continue
        spread = _spread(canvas, index, side)
        if spread is None or spread.hhi <= settings.hhi_threshold:
            continue
        even = 1 / spread.organisations
        parties, share = spread.largest
        if share <= settings.even_split_margin * even:
            continue  # the largest holds about its even share: as even as this many can be
        control = _controls(canvas, index, spread.dominant)
        message = _concentrated(
            name, role, spread, threshold=settings.hhi_threshold, largest=parties, share=share
        )
        if control:
            message += _(", and {control}", control=control)
        yield Finding(
            message=message + ".",
            path="flows",
            figures=(("hhi", spread.hhi), ("largest_share", share), ("even_hhi", even)),
            severity=Severity.ERROR if control else None,
        )


def _concentrated(
    name: str,
    role: str,
    spread: _Side,
    *,
    threshold: float,
    largest: tuple[Party, ...],
    share: float,
) -> str:
    """The sentence of a concentrated side, without its closing full stop."""
    if role == "supplier":
        organisations = _.plural(
            "{count} supplier organisation", "{count} supplier organisations", spread.organisations
        )
    else:
        organisations = _.plural(
            "{count} demander organisation", "{count} demander organisations", spread.organisations
        )
    fields = {
        "hhi": f"{spread.hhi:.2f}",
        "organisations": organisations,
        "basis": _("flows") if spread.basis == "flows" else _("volume ({unit})", unit=spread.basis),
        "threshold": f"{threshold:.2f}",
        "largest": describe_all(largest),
        "share": percent(share),
        "even": percent(1 / spread.organisations),
    }
    if name == "supply":
        return _.plural(
            "The supply side is highly concentrated: an HHI of {hhi} over {organisations} by "
            "{basis} (above {threshold}); the largest, {largest}, has {share}, against {even} "
            "in an even split",
            "The supply side is highly concentrated: an HHI of {hhi} over {organisations} by "
            "{basis} (above {threshold}); the largest, {largest}, each have {share}, against "
            "{even} in an even split",
            len(largest),
            **fields,
        )
    return _.plural(
        "The demand side is highly concentrated: an HHI of {hhi} over {organisations} by "
        "{basis} (above {threshold}); the largest, {largest}, has {share}, against {even} in "
        "an even split",
        "The demand side is highly concentrated: an HHI of {hhi} over {organisations} by "
        "{basis} (above {threshold}); the largest, {largest}, each have {share}, against "
        "{even} in an even split",
        len(largest),
        **fields,
    )


def _cleared(canvas: Canvas, index: CanvasIndex, side: Side, threshold: float) -> bool:
    """Whether the side is proved unconcentrated without summing volumes per organisation.

    HHI <= the largest share <= (most flows of one organisation x the largest weight) / total
    weight, where a flow weighs 1, or its volume when the flows give volumes in one unit. The
    sweep's bound times the most parties of one organisation settles most canvases at once;
    else the per-party counts (C-level) are added up per organisation, over distinct parties.
    A group's share is split within it, which only lowers the HHI.
    """
    total = _side_total(index, side)
    if not total:
        return True
    volumes = index.volume_range
    largest, weight = volumes if volumes is not None else (1.0, float(total))
    if volumes is not None:
        weight -= (index.primary_count - total) * largest  # at most this much is outside
        if weight <= 0:
            return False
    limit = threshold * weight
    if index.count_bound(side) * index.largest_organisation * largest <= limit:
        return True
    if index.count_bound(side) * largest <= limit:
        # Every one-party organisation is cleared by the bound; count the shared ones only.
        shared = index.shared_organisation_ids
        counted = Counter(filter(shared.__contains__, index.primary_column(side)))
        members, parties = index.side_members(side), index.party_by_id
        per_shared: dict[str, int] = defaultdict(int)
        for key, uses in counted.items():
            if key in members:
                per_shared[parties[key].organisation_id] += uses
        return max(per_shared.values(), default=0) * largest <= limit
    members, parties = index.side_members(side), index.party_by_id
    per_organisation: dict[str, int] = defaultdict(int)
    for key, uses in index.counts(side).items():
        if key in members:
            per_organisation[parties[key].organisation_id] += uses
    return max(per_organisation.values(), default=0) * largest <= limit


def _primary_flows(canvas: Canvas, index: CanvasIndex) -> list[ValueFlow]:
    """The primary flows, listed once per index (both sides and both checks read them)."""
    cached: list[ValueFlow] | None = index.__dict__.get("_cmc_primary_flows")
    if cached is None:
        cached = list(map(canvas.flows.__getitem__, index.primary_positions))
        index.__dict__["_cmc_primary_flows"] = cached
    return cached


@rule(
    code="CMC026",
    name="few-organisations",
    severity=Severity.WARNING,
    title=N_("Each market side has enough organisations to be a market"),
    rationale=N_(
        "Concentration is judged against an even split (CMC021), so two equal suppliers "
        "pass it; but a side of two organisations is a duopoly however evenly they share "
        'it, and the "vele aanbieders en vragers" (many suppliers and demanders) [S1b] '
        "are more than that. A side with fewer organisations than the minimum (3 by "
        "default, a group counting as many as it stands for) is a warning; fewer than two "
        "is CMC001's error."
    ),
    source="domain.md 3.4 V01, V03, decision 4; [S1b]",
)
def few_organisations(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per market side with too few organisations."""
    index = context.index
    minimum = context.settings.min_side_organisations
    for name, parties in (
        ("supplier", index.inside_suppliers),
        ("demander", index.inside_demanders),
    ):
        groups = sum(party.organisations for party in parties if party.organisations > 1)
        single = organisations_of(
            (party for party in parties if party.organisations == 1), enough=minimum
        )
        found = groups + len(single)
        if 2 <= found < minimum:
            fields = {"who": describe_all(parties), "minimum": minimum}
            yield Finding(
                message=(
                    _.plural(
                        "The supplier side has only {count} organisation ({who}); a market "
                        "needs at least {minimum}, however evenly they share it.",
                        "The supplier side has only {count} organisations ({who}); a market "
                        "needs at least {minimum}, however evenly they share it.",
                        found,
                        **fields,
                    )
                    if name == "supplier"
                    else _.plural(
                        "The demander side has only {count} organisation ({who}); a market "
                        "needs at least {minimum}, however evenly they share it.",
                        "The demander side has only {count} organisations ({who}); a market "
                        "needs at least {minimum}, however evenly they share it.",
                        found,
                        **fields,
                    )
                ),
                path="parties",
                figures=((f"{name}_organisations", float(found)),),
            )


_SIDES: tuple[tuple[str, Side, str], ...] = (
    ("supply", "from", "supplier"),
    ("demand", "to", "demander"),
)
