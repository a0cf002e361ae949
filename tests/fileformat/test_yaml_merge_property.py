"""Property: merging any canvas into any YAML document's tree gives a text that reads as it."""

from __future__ import annotations

from hypothesis import given, settings

from cmc_core import Canvas
from cmc_core.fileformat import dumps, loads
from cmc_core.fileformat.yaml_io import decode_yaml, dump_tree
from cmc_core.fileformat.yaml_merge import merged_tree
from cmc_core.strategies import canvases
from cmc_core.testing import examples


@settings(max_examples=examples(100), deadline=None)
@given(before=canvases(), after=canvases())
def test_merging_a_canvas_into_another_documents_tree_reads_back_as_that_canvas(
    before: Canvas, after: Canvas
) -> None:
    document = loads(dumps(before, "yaml"), "yaml")
    # Straight through the merge, without with_canvas's fresh-text fallback.
    merged = dump_tree(merged_tree(document._tree, after))
    assert decode_yaml(merged)[0] == after


@settings(max_examples=examples(100), deadline=None)
@given(canvas=canvases())
def test_merging_a_canvas_into_its_own_tree_changes_nothing(canvas: Canvas) -> None:
    text = dumps(canvas, "yaml")
    assert loads(text, "yaml").with_canvas(canvas).dumps() == text
