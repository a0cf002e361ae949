"""One test per hook, and the meta-tests that keep every hook tested and documented."""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable
from pathlib import Path

import attrs
import click
from click.testing import CliRunner

from cmc_core import hookimpl, hookspecs
from cmc_core.diagnostics import Finding, Severity
from cmc_core.exporting import Exporter
from cmc_core.plugins import load_plugins
from cmc_core.questionnaires import Question, QuestionKind, Questionnaire, Text
from cmc_core.rules import Rule
from cmc_core.scoring import Reason, Score, Scorer

DOCS = Path(__file__).resolve().parents[2] / "docs" / "reference" / "hooks.md"


def hook_names() -> list[str]:
    return sorted(name for name in vars(hookspecs) if name.startswith("cmc_"))


def plugin_with(hook: str, implementation: Callable[..., None]) -> types.ModuleType:
    module = types.ModuleType(f"plugin_for_{hook}")
    setattr(module, hook, hookimpl(implementation))
    return module


def test_hook_cmc_register_exporters() -> None:
    exporter = Exporter(
        name="plain",
        title="Plain text",
        media_type="text/plain",
        extension=".txt",
        export=lambda canvas, options: canvas.meta.name,
    )

    def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
        register(exporter)

    plugins = load_plugins(
        [plugin_with("cmc_register_exporters", cmc_register_exporters)], entry_points=False
    )
    assert plugins.exporters.get("plain") == exporter


def test_hook_cmc_register_rules() -> None:
    rule = Rule(
        code="EX001",
        name="has-a-name",
        severity=Severity.WARNING,
        title="The canvas has a name",
        rationale="People find it by its name.",
        source="example",
        check=lambda canvas, context: [] if canvas.meta.name else [Finding("no name", "meta.name")],
    )

    def cmc_register_rules(register: Callable[[Rule], None]) -> None:
        register(rule)

    plugins = load_plugins(
        [plugin_with("cmc_register_rules", cmc_register_rules)], entry_points=False
    )
    assert plugins.rules.names() == ("EX001",)
    assert plugins.rules.get("EX001") == rule


def test_hook_cmc_register_scorers() -> None:
    scorer = Scorer(
        name="named",
        title="Has a name",
        score=lambda canvas, context: Score(100.0 if canvas.meta.name else 0.0, (Reason("name"),)),
    )

    def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
        register(scorer)

    plugins = load_plugins(
        [plugin_with("cmc_register_scorers", cmc_register_scorers)], entry_points=False
    )
    assert plugins.scorers.get("named") == scorer


def test_hook_cmc_register_questionnaires() -> None:
    questionnaire = Questionnaire(
        name="intake",
        title=Text(en="Intake", nl="Intake"),
        questions=(
            Question(
                "q-name",
                QuestionKind.SHORT_TEXT,
                Text(en="What is the community called?", nl="Hoe heet de community?"),
            ),
        ),
    )

    def cmc_register_questionnaires(register: Callable[[Questionnaire], None]) -> None:
        register(questionnaire)

    plugin = plugin_with("cmc_register_questionnaires", cmc_register_questionnaires)
    plugins = load_plugins([plugin], entry_points=False)
    assert plugins.questionnaires.get("intake") == questionnaire


def test_hook_cmc_register_settings() -> None:
    @attrs.frozen
    class Limits:
        most: int = 3

    def cmc_register_settings(register: Callable[[type[object]], None]) -> None:
        register(Limits)

    plugin = plugin_with("cmc_register_settings", cmc_register_settings)
    plugins = load_plugins([plugin], entry_points=False)
    assert plugins.settings.get("plugin_for_cmc_register_settings") is Limits


def test_hook_cmc_register_commands() -> None:
    @click.command("hello")
    def hello() -> None:
        click.echo("hello")

    def cmc_register_commands(register: Callable[[click.Command], None]) -> None:
        register(hello)

    plugin = plugin_with("cmc_register_commands", cmc_register_commands)
    plugins = load_plugins([plugin], entry_points=False)
    assert plugins.commands.names() == ("hello",)
    assert CliRunner().invoke(plugins.commands.get("hello")).output == "hello\n"


def test_every_hook_has_a_test_named_after_it() -> None:
    tests = {name for name in vars(sys.modules[__name__]) if name.startswith("test_hook_")}
    assert {f"test_hook_{name}" for name in hook_names()} <= tests


def test_every_hook_is_documented_with_its_exact_signature() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in hook_names():
        signature = inspect.signature(getattr(hookspecs, name))
        parameters = ", ".join(signature.parameters)
        assert f"\n### `{name}({parameters})`\n" in text, name


def test_the_hook_specifications_are_the_six_contribution_hooks() -> None:
    assert hook_names() == [
        "cmc_register_commands",
        "cmc_register_exporters",
        "cmc_register_questionnaires",
        "cmc_register_rules",
        "cmc_register_scorers",
        "cmc_register_settings",
    ]
