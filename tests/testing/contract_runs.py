"""Running a plugin author's test module against the contracts, in process."""

from __future__ import annotations

import textwrap

import pytest

# Imported here, before any inline run: pytester forgets the modules a run imports, so each run
# would otherwise import cmc_core.testing (and Hypothesis) again, at a second apiece.
import cmc_core.testing  # noqa: F401

PREAMBLE = """
import itertools
import pytest
from cmc_core import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.exporting import Exporter
from cmc_core.questionnaires import Binding, Question, QuestionKind, Questionnaire, Text
from cmc_core.rules import Rule
from cmc_core.scoring import Reason, Score, Scorer
from cmc_core.testing import (
    ExporterContract, QuestionnaireContract, RuleContract, ScorerContract,
)
"""


class Outcomes:
    """The outcome of every test of a run, by test id without the module part."""

    def __init__(self, pytester: pytest.Pytester, source: str, *args: str) -> None:
        pytester.makepyfile(test_subject=PREAMBLE + textwrap.dedent(source))
        recorder = pytester.inline_run("-p", "no:cacheprovider", *args)
        self.outcome: dict[str, str] = {}
        self.text: dict[str, str] = {}
        for report in recorder.getreports("pytest_runtest_logreport"):
            test = report.nodeid.split("::", 1)[1]
            if report.outcome != "passed" or test not in self.outcome:
                self.outcome[test] = report.outcome
                self.text[test] = report.longreprtext
        assert self.outcome, "the contract ran no test"

    def failed(self, test: str, because: str) -> None:
        assert self.outcome[test] == "failed", f"{test} {self.outcome[test]}"
        assert because in self.text[test], self.text[test]

    def failing(self) -> set[str]:
        return {test for test, outcome in self.outcome.items() if outcome == "failed"}
