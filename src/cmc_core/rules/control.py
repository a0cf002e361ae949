"""Who owns and who controls: the facts the steward, leader, privilege and decision rules share,
and the market-balance score reads too.

The rules look through parties to organisations (decision 1 counts organisations, so a steward
that is "a division of" a market party is that market party) and through the steward to its
owners. Ownership is read from :class:`~cmc_core.model.Stake` lists: an owner with no share
counts as an equal part of what the known shares leave, so "owned by three banks" with no
percentages is three thirds. An owner that stands for a group of organisations (a cooperative
of all growers, ``represents`` above 1) is one side of the market, but no single competitor.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from cmc_core.canvas import Canvas
from cmc_core.model import Commonality, DecisionRight, Party, Stake
from cmc_core.rules.index import CanvasIndex
from cmc_core.vocabulary import MARKET_ROLES, Access, Role

__all__ = [
    "MAJORITY",
    "Ownership",
    "closed_admission",
    "decider",
    "market_organisations",
    "neutral_gate",
    "ownership",
    "primary_ownership",
    "sides_of",
    "stakes_of",
    "steward_of",
    "trades",
    "votes_by_subject",
]

#: The sides of the market, by the role that puts a party on them.
_SIDES = {Role.SUPPLIER: "supplier", Role.DEMANDER: "demander"}


def sides_of(party: Party) -> frozenset[str]:
    """The market sides a party is on: ``supplier``, ``demander``, both or none."""
    return frozenset(side for role, side in _SIDES.items() if role in party.roles)


def market_organisations(index: CanvasIndex) -> dict[str, frozenset[str]]:
    """The organisations of several parties among the inside market parties, with the sides
    they are on (computed once per index: every steward, leader and holder check asks); a
    one-party organisation is on its party's own sides."""
    cached: dict[str, frozenset[str]] | None = index.__dict__.get(_MARKET_ORGANISATIONS)
    if cached is None:
        cached = index.__dict__[_MARKET_ORGANISATIONS] = _market_organisations(index)
    return cached


_MARKET_ORGANISATIONS = "_cmc_market_organisations"


def _market_organisations(index: CanvasIndex) -> dict[str, frozenset[str]]:
    # Only organisations of several parties can put a party on a side it has no role for.
    shared = index.shared_organisation_ids
    found: dict[str, frozenset[str]] = {}
    for party in index.inside_market_parties:
        if party.id in shared:
            organisation = party.organisation_id
            found[organisation] = found.get(organisation, frozenset()) | sides_of(party)
    return found


def trades(index: CanvasIndex, party: Party) -> frozenset[str]:
    """The market sides ``party``'s organisation is on, through any of its parties: a steward
    that shares its organisation with a supplier trades as a supplier."""
    own = sides_of(party) if not MARKET_ROLES.isdisjoint(party.roles) else frozenset()
    return own | market_organisations(index).get(party.organisation_id, frozenset())


def steward_of(canvas: Canvas, index: CanvasIndex) -> tuple[int, Commonality, Party | None] | None:
    """The primary commonality's position, the commonality and its steward (``None`` when it has
    none, or names no party); ``None`` when the canvas has no commonality."""
    commonality = canvas.primary_commonality
    if commonality is None:
        return None
    position = canvas.commonalities.index(commonality)
    steward = index.party(commonality.steward) if commonality.steward else None
    return position, commonality, steward


@attrs.frozen
class Ownership:
    """How the owners of something split over the market.

    :param market: the owners that trade, each with its share (0-1) and its sides.
    :param others: the owners that do not trade, with their shares.
    :param groups: the share held by owners that stand for a group of organisations.
    """

    market: tuple[tuple[Party, float, frozenset[str]], ...] = ()
    others: tuple[tuple[str, float], ...] = ()
    groups: float = 0.0

    @property
    def market_share(self) -> float:
        """The share (0-1) held by owners that trade."""
        return math.fsum(share for _, share, _ in self.market)

    @property
    def single_market_share(self) -> float:
        """The share held by owners that trade and are single organisations (no group)."""
        return max(0.0, self.market_share - self.groups)

    def owners(self) -> list[Party]:
        """The owners that trade, largest share first."""
        return [party for party, _, _ in sorted(self.market, key=lambda entry: -entry[1])]


def _shares(stakes: Sequence[Stake]) -> list[tuple[str, float]]:
    """Each owner's share as a fraction; unknown shares split what the known ones leave."""
    named = [stake for stake in stakes if stake.party]
    known = math.fsum(stake.share for stake in named if stake.share is not None)
    unknown = [stake for stake in named if stake.share is None]
    rest = max(0.0, 100.0 - known) / len(unknown) if unknown else 0.0
    total = known + rest * len(unknown)
    if total <= 0:
        return []
    return [
        (str(stake.party), (stake.share if stake.share is not None else rest) / total)
        for stake in named
    ]


def ownership(index: CanvasIndex, stakes: Iterable[Stake]) -> Ownership:
    """How ``stakes`` split over the parties that trade and those that do not."""
    market: list[tuple[Party, float, frozenset[str]]] = []
    others: list[tuple[str, float]] = []
    groups = 0.0
    for party_id, share in _shares(tuple(stakes)):
        party = index.party(party_id)
        sides = trades(index, party) if party is not None else frozenset()
        if party is not None and sides:
            market.append((party, share, sides))
            if party.organisations > 1:
                groups += share
        else:
            others.append((party_id, share))
    return Ownership(tuple(market), tuple(others), groups)


def neutral_gate(index: CanvasIndex, commonality: Commonality) -> list[Party]:
    """The parties that decide who may use ``commonality`` when none of them trades and none
    runs it (a farmer deciding who reads its own data); empty otherwise. Such a gate keeps
    market owners from using the commonality to favour themselves."""
    running = {commonality.steward, *commonality.co_stewards}
    deciders = [index.party(key) for key in commonality.access_set_by]
    found = [party for party in deciders if party is not None]
    if not found or len(found) != len(deciders):
        return []
    if any(party.id in running or trades(index, party) for party in found):
        return []
    return found


def closed_admission(
    index: CanvasIndex, commonality: Commonality
) -> tuple[list[Party], frozenset[str]] | None:
    """The market parties that decide who may join ``commonality``, and the sides they trade
    on, when it admits by invitation or membership; ``None`` when its access is open or
    licensed (a party setting access to what is its own keeps everyone's footing) or no market
    party decides it."""
    if commonality.access not in (Access.INVITATION, Access.MEMBERSHIP):
        return None
    deciders = [index.party(key) for key in commonality.access_set_by]
    market = [party for party in deciders if party is not None and trades(index, party)]
    if not market:
        return None
    return market, frozenset[str]().union(*(trades(index, party) for party in market))


def primary_ownership(
    canvas: Canvas, index: CanvasIndex
) -> tuple[Commonality, str, Ownership] | None:
    """The primary commonality, the path of its owners (its own, else its steward's) and how
    they split over the market; ``None`` when it has no commonality or no owners."""
    owned = stakes_of(canvas, index)
    primary = canvas.primary_commonality
    if owned is None or primary is None:
        return None
    path, stakes = owned
    return primary, path, ownership(index, stakes)


def stakes_of(canvas: Canvas, index: CanvasIndex) -> tuple[str, tuple[Stake, ...]] | None:
    """The owners of the primary commonality, with the path they are at: its own ``owners``,
    else its steward's (a commonality owned by its steward)."""
    found = steward_of(canvas, index)
    if found is None:
        return None
    position, commonality, steward = found
    if commonality.owners:
        return f"commonalities[{position}].owners", commonality.owners
    if steward is not None and steward.owners:
        return f"{index.party_path(steward.id)}.owners", steward.owners
    return None


#: More than this share of the votes decides a subject.
MAJORITY = 0.5


def _subject(right: DecisionRight) -> str:
    return right.subject.strip().casefold() or right.id


def votes_by_subject(
    rights: tuple[DecisionRight, ...],
) -> dict[str, tuple[list[int], dict[str, float]]]:
    """Per subject over the transaction rules: the positions of its rights and each holder's
    share of the votes (0-1)."""
    grouped: dict[str, list[int]] = defaultdict(list)
    for position, right in enumerate(rights):
        if right.over_transaction_rules and right.holders:
            grouped[_subject(right)].append(position)
    found: dict[str, tuple[list[int], dict[str, float]]] = {}
    for subject, positions in grouped.items():
        weighted = [rights[p].weight for p in positions if rights[p].weight is not None]
        unweighted = [p for p in positions if rights[p].weight is None]
        given = math.fsum(w for w in weighted if w is not None)
        rest = max(0.0, 100.0 - given) / len(unweighted) if unweighted else 0.0
        total = given + rest * len(unweighted)
        votes: dict[str, float] = defaultdict(float)
        if total > 0:
            for position in positions:
                right = rights[position]
                weight = right.weight if right.weight is not None else rest
                holders = set(right.holders)
                for holder in holders:
                    votes[holder] += weight / total / len(holders)
        found[subject] = (positions, dict(votes))
    return found


def decider(index: CanvasIndex, votes: dict[str, float]) -> tuple[str, list[str], float] | None:
    """Who decides a subject: ('organisation', [party ids], share) for one market organisation,
    ('supplier' or 'demander', [party ids], share) for one side of the market."""
    by_organisation: dict[str, float] = defaultdict(float)
    by_side: dict[str, float] = defaultdict(float)
    members: dict[str, list[str]] = defaultdict(list)
    for holder, share in votes.items():
        party = index.party(holder)
        sides = trades(index, party) if party is not None else frozenset()
        if party is None or not sides:
            continue
        if party.organisations == 1:
            by_organisation[party.organisation_id] += share
            members[party.organisation_id].append(holder)
        for side in sides:
            by_side[side] += share
            members[side].append(holder)
    for organisation, share in by_organisation.items():
        if share > MAJORITY:
            return "organisation", members[organisation], share
    # One side alone: a council of both sides, however unevenly seated by numbers of parties,
    # is a shared decision; a token seat is the configuration's and the workshop's to judge.
    for side, share in by_side.items():
        if share > MAJORITY and len(by_side) == 1:
            return side, members[side], share
    return None
