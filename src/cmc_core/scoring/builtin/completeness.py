"""completeness: how much of the canvas the workshop has filled in.

A block counts as filled when its structured content is there or the workshop wrote a note in it;
a block that holds a connecting factor (A3-A5, B8, C1-C3) is filled by the factor's answer.
"""

from __future__ import annotations

from collections.abc import Callable

from cmc_core.blueprint import BLOCKS, Block, BlockKey
from cmc_core.canvas import Canvas
from cmc_core.scoring.builtin._common import Tally, make_scorer
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.translation import N_, Messages, current_language
from cmc_core.vocabulary import FactorKey, PrincipleKey, PrincipleStatus, Role, label

_ = Messages("cmc_core", "scores")

__all__ = [
    "BLOCK_POINTS",
    "COMPLETENESS",
    "FACTOR_POINTS",
    "PRINCIPLE_POINTS",
    "block_is_filled",
    "score_completeness",
]

#: Points for the 18 blocks together, shared equally.
BLOCK_POINTS = 50.0
#: Points for the 7 connecting factors together.
FACTOR_POINTS = 30.0
#: Points for the 5 principles together.
PRINCIPLE_POINTS = 20.0


def _has_role(canvas: Canvas, wanted: Callable[[Role], bool]) -> bool:
    return any(wanted(role) for party in canvas.parties for role in party.roles)


def _governance(canvas: Canvas) -> bool:
    governance = canvas.governance
    return bool(
        governance.decision_making.strip()
        or governance.legal_form is not None
        or governance.agreements
        or governance.decision_rights
    )


def _waste(canvas: Canvas) -> bool:
    waste = canvas.waste
    return bool(
        waste.baseline.strip()
        or waste.basis.strip()
        or waste.baseline_share is not None
        or waste.expected_saving is not None
    )


#: What fills each block that holds more than a factor's answer, and the path where it goes.
_CONTENT: dict[BlockKey, tuple[str, Callable[[Canvas], bool]]] = {
    BlockKey.END_CUSTOMER_VALUE: ("end_customer", lambda c: c.end_customer.is_filled),
    BlockKey.DEVELOPMENTS: ("developments", lambda c: bool(c.developments)),
    BlockKey.BOUNDARY: (
        "boundary",
        lambda c: bool(c.boundary.goal.strip() and c.boundary.target_group.strip()),
    ),
    BlockKey.SUPPLIERS: ("parties", lambda c: _has_role(c, lambda r: r is Role.SUPPLIER)),
    BlockKey.DEMANDERS: ("parties", lambda c: _has_role(c, lambda r: r is Role.DEMANDER)),
    BlockKey.STAKEHOLDERS: ("parties", lambda c: _has_role(c, lambda r: not r.is_market_role)),
    BlockKey.VALUES_EXCHANGED: ("values", lambda c: bool(c.values or c.flows)),
    BlockKey.COOPERATION_COMPETITION: ("process_areas", lambda c: bool(c.process_areas)),
    BlockKey.COMMONALITY: ("commonalities", lambda c: bool(c.commonalities)),
    BlockKey.GOVERNANCE: ("governance", _governance),
    BlockKey.RESISTANCES: ("resistances", lambda c: bool(c.resistances)),
    BlockKey.WASTE_REDUCTION: ("waste", _waste),
}


def block_is_filled(canvas: Canvas, block: Block) -> bool:
    """Whether a block has content: a note, its factor's answer or its structured content."""
    if canvas.note(block.key).strip():
        return True
    if block.factor is not None and canvas.factor(block.factor).is_answered:
        return True
    content = _CONTENT.get(block.key)
    return content is not None and content[1](canvas)


def _block_path(block: Block) -> str:
    if block.factor is not None:
        return f"factors.{block.factor}.answer"
    return _CONTENT[block.key][0]


def _blocks(canvas: Canvas, tally: Tally) -> None:
    empty = [block for block in BLOCKS if not block_is_filled(canvas, block)]
    filled = len(BLOCKS) - len(empty)
    each = BLOCK_POINTS / len(BLOCKS)
    tally.add(
        each * filled,
        _("{filled} of {total} blocks are filled", filled=filled, total=len(BLOCKS)),
        "notes",
    )
    language = current_language()
    for block in empty:
        tally.note(
            _(
                "Block {code} {label} is empty (worth {worth} points)",
                code=block.code,
                label=block.label(language),
                worth=format(each, ".1f"),
            ),
            _block_path(block),
        )


def _factors(canvas: Canvas, tally: Tally) -> None:
    unanswered = [key for key in FactorKey if not canvas.factor(key).is_answered]
    answered = len(FactorKey) - len(unanswered)
    each = FACTOR_POINTS / len(FactorKey)
    tally.add(
        each * answered,
        _.plural(
            "{answered} of {count} connecting factor are answered",
            "{answered} of {count} connecting factors are answered",
            len(FactorKey),
            answered=answered,
        ),
        "factors",
    )
    language = current_language()
    for key in unanswered:
        tally.note(
            _(
                "Connecting factor {number} {label} is not answered (worth {worth} points)",
                number=key.number,
                label=label(key, language),
                worth=format(each, ".1f"),
            ),
            f"factors.{key}.answer",
        )


def _principles(canvas: Canvas, tally: Tally) -> None:
    open_keys = [
        key for key in PrincipleKey if canvas.principle(key).status is PrincipleStatus.NOT_ASSESSED
    ]
    assessed = len(PrincipleKey) - len(open_keys)
    each = PRINCIPLE_POINTS / len(PrincipleKey)
    tally.add(
        each * assessed,
        _.plural(
            "{assessed} of {count} basic principle are assessed",
            "{assessed} of {count} basic principles are assessed",
            len(PrincipleKey),
            assessed=assessed,
        ),
        "principles",
    )
    language = current_language()
    for key in open_keys:
        tally.note(
            _(
                "The principle '{label}' is not assessed (worth {worth} points)",
                label=label(key, language),
                worth=format(each, ".1f"),
            ),
            f"principles.{key}.status",
        )


def score_completeness(canvas: Canvas, context: ScoreContext) -> Score:
    """Score how complete a canvas is (see :data:`COMPLETENESS` for the formula)."""
    tally = Tally()
    _blocks(canvas, tally)
    _factors(canvas, tally)
    _principles(canvas, tally)
    return tally.score()


COMPLETENESS = make_scorer(
    name="completeness",
    title=N_("Completeness"),
    rules=("CMC012", "CMC014"),
    score=score_completeness,
    description="""
        How much of the canvas is filled in: 50 x (filled blocks / 18) + 30 x (answered
        connecting factors / 7) + 20 x (assessed principles / 5). A block is filled by a note
        or by its structured content (a factor block by the factor's answer).
        Grounding: the 18 blocks of domain.md 3.2 [I]; the seven connecting factors [S3] and
        V14; the five basic principles [S1b] and V20.""",
)
