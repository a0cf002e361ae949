"""Rules about the market: who supplies and demands, from how many organisations, and who leads.

CMC001 several-suppliers-and-demanders, CMC002 distinct-organisations, CMC004 leader-conflict,
CMC015 stakeholders-not-counted, CMC016 no-centre and CMC019 no-dangling-parties.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Party
from cmc_core.rules.builtin._common import describe, describe_all, plural, quote, quote_all, rule
from cmc_core.rules.control import (
    MAJORITY,
    neutral_gate,
    primary_ownership,
    sides_of,
    steward_of,
    trades,
)
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex
from cmc_core.vocabulary import STAKEHOLDER_ROLES, Role

__all__ = [
    "distinct_organisations",
    "leader_conflict",
    "no_centre",
    "no_dangling_parties",
    "organisations_of",
    "several_suppliers_and_demanders",
    "short_market_sides",
    "stakeholders_not_counted",
]

_LEADER_ROLES = (Role.DOMAIN_LEADER, Role.NETWORK_LEADER)
#: At most this many organisations of one group are listed when no count is asked for.
_LISTED = 10_000
#: Marks the stand-ins of a group's organisations (a character no id of a file holds).
_STAND_IN = "\x00"


def named(organisations: Iterable[str]) -> list[str]:
    """The real organisation ids among ``organisations``, sorted: stand-ins left out."""
    return sorted(key for key in organisations if _STAND_IN not in key)


def organisations_of(parties: Iterable[Party], enough: int | None = None) -> set[str]:
    """The organisations of ``parties``; stops early once ``enough`` have been found. A group
    (``represents`` above 1) adds stand-ins for the organisations it stands for (at most
    ``enough``), so that counts see them; :func:`named` leaves the stand-ins out."""
    found: set[str] = set()
    for party in parties:
        found.add(party.organisation_id)
        extra = min(party.organisations - 1, _LISTED if enough is None else enough)
        found.update(f"{party.organisation_id}{_STAND_IN}{n}" for n in range(1, extra + 1))
        if enough is not None and len(found) >= enough:
            break
    return found


def short_market_sides(context: RuleContext) -> list[tuple[str, tuple[Party, ...], set[str], int]]:
    """The market sides with too few organisations: (side, its parties, organisations, minimum).

    Shared by CMC001, which reports them, and CMC015, which explains who was not counted.
    """
    index = context.index
    settings = context.settings
    sides = (
        ("supplier", index.inside_suppliers, settings.min_suppliers),
        ("demander", index.inside_demanders, settings.min_demanders),
    )
    short = []
    for side, parties, minimum in sides:
        organisations = organisations_of(parties, enough=minimum)
        if len(organisations) < minimum:
            short.append((side, parties, organisations, minimum))
    return short


@rule(
    code="CMC001",
    name="several-suppliers-and-demanders",
    severity=Severity.ERROR,
    title="Several suppliers and demanders, from distinct organisations inside the boundary",
    rationale="""A business community has "meerdere aanbieders en afnemers (marktpartijen)" [S1],
        "vele aanbieders en vragers" [S1b]: more than one supplier and more than one demander.
        They are counted as distinct organisations, so that one firm with several seats does not
        pass for a market; a party with both market roles counts on both sides (decision 1).
        Stakeholders such as experts or governments never count (V15).""",
    source="domain.md 3.4 V01, V15, decision 1; [S1], [S1b]",
)
def several_suppliers_and_demanders(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield one finding per market side with too few distinct organisations."""
    for side, parties, organisations, minimum in short_market_sides(context):
        if parties:
            who = f": {describe_all(parties)}"
            has = f"{plural(len(organisations), f'{side} organisation')}"
        else:
            who = ""
            has = f"no {side}"
        yield Finding(
            message=(
                f"The community has {has} inside its boundary{who}; a business community needs "
                f"{side}s from at least {minimum} distinct organisations."
            ),
            path="parties",
            figures=((f"{side}s", float(len(organisations))),),
        )


@rule(
    code="CMC002",
    name="distinct-organisations",
    severity=Severity.ERROR,
    title="The market parties belong to at least three distinct organisations",
    rationale="""A business community is an alternative to "het bedrijf" (the firm) and to the
        traditional market [S1]. When every market party belongs to one organisation, the
        canvas describes a firm talking to itself; two firms trading with each other are a
        bilateral relation, not a community, hence at least three organisations (decision 1).""",
    source="domain.md 3.4 V02, decision 1; [S1]",
)
def distinct_organisations(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the inside market parties span too few organisations."""
    minimum = context.settings.min_organisations
    parties = context.index.inside_market_parties
    organisations = organisations_of(parties, enough=minimum)
    if len(organisations) >= minimum:
        return
    figures = (("organisations", float(len(organisations))),)
    if not parties:
        message = (
            "The community has no market party inside its boundary; a business community needs "
            f"market parties from at least {minimum} distinct organisations."
        )
    elif len(organisations) == 1 and len(parties) > 1:
        (organisation,) = named(organisations)
        message = (
            f"All {len(parties)} market parties belong to one organisation, {quote(organisation)}: "
            "a firm talking to itself is a firm, not a business community; at least "
            f"{minimum} distinct organisations are needed."
        )
    else:
        message = (
            f"The market parties belong to only {plural(len(organisations), 'organisation')} "
            f"({quote_all(named(organisations))}); at least {minimum} are needed, as two firms "
            "trading with each other are a bilateral relation, not a community."
        )
    yield Finding(message=message, path="parties", figures=figures)


@rule(
    code="CMC004",
    name="leader-conflict",
    severity=Severity.WARNING,
    title="No leader or steward trades, or is owned by those who do",
    rationale="""Market parties transact "op gelijkwaardige basis" (on an equal footing) [S1].
        The domain leader organises supply and demand rather than being it [S2], and the network
        leader provides the connecting infrastructure [S3]; holding a market role as well is a
        conflict of interest. It is judged per organisation: a leader that is "a division of" a
        market party trades through it. It is an error when the leader stewards the primary
        commonality (it sets the rules it competes under) or its organisation is the only one
        on a side. Owners are looked through too: market parties that are single
        organisations owning more than half of the primary commonality or its steward is an
        error, softened to a warning when access is decided by parties outside the market (a
        farmer for its own data); a smaller market stake is a warning. A cooperative of a whole
        side (an owner that stands for many organisations) is no single competitor; one side
        owning the steward is judged by CMC024.""",
    source="domain.md 3.4 V04, V03, decision 1; [S1], [S2], [S3]",
)
def leader_conflict(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per leader or steward that trades, and one for market owners."""
    index = context.index
    found = steward_of(canvas, index)
    steward = found[2] if found is not None else None
    leaders = list(index.parties_with_any_role(*_LEADER_ROLES))
    if steward is not None and all(party.id != steward.id for _, party in leaders):
        leaders.append((index.party_position[steward.id], steward))
    for position, party in leaders:
        yield from _trading_leader(index, position, party, steward)
    yield from _market_owners(canvas, index)


def _trading_leader(
    index: CanvasIndex, position: int, party: Party, steward: Party | None
) -> Iterator[Finding]:
    markets = trades(index, party)
    if not markets:
        return
    leads = [role.value.replace("_", " ") for role in _LEADER_ROLES if role in party.roles]
    stewarding = steward is not None and party.id == steward.id
    if stewarding:
        leads.append("steward of the primary commonality")
    through = "" if sides_of(party) else f" through its organisation {quote(party.organisation_id)}"
    message = (
        f"{describe(party)} is {' and '.join(leads)} and trades as "
        f"{' and '.join(sorted(markets))}{through}: a leader that also trades in the market it "
        "organises does not meet the others on an equal footing"
    )
    severity = Severity.ERROR if stewarding else None
    for side in sorted(markets):
        parties = index.inside_suppliers if side == "supplier" else index.inside_demanders
        if organisations_of(parties, enough=2) == {party.organisation_id}:
            severity = Severity.ERROR
            message += (
                f", and its organisation {quote(party.organisation_id)} is the only {side} "
                "organisation"
            )
    yield Finding(
        message=message + ".",
        path=f"parties[{position}].roles",
        subject=party.id,
        severity=severity,
    )


def _market_owners(canvas: Canvas, index: CanvasIndex) -> Iterator[Finding]:
    found = primary_ownership(canvas, index)
    if found is None:
        return
    primary, path, split = found
    share = split.single_market_share
    if share <= 0:
        return
    deciders = neutral_gate(index, primary)
    severity = Severity.ERROR if share > MAJORITY and not deciders else None
    owners = [party for party in split.owners() if party.organisations == 1]
    message = (
        f"Market parties own {share:.0%} of the primary commonality {describe(primary)} or its "
        f"steward ({describe_all(owners)}): those who trade in the market control the one who "
        "runs it"
    )
    if share > MAJORITY and deciders:
        message += (
            f", though who may use it is decided by parties outside the market "
            f"({describe_all(deciders)})"
        )
    yield Finding(
        message=message + ".",
        path=path,
        subject=primary.id,
        figures=(("market_share", share),),
        severity=severity,
    )


@rule(
    code="CMC015",
    name="stakeholders-not-counted",
    severity=Severity.INFO,
    title="Stakeholders are not counted as suppliers or demanders",
    rationale="""The sources distinguish the market parties (aanbieders, vragers) from the other
        stakeholders: experts, government, financiers, NGOs and software builders [S2]. When a
        canvas has too few suppliers or demanders, this says which parties were left out of
        the count and why.""",
    source="domain.md 3.4 V15; [S2]",
)
def stakeholders_not_counted(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield one finding listing the uncounted stakeholders when a market side is short."""
    if not short_market_sides(context):
        return
    stakeholders = [
        party
        for party in context.index.inside_parties
        if party.roles and STAKEHOLDER_ROLES.issuperset(party.roles)
    ]
    if not stakeholders:
        return
    yield Finding(
        message=(
            f"{plural(len(stakeholders), 'stakeholder')} inside the boundary "
            f"({describe_all(stakeholders)}) did not count as supplier or demander: experts, "
            "governments, financiers, NGOs and software builders are not market parties."
        ),
        path="parties",
        figures=(("stakeholders", float(len(stakeholders))),),
    )


@rule(
    code="CMC016",
    name="no-centre",
    severity=Severity.WARNING,
    title="No party is the owner or centre of the canvas",
    rationale="""The unit of analysis is the network, not a firm: each firm is "maar een
        schakel" (only a link), "niet het centrum" (not the centre) [S1b]. A canvas with an
        owner reasons inside-out from one firm, as a Business Model Canvas does.""",
    source="domain.md 3.4 V16, 3.1; [S1b]",
)
def no_centre(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the metadata names an owner."""
    owner = canvas.meta.owner
    if not owner:
        return
    party = context.index.party(owner)
    who = describe(party) if party is not None else quote(owner)
    yield Finding(
        message=(
            f"The canvas names {who} as its owner; a business community has no centre, every "
            "firm is only a link in the network. Leave meta.owner empty (meta.focal_party names "
            "the party a BMC is made for)."
        ),
        path="meta.owner",
    )


@rule(
    code="CMC019",
    name="no-dangling-parties",
    severity=Severity.WARNING,
    title="Every market party takes part in a value flow or a process area",
    rationale="""Market parties are "op een dynamische en specifieke manier verbonden" (connected
        in a dynamic and specific way) [S1]. A supplier or demander with no flow and no process
        area is not connected to the community at all.""",
    source="domain.md 3.4 V19; [S1]",
)
def no_dangling_parties(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding for every inside market party without a flow or a process area."""
    index = context.index
    dangling = set(index.unconnected_market_ids)
    for area in canvas.process_areas:
        dangling.difference_update(area.parties)
    for position, party in index.party_entries(dangling):
        markets = [role.value for role in (Role.SUPPLIER, Role.DEMANDER) if role in party.roles]
        roles = " and ".join(markets) or "market party"
        yield Finding(
            message=(
                f"{describe(party)} is a {roles} with no value flow and no process area: it is "
                "not connected to the community."
            ),
            path=f"parties[{position}]",
            subject=party.id,
        )
