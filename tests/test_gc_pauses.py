"""The cyclic GC is paused by the bulk entry points (running the rules, scoring, analysing the
network, exporting), around everything they run, and a caller's own setting survives them."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.rules import Rule, RuleContext, run_rules
from cmc_core.scoring import Score, ScoreContext, Scorer, network, score_canvas
from cmc_core.testing import sample_canvas


@pytest.fixture
def seen() -> Iterator[list[bool]]:
    """Records of ``gc.isenabled()`` taken inside an entry point; the GC is on before each."""
    was_enabled = gc.isenabled()
    gc.enable()
    yield []
    if not was_enabled:
        gc.disable()


def recording_rule(seen: list[bool]) -> Rule:
    def check(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
        seen.append(gc.isenabled())
        context.index.sweep  # noqa: B018  (the sweep is the bulk of a run on a large canvas)
        seen.append(gc.isenabled())
        yield from ()

    return Rule("TST001", "records-the-gc", Severity.INFO, "t", "r", "s", check)


def recording_scorer(seen: list[bool]) -> Scorer:
    def score(canvas: Canvas, context: ScoreContext) -> Score:
        seen.append(gc.isenabled())
        return Score(50.0)

    return Scorer("records-the-gc", "Records the GC", score)


def test_running_the_rules_pauses_the_gc_and_then_turns_it_back_on(seen: list[bool]) -> None:
    run_rules(sample_canvas("port-logistics"), [recording_rule(seen)])
    assert seen == [False, False]
    assert gc.isenabled()


def test_scoring_pauses_the_gc_and_then_turns_it_back_on(seen: list[bool]) -> None:
    score_canvas(sample_canvas("port-logistics"), [recording_scorer(seen)])
    assert seen == [False]
    assert gc.isenabled()


def test_the_network_analysis_pauses_the_gc_around_its_work(
    seen: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    analyse: Callable[..., Any] = network.analyse_flow_table

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return analyse(*args, **kwargs)

    monkeypatch.setattr(network, "analyse_flow_table", recording)
    network.analyse_network(sample_canvas("port-logistics"))
    assert seen == [False]
    assert gc.isenabled()


def test_a_caller_that_turned_the_gc_off_finds_it_still_off(seen: list[bool]) -> None:
    gc.disable()
    run_rules(sample_canvas("port-logistics"), [recording_rule(seen)])
    score_canvas(sample_canvas("port-logistics"), [recording_scorer(seen)])
    assert not gc.isenabled()


def test_an_export_pauses_the_gc_around_the_export_function(seen: list[bool]) -> None:
    from cmc_core.exporting import Exporter, ExportOptions

    def export(canvas: Canvas, options: ExportOptions) -> str:
        seen.append(gc.isenabled())
        return "exported\n"

    exporter = Exporter("records-the-gc", "Records the GC", "text/plain", ".txt", export)
    assert exporter.export_bytes(sample_canvas("port-logistics")) == b"exported\n"
    assert seen == [False]
    assert gc.isenabled()
