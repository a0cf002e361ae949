"""The sample canvases every contract runs over: the bundled examples and both starters."""

from __future__ import annotations

import pickle
from functools import cache

from cmc_core import examples
from cmc_core.canvas import Canvas
from cmc_core.fileformat import loads
from cmc_core.vocabulary import Language

__all__ = ["SAMPLE_NAMES", "sample_canvas", "sample_canvases"]

_STARTERS: dict[str, Language] = {f"starter-{language}": language for language in Language}

#: The names :func:`sample_canvases` uses: every bundled example, then ``starter-nl`` and
#: ``starter-en`` (the empty canvases ``cmc new`` writes).
SAMPLE_NAMES: tuple[str, ...] = (*examples.names(), *_STARTERS)


@cache
def _pickled(name: str) -> bytes:
    # Parse each file once per process; hand out copies (see sample_canvas).
    if name in _STARTERS:
        text, source = examples.starter_text(_STARTERS[name]), f"starter:{_STARTERS[name]}"
    else:
        text, source = examples.example_text(name), f"example:{name}"
    return pickle.dumps(loads(text, "yaml", source=source).canvas)


def sample_canvas(name: str) -> Canvas:
    """One sample canvas by name (see :data:`SAMPLE_NAMES`), freshly built.

    Every call returns a new copy, so that a plugin that changes a canvas it was given (which
    the contracts catch) cannot change what the next test sees.

    :raises KeyError: when there is no sample of that name.
    """
    if name not in SAMPLE_NAMES:
        raise KeyError(f"there is no sample canvas {name!r}; the samples are {SAMPLE_NAMES}")
    canvas: Canvas = pickle.loads(_pickled(name))
    return canvas


def sample_canvases() -> dict[str, Canvas]:
    """Every bundled example canvas and both starter canvases, by name, in listing order.

    The examples are realistic, filled-in communities (one of them deliberately fails
    validation); the starters are the empty canvases ``cmc new`` writes. Each call returns
    fresh copies.
    """
    return {name: sample_canvas(name) for name in SAMPLE_NAMES}
