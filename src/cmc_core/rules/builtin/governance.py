"""Rule CMC024 decision-power: no market party, and no one side of the market, decides the
transaction rules.

A subject may be split over several decision rights, each held by some parties with a
``weight`` (their share of the votes on it); a right without a weight holds an even part of
what the weighted ones leave, and its holders share it evenly. Who holds more than half of the
votes on a subject decides it.
"""

from __future__ import annotations

from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.rules.builtin._common import describe, describe_all, quote, rule
from cmc_core.rules.control import MAJORITY, decider, primary_ownership, votes_by_subject
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import N_, Messages

__all__ = ["decision_power"]

_ = Messages("cmc_core", "rules")


@rule(
    code="CMC024",
    name="decision-power",
    severity=Severity.WARNING,
    title=N_("No market party, and no one side of the market, decides the transaction rules"),
    rationale=N_(
        'Governance "must not give one market party unilateral decision power over '
        'transaction rules" (V03): parties that transact "op gelijkwaardige basis" (on '
        "an equal footing) [S1] do not have their terms set by a competitor or by the "
        "other side. A market organisation with more than half of the votes on a subject "
        "over the transaction rules, or market parties of one side only holding that "
        "majority (a growers' council that sets the buyers' fees), is an error. When the "
        "canvas states no such right, the rules are set by whoever runs the primary "
        "commonality: owners that trade holding more than half of it (or of its steward) "
        "is a warning, a rule-setter controlled by market parties."
    ),
    source="domain.md 3.4 V03, decision 4; [S1]",
)
def decision_power(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield an error per subject a market party or one side decides, else a warning for a
    rule-setter its market owners control."""
    index = context.index
    rights = canvas.governance.decision_rights
    subjects = votes_by_subject(rights)
    for positions, votes in subjects.values():
        decided = decider(index, votes)
        if decided is None:
            continue
        who, holders, share = decided
        parties = [index.party_by_id[holder] for holder in dict.fromkeys(holders)]
        right = rights[positions[0]]
        fields = {
            "parties": describe_all(parties),
            "share": f"{share:.0%}",
            "subject": quote(right.subject.strip() or right.id),
        }
        if who == "organisation":
            text = _(
                "The market party {parties} holds {share} of the votes on {subject}, a decision "
                "over the transaction rules: the other market parties have their terms set for "
                "them.",
                **fields,
            )
        elif who == "supplier":
            text = _(
                "Only suppliers ({parties}) hold {share} of the votes on {subject}, a decision "
                "over the transaction rules: the other market parties have their terms set for "
                "them.",
                **fields,
            )
        else:
            text = _(
                "Only demanders ({parties}) hold {share} of the votes on {subject}, a decision "
                "over the transaction rules: the other market parties have their terms set for "
                "them.",
                **fields,
            )
        yield Finding(
            message=text,
            path=f"governance.decision_rights[{positions[0]}].holders",
            subject=right.id,
            severity=Severity.ERROR,
            figures=(("share", share),),
        )
    if not subjects:  # no right over the transaction rules is stated: who runs it sets them
        yield from _controlled_rule_setter(canvas, index)


def _controlled_rule_setter(canvas: Canvas, index: CanvasIndex) -> Iterator[Finding]:
    found = primary_ownership(canvas, index)
    if found is None:
        return
    primary, path, split = found
    share = split.market_share
    if share <= MAJORITY:
        return
    yield Finding(
        message=_(
            "The rules of the primary commonality {primary} are set by whoever runs it, and "
            "market parties own {share} of it ({owners}): the rule-setter is controlled by some "
            "of the parties it sets the rules for.",
            primary=describe(primary),
            share=format(share, ".0%"),
            owners=describe_all(split.owners()),
        ),
        path=path,
        subject=primary.id,
        figures=(("market_share", share),),
    )
