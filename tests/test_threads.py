"""What docs/embedding.md ("Threads") says may be shared between threads, shared by eight.

Each test starts its threads together (a barrier), so that the calls overlap; the results must
be the same as one thread gets alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest

from cmc_core.assessment import assess
from cmc_core.canvas import Canvas
from cmc_core.examples import example_text
from cmc_core.exporting import ExportOptions
from cmc_core.fileformat import loads
from cmc_core.plugins import Plugins, load_plugins
from cmc_core.questionnaires import (
    Session,
    answers_from_canvas,
    builtin,
    canvas_questionnaires,
    quickscan,
)
from cmc_core.rules import validate
from cmc_core.scoring import score_canvas
from cmc_core.vocabulary import Language

THREADS = 8
EXPORTERS = ("html", "svg", "markdown", "csv", "json", "yaml", "mermaid", "dot")
T = TypeVar("T")


def together(work: Callable[[], T], threads: int = THREADS) -> list[T]:
    """``work`` run in ``threads`` threads that start at the same moment."""
    start = threading.Barrier(threads)

    def run() -> T:
        start.wait()
        return work()

    with ThreadPoolExecutor(threads) as pool:
        futures = [pool.submit(run) for _ in range(threads)]
        return [future.result() for future in futures]


@pytest.fixture(scope="module")
def canvas() -> Canvas:
    return loads(example_text("port-logistics"), "yaml").canvas


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    shared = load_plugins(on_error="warn")
    shared.build_all()  # what the docs ask before sharing a set
    return shared


def _everything(canvas: Canvas, plugins: Plugins) -> tuple[object, ...]:
    report = validate(canvas, rules=plugins.rules)
    card = score_canvas(canvas, tuple(plugins.scorers))
    assessment = assess(canvas, plugins=plugins)
    options = ExportOptions(Language.EN, assessment=assessment)
    exports = tuple(plugins.exporters.get(name).export_bytes(canvas, options) for name in EXPORTERS)
    return report, card, assessment.report, assessment.scores, exports


def test_one_plugin_set_validates_scores_and_exports_alike_in_eight_threads(
    canvas: Canvas, plugins: Plugins
) -> None:
    alone = _everything(canvas, plugins)
    results = together(lambda: _everything(canvas, plugins))
    assert all(result == alone for result in results)
    assert plugins.problems == ()


def test_one_assessment_read_by_eight_threads_is_computed_once(
    canvas: Canvas, plugins: Plugins
) -> None:
    assessment = assess(canvas, plugins=plugins, weights={"market-balance": 2})
    results = together(lambda: (assessment.scores, assessment.report))
    cards = {id(card) for card, _ in results}
    reports = {id(report) for _, report in results}
    assert len(cards) == 1
    assert len(reports) == 1


def test_plugin_sets_loaded_in_eight_threads_at_once_are_alike() -> None:
    def load() -> tuple[tuple[str, ...], ...]:
        loaded = load_plugins(on_error="warn")
        assert loaded.problems == ()
        return tuple(loaded.registry(kind).names() for kind in ("exporters", "rules", "scorers"))

    assert len(set(together(load))) == 1


def test_the_cached_questionnaires_are_the_same_in_every_thread() -> None:
    for cached in (builtin.quickscan, builtin.canvas_details, builtin.block_questionnaire):
        cached.cache_clear()
    results = together(lambda: (quickscan(), canvas_questionnaires()))
    first = results[0]
    assert all(result == first for result in results)
    assert all(quickscan() is quickscan() for _ in range(2))  # kept once read


def test_one_loaded_document_is_located_edited_and_written_alike_in_eight_threads() -> None:
    document = loads(example_text("port-logistics"), "yaml", source="port.cmc.yaml")
    edited = document.canvas.with_factor("vision", "One record per container", maturity=3)

    def use() -> tuple[object, str]:
        return document.locate("flows[3].to"), document.with_canvas(edited).dumps()

    results = together(use)
    assert all(result == results[0] for result in results)
    assert "One record per container" in results[0][1]
    assert "# " in results[0][1]  # the comments were kept


def test_a_session_per_thread_over_shared_questionnaires_gives_the_same_canvas(
    canvas: Canvas,
) -> None:
    questionnaires = canvas_questionnaires()
    answers, _ = answers_from_canvas(canvas, questionnaires)

    def fill() -> Canvas:
        session = Session(questionnaires)
        session.answer_all(answers)
        return session.to_canvas()

    filled = together(fill)
    assert all(result == filled[0] for result in filled)
    assert filled[0].parties == canvas.parties
