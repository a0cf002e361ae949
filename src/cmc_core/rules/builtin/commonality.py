"""Rules about the commonality and equal footing, and whether a BMC may follow the canvas.

CMC003 equal-footing, CMC005 primary-commonality, CMC006 commonality-steward and CMC017
bmc-ready, with :func:`focal_problems`, which ``bmc_blockers`` (in the package, since it runs
every built-in rule) completes for the BMC exporter.
"""

from __future__ import annotations

from collections.abc import Iterator

from cmc_core.analysis import primary_position
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Commonality
from cmc_core.rules.builtin._common import describe, describe_all, join_and, quote, rule, side_word
from cmc_core.rules.control import closed_admission, trades
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import N_, Messages, current_language
from cmc_core.vocabulary import Role, label

__all__ = [
    "bmc_ready",
    "commonality_steward",
    "equal_footing",
    "focal_problems",
    "primary_commonality",
]

_ = Messages("cmc_core", "rules")


def _commonality_text(commonality: Commonality) -> str:
    return _("the primary commonality {commonality}", commonality=describe(commonality))


@rule(
    code="CMC003",
    name="equal-footing",
    severity=Severity.WARNING,
    title=N_("Market parties meet on an equal footing: the same access, no favours, no lock-in"),
    rationale=N_(
        'Market parties transact "op gelijkwaardige basis" (on an equal footing) [S1]. '
        "Every market party of a role has the same access to the commonality, so its "
        "access terms are written down (a warning when they are not). Terms that favour a "
        "market party, a commonality exclusive to one, an exit ban that locks members in, "
        "and access decided by one side of the market (suppliers join when the buyers "
        "invite them) are errors; member tariffs, and access decided by market parties of "
        "both sides, are warnings."
    ),
    source="domain.md 3.4 V03; [S1]",
)
def equal_footing(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield findings for missing access terms, favours, exclusivity, lock-in and gatekeeping."""
    index = context.index
    primary = primary_position(canvas)
    for position, commonality in enumerate(canvas.commonalities):
        where = f"commonalities[{position}]"
        if position == primary and not (commonality.access_terms.strip() or commonality.access):
            yield Finding(
                message=_(
                    "The primary commonality {commonality} has no access terms; write down the "
                    "terms on which every market party uses it, the same for all.",
                    commonality=describe(commonality),
                ),
                path=f"{where}.access_terms",
                subject=commonality.id,
            )
        for field in ("exclusive_to", "favours"):
            for slot, party_id in enumerate(getattr(commonality, field)):
                if index.is_market_party(party_id):
                    fields = {
                        "commonality": describe(commonality),
                        "party": describe(index.party_by_id[party_id]),
                    }
                    yield Finding(
                        message=(
                            _(
                                "The commonality {commonality} is exclusive to the market party "
                                "{party}; the other market parties lose equal access.",
                                **fields,
                            )
                            if field == "exclusive_to"
                            else _(
                                "The commonality {commonality} has terms that favour the market "
                                "party {party}; the other market parties lose equal access.",
                                **fields,
                            )
                        ),
                        path=f"{where}.{field}[{slot}]",
                        subject=commonality.id,
                        severity=Severity.ERROR,
                    )
        yield from _lock_in(commonality, where)
        yield from _gatekeepers(index, commonality, where)


def _lock_in(commonality: Commonality, where: str) -> Iterator[Finding]:
    if commonality.exit_ban:
        yield Finding(
            message=_(
                "A party that leaves the commonality {commonality} may not come back for a "
                "while: an exit ban locks members in, so they no longer choose it on an equal "
                "footing.",
                commonality=describe(commonality),
            ),
            path=f"{where}.exit_ban",
            subject=commonality.id,
            severity=Severity.ERROR,
        )
    if commonality.member_tariffs:
        yield Finding(
            message=_(
                "Members and non-members pay different tariffs for the commonality "
                "{commonality}: parties of one role do not use it on the same terms.",
                commonality=describe(commonality),
            ),
            path=f"{where}.member_tariffs",
            subject=commonality.id,
        )


def _gatekeepers(index: CanvasIndex, commonality: Commonality, where: str) -> Iterator[Finding]:
    """Admission decided by market parties: an error when they are all on one side."""
    admission = closed_admission(index, commonality)
    if admission is None:
        return
    market, sides = admission
    assert commonality.access is not None  # closed admission is by invitation or membership
    one_side = len(sides) == 1
    fields = {
        "commonality": describe(commonality),
        "access": label(commonality.access, current_language()),
        "who": describe_all(market),
    }
    if not one_side:
        message = _(
            "Who may use the commonality {commonality} ({access}) is decided by {who}: market "
            "parties choose their own counterparts.",
            **fields,
        )
    elif next(iter(sides)) == "supplier":
        message = _(
            "Who may use the commonality {commonality} ({access}) is decided by the suppliers "
            "{who}: market parties choose their own counterparts, one side of the market for the "
            "other.",
            **fields,
        )
    else:
        message = _(
            "Who may use the commonality {commonality} ({access}) is decided by the demanders "
            "{who}: market parties choose their own counterparts, one side of the market for the "
            "other.",
            **fields,
        )
    yield Finding(
        message=message,
        path=f"{where}.access_set_by",
        subject=commonality.id,
        severity=Severity.ERROR if one_side else None,
    )


@rule(
    code="CMC005",
    name="primary-commonality",
    severity=Severity.ERROR,
    title=N_("One primary commonality, used by suppliers and demanders"),
    rationale=N_(
        'Market parties "maken daarbij gebruik van een commonality" (use a commonality) '
        "[S1]; the shared capabilities are what makes a network of independent partners "
        "[S7]. The canvas has one primary commonality and may have others (decision 2). "
        "The primary one is used by at least one supplier and one demander; every market "
        "party that does not use it gets a warning, since by default all of them do."
    ),
    source="domain.md 3.4 V05, decision 2; [S1], [S7]",
)
def primary_commonality(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield findings when the primary commonality is absent, ambiguous or not used by all."""
    position = primary_position(canvas)
    if position is None:
        yield Finding(
            message=_(
                "The canvas has no commonality; the parties of a business community use shared "
                "capabilities (a commonality) that no single party owns."
            ),
            path="commonalities",
        )
        return
    marked = [commonality for commonality in canvas.commonalities if commonality.primary]
    if len(marked) > 1:
        yield Finding(
            message=_(
                "{count} commonalities are marked primary ({marked}); mark exactly one.",
                count=len(marked),
                marked=describe_all(marked),
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
            text = (
                _(
                    "No supplier inside the boundary uses {commonality}; it must connect both "
                    "sides of the market.",
                    commonality=_commonality_text(commonality),
                )
                if side == "supplier"
                else _(
                    "No demander inside the boundary uses {commonality}; it must connect both "
                    "sides of the market.",
                    commonality=_commonality_text(commonality),
                )
            )
            yield Finding(
                message=text,
                path=f"commonalities[{position}].users",
                subject=commonality.id,
            )
    for party_position, party in index.party_entries(index.missing_inside_market_ids(users)):
        yield Finding(
            message=_(
                "The market party {party} does not use {commonality}.",
                party=describe(party),
                commonality=_commonality_text(commonality),
            ),
            path=f"parties[{party_position}]",
            subject=party.id,
            severity=Severity.WARNING,
        )


@rule(
    code="CMC006",
    name="commonality-steward",
    severity=Severity.WARNING,
    title=N_("The primary commonality has a neutral steward, normally the network leader"),
    rationale=N_(
        '"Een community werkt samen met een communitysoftwareleverancier '
        '(netwerkleider)" (a community works with a community software supplier, the '
        "network leader) [S3], who provides the connecting infrastructure. The primary "
        "commonality therefore has a steward, and that steward normally holds the network "
        "leader role. A steward whose organisation trades in the market it runs is no "
        "neutral steward: an error, whatever co-stewards (a monitoring trustee) sit beside "
        "it."
    ),
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
            message=_(
                "The primary commonality {commonality} has no steward; name the party, normally "
                "the network leader, that manages it on behalf of all.",
                commonality=describe(commonality),
            ),
            path=path,
            subject=commonality.id,
        )
        return
    steward = context.index.party(commonality.steward)
    sides = trades(context.index, steward) if steward is not None else frozenset()
    if steward is not None and sides:
        yield Finding(
            message=_(
                "The steward {steward} of {commonality} trades in the market it runs (as "
                "{sides}): it is no neutral steward.",
                steward=describe(steward),
                commonality=_commonality_text(commonality),
                sides=join_and(side_word(side) for side in sorted(sides)),
            ),
            path=path,
            subject=commonality.id,
            severity=Severity.ERROR,
        )
    elif steward is not None and Role.NETWORK_LEADER not in steward.roles:
        yield Finding(
            message=_(
                "The steward {steward} of {commonality} is not a network leader; a community "
                "works with a network leader who provides the connecting infrastructure.",
                steward=describe(steward),
                commonality=_commonality_text(commonality),
            ),
            path=path,
            subject=commonality.id,
        )


def focal_problems(canvas: Canvas, index: CanvasIndex, party_id: str) -> list[str]:
    """Why ``party_id`` cannot carry a BMC, whatever the rest of the canvas: unknown, outside
    the boundary, no market party, or not a user of the primary commonality."""
    party = index.party(party_id)
    if party is None:
        return [_("{party} is not a party of the canvas", party=quote(party_id))]
    problems = []
    if party.external:
        problems.append(_("{party} is outside the boundary", party=describe(party)))
    if not party.is_market_party:
        problems.append(
            _("{party} is not a market party (supplier or demander)", party=describe(party))
        )
    position = primary_position(canvas)
    if position is None:
        problems.append(_("the canvas has no commonality to connect it to"))
    elif party_id not in canvas.commonalities[position].users:
        commonality = canvas.commonalities[position]
        problems.append(
            _(
                "{party} does not use {commonality}",
                party=describe(party),
                commonality=_commonality_text(commonality),
            )
        )
    return problems


@rule(
    code="CMC017",
    name="bmc-ready",
    severity=Severity.ERROR,
    title=N_("The focal party of a BMC is a market party connected to the commonality"),
    rationale=N_(
        '"Een BMC kan wel na een CMC" (a BMC can come after a CMC) [S1]: once the '
        "community is designed, a Business Model Canvas shows how one existing "
        "organisation connects to the shared network [S1b]. So the party a BMC is made for "
        "(meta.focal_party) is a market party inside the boundary that uses the primary "
        "commonality, and the export waits until the canvas has no errors (see "
        "bmc_blockers)."
    ),
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
            message=_(
                "No BMC can be made for the focal party: {problems}.", problems="; ".join(problems)
            ),
            path="meta.focal_party",
            subject=party_id,
        )
