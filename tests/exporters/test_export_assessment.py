"""The built-in exporters show the assessment they are given (``ExportOptions.assessment``),
refuse one of another canvas, and assess with the built-ins only when given none (issue 12)."""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator

import pytest

from cmc_core import Canvas, Finding, Severity, assess, hookimpl
from cmc_core.examples import example_text
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.fileformat import loads
from cmc_core.rules import RuleContext, RuleSelection, ValidationConfig
from cmc_core.rules import plugin as builtin_rules
from cmc_core.rules.engine import Rule
from cmc_core.scoring import Score, Scorer
from cmc_core.scoring import plugin as builtin_scorers
from cmc_core.testing import make_plugins
from cmc_exporters.bmc import BMC_EXPORTER, BmcRefusedError
from cmc_exporters.html import HTML_EXPORTER
from cmc_exporters.markdown import MARKDOWN_EXPORTER
from cmc_exporters.svg import SVG_EXPORTER

REPORTS = (HTML_EXPORTER, SVG_EXPORTER, MARKDOWN_EXPORTER)


def _canvas(name: str) -> Canvas:
    return loads(example_text(name), "yaml").canvas


def _blocking(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    yield Finding(message="A plugin says no.", path="meta")


def _plugin() -> types.ModuleType:
    """One error-level rule ``XTR001`` on every canvas and a dimension ``Extra Dimension``."""
    module = types.ModuleType("assessment_plugin")

    def cmc_register_rules(register: Callable[[Rule], None]) -> None:
        register(
            Rule(
                code="XTR001",
                name="plugin-says-no",
                severity=Severity.ERROR,
                title="A plugin's rule",
                rationale="For the tests.",
                source="tests",
                check=_blocking,
            )
        )

    def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
        register(Scorer("extra", "Extra Dimension", lambda canvas, context: Score(0.0)))

    module.cmc_register_rules = hookimpl(cmc_register_rules)  # type: ignore[attr-defined]
    module.cmc_register_scorers = hookimpl(cmc_register_scorers)  # type: ignore[attr-defined]
    return module


def _text(exporter: Exporter, canvas: Canvas, options: ExportOptions) -> str:
    return exporter.export_bytes(canvas, options).decode("utf-8")


@pytest.mark.parametrize("exporter", REPORTS, ids=lambda e: e.name)
def test_a_report_shows_the_assessment_it_is_given(exporter: Exporter) -> None:
    canvas = _canvas("regional-healthcare")
    plugins = make_plugins(builtin_rules, builtin_scorers, _plugin())
    given = assess(canvas, plugins=plugins)
    default = _text(exporter, canvas, ExportOptions())
    shown = _text(exporter, canvas, ExportOptions(assessment=given))
    assert "Extra Dimension" not in default
    assert "Extra Dimension" in shown
    assert f"{given.scores.overall:.0f}" != f"{assess(canvas).scores.overall:.0f}"
    assert f"Overall score: {given.scores.overall:.0f}" in shown
    if exporter is not SVG_EXPORTER:  # the svg poster shows counts, not the diagnostics
        assert "XTR001" in shown


@pytest.mark.parametrize("exporter", REPORTS, ids=lambda e: e.name)
def test_without_an_assessment_a_report_shows_the_built_ins_judgement(exporter: Exporter) -> None:
    canvas = _canvas("single-owner-platform")
    default = _text(exporter, canvas, ExportOptions())
    assert default == _text(exporter, canvas, ExportOptions(assessment=assess(canvas)))


@pytest.mark.parametrize("exporter", REPORTS, ids=lambda e: e.name)
def test_a_report_shows_the_configured_selection(exporter: Exporter) -> None:
    canvas = _canvas("single-owner-platform")
    quiet = ValidationConfig(selection=RuleSelection(ignore=("CMC0",)))
    default = _text(exporter, canvas, ExportOptions())
    shown = _text(exporter, canvas, ExportOptions(assessment=assess(canvas, config=quiet)))
    assert shown != default
    assert "CMC001" not in shown


@pytest.mark.parametrize("exporter", [*REPORTS, BMC_EXPORTER], ids=lambda e: e.name)
def test_an_assessment_of_another_canvas_is_refused(exporter: Exporter) -> None:
    canvas = _canvas("regional-healthcare")
    other = assess(_canvas("port-logistics"))
    options = ExportOptions(settings={"party": "p-hospital"}, assessment=other)
    with pytest.raises(ValueError, match="another canvas"):
        exporter.export_bytes(canvas, options)


def test_the_bmc_waits_for_the_errors_of_the_assessment_it_is_given() -> None:
    canvas = _canvas("regional-healthcare")
    plugins = make_plugins(builtin_rules, _plugin())
    party = {"party": "p-hospital"}
    assert BMC_EXPORTER.export_bytes(canvas, ExportOptions(settings=party))
    with pytest.raises(BmcRefusedError) as refused:
        BMC_EXPORTER.export_bytes(
            canvas, ExportOptions(settings=party, assessment=assess(canvas, plugins=plugins))
        )
    assert refused.value.codes == ("XTR001",)


def test_the_bmc_is_not_held_back_by_a_rule_the_configuration_ignores() -> None:
    canvas = _canvas("single-owner-platform")
    party = {"party": "p-freshlink-dairy"}
    with pytest.raises(BmcRefusedError) as refused:
        BMC_EXPORTER.export_bytes(canvas, ExportOptions(settings=party))
    assert "CMC025" in refused.value.codes
    quiet = ValidationConfig(selection=RuleSelection(ignore=("CMC025",)))
    with pytest.raises(BmcRefusedError) as still:
        BMC_EXPORTER.export_bytes(
            canvas, ExportOptions(settings=party, assessment=assess(canvas, config=quiet))
        )
    assert "CMC025" not in still.value.codes
    assert "CMC001" in still.value.codes
