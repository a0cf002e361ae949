"""assess(): one evaluation of a canvas, its report and its score card from one set of inputs."""

from __future__ import annotations

import copy
import pickle
import threading
import types
from collections.abc import Callable, Iterator

import pytest

import cmc_core
from cmc_core import Canvas, Finding, Severity, assess, hookimpl, validate
from cmc_core.assessment import Assessment, scoring_extras
from cmc_core.examples import example_text
from cmc_core.exporting import ExportOptions
from cmc_core.fileformat import CanvasDocument, loads
from cmc_core.plugins import Plugins
from cmc_core.questionnaires import Answer, AnswerSet
from cmc_core.rules import RuleContext, RuleSelection, ValidationConfig
from cmc_core.rules import plugin as builtin_rules
from cmc_core.rules.engine import Rule
from cmc_core.scoring import Score, ScoreContext, Scorer, score_canvas
from cmc_core.scoring import plugin as builtin_scorers
from cmc_core.testing import make_plugins, sample_canvases


def _document(name: str) -> CanvasDocument:
    return loads(example_text(name), "yaml", source=f"example:{name}")


@pytest.fixture(scope="module")
def failing() -> CanvasDocument:
    """single-owner-platform: errors CMC001, CMC003, CMC004, CMC006, CMC024 and CMC025."""
    return _document("single-owner-platform")


@pytest.fixture(scope="module")
def passing() -> Canvas:
    return _document("regional-healthcare").canvas


def _always(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    yield Finding(message="Every canvas gets this.", path="meta")


EXTRA_RULE = Rule(
    code="XTR001",
    name="always",
    severity=Severity.WARNING,
    title="A rule of a plugin",
    rationale="For the tests.",
    source="tests",
    check=_always,
)


def _extra_plugin(calls: list[str] | None = None) -> types.ModuleType:
    """A plugin with one rule (a warning on every canvas) and one scorer (always 0)."""

    def zero(canvas: Canvas, context: ScoreContext) -> Score:
        if calls is not None:
            calls.append("scored")
        return Score(0.0)

    module = types.ModuleType("extra_plugin")

    def cmc_register_rules(register: Callable[[Rule], None]) -> None:
        register(EXTRA_RULE)

    def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
        register(Scorer(name="extra", title="Extra", score=zero, weight=3.0))

    module.cmc_register_rules = hookimpl(cmc_register_rules)  # type: ignore[attr-defined]
    module.cmc_register_scorers = hookimpl(cmc_register_scorers)  # type: ignore[attr-defined]
    return module


def _with_extra(calls: list[str] | None = None) -> Plugins:
    return make_plugins(builtin_rules, builtin_scorers, _extra_plugin(calls))


def test_without_plugins_the_built_in_rules_and_scorers_judge(failing: CanvasDocument) -> None:
    assessment = assess(failing.canvas)
    assert assessment.canvas is failing.canvas
    assert assessment.report == validate(failing.canvas)
    assert assessment.scores == score_canvas(failing.canvas)
    assert assessment.has_errors
    assert {d.code for d in assessment.report.errors} == {
        "CMC001", "CMC003", "CMC004", "CMC006", "CMC024", "CMC025",
    }  # fmt: skip


def test_a_plugins_rule_and_scorer_change_both_the_report_and_the_card(passing: Canvas) -> None:
    builtins = assess(passing)
    extended = assess(passing, plugins=_with_extra())
    assert "XTR001" not in builtins.report.codes()
    assert "XTR001" in extended.report.codes()
    assert "extra" not in builtins.scores.names()
    assert extended.scores.dimension("extra").score == 0.0
    assert builtins.scores.overall is not None
    assert extended.scores.overall is not None
    assert extended.scores.overall < builtins.scores.overall


def test_only_the_plugins_given_judge(passing: Canvas) -> None:
    only_extra = assess(passing, plugins=make_plugins(_extra_plugin()))
    assert only_extra.report.codes() == {"XTR001"}
    assert only_extra.scores.names() == ("extra",)


def test_a_configuration_that_ignores_a_rule_removes_its_diagnostics(
    failing: CanvasDocument,
) -> None:
    plugins = _with_extra()
    loud = assess(failing.canvas, plugins=plugins).report.codes()
    quiet = ValidationConfig(selection=RuleSelection(ignore=("CMC025", "XTR")))
    assessment = assess(failing.canvas, plugins=plugins, config=quiet)
    assert loud - assessment.report.codes() == {"CMC025", "XTR001"}
    assert {d.code for d in assessment.report.errors} == {
        "CMC001",
        "CMC003",
        "CMC004",
        "CMC006",
        "CMC024",
    }
    relevelled = ValidationConfig(selection=RuleSelection(severities=(("CMC001", Severity.INFO),)))
    levels = {d.code: d.severity for d in assess(failing.canvas, config=relevelled).report}
    assert levels["CMC001"] is Severity.INFO


def test_weights_change_the_overall_score(passing: Canvas) -> None:
    plain = assess(passing).scores
    weighted = assess(passing, weights={"completeness": 0.0, "market-balance": 10.0}).scores
    assert weighted.overall != plain.overall
    assert weighted.dimension("market-balance").weight == 10.0


def test_extras_reach_the_scorers(passing: Canvas) -> None:
    answers = AnswerSet({"qs-kickoff-ready": Answer("qs-kickoff-ready", value=False)})
    without = assess(passing).scores.dimension("quickscan-suitability")
    given = assess(passing, extras={"quickscan": answers}).scores
    assert not without.applicable
    assert given.dimension("quickscan-suitability").applicable


def test_the_locator_gives_the_report_file_locations(failing: CanvasDocument) -> None:
    located = assess(failing.canvas, locator=failing.locate).report
    assert {d.location.file for d in located if d.location} == {"example:single-owner-platform"}
    assert all(d.location is None for d in assess(failing.canvas).report)


def test_each_part_is_computed_when_first_read_and_only_once(passing: Canvas) -> None:
    calls: list[str] = []
    assessment = assess(passing, plugins=_with_extra(calls))
    assert assessment.report.codes() == {"XTR001"}
    assert calls == []  # reading the report scored nothing
    first = assessment.scores
    assert assessment.scores is first
    assert calls == ["scored"]


def test_threads_reading_a_part_at_once_compute_it_once(passing: Canvas) -> None:
    calls: list[str] = []
    assessment = assess(passing, plugins=_with_extra(calls))
    cards = []
    threads = [threading.Thread(target=lambda: cards.append(assessment.scores)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["scored"]
    assert all(card is cards[0] for card in cards)


def test_the_callers_weights_and_extras_are_copied(passing: Canvas) -> None:
    weights = {"completeness": 5.0}
    assessment = assess(passing, weights=weights)
    weights["completeness"] = 0.0
    assert assessment.scores.dimension("completeness").weight == 5.0


def test_an_assessment_pickles_with_its_results_even_when_its_plugins_do_not(
    failing: CanvasDocument,
) -> None:
    assessment = assess(failing.canvas, plugins=_with_extra(), locator=failing.locate)
    restored = pickle.loads(pickle.dumps(assessment))
    assert restored.canvas == failing.canvas
    assert restored.report == assessment.report
    assert restored.scores == assessment.scores
    assert copy.copy(assessment).report == assessment.report


def test_require_canvas_accepts_the_same_canvas_and_refuses_another(
    passing: Canvas, failing: CanvasDocument
) -> None:
    assessment = assess(passing)
    assert assessment.require_canvas(passing) is assessment
    equal = _document("regional-healthcare").canvas
    assert equal is not passing
    assert assessment.require_canvas(equal) is assessment
    with pytest.raises(ValueError, match="another canvas"):
        assessment.require_canvas(failing.canvas)


def test_scoring_extras_take_the_quickscan_answers_only() -> None:
    quickscan = Answer("qs-kickoff-ready", value="yes")
    other = Answer("vision", value="One care record")
    extras = scoring_extras(AnswerSet({a.question: a for a in (quickscan, other)}))
    assert list(extras) == ["quickscan"]
    given = extras["quickscan"]
    assert isinstance(given, AnswerSet)
    assert [answer.question for answer in given] == ["qs-kickoff-ready"]
    assert given.value("qs-kickoff-ready") is True  # checked and canonical, as cmc score does
    assert scoring_extras(AnswerSet({"vision": other})) == {}
    assert scoring_extras(None) == {}


def test_assess_and_assessment_are_public_names_of_the_package() -> None:
    assert cmc_core.assess is assess
    assert cmc_core.Assessment is Assessment
    assert {"assess", "Assessment"} <= set(cmc_core.__all__)


def test_a_weight_naming_no_scorer_is_refused_at_once() -> None:
    from cmc_core.scoring import UnknownScorerError

    canvas = sample_canvases()["port-logistics"]
    with pytest.raises(UnknownScorerError, match="'typo'"):
        assess(canvas, weights={"typo": 2})


def test_an_assessment_says_briefly_what_it_is_of_without_computing_anything() -> None:
    canvas = sample_canvases()["port-logistics"]
    assessment = assess(canvas)
    assert repr(assessment) == "<Assessment of canvas 'Havencommunity Noordmonde'>"
    assessment.report  # noqa: B018 - computes the report
    assert repr(assessment).endswith(", 0 diagnostics>")
    assert len(repr(ExportOptions(assessment=assessment))) < 300
