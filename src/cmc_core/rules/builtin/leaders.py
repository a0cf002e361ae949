"""Rule CMC004 leader-conflict: no leader or steward trades, or is owned by those who do."""

from __future__ import annotations

from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Party
from cmc_core.rules.builtin._common import (
    describe,
    describe_all,
    join_and,
    quote,
    role_label,
    rule,
    side_word,
)
from cmc_core.rules.builtin.market import organisations_of
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
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Role

__all__ = ["leader_conflict"]

_ = Messages("cmc_core", "rules")

_LEADER_ROLES = (Role.DOMAIN_LEADER, Role.NETWORK_LEADER)


@rule(
    code="CMC004",
    name="leader-conflict",
    severity=Severity.WARNING,
    title=N_("No leader or steward trades, or is owned by those who do"),
    rationale=N_(
        'Market parties transact "op gelijkwaardige basis" (on an equal footing) [S1]. '
        "The domain leader organises supply and demand rather than being it [S2], and the "
        "network leader provides the connecting infrastructure [S3]; holding a market role "
        "as well is a conflict of interest. It is judged per organisation: a leader that "
        'is "a division of" a market party trades through it. It is an error when the '
        "leader stewards the primary commonality (it sets the rules it competes under) or "
        "its organisation is the only one on a side. Owners are looked through too: market "
        "parties that are single organisations owning more than half of the primary "
        "commonality or its steward is an error, softened to a warning when access is "
        "decided by parties outside the market (a farmer for its own data); a smaller "
        "market stake is a warning. A cooperative of a whole side (an owner that stands "
        "for many organisations) is no single competitor; one side owning the steward is "
        "judged by CMC024."
    ),
    source="domain.md 3.4 V04, V03, decision 1; [S1], [S2], [S3]",
)
def leader_conflict(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per leader or steward that trades, and one for market owners."""
    index = context.index
    found = steward_of(canvas, index)
    steward = found[2] if found is not None else None
    leaders = list(index.parties_with_any_role(*_LEADER_ROLES))
    if steward is not None and all(party.id != steward.id for _position, party in leaders):
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
    leads = [role_label(role) for role in _LEADER_ROLES if role in party.roles]
    stewarding = steward is not None and party.id == steward.id
    if stewarding:
        leads.append(_("steward of the primary commonality"))
    fields = {
        "party": describe(party),
        "leads": join_and(leads),
        "markets": join_and(side_word(side) for side in sorted(markets)),
        "organisation": quote(party.organisation_id),
    }
    if sides_of(party):
        message = _(
            "{party} is {leads} and trades as {markets}: a leader that also trades in the "
            "market it organises does not meet the others on an equal footing",
            **fields,
        )
    else:
        message = _(
            "{party} is {leads} and trades as {markets} through its organisation "
            "{organisation}: a leader that also trades in the market it organises does not "
            "meet the others on an equal footing",
            **fields,
        )
    severity = Severity.ERROR if stewarding else None
    for side in sorted(markets):
        parties = index.inside_suppliers if side == "supplier" else index.inside_demanders
        if organisations_of(parties, enough=2) == {party.organisation_id}:
            severity = Severity.ERROR
            message += (
                _(
                    ", and its organisation {organisation} is the only supplier organisation",
                    **fields,
                )
                if side == "supplier"
                else _(
                    ", and its organisation {organisation} is the only demander organisation",
                    **fields,
                )
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
    fields = {"share": f"{share:.0%}", "primary": describe(primary), "owners": describe_all(owners)}
    if share > MAJORITY and deciders:
        message = _(
            "Market parties own {share} of the primary commonality {primary} or its steward "
            "({owners}): those who trade in the market control the one who runs it, though who "
            "may use it is decided by parties outside the market ({deciders}).",
            deciders=describe_all(deciders),
            **fields,
        )
    else:
        message = _(
            "Market parties own {share} of the primary commonality {primary} or its steward "
            "({owners}): those who trade in the market control the one who runs it.",
            **fields,
        )
    yield Finding(
        message=message,
        path=path,
        subject=primary.id,
        figures=(("market_share", share),),
        severity=severity,
    )
