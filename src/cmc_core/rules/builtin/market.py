"""Rules about the market: who supplies and demands, from how many organisations, and who leads.

CMC001 several-suppliers-and-demanders, CMC002 distinct-organisations, CMC015
stakeholders-not-counted, CMC016 no-centre and CMC019 no-dangling-parties; CMC004 leader-conflict
is :mod:`~cmc_core.rules.builtin.leaders`'.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Party
from cmc_core.rules.builtin._common import (
    describe,
    describe_all,
    join_and,
    quote,
    quote_all,
    rule,
    side_word,
)
from cmc_core.rules.engine import RuleContext
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import STAKEHOLDER_ROLES, Role

__all__ = [
    "distinct_organisations",
    "no_centre",
    "no_dangling_parties",
    "organisations_of",
    "several_suppliers_and_demanders",
    "short_market_sides",
    "stakeholders_not_counted",
]

_ = Messages("cmc_core", "rules")

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
    title=N_("Several suppliers and demanders, from distinct organisations inside the boundary"),
    rationale=N_(
        'A business community has "meerdere aanbieders en afnemers (marktpartijen)" '
        '[S1], "vele aanbieders en vragers" [S1b]: more than one supplier and more than '
        "one demander. They are counted as distinct organisations, so that one firm with "
        "several seats does not pass for a market; a party with both market roles counts "
        "on both sides (decision 1). Stakeholders such as experts or governments never "
        "count (V15)."
    ),
    source="domain.md 3.4 V01, V15, decision 1; [S1], [S1b]",
)
def several_suppliers_and_demanders(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield one finding per market side with too few distinct organisations."""
    for side, parties, organisations, minimum in short_market_sides(context):
        found = len(organisations)
        if not parties:
            message = (
                _(
                    "The community has no supplier inside its boundary; a business community "
                    "needs suppliers from at least {minimum} distinct organisations.",
                    minimum=minimum,
                )
                if side == "supplier"
                else _(
                    "The community has no demander inside its boundary; a business community "
                    "needs demanders from at least {minimum} distinct organisations.",
                    minimum=minimum,
                )
            )
        elif side == "supplier":
            message = _.plural(
                "The community has {count} supplier organisation inside its boundary: {who}; "
                "a business community needs suppliers from at least {minimum} distinct "
                "organisations.",
                "The community has {count} supplier organisations inside its boundary: {who}; "
                "a business community needs suppliers from at least {minimum} distinct "
                "organisations.",
                found,
                who=describe_all(parties),
                minimum=minimum,
            )
        else:
            message = _.plural(
                "The community has {count} demander organisation inside its boundary: {who}; "
                "a business community needs demanders from at least {minimum} distinct "
                "organisations.",
                "The community has {count} demander organisations inside its boundary: {who}; "
                "a business community needs demanders from at least {minimum} distinct "
                "organisations.",
                found,
                who=describe_all(parties),
                minimum=minimum,
            )
        yield Finding(
            message=message,
            path="parties",
            figures=((f"{side}s", float(len(organisations))),),
        )


@rule(
    code="CMC002",
    name="distinct-organisations",
    severity=Severity.ERROR,
    title=N_("The market parties belong to at least three distinct organisations"),
    rationale=N_(
        'A business community is an alternative to "het bedrijf" (the firm) and to the '
        "traditional market [S1]. When every market party belongs to one organisation, the "
        "canvas describes a firm talking to itself; two firms trading with each other are "
        "a bilateral relation, not a community, hence at least three organisations "
        "(decision 1)."
    ),
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
        message = _(
            "The community has no market party inside its boundary; a business community needs "
            "market parties from at least {minimum} distinct organisations.",
            minimum=minimum,
        )
    elif len(organisations) == 1 and len(parties) > 1:
        (organisation,) = named(organisations)
        message = _(
            "All {count} market parties belong to one organisation, {organisation}: a firm "
            "talking to itself is a firm, not a business community; at least {minimum} "
            "distinct organisations are needed.",
            count=len(parties),
            organisation=quote(organisation),
            minimum=minimum,
        )
    else:
        message = _.plural(
            "The market parties belong to only {count} organisation ({named}); at least "
            "{minimum} are needed, as two firms trading with each other are a bilateral "
            "relation, not a community.",
            "The market parties belong to only {count} organisations ({named}); at least "
            "{minimum} are needed, as two firms trading with each other are a bilateral "
            "relation, not a community.",
            len(organisations),
            named=quote_all(named(organisations)),
            minimum=minimum,
        )
    yield Finding(message=message, path="parties", figures=figures)


@rule(
    code="CMC015",
    name="stakeholders-not-counted",
    severity=Severity.INFO,
    title=N_("Stakeholders are not counted as suppliers or demanders"),
    rationale=N_(
        "The sources distinguish the market parties (aanbieders, vragers) from the other "
        "stakeholders: experts, government, financiers, NGOs and software builders [S2]. "
        "When a canvas has too few suppliers or demanders, this says which parties were "
        "left out of the count and why."
    ),
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
        message=_.plural(
            "{count} stakeholder inside the boundary ({who}) did not count as supplier or "
            "demander: experts, governments, financiers, NGOs and software builders are not "
            "market parties.",
            "{count} stakeholders inside the boundary ({who}) did not count as supplier or "
            "demander: experts, governments, financiers, NGOs and software builders are not "
            "market parties.",
            len(stakeholders),
            who=describe_all(stakeholders),
        ),
        path="parties",
        figures=(("stakeholders", float(len(stakeholders))),),
    )


@rule(
    code="CMC016",
    name="no-centre",
    severity=Severity.WARNING,
    title=N_("No party is the owner or centre of the canvas"),
    rationale=N_(
        'The unit of analysis is the network, not a firm: each firm is "maar een '
        'schakel" (only a link), "niet het centrum" (not the centre) [S1b]. A canvas '
        "with an owner reasons inside-out from one firm, as a Business Model Canvas does."
    ),
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
        message=_(
            "The canvas names {who} as its owner; a business community has no centre, every "
            "firm is only a link in the network. Leave meta.owner empty (meta.focal_party names "
            "the party a BMC is made for).",
            who=who,
        ),
        path="meta.owner",
    )


@rule(
    code="CMC019",
    name="no-dangling-parties",
    severity=Severity.WARNING,
    title=N_("Every market party takes part in a value flow or a process area"),
    rationale=N_(
        'Market parties are "op een dynamische en specifieke manier verbonden" '
        "(connected in a dynamic and specific way) [S1]. A supplier or demander with no "
        "flow and no process area is not connected to the community at all."
    ),
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
        roles = join_and(side_word(side) for side in markets) or _("market party")
        yield Finding(
            message=_(
                "{party} is a {roles} with no value flow and no process area: it is not "
                "connected to the community.",
                party=describe(party),
                roles=roles,
            ),
            path=f"parties[{position}]",
            subject=party.id,
        )
