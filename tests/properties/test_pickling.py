"""Property: canvases survive pickling, so batch users can send them to worker processes."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_core import Canvas
from cmc_core.rules import validate
from cmc_core.strategies import canvases, valid_canvases


@settings(deadline=None)
@given(canvas=st.one_of(canvases(), valid_canvases()))
def test_a_canvas_survives_pickling(canvas: Canvas) -> None:
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(canvas, protocol)) == canvas


@pytest.fixture(scope="module")
def worker() -> Iterator[ProcessPoolExecutor]:
    # "spawn" is what Windows and macOS use: nothing is inherited, everything is pickled.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        yield executor


# One worker for the whole module: starting a process per example would be slow.
@settings(deadline=None)
@given(batch=st.lists(st.one_of(canvases(), valid_canvases()), min_size=1, max_size=4))
def test_a_worker_process_gets_the_same_canvases_and_validates_them_the_same(
    worker: ProcessPoolExecutor, batch: list[Canvas]
) -> None:
    # tuple() runs in the worker: the batch is pickled there and the copies pickled back
    copies = worker.submit(tuple, batch).result()
    reports = list(worker.map(validate, batch, chunksize=len(batch)))
    assert copies == tuple(batch)
    assert reports == [validate(canvas) for canvas in batch]
