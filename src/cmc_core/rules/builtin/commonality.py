"""Rules about the commonality and equal footing, and whether a BMC may follow the canvas.

CMC003 equal-footing, CMC005 primary-commonality, CMC006 commonality-steward and CMC017
bmc-ready, with :func:`focal_problems`, which ``bmc_blockers`` (in the package, since it runs
every built-in rule) completes for the BMC exporter.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count
from operator import attrgetter

from cmc_core.analysis import primary_position
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Commonality
from cmc_core.rules.builtin._common import describe, describe_all, plural, quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex
from cmc_core.vocabulary import Role

__all__ = [
    "bmc_ready",
    "commonality_steward",
    "equal_footing",
    "focal_problems",
    "primary_commonality",
]


def _commonality_text(commonality: Commonality) -> str:
    return f"the primary commonality {describe(commonality)}"


@rule(
    code="CMC003",
    name="equal-footing",
    severity=Severity.WARNING,
    title="Market parties meet on an equal footing: same access, no privilege, no sole say",
    rationale="""Market parties transact "op gelijkwaardige basis" (on an equal footing) [S1].
        Every market party of a role has the same access to the commonality, so its access
        terms are written down (a warning when they are not); no commonality is exclusive to a
        market party, no market party is privileged, and no single market party decides the
        transaction rules alone (errors).""",
    source="domain.md 3.4 V03; [S1]",
)
def equal_footing(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield findings for missing access terms, exclusivity, privilege and sole decision power."""
    index = context.index
    primary = primary_position(canvas)
    for position, commonality in enumerate(canvas.commonalities):
        if position == primary and not commonality.access_terms.strip():
            yield Finding(
                message=(
                    f"The primary commonality {describe(commonality)} has no access terms; write "
                    "down the terms on which every market party uses it, the same for all."
                ),
                path=f"commonalities[{position}].access_terms",
                subject=commonality.id,
            )
        for slot, party_id in enumerate(commonality.exclusive_to):
            if index.is_market_party(party_id):
                party = index.party_by_id[party_id]
                yield Finding(
                    message=(
                        f"The commonality {describe(commonality)} is exclusive to the market "
                        f"party {describe(party)}; the other market parties lose equal access."
                    ),
                    path=f"commonalities[{position}].exclusive_to[{slot}]",
                    subject=commonality.id,
                    severity=Severity.ERROR,
                )
    privileged = compress(count(), map(attrgetter("privileged"), canvas.parties))
    for position in privileged:
        party = canvas.parties[position]
        if party.is_market_party:
            yield Finding(
                message=(
                    f"The market party {describe(party)} is privileged; market parties transact "
                    "on an equal footing."
                ),
                path=f"parties[{position}].privileged",
                subject=party.id,
                severity=Severity.ERROR,
            )
    for position, right in enumerate(canvas.governance.decision_rights):
        holders = set(right.holders)
        if not right.over_transaction_rules or len(holders) != 1:
            continue
        (holder,) = holders
        if index.is_market_party(holder):
            subject = right.subject.strip() or right.id
            yield Finding(
                message=(
                    f"The market party {describe(index.party_by_id[holder])} alone holds the "
                    f"decision right {quote(subject)} over the transaction rules; no market "
                    "party may decide them unilaterally."
                ),
                path=f"governance.decision_rights[{position}].holders",
                subject=right.id,
                severity=Severity.ERROR,
            )


@rule(
    code="CMC005",
    name="primary-commonality",
    severity=Severity.ERROR,
    title="One primary commonality, used by suppliers and demanders",
    rationale="""Market parties "maken daarbij gebruik van een commonality" (use a commonality)
        [S1]; the shared capabilities are what makes a network of independent partners [S7].
        The canvas has one primary commonality and may have others (decision 2). The primary
        one is used by at least one supplier and one demander; every market party that does not
        use it gets a warning, since by default all of them do.""",
    source="domain.md 3.4 V05, decision 2; [S1], [S7]",
)
def primary_commonality(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield findings when the primary commonality is absent, ambiguous or not used by all."""
    position = primary_position(canvas)
    if position is None:
        yield Finding(
            message=(
                "The canvas has no commonality; the parties of a business community use shared "
                "capabilities (a commonality) that no single party owns."
            ),
            path="commonalities",
        )
        return
    marked = [commonality for commonality in canvas.commonalities if commonality.primary]
    if len(marked) > 1:
        yield Finding(
            message=(
                f"{plural(len(marked), 'commonality', 'commonalities')} are marked primary "
                f"({describe_all(marked)}); mark exactly one."
            ),
            path="commonalities",
        )
    commonality = canvas.commonalities[position]
    index = context.index
    users = commonality.users
    # Users listed as the inside market parties in order use it on both sides, if both exist.
    every = index.lists_every_inside_market_party(users)
    user_ids = frozenset() if every else frozenset(users)
    sides = (("supplier", index.inside_suppliers), ("demander", index.inside_demanders))
    for side, parties in sides:
        if not (every and parties) and user_ids.isdisjoint(party.id for party in parties):
            yield Finding(
                message=(
                    f"No {side} inside the boundary uses {_commonality_text(commonality)}; it "
                    "must connect both sides of the market."
                ),
                path=f"commonalities[{position}].users",
                subject=commonality.id,
            )
    for party_position, party in index.party_entries(index.missing_inside_market_ids(users)):
        yield Finding(
            message=(
                f"The market party {describe(party)} does not use {_commonality_text(commonality)}."
            ),
            path=f"parties[{party_position}]",
            subject=party.id,
            severity=Severity.WARNING,
        )


@rule(
    code="CMC006",
    name="commonality-steward",
    severity=Severity.WARNING,
    title="The primary commonality has a steward, normally the network leader",
    rationale=""""Een community werkt samen met een communitysoftwareleverancier (netwerkleider)"
        (a community works with a community software supplier, the network leader) [S3], who
        provides the connecting infrastructure. The primary commonality therefore has a
        steward, and that steward normally holds the network leader role.""",
    source="domain.md 3.4 V06, decision 2; [S3]",
)
def commonality_steward(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the primary commonality lacks a steward or its steward is no leader."""
    position = primary_position(canvas)
    if position is None:
        return
    commonality = canvas.commonalities[position]
    path = f"commonalities[{position}].steward"
    if not commonality.steward:
        yield Finding(
            message=(
                f"The primary commonality {describe(commonality)} has no steward; name the party, "
                "normally the network leader, that manages it on behalf of all."
            ),
            path=path,
            subject=commonality.id,
        )
        return
    steward = context.index.party(commonality.steward)
    if steward is not None and Role.NETWORK_LEADER not in steward.roles:
        yield Finding(
            message=(
                f"The steward {describe(steward)} of {_commonality_text(commonality)} is not a "
                "network leader; a community works with a network leader who provides the "
                "connecting infrastructure."
            ),
            path=path,
            subject=commonality.id,
        )


def focal_problems(canvas: Canvas, index: CanvasIndex, party_id: str) -> list[str]:
    """Why ``party_id`` cannot carry a BMC, whatever the rest of the canvas: unknown, outside
    the boundary, no market party, or not a user of the primary commonality."""
    party = index.party(party_id)
    if party is None:
        return [f"{quote(party_id)} is not a party of the canvas"]
    problems = []
    if party.external:
        problems.append(f"{describe(party)} is outside the boundary")
    if not party.is_market_party:
        problems.append(f"{describe(party)} is not a market party (supplier or demander)")
    position = primary_position(canvas)
    if position is None:
        problems.append("the canvas has no commonality to connect it to")
    elif party_id not in canvas.commonalities[position].users:
        commonality = canvas.commonalities[position]
        problems.append(f"{describe(party)} does not use {_commonality_text(commonality)}")
    return problems


@rule(
    code="CMC017",
    name="bmc-ready",
    severity=Severity.ERROR,
    title="The focal party of a BMC is a market party connected to the commonality",
    rationale=""""Een BMC kan wel na een CMC" (a BMC can come after a CMC) [S1]: once the
        community is designed, a Business Model Canvas shows how one existing organisation
        connects to the shared network [S1b]. So the party a BMC is made for (meta.focal_party)
        is a market party inside the boundary that uses the primary commonality, and the
        export waits until the canvas has no errors (see bmc_blockers).""",
    source="domain.md 3.4 V17, 5.4; [S1], [S1b]",
)
def bmc_ready(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding when ``meta.focal_party`` is set but cannot carry a BMC."""
    party_id = canvas.meta.focal_party
    if not party_id:
        return
    problems = focal_problems(canvas, context.index, party_id)
    if problems:
        yield Finding(
            message=f"No BMC can be made for the focal party: {'; '.join(problems)}.",
            path="meta.focal_party",
            subject=party_id,
        )
