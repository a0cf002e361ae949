"""cooperation-competition: cooperate on information and transactions, compete on execution."""

from __future__ import annotations

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import ProcessArea
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.cooperation import (
    AREA_POINTS,
    COOPERATION_COMPETITION,
    EXPLICIT_POINTS,
)
from cmc_core.vocabulary import Mode, ProcessKind

from .score_builders import community

INFO, TRANS, EXEC = ProcessKind.INFORMATION, ProcessKind.TRANSACTION, ProcessKind.EXECUTION


def score(*areas: ProcessArea) -> Score:
    canvas = Canvas(process_areas=areas)
    return COOPERATION_COMPETITION(canvas, ScoreContext(canvas))


def area(area_id: str, kind: ProcessKind, mode: Mode | None) -> ProcessArea:
    return ProcessArea(area_id, name=area_id.title(), kind=kind, mode=mode)


def test_the_split_the_sources_describe_scores_100() -> None:
    canvas = community()
    assert COOPERATION_COMPETITION(canvas, ScoreContext(canvas)).value == 100.0


def test_cooperated_execution_costs_its_share_and_is_pointed_at() -> None:
    result = score(
        area("pa-info", INFO, Mode.COOPERATE),
        area("pa-book", TRANS, Mode.COOPERATE),
        area("pa-truck", EXEC, Mode.COMPETE),
        area("pa-fleet", EXEC, Mode.COOPERATE),
    )
    assert result.value == pytest.approx(100 - AREA_POINTS / 2)
    flagged = [r for r in result.reasons if "(V08)" in r.text]
    assert [(r.path, r.effect) for r in flagged] == [("process_areas[3].mode", 0.0)]
    assert "is cooperated on, not competed in" in flagged[0].text


def test_an_open_mode_counts_with_its_kinds_default_but_not_as_written() -> None:
    result = score(
        area("pa-info", INFO, None), area("pa-book", TRANS, None), area("pa-x", EXEC, None)
    )
    assert result.value == pytest.approx(3 * AREA_POINTS)
    assert sum("leaves its mode open" in r.text for r in result.reasons) == 3


def test_a_kind_without_areas_earns_nothing_and_says_what_to_add() -> None:
    result = score(area("pa-info", INFO, Mode.COOPERATE))
    assert result.value == pytest.approx(AREA_POINTS + EXPLICIT_POINTS)
    hints = [r.text for r in result.reasons if r.text.startswith("No ")]
    assert hints == [
        "No transaction process area yet: name the transaction processes the parties share",
        "No execution area yet: name the execution the parties keep competing on",
    ]


def test_competed_information_is_not_the_cooperation_the_community_needs() -> None:
    assert score(area("pa-info", INFO, Mode.COMPETE)).value == pytest.approx(EXPLICIT_POINTS)


def test_without_process_areas_the_score_is_0() -> None:
    result = score()
    assert (result.value, result.reasons[0].path) == (0.0, "process_areas")
