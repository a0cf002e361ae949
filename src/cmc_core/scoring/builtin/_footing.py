"""The equal-footing part of market-balance: who runs, owns and rules the commonality.

A market can be spread evenly over many organisations and still not be one of equals: the
steward may trade in it, market parties may own it, one side may decide the other's terms, the
terms may favour some or lock members in. Each such fact keeps a share of the points the flow
terms earned (the cuts multiply, so no fact can push the score below 0), read from the same
facts the rules CMC003, CMC004, CMC006 and CMC024 judge, never from text.
"""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.rules.control import (
    closed_admission,
    decider,
    neutral_gate,
    primary_ownership,
    steward_of,
    trades,
    votes_by_subject,
)
from cmc_core.rules.index import CanvasIndex
from cmc_core.scoring.builtin._common import Tally, describe, percent
from cmc_core.translation import N_, Messages

_ = Messages("cmc_core", "scores")

__all__ = ["FOOTING_KEEPS", "footing_cuts"]

#: The share of the points each fact keeps.
FOOTING_KEEPS: dict[str, float] = {
    "steward trades": 0.5,
    "one side decides": 0.7,
    "favoured terms": 0.8,
    "exit ban": 0.85,
    "one side admits": 0.85,
    "member tariffs": 0.95,
}
#: How much of the points market owners of the commonality (or its steward) cost, times their
#: share; half as much when parties outside the market decide who gets access.
OWNER_CUT = 0.4
#: The same for a group that stands for one side (a cooperative of all growers).
GROUP_OWNER_CUT = 0.2


def _cut(tally: Tally, keep: float, text: str, path: str) -> None:
    lost = tally.points * (1 - keep)
    if lost > 0:
        tally.add(
            -lost,
            _("{fact}: the score keeps {keep} of its points", fact=text, keep=percent(keep)),
            path,
        )


def footing_cuts(canvas: Canvas, index: CanvasIndex, tally: Tally) -> None:
    """Cut the tally's points for every fact that breaks the equal footing, each explained."""
    found = steward_of(canvas, index)
    if found is None:
        return
    position, _kind, steward = found
    if steward is not None and trades(index, steward):
        _cut(
            tally,
            FOOTING_KEEPS["steward trades"],
            _("The steward {steward} trades in the market it runs", steward=describe(steward)),
            f"commonalities[{position}].steward",
        )
    _owners(canvas, index, tally)
    _decisions(canvas, index, tally)
    _terms(canvas, index, tally)


def _owners(canvas: Canvas, index: CanvasIndex, tally: Tally) -> None:
    found = primary_ownership(canvas, index)
    if found is None:
        return
    primary, path, split = found
    gated = bool(neutral_gate(index, primary))
    single, groups = split.single_market_share, split.groups
    if single:
        cut = OWNER_CUT * single * (0.5 if gated else 1.0)
        text = _("Market parties own {share} of the commonality", share=percent(single))
        _cut(tally, 1 - cut, text, path)
    if groups:
        cut = GROUP_OWNER_CUT * groups
        text = _("One side's group owns {share} of the commonality", share=percent(groups))
        _cut(tally, 1 - cut, text, path)


def _decisions(canvas: Canvas, index: CanvasIndex, tally: Tally) -> None:
    rights = canvas.governance.decision_rights
    for positions, votes in votes_by_subject(rights).values():
        if decider(index, votes) is not None:
            right = rights[positions[0]]
            _cut(
                tally,
                FOOTING_KEEPS["one side decides"],
                _(
                    "One market party or one side decides {subject}",
                    subject=repr(right.subject.strip() or right.id),
                ),
                f"governance.decision_rights[{positions[0]}]",
            )
            return


def _terms(canvas: Canvas, index: CanvasIndex, tally: Tally) -> None:
    favoured = exit_ban = one_side = tariffs = False
    for commonality in canvas.commonalities:
        chosen = (*commonality.favours, *commonality.exclusive_to)
        favoured = favoured or any(index.is_market_party(key) for key in chosen)
        exit_ban = exit_ban or commonality.exit_ban
        tariffs = tariffs or commonality.member_tariffs
        admission = closed_admission(index, commonality)
        one_side = one_side or (admission is not None and len(admission[1]) == 1)
    for flag, fact, text in (
        (favoured, "favoured terms", N_("The terms favour some market parties")),
        (exit_ban, "exit ban", N_("An exit ban locks members in")),
        (one_side, "one side admits", N_("One side decides who may join")),
        (tariffs, "member tariffs", N_("Members and non-members pay different tariffs")),
    ):
        if flag:
            _cut(tally, FOOTING_KEEPS[fact], _.translate(text), "commonalities")
