"""What each contribution hook accepts, and how contributed items are checked and wrapped.

Items are wrapped as they enter a registry, so that their code runs guarded when it is used later
(an exporter's export function, a rule's check, a scorer): an exception keeps its type and gets a
note naming the item and the plugin, and the rest of :mod:`cmc_core.plugins.guard` applies.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from cmc_core.diagnostics import Finding, Severity
from cmc_core.plugins.guard import (
    CallOrigin,
    PluginCallError,
    PluginExitError,
    as_exception,
    is_plugin_fault,
    mark,
    plugin_code,
)
from cmc_core.translation import Messages

if TYPE_CHECKING:
    import click

    from cmc_core.canvas import Canvas
    from cmc_core.exporting import Exporter
    from cmc_core.plugins.info import PluginInfo
    from cmc_core.questionnaires.model import Questionnaire
    from cmc_core.rules.engine import Rule, RuleContext
    from cmc_core.scoring.contract import Scorer

__all__ = ["KINDS", "CallPolicy", "Kind"]

_ = Messages("cmc_core", "plugins")

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: The code prefix reserved for the built-in rules.
RESERVED_RULE_PREFIX = "CMC"


@attrs.frozen
class Kind(Generic[T]):
    """One kind of contribution.

    :param label: singular noun for messages (``exporter``).
    :param hook: the hook that contributes it.
    :param contract: where the contract class every item must be an instance of is defined,
        as ``module:Class``; imported when the kind is first used (see :meth:`item_type`), so
        that a command that never builds, say, the scorers' registry never imports scoring.
    :param key: the name an item is registered under.
    :param wrap: gives the item as the registry hands it out: its code runs guarded (see
        :mod:`cmc_core.plugins.guard`).
    :param refuse: why a plugin may not register this item, or ``None`` when it may.
    :param by_plugin: items are registered under the contributing plugin's name instead of
        :attr:`key` (a plugin's settings class: one per plugin).
    """

    label: str
    hook: str
    contract: str
    key: Callable[[T], str]
    wrap: Callable[[T, CallOrigin, CallPolicy], T]
    refuse: Callable[[T, PluginInfo], str | None] = lambda _item, _plugin: None
    by_plugin: bool = False

    def item_type(self) -> type[T]:
        """The contract class, imported now if it was not yet."""
        module, _colon, name = self.contract.partition(":")
        found: type[T] = getattr(importlib.import_module(module), name)
        return found


@attrs.frozen
class CallPolicy:
    """How a plugin set runs contributed code.

    :param slow_after: seconds after which a call still running is named in a warning.
    :param contain: receives a rule's failure instead of raising it (a plugin set in warn
        mode); ``None`` raises.
    """

    slow_after: float | None = None
    contain: Callable[[PluginCallError], None] | None = None


def _guarded(function: F, origin: CallOrigin, policy: CallPolicy) -> F:
    what = origin.describe()

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            with plugin_code(what, policy.slow_after):
                return function(*args, **kwargs)
        except BaseException as caught:
            if not is_plugin_fault(caught):
                raise
            error = as_exception(caught)
            mark(error, origin)
            if error is caught:
                raise
            raise error from caught

    return call  # type: ignore[return-value]


def _guarded_check(
    check: Callable[[Canvas, RuleContext], Iterable[Finding]],
    origin: CallOrigin,
    policy: CallPolicy,
) -> Callable[[Canvas, RuleContext], Iterator[Finding]]:
    what = origin.describe()

    # A check is usually a generator, so it raises while it is iterated, not when called; the
    # findings are collected inside the guard so that no plugin code runs outside it.
    def run(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
        try:
            with plugin_code(what, policy.slow_after):
                findings = list(check(canvas, context))
        except BaseException as caught:
            if not is_plugin_fault(caught):
                raise
            error = as_exception(caught)
            mark(error, origin)
            if policy.contain is None:
                if error is caught:
                    raise
                raise error from caught
            failure = PluginCallError(origin, error)
            policy.contain(failure)
            # What the rule found before it failed is lost with it: a partial list would
            # look complete.
            yield Finding(_failure_message(failure), severity=Severity.ERROR)
            return
        yield from findings

    return run


def _failure_message(failure: PluginCallError) -> str:
    return _(
        "this rule could not check the canvas: {failure} "
        "(a fault of the plugin, not of the canvas)",
        failure=failure,
    )


def _wrap_exporter(item: Exporter, origin: CallOrigin, policy: CallPolicy) -> Exporter:
    return attrs.evolve(item, export=_guarded(item.export, origin, policy))


def _wrap_rule(item: Rule, origin: CallOrigin, policy: CallPolicy) -> Rule:
    return attrs.evolve(item, check=_guarded_check(item.check, origin, policy))


def _wrap_scorer(item: Scorer, origin: CallOrigin, policy: CallPolicy) -> Scorer:
    return attrs.evolve(item, score=_guarded(item.score, origin, policy))


def _keep(item: Questionnaire, _origin: CallOrigin, _policy: CallPolicy) -> Questionnaire:
    return item  # plain data: nothing of the plugin runs later


def _wrap_command(item: click.Command, origin: CallOrigin, _policy: CallPolicy) -> click.Command:
    """Mark what a plugin's command raises with the plugin, so that ``cmc`` names it.

    Unlike a rule's or an exporter's code, a command's output is its own: what it prints goes
    to stdout, so it runs outside :func:`~cmc_core.plugins.guard.plugin_code`. click's own
    exceptions are how a command ends: a usage error or a ``ClickException`` passes with exit
    status 2, ``ctx.exit(0|1|2)`` passes as it is. Any other exception, a ``SystemExit`` and
    another exit status included, is a failure of the plugin, named as such (exit status 2).
    The command is changed in place, as click offers no copy of a command.
    """
    commands = [item]
    while commands:
        command = commands.pop()
        if command.callback is not None and not getattr(command.callback, _MARKED, False):
            command.callback = _marking(command.callback, origin)
        commands.extend(getattr(command, "commands", {}).values())
    return item


_MARKED = "__cmc_marks_plugin_faults__"
#: The exit statuses a plugin's command may end with (``ctx.exit``): cmc's own meanings.
_EXIT_STATUSES = (0, 1, 2)


def _marking(callback: Callable[..., Any], origin: CallOrigin) -> Callable[..., Any]:
    import click  # noqa: PLC0415 (only a command plugin's registry needs click)

    @functools.wraps(callback)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except click.exceptions.Exit as ending:
            if ending.exit_code in _EXIT_STATUSES:
                raise
            failure: BaseException = PluginExitError(ending)
        except click.exceptions.ClickException as refusal:
            # click's way to say "the tool could not do its job": exit status 2, never 1
            # (which says the canvas has errors), whatever the exception's own code.
            refusal.exit_code = 2  # type: ignore[misc]  # click declares it on the class
            raise
        except click.exceptions.Abort:
            raise
        except BaseException as caught:
            if not is_plugin_fault(caught):
                raise
            failure = as_exception(caught)
            if failure is caught:
                mark(caught, origin)
                raise
        mark(failure, origin)
        raise failure

    setattr(call, _MARKED, True)
    return call


def _refuse_settings(item: type[Any], _plugin: PluginInfo) -> str | None:
    if not attrs.has(item):
        return _("the settings class {name}, which is no attrs class", name=repr(item.__name__))
    missing = [field.name for field in attrs.fields(item) if field.default is attrs.NOTHING]
    if missing:
        return _(
            "the settings class {name}, whose fields {fields} have no default; every setting "
            "needs one, so that a project without the table still works",
            name=repr(item.__name__),
            fields=", ".join(missing),
        )
    return None


def _refuse_rule(item: Rule, plugin: PluginInfo) -> str | None:
    if item.code.startswith(RESERVED_RULE_PREFIX) and not plugin.builtin:
        return _(
            "the rule code {code}; the {prefix} prefix is reserved for the built-in rules, so "
            "pick a prefix of your own",
            code=repr(item.code),
            prefix=RESERVED_RULE_PREFIX,
        )
    return None


def _refuse_questionnaire(item: Questionnaire, _plugin: PluginInfo) -> str | None:
    problems = item.problems()
    if problems:
        return _(
            "the questionnaire {name} with problems: {problems}",
            name=repr(item.name),
            problems="; ".join(problems),
        )
    return None


EXPORTERS: Kind[Exporter] = Kind(
    "exporter",
    "cmc_register_exporters",
    "cmc_core.exporting:Exporter",
    lambda item: item.name,
    _wrap_exporter,
)
RULES: Kind[Rule] = Kind(
    "rule",
    "cmc_register_rules",
    "cmc_core.rules.engine:Rule",
    lambda item: item.code,
    _wrap_rule,
    _refuse_rule,
)
SCORERS: Kind[Scorer] = Kind(
    "scorer",
    "cmc_register_scorers",
    "cmc_core.scoring.contract:Scorer",
    lambda item: item.name,
    _wrap_scorer,
)
QUESTIONNAIRES: Kind[Questionnaire] = Kind(
    "questionnaire",
    "cmc_register_questionnaires",
    "cmc_core.questionnaires.model:Questionnaire",
    lambda item: item.name,
    _keep,
    _refuse_questionnaire,
)

SETTINGS: Kind[type[Any]] = Kind(
    "settings",
    "cmc_register_settings",
    "builtins:type",
    lambda item: item.__qualname__,
    lambda item, _origin, _policy: item,  # a class: nothing of the plugin runs through it
    _refuse_settings,
    by_plugin=True,
)
COMMANDS: Kind[click.Command] = Kind(
    "command",
    "cmc_register_commands",
    "click:Command",
    lambda item: item.name or "",
    _wrap_command,
)

#: Every kind, by the attribute name of its registry on a plugin set.
KINDS: dict[str, Kind[Any]] = {
    "exporters": EXPORTERS,
    "rules": RULES,
    "scorers": SCORERS,
    "questionnaires": QUESTIONNAIRES,
    "settings": SETTINGS,
    "commands": COMMANDS,
}
