"""What each contribution hook accepts, and how contributed items are checked and wrapped.

Items are wrapped as they enter a registry: an exception raised by plugin code when the item is
used later (an exporter's export function, a rule's check) keeps its type and gets a note naming
the item and the plugin, so that a user reading the traceback knows whom to ask.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from cmc_core.exporting import Exporter
from cmc_core.questionnaires.model import Questionnaire
from cmc_core.rules.engine import Rule
from cmc_core.scoring.contract import Scorer

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.diagnostics import Finding
    from cmc_core.plugins.info import PluginInfo
    from cmc_core.rules.engine import RuleContext

__all__ = ["KINDS", "Kind"]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: The code prefix reserved for the built-in rules.
RESERVED_RULE_PREFIX = "CMC"


@attrs.frozen
class Kind(Generic[T]):
    """One kind of contribution.

    :param label: singular noun for messages (``exporter``).
    :param hook: the hook that contributes it.
    :param item_type: the contract class every item must be an instance of.
    :param key: the name an item is registered under.
    :param wrap: gives the item as the registry hands it out (with noted exceptions).
    :param refuse: why a plugin may not register this item, or ``None`` when it may.
    """

    label: str
    hook: str
    item_type: type[T]
    key: Callable[[T], str]
    wrap: Callable[[T, PluginInfo], T]
    refuse: Callable[[T, PluginInfo], str | None] = lambda _item, _plugin: None


def _noted(function: F, note: str) -> F:
    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            error.add_note(note)
            raise

    return call  # type: ignore[return-value]


def _noted_check(
    check: Callable[[Canvas, RuleContext], Iterable[Finding]], note: str
) -> Callable[[Canvas, RuleContext], Iterator[Finding]]:
    # A check is usually a generator, so it raises while it is iterated, not when called.
    def run(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
        try:
            yield from check(canvas, context)
        except Exception as error:
            error.add_note(note)
            raise

    return run


def _note(label: str, name: str, plugin: PluginInfo) -> str:
    return f"raised by {label} {name!r} of plugin {plugin.describe()}"


def _wrap_exporter(item: Exporter, plugin: PluginInfo) -> Exporter:
    return attrs.evolve(item, export=_noted(item.export, _note("exporter", item.name, plugin)))


def _wrap_rule(item: Rule, plugin: PluginInfo) -> Rule:
    return attrs.evolve(item, check=_noted_check(item.check, _note("rule", item.code, plugin)))


def _wrap_scorer(item: Scorer, plugin: PluginInfo) -> Scorer:
    return attrs.evolve(item, score=_noted(item.score, _note("scorer", item.name, plugin)))


def _keep(item: Questionnaire, _plugin: PluginInfo) -> Questionnaire:
    return item  # plain data: nothing of the plugin runs later


def _refuse_rule(item: Rule, plugin: PluginInfo) -> str | None:
    if item.code.startswith(RESERVED_RULE_PREFIX) and not plugin.builtin:
        return (
            f"the rule code {item.code!r}; the {RESERVED_RULE_PREFIX} prefix is reserved for the "
            "built-in rules, so pick a prefix of your own"
        )
    return None


def _refuse_questionnaire(item: Questionnaire, _plugin: PluginInfo) -> str | None:
    problems = item.problems()
    if problems:
        return f"the questionnaire {item.name!r} with problems: " + "; ".join(problems)
    return None


EXPORTERS: Kind[Exporter] = Kind(
    "exporter", "cmc_register_exporters", Exporter, lambda item: item.name, _wrap_exporter
)
RULES: Kind[Rule] = Kind(
    "rule", "cmc_register_rules", Rule, lambda item: item.code, _wrap_rule, _refuse_rule
)
SCORERS: Kind[Scorer] = Kind(
    "scorer", "cmc_register_scorers", Scorer, lambda item: item.name, _wrap_scorer
)
QUESTIONNAIRES: Kind[Questionnaire] = Kind(
    "questionnaire",
    "cmc_register_questionnaires",
    Questionnaire,
    lambda item: item.name,
    _keep,
    _refuse_questionnaire,
)

#: Every kind, by the attribute name of its registry on a plugin set.
KINDS: dict[str, Kind[Any]] = {
    "exporters": EXPORTERS,
    "rules": RULES,
    "scorers": SCORERS,
    "questionnaires": QUESTIONNAIRES,
}
