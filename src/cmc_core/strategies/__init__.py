"""Hypothesis strategies for Community Model Canvases, for your own property-based tests.

Install the extra first: ``pip install 'community-model-canvas[hypothesis]'``.
``import cmc_core`` never imports hypothesis; only ``import cmc_core.strategies`` does.

- :func:`canvases`: any canvas the model holds, broken or half filled, with text that is
  awkward for every file format. For properties that must hold for *every* canvas.
- :func:`records`: any instance of one record type of the model (a party, a flow, a block),
  drawn from the model's declarations; a subclass's extra fields are drawn too.
- :func:`valid_canvases`: realistic communities with no error-level diagnostic, of a size you
  choose (``valid_canvases(min_flows=40, max_flows=40)`` has exactly 40 flows).
- :func:`canvases_breaking`: a valid canvas with one targeted mutation that triggers one rule
  and no other error; :data:`BREAKABLE_RULE_CODES` lists the codes it supports.
- :func:`awkward_text`, :func:`entity_ids`: the text and ids the canvas strategies use.
- :func:`rename_ids`, :func:`id_strings`: rename every id of a canvas consistently (for
  properties such as "my tool does not care how ids are spelt").

Example::

    from hypothesis import given
    from cmc_core.rules import validate
    from cmc_core.strategies import canvases_breaking, valid_canvases

    @given(valid_canvases(max_flows=30))
    def test_my_exporter_accepts_every_valid_canvas(canvas):
        my_exporter(canvas)

    @given(canvases_breaking("CMC001"))
    def test_my_gate_refuses_too_few_suppliers(canvas):
        assert "CMC001" in validate(canvas).codes()

All strategies shrink towards small, plain canvases: few parties and flows, ids like ``p-1``,
short text.
"""

from __future__ import annotations

from cmc_core.strategies._anything import canvases, records
from cmc_core.strategies._breaking import (
    BREAKABLE_RULE_CODES,
    UNBREAKABLE_RULE_CODES,
    canvases_breaking,
)
from cmc_core.strategies._ids import id_strings, rename_ids
from cmc_core.strategies._text import (
    AWKWARD_KINDS,
    AWKWARD_STRINGS,
    SENTINEL,
    awkward_text,
    entity_ids,
)
from cmc_core.strategies._valid import DRAWN_FLOWS, DRAWN_PARTIES, valid_canvases

__all__ = [
    "AWKWARD_KINDS",
    "AWKWARD_STRINGS",
    "BREAKABLE_RULE_CODES",
    "DRAWN_FLOWS",
    "DRAWN_PARTIES",
    "SENTINEL",
    "UNBREAKABLE_RULE_CODES",
    "awkward_text",
    "canvases",
    "canvases_breaking",
    "entity_ids",
    "id_strings",
    "records",
    "rename_ids",
    "rule_codes_breakable",
    "valid_canvases",
]


def rule_codes_breakable() -> tuple[str, ...]:
    """The built-in rule codes :func:`canvases_breaking` supports (all but CMC015)."""
    return BREAKABLE_RULE_CODES
