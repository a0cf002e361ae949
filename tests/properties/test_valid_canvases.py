"""Properties of `valid_canvases`: no error-level diagnostic, and the size the caller asked for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_core import Canvas, Language
from cmc_core.rules import RuleSettings, validate
from cmc_core.rules.engine import ValidationConfig
from cmc_core.strategies import valid_canvases


@settings(deadline=None)
@given(canvas=valid_canvases())
def test_a_generated_valid_canvas_has_no_error(canvas: Canvas) -> None:
    assert validate(canvas).errors == ()


@settings(deadline=None)
@given(data=st.data(), flows=st.integers(1, 150), parties=st.integers(5, 70))
def test_valid_canvases_have_exactly_the_size_asked_for(
    data: st.DataObject, flows: int, parties: int
) -> None:
    canvas = data.draw(
        valid_canvases(min_parties=parties, max_parties=parties, min_flows=flows, max_flows=flows)
    )
    assert (len(canvas.parties), len(canvas.flows)) == (parties, flows)
    assert validate(canvas).errors == ()


@settings(deadline=None)
@given(canvas=valid_canvases(language="nl", min_parties=9, max_parties=12, max_flows=3))
def test_valid_canvases_keep_to_the_bounds_and_language_asked_for(canvas: Canvas) -> None:
    assert canvas.meta.language is Language.NL
    assert 9 <= len(canvas.parties) <= 12
    assert 1 <= len(canvas.flows) <= 3


STRICT = RuleSettings(min_suppliers=4, min_demanders=3, min_organisations=8)


@settings(deadline=None)
@given(canvas=valid_canvases(settings=STRICT))
def test_valid_canvases_meet_stricter_thresholds_when_asked(canvas: Canvas) -> None:
    assert validate(canvas, config=ValidationConfig(settings=STRICT)).errors == ()
