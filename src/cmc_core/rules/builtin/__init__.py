"""The built-in rules: V01-V20 of the domain reference with the product owner's decisions.

:data:`BUILTIN_RULES` holds them in code order; :func:`get_rule` finds one by code or name. The
rules live in modules by theme: the market (``market``, ``leaders``), the commonality and equal
footing (``commonality``), process areas (``processes``), value flows (``flows``),
concentration (``concentration``, ``hubs``), governance (``governance``), referential
integrity (``integrity``), direction (``direction``), change (``change``), the figures
(``figures``) and the parties themselves (``parties``); :mod:`cmc_core.rules.control` holds
what the ownership and leader checks share. :func:`bmc_blockers` is here rather than with the
commonality rules because it runs every built-in rule.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Report
from cmc_core.errors import CmcError
from cmc_core.rules.builtin.change import principles_assessed, resistance_reason, waste_baseline
from cmc_core.rules.builtin.commonality import (
    bmc_ready,
    commonality_steward,
    equal_footing,
    focal_problems,
    primary_commonality,
)
from cmc_core.rules.builtin.concentration import few_organisations, flow_concentration
from cmc_core.rules.builtin.direction import boundary_goal_and_target_group, connecting_factors
from cmc_core.rules.builtin.figures import figures_add_up
from cmc_core.rules.builtin.flows import end_customer_value, flow_integrity, supply_to_demand
from cmc_core.rules.builtin.governance import decision_power
from cmc_core.rules.builtin.hubs import hub
from cmc_core.rules.builtin.integrity import references_resolve, unique_ids
from cmc_core.rules.builtin.leaders import leader_conflict
from cmc_core.rules.builtin.market import (
    distinct_organisations,
    no_centre,
    no_dangling_parties,
    several_suppliers_and_demanders,
    stakeholders_not_counted,
)
from cmc_core.rules.builtin.parties import near_duplicate_party_names, party_roles
from cmc_core.rules.builtin.processes import (
    compete_on_execution,
    cooperate_on_information_and_transactions,
)
from cmc_core.rules.engine import Rule, ValidationConfig, run_rules
from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import Messages

__all__ = ["BUILTIN_RULES", "UnknownRuleError", "bmc_blockers", "get_rule"]

_ = Messages("cmc_core", "rules")

#: Every built-in rule, in code order.
BUILTIN_RULES: tuple[Rule, ...] = (
    several_suppliers_and_demanders,
    distinct_organisations,
    equal_footing,
    leader_conflict,
    primary_commonality,
    commonality_steward,
    cooperate_on_information_and_transactions,
    compete_on_execution,
    end_customer_value,
    supply_to_demand,
    flow_integrity,
    boundary_goal_and_target_group,
    resistance_reason,
    connecting_factors,
    stakeholders_not_counted,
    no_centre,
    bmc_ready,
    waste_baseline,
    no_dangling_parties,
    principles_assessed,
    flow_concentration,
    references_resolve,
    unique_ids,
    decision_power,
    hub,
    few_organisations,
    figures_add_up,
    near_duplicate_party_names,
    party_roles,
)

_BY_KEY: dict[str, Rule] = {}
for _rule in BUILTIN_RULES:
    _BY_KEY[_rule.code.casefold()] = _rule
    _BY_KEY[_rule.name.casefold()] = _rule


class UnknownRuleError(CmcError, KeyError):
    """No rule has the code or name asked for.

    :param key: what was asked for.
    :param suggestions: the closest codes or names, best first.
    """

    def __init__(self, key: str, suggestions: tuple[str, ...] = ()) -> None:
        self.key = key
        self.suggestions = suggestions
        if len(suggestions) > 1:
            message = _(
                "no rule has the code or name {key}; did you mean {first} or {second}?",
                key=repr(key),
                first=repr(suggestions[0]),
                second=repr(suggestions[1]),
            )
        elif suggestions:
            message = _(
                "no rule has the code or name {key}; did you mean {first}?",
                key=repr(key),
                first=repr(suggestions[0]),
            )
        else:
            message = _("no rule has the code or name {key}", key=repr(key))
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError would show the repr of its argument; the message reads better as it is.
        return str(self.args[0])


def get_rule(key: str, rules: Sequence[Rule] | None = None) -> Rule:
    """The rule with this code (``CMC001``) or name (``equal-footing``), any case.

    :param rules: where to look; the built-in rules when ``None`` (pass the rules of a plugin
        set to include third-party rules).
    :raises UnknownRuleError: (a :class:`KeyError`) when there is none, with the closest matches.
    """
    wanted = key.strip().casefold()
    if rules is None:
        found = _BY_KEY.get(wanted)
        rules = BUILTIN_RULES
    else:
        found = next((r for r in rules if wanted in (r.code.casefold(), r.name.casefold())), None)
    if found is not None:
        return found
    choices = [rule.code for rule in rules] + [rule.name for rule in rules]
    close = difflib.get_close_matches(key.strip(), choices, n=2, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(key.strip().upper(), choices, n=2, cutoff=0.6)
    raise UnknownRuleError(key, tuple(close))


def bmc_blockers(
    canvas: Canvas,
    party_id: str,
    config: ValidationConfig | None = None,
    report: Report | None = None,
) -> list[str]:
    """Why a BMC cannot be exported for a party yet; empty when it can.

    The party must be a known inside market party that uses the primary commonality, and the
    canvas must have no error-level diagnostic (V17). Rule CMC017 itself is left out, since it
    judges ``meta.focal_party``, which need not be ``party_id``.

    :param config: the validation configuration to judge the canvas by; the default when None.
    :param report: the canvas's validation report, when the caller has one (an export's
        assessment, made with the active plugins' rules and the project's configuration);
        when None the canvas is validated here with the built-in rules and ``config``.
    """
    problems = focal_problems(canvas, CanvasIndex(canvas), party_id)
    if report is None:
        report = run_rules(canvas, BUILTIN_RULES, config or ValidationConfig())
    problems.extend(
        _(
            "{code} at {path}: {message}",
            code=diagnostic.code,
            path=diagnostic.path,
            message=diagnostic.message,
        )
        if diagnostic.path
        else _("{code} at the canvas: {message}", code=diagnostic.code, message=diagnostic.message)
        for diagnostic in report.errors
        if diagnostic.code != bmc_ready.code
    )
    return problems
