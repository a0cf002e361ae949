"""Property: writing a canvas and reading it back gives the same canvas, in every format.

The generated text is hostile on purpose: YAML-special words ("yes", "null", "1e3", "~"),
leading dashes and hashes, quotes, backslashes, every kind of line break, control characters,
invisible and right-to-left characters, ids that look like numbers or dates.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings

from cmc_core import Canvas, Meta
from cmc_core.fileformat import dumps, from_dict, loads, to_dict
from cmc_core.strategies import canvases, valid_canvases

FORMATS = ("yaml", "json", "toml")


#: Regression: TOML's multi-line strings turned "\r\n" into "\n".
CARRIAGE_RETURN_LINE_FEED = Canvas(meta=Meta(description="one\r\ntwo"))


@pytest.mark.parametrize("file_format", FORMATS)
@example(canvas=CARRIAGE_RETURN_LINE_FEED)
@settings(deadline=None)
@given(canvas=canvases())
def test_any_canvas_reads_back_equal_and_writes_the_same_text_again(
    file_format: str, canvas: Canvas
) -> None:
    text = dumps(canvas, file_format)
    read = loads(text, file_format).canvas
    assert read == canvas
    assert dumps(read, file_format) == text


@pytest.mark.parametrize("file_format", FORMATS)
@settings(deadline=None)
@given(canvas=valid_canvases())
def test_a_valid_canvas_reads_back_equal_after_writing(file_format: str, canvas: Canvas) -> None:
    text = dumps(canvas, file_format)
    assert loads(text, file_format).canvas == canvas


@settings(deadline=None)
@given(canvas=canvases())
def test_the_unstructured_form_converts_back_to_the_same_canvas(canvas: Canvas) -> None:
    assert from_dict(to_dict(canvas)) == canvas
