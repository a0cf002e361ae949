"""The rule contract: a unique code, and diagnostics that point at real places."""

from __future__ import annotations

import pickle
from collections import Counter
from typing import ClassVar

import pytest

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.naming import NAME_PATTERN
from cmc_core.plugins import PluginError
from cmc_core.rules.engine import CODE_PATTERN, Rule, RuleContext, RuleSettings
from cmc_core.testing._base import (
    CANVAS_NAMES,
    Contract,
    canvas_named,
    check_generated_canvases,
    equal_copies,
    fail_unless_unchanged,
)
from cmc_core.testing._paths import UnresolvedPathError, resolve_path
from cmc_core.testing._plugins import make_plugins

__all__ = ["RuleContract"]

#: The code prefix of the built-in rules, which no plugin may use.
BUILTIN_PREFIX = "CMC"


class RuleContract(Contract):
    """Tests every validation rule must pass. Subclass it and provide the rule as a fixture::

        class TestWasteRule(RuleContract):
            @pytest.fixture
            def rule(self) -> Rule:
                return WASTE_BASELINE_RULE

            @pytest.fixture
            def plugin(self) -> object:  # optional, but it checks code clashes for real
                return cmc_digital_waste

    It checks that the code matches :data:`~cmc_core.rules.CODE_PATTERN` and leaves the ``CMC``
    prefix to the built-ins; that code and name are unique among the built-in rules and the
    rules of the plugin; and, over the sample canvases, the hostile canvas and generated ones,
    that every finding has a message and a path that resolves in the canvas
    (:func:`~cmc_core.testing.resolve_path`), and that the rule is deterministic and never
    changes the canvas.

    :cvar builtin: ``True`` only for cmc's own rules, whose codes start with ``CMC``.
    :cvar rule_settings: the thresholds the rule runs with.
    """

    builtin: ClassVar[bool] = False
    rule_settings: ClassVar[RuleSettings] = RuleSettings()

    @pytest.fixture
    def rule(self) -> Rule:
        """The rule under test: override this fixture."""
        pytest.fail(f"{type(self).__name__} must define a fixture 'rule' returning it")

    def findings(self, rule: Rule, canvas: Canvas) -> list[Finding]:
        """Run the rule once, as the engine would."""
        return list(rule(canvas, RuleContext(canvas, self.rule_settings)))

    def _check_one(self, rule: Rule, canvas: Canvas) -> None:
        before = pickle.loads(pickle.dumps(canvas))
        findings = self.findings(rule, canvas)
        fail_unless_unchanged(canvas, before, f"rule {rule.code}")
        problems: list[str] = []
        yielded: list[object] = list(findings)  # plugin code: trust no type
        for finding in yielded:
            if not isinstance(finding, Finding):
                problems.append(f"it yielded a {type(finding).__name__}, not a Finding")
                continue
            if not finding.message.strip():
                problems.append(f"a finding at {finding.path!r} has no message")
            try:
                resolve_path(canvas, finding.path)
            except UnresolvedPathError as error:
                problems.append(f"{error} (message: {finding.message!r})")
        if problems:
            pytest.fail(f"rule {rule.code}:\n  " + "\n  ".join(dict.fromkeys(problems)))
        if self.findings(rule, canvas) != findings:
            pytest.fail(f"rule {rule.code} found different things in the same canvas twice")
        for how, copy in equal_copies(canvas).items():
            if self.findings(rule, copy) != findings:
                pytest.fail(f"rule {rule.code} found different things in {how}")

    def test_code_matches_the_pattern_and_leaves_cmc_to_the_built_ins(self, rule: Rule) -> None:
        if not CODE_PATTERN.match(rule.code):
            pytest.fail(f"the code {rule.code!r} must be an upper-case prefix and three digits")
        if rule.code.startswith(BUILTIN_PREFIX) and not self.builtin:
            pytest.fail(
                f"the code {rule.code!r} starts with {BUILTIN_PREFIX!r}, which is reserved for "
                "the built-in rules: pick a prefix of your own, such as 'DW001'"
            )
        if self.builtin and not rule.code.startswith(BUILTIN_PREFIX):
            pytest.fail(f"a built-in rule's code starts with {BUILTIN_PREFIX!r}")

    def test_rule_is_well_formed(self, rule: Rule) -> None:
        if not isinstance(rule, Rule):
            pytest.fail(f"the rule is a {type(rule).__name__}, not a cmc Rule")
        if not NAME_PATTERN.match(rule.name):
            pytest.fail(f"the name {rule.name!r} must be lower-case words joined by hyphens")
        if not isinstance(rule.severity, Severity):
            pytest.fail(f"the severity {rule.severity!r} is not a Severity")
        if not rule.title.strip() or "\n" in rule.title:
            pytest.fail("the title must be one non-empty line")
        if not rule.rationale.strip():
            pytest.fail("the rationale must say why the rule exists")

    def test_code_and_name_are_unique_among_the_built_ins_and_its_plugin(
        self, rule: Rule, plugin: object
    ) -> None:
        try:
            plugins = make_plugins(*([] if plugin is None else [plugin]), builtins=True)
            rules = list(plugins.rules)
        except PluginError as error:
            pytest.fail(f"loading the rules fails: {error}")
        if not any(other.code == rule.code and other == rule for other in rules):
            if plugin is not None:
                pytest.fail(f"the plugin does not register rule {rule.code}")
            rules.append(rule)
        for field, counts in (
            ("code", Counter(r.code for r in rules)),
            ("name", Counter(r.name for r in rules)),
        ):
            value = getattr(rule, field)
            if counts[value] > 1:
                pytest.fail(f"{counts[value]} rules have the {field} {value!r}")

    @pytest.mark.parametrize("canvas_name", CANVAS_NAMES)
    def test_findings_point_at_real_places_deterministically_without_changing_the_canvas(
        self, rule: Rule, canvas_name: str
    ) -> None:
        self._check_one(rule, canvas_named(canvas_name))

    def test_handles_generated_canvases(self, rule: Rule) -> None:
        check_generated_canvases(lambda canvas: self._check_one(rule, canvas), self.max_examples)
