"""Every built-in rule keeps the rule contract: the paths of its findings resolve, and so on."""

from __future__ import annotations

import pytest

from cmc_core.rules import BUILTIN_RULES, Rule
from cmc_core.rules import plugin as builtin_rules
from cmc_core.testing import RuleContract


class TestBuiltinRules(RuleContract):
    builtin = True
    max_examples = 10  # 23 rules; the rules' own property tests go further

    @pytest.fixture(params=BUILTIN_RULES, ids=lambda rule: rule.code)
    def rule(self, request: pytest.FixtureRequest) -> Rule:
        chosen: Rule = request.param
        return chosen

    @pytest.fixture
    def plugin(self) -> object:
        return builtin_rules
