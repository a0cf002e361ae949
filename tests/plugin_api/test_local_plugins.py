"""Local plugin modules (``plugin-modules``, ``--plugin-module``, ``CMC_PLUGIN_MODULES``), their
settings tables (``[plugins.NAME]``) and the commands plugins add, through the command line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cmc_core.cli import cli

RULE_MODULE = textwrap.dedent(
    '''
    import attrs
    import click

    from cmc_core import hookimpl
    from cmc_core.diagnostics import Finding, Severity
    from cmc_core.rules import Rule


    @attrs.frozen
    class Limits:
        most_parties: int = 100
        label: str = "parties"


    def check(canvas, context):
        limits = context.plugin_config(Limits)
        if len(canvas.parties) > limits.most_parties:
            yield Finding(f"more than {limits.most_parties} {limits.label}", path="parties")


    @hookimpl
    def cmc_register_rules(register):
        rule = Rule("OUR001", "few-parties", Severity.WARNING, "Few parties", "Why.", "us", check)
        register(rule)


    @hookimpl
    def cmc_register_settings(register):
        register(Limits)


    @click.command("limits")
    def limits_command():
        """Print the configured limit."""
        from cmc_core.cli import hosting

        click.echo(f"most parties: {hosting.plugin_config(Limits).most_parties}")


    @hookimpl
    def cmc_register_commands(register):
        register(limits_command)
    '''
)


def cmc(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder, the working directory, with a rule module in ``tools/``."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CMC_LOAD_PLUGINS", "")  # no installed third-party plugin
    monkeypatch.delenv("CMC_PLUGIN_MODULES", raising=False)
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "our_rules.py").write_text(RULE_MODULE, encoding="utf-8")
    return tmp_path


def test_a_local_rule_module_named_in_cmc_toml_is_reported_by_check(project: Path) -> None:
    (project / "cmc.toml").write_text(
        'plugin-modules = ["tools/our_rules.py"]\n\n[plugins.our_rules]\nmost_parties = 2\n',
        encoding="utf-8",
    )
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert "OUR001 warning more than 2 parties [parties]" in result.output
    assert result.exit_code == 0  # a warning


def test_without_its_table_a_local_rule_uses_its_defaults(project: Path) -> None:
    (project / "cmc.toml").write_text('plugin-modules = ["tools/our_rules.py"]\n', "utf-8")
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert "OUR001" not in result.output
    assert result.exit_code == 0


def test_pyproject_holds_the_same_keys_under_tool_cmc(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.cmc]\nplugin-modules = ["tools/our_rules.py"]\n\n'
        '[tool.cmc.plugins.our-rules]\nmost-parties = 1\nlabel = "partijen"\n',
        encoding="utf-8",
    )
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert "more than 1 partijen" in result.output


def test_cmc_plugins_lists_a_local_module_with_its_path(project: Path) -> None:
    (project / "cmc.toml").write_text('plugin-modules = ["tools/our_rules.py"]\n', "utf-8")
    text = cmc("plugins").output
    assert "our_rules  [file tools/our_rules.py]" in text
    assert "rules: OUR001; commands: limits; settings: [plugins.our_rules]" in text
    listed = json.loads(cmc("plugins", "--format", "json").output)["plugins"]
    ours = next(plugin for plugin in listed if plugin["name"] == "our_rules")
    assert ours["path"] == "tools/our_rules.py"
    assert ours["distribution"] is None


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_module_can_be_named_on_the_command_line_or_in_the_environment(
    project: Path, how: str
) -> None:
    if how == "option":
        result = cmc("--plugin-module", "tools/our_rules.py", "rules")
    else:
        result = cmc("rules", env={"CMC_PLUGIN_MODULES": "tools/our_rules.py"})
    assert "OUR001" in result.output


def test_a_plugin_command_reads_its_setting_from_cmc_toml(project: Path) -> None:
    (project / "cmc.toml").write_text(
        'plugin-modules = ["tools/our_rules.py"]\n[plugins.our_rules]\nmost_parties = 7\n', "utf-8"
    )
    assert "limits" in cmc("--help").output
    result = cmc("limits")
    assert (result.exit_code, result.output) == (0, "most parties: 7\n")


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "[plugins.our_rules]\nmost_partys = 2\n",
            "cmc.toml:4: plugins.our_rules.most_partys: unknown key; did you mean 'most_parties'?",
        ),
        (
            "[plugins.our_rules]\nmost_parties = 'two'\n",
            "cmc.toml:4: plugins.our_rules.most_parties: expected a whole number, got 'two'",
        ),
        (
            "[plugins.our_rules]\nmost_parties = true\n",
            "cmc.toml:4: plugins.our_rules.most_parties: expected a whole number, got true",
        ),
        (
            "[plugins.our_rulez]\nmost_parties = 2\n",
            "cmc.toml:3: plugins.our_rulez: no plugin named 'our_rulez' is installed; "
            "did you mean 'our_rules'?",
        ),
        (
            "[plugins.nothing-like-it]\nx = 1\n",
            "cmc.toml:3: plugins.nothing-like-it: no plugin named 'nothing-like-it' is installed",
        ),
        (
            "[plugins.exporters]\nx = 1\n",
            "cmc.toml:3: plugins.exporters: plugin 'exporters' (entry point in",
        ),
        (
            "[plugins.rules]\nmin_suppliers = 0\n",
            "cmc.toml:4: plugins.rules.min_suppliers: expected a whole number of at least 1, got 0",
        ),
    ],
)
def test_a_mistake_in_a_plugin_table_names_file_line_and_key(
    project: Path, table: str, expected: str
) -> None:
    (project / "cmc.toml").write_text(
        f'plugin-modules = ["tools/our_rules.py"]\n\n{table}', encoding="utf-8"
    )
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_the_table_of_a_plugin_left_out_is_not_used_and_said_so(project: Path) -> None:
    (project / "cmc.toml").write_text("[plugins.our_rules]\nmost_parties = 1\n", "utf-8")
    result = cmc(
        "--plugin-module",
        "tools/our_rules.py",
        "--block-plugins",
        "our_rules",
        "check",
        "--example",
        "port-logistics",
        "--lang",
        "en",
    )
    assert result.exit_code == 0
    assert "OUR001" not in result.stdout
    assert "cmc.toml:1: the settings of plugin 'our_rules'" in result.stderr
    assert "are not used: the plugin is left out" in result.stderr


def test_the_built_in_thresholds_are_a_plugin_table_too(project: Path) -> None:
    (project / "cmc.toml").write_text("[plugins.rules]\nmin_suppliers = 50\n", "utf-8")
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert "CMC001" in result.output
    # Said in two places is refused even when the top level says the default.
    (project / "cmc.toml").write_text(
        "min_suppliers = 2\n[plugins.rules]\nmin_suppliers = 50\n", "utf-8"
    )
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 2
    assert (
        "cmc.toml:1: min_suppliers: the thresholds are set both here and in [plugins.rules]; "
        "set them in one place"
    ) in result.stderr


def test_a_missing_module_in_the_configuration_is_an_error_naming_the_line(
    project: Path,
) -> None:
    (project / "cmc.toml").write_text('\nplugin-modules = ["tools/gone.py"]\n', "utf-8")
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 2
    assert "cmc.toml:2: plugin-modules: the plugin module 'tools/gone.py' does not exist" in (
        result.stderr
    )


def test_a_local_module_that_fails_is_named_and_left_out(project: Path) -> None:
    (project / "tools" / "broken.py").write_text("raise RuntimeError('no database')\n", "utf-8")
    result = cmc("--plugin-module", "tools/broken.py", "check", "--example", "port-logistics")
    assert result.exit_code == 0
    assert "'broken' (local module tools/broken.py) failed to load: RuntimeError: no database" in (
        result.stderr
    )
    strict = cmc(
        "--strict-plugins",
        "--plugin-module",
        "tools/broken.py",
        "check",
        "--example",
        "port-logistics",
    )
    assert strict.exit_code == 2


def test_a_local_rule_may_not_take_the_built_in_prefix(project: Path) -> None:
    module = RULE_MODULE.replace('"OUR001"', '"CMC901"')
    (project / "tools" / "our_rules.py").write_text(module, encoding="utf-8")
    result = cmc("--plugin-module", "tools/our_rules.py", "rules")
    assert "CMC901" not in result.stdout
    assert "prefix is reserved for the built-in rules" in result.stderr


def test_a_package_folder_loads_as_a_local_plugin(project: Path) -> None:
    package = project / "tools" / "ourpkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .impl import *\n", encoding="utf-8")
    (package / "impl.py").write_text(RULE_MODULE, encoding="utf-8")
    result = cmc("--plugin-module", "tools/ourpkg", "rules")
    assert "OUR001" in result.output


def test_a_local_module_named_like_a_loaded_plugin_is_refused(project: Path) -> None:
    (project / "tools" / "rules.py").write_text(RULE_MODULE, encoding="utf-8")
    (project / "cmc.toml").write_text(
        'plugin-modules = ["tools/rules.py"]\n[plugins.rules]\nmin_suppliers = 4\n', "utf-8"
    )
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 0  # the built-in thresholds still apply; the module is left out
    assert "the name 'rules' is taken by plugin 'rules' (entry point in community-model-canvas" in (
        result.stderr
    )
    assert "OUR001" not in result.stdout


def test_no_plugins_leaves_local_modules_out_and_their_tables_unused(project: Path) -> None:
    (project / "cmc.toml").write_text(
        'plugin-modules = ["tools/our_rules.py"]\n[plugins.our_rules]\nmost_parties = 1\n', "utf-8"
    )
    result = cmc("--no-plugins", "check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 0
    assert "OUR001" not in result.stdout
    assert "the plugin is left out (--no-plugins, --plugins or --block-plugins)" in result.stderr


def test_an_unknown_top_level_key_names_its_line_and_the_key_meant(project: Path) -> None:
    (project / "cmc.toml").write_text('select = []\nplugin-module = ["x.py"]\n', "utf-8")
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 2
    assert "cmc.toml:2: plugin-module: unknown key; did you mean 'plugin_modules'?" in result.stderr


def test_a_configured_path_that_is_no_module_is_an_error(project: Path) -> None:
    (project / "notes.txt").write_text("hello\n", encoding="utf-8")
    (project / "cmc.toml").write_text('plugin-modules = ["notes.txt"]\n', "utf-8")
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 2
    assert "cmc.toml:1: plugin-modules: 'notes.txt' is no plugin module" in result.stderr
