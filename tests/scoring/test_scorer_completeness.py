"""completeness: blocks filled, connecting factors answered, principles assessed."""

from __future__ import annotations

import pytest

from cmc_core.blueprint import BLOCKS, BlockKey, block
from cmc_core.canvas import Canvas
from cmc_core.model import Development, Party
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.completeness import (
    BLOCK_POINTS,
    COMPLETENESS,
    FACTOR_POINTS,
    PRINCIPLE_POINTS,
    block_is_filled,
)
from cmc_core.vocabulary import FactorKey, PrincipleKey, PrincipleStatus, Role

from .score_builders import community


def score(canvas: Canvas) -> Score:
    return COMPLETENESS(canvas, ScoreContext(canvas))


def test_an_empty_canvas_scores_0_and_lists_every_block_factor_and_principle_to_fill() -> None:
    result = score(Canvas())
    assert result.value == 0.0
    missing = [reason for reason in result.reasons if reason.effect == 0.0]
    assert len(missing) == len(BLOCKS) + len(FactorKey) + len(PrincipleKey) + 3
    assert any(reason.path == "factors.ambition.answer" for reason in missing)
    assert any(reason.path == "principles.back_to_basic.status" for reason in missing)
    assert any(reason.path == "end_customer" for reason in missing)


def test_each_part_earns_its_share_of_the_points() -> None:
    canvas = Canvas().with_factor("vision", "Together").with_principle("apart_together", "strong")
    # The vision factor also fills block A4.
    expected = BLOCK_POINTS / 18 + FACTOR_POINTS / 7 + PRINCIPLE_POINTS / 5
    assert score(canvas).value == pytest.approx(expected)


def test_a_note_fills_a_block_that_has_no_structured_content() -> None:
    assert not block_is_filled(Canvas(), block(BlockKey.DEVELOPMENTS))
    assert block_is_filled(Canvas().with_note("developments", "Ships grow"), block("developments"))
    with_item = Canvas(developments=(Development("d-1", description="Ships grow"),))
    assert block_is_filled(with_item, block(BlockKey.DEVELOPMENTS))


def test_the_suppliers_block_is_filled_by_a_supplier_and_not_by_a_stakeholder() -> None:
    expert = Canvas(parties=(Party("p-1", roles=(Role.EXPERT,)),))
    assert not block_is_filled(expert, block(BlockKey.SUPPLIERS))
    assert block_is_filled(expert, block(BlockKey.STAKEHOLDERS))
    assert block_is_filled(
        Canvas(parties=(Party("p-1", roles=(Role.SUPPLIER,)),)), block(BlockKey.SUPPLIERS)
    )


def test_unassessed_principles_earn_nothing() -> None:
    canvas = community().with_principle("back_to_basic", PrincipleStatus.NOT_ASSESSED)
    result = score(canvas)
    assert result.value == pytest.approx(score(community()).value - PRINCIPLE_POINTS / 5)
    assert "principles.back_to_basic.status" in [reason.path for reason in result.reasons]


def test_the_built_community_misses_only_its_developments() -> None:
    result = score(community())
    assert result.value == pytest.approx(100 - BLOCK_POINTS / 18)
    assert [r.path for r in result.reasons if r.effect == 0.0] == ["developments"]
