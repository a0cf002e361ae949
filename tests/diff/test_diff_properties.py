"""Properties of the diff: it reports exactly the edits made, nothing for equal canvases, and
the same changes the other way round when the canvases swap."""

from __future__ import annotations

import json
import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmc_core import Canvas
from cmc_core.diffing import diff_canvases
from cmc_core.fileformat import dumps, loads
from cmc_core.strategies import canvases, valid_canvases
from cmc_core.testing import examples

from .edits import Edited, edited_canvases

EDIT_SETTINGS = settings(
    max_examples=examples(250), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@EDIT_SETTINGS
@given(edited_canvases())
def test_the_diff_reports_each_edit_and_nothing_else(edited: Edited) -> None:
    diff = diff_canvases(edited.old, edited.new)
    note = f"edits: {list(edited.edits)}"
    assert len(set(diff.changes)) == len(diff.changes), f"a change is reported twice; {note}"
    assert set(diff.changes) == edited.changes, note
    assert set(diff.reordered) == edited.reordered, note
    assert diff.is_empty == (not edited.changes)


@EDIT_SETTINGS
@given(edited_canvases())
def test_the_diff_backwards_swaps_added_and_removed_and_old_and_new(edited: Edited) -> None:
    forwards = diff_canvases(edited.old, edited.new)
    backwards = diff_canvases(edited.new, edited.old)
    assert set(backwards.changes) == set(forwards.inverted().changes)
    assert set(backwards.reordered) == set(forwards.inverted().reordered)
    assert forwards.summary()["added"] == backwards.summary()["removed"]


@settings(deadline=None)
@given(canvases())
def test_a_canvas_has_no_diff_with_itself_or_an_equal_copy(canvas: Canvas) -> None:
    assert diff_canvases(canvas, canvas).is_empty
    copy = pickle.loads(pickle.dumps(canvas))
    diff = diff_canvases(canvas, copy)
    assert diff.changes == ()
    assert diff.reordered == ()


@settings(max_examples=examples(100), deadline=None)
@given(canvases(), canvases())
def test_any_two_canvases_diff_antisymmetrically_and_to_json(first: Canvas, second: Canvas) -> None:
    # Broken canvases too: duplicate ids, dangling references, awkward text.
    forwards, backwards = diff_canvases(first, second), diff_canvases(second, first)
    assert set(backwards.changes) == set(forwards.inverted().changes)
    assert set(backwards.reordered) == set(forwards.inverted().reordered)
    nothing_reported = forwards.is_empty and not forwards.reordered
    assert nothing_reported == (first == second)  # every difference is seen, and only those
    json.dumps(forwards.to_dict())  # plain data all the way down


@settings(max_examples=examples(50), deadline=None)
@given(valid_canvases(), st.sampled_from(["yaml", "json", "toml"]))
def test_saving_and_loading_a_canvas_changes_nothing_the_diff_sees(
    canvas: Canvas, file_format: str
) -> None:
    reloaded = loads(dumps(canvas, file_format), file_format).canvas  # type: ignore[arg-type]
    diff = diff_canvases(canvas, reloaded)
    assert diff.changes == ()
    assert diff.reordered == ()
