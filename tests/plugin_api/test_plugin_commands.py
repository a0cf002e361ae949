"""Commands that plugins add to ``cmc`` (``cmc_register_commands``): listed, run, contained."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cmc_core.cli import cli

HEADER = textwrap.dedent(
    """
    import click
    from cmc_core import hookimpl
    """
)


def command_plugin(body: str) -> str:
    return HEADER + textwrap.dedent(body)


GREETER = command_plugin(
    '''
    @click.group("greet")
    def greet():
        """Greet people."""

    @greet.command("hello")
    @click.argument("name")
    def hello(name):
        """Say hello."""
        print(f"hello {name}")   # a command's own output goes to stdout

    @greet.command("fail")
    def fail():
        """Fail."""
        raise ValueError("the greeting book is gone")

    @hookimpl
    def cmc_register_commands(register):
        register(greet)
    '''
)


def cmc(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def plugin_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CMC_LOAD_PLUGINS", "")
    for name in ("CMC_PLUGIN_MODULES", "CMC_STRICT_PLUGINS", "CMC_NO_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "greeter.py"
    path.write_text(GREETER, encoding="utf-8")
    return path


def test_a_plugin_command_is_listed_and_runs_with_its_output_on_stdout(plugin_file: Path) -> None:
    listed = cmc("--plugin-module", "greeter.py", "--help")
    assert "greet" in listed.output
    assert "Greet people." in listed.output
    result = cmc("--plugin-module", "greeter.py", "greet", "hello", "Ada")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "hello Ada\n", "")


def test_a_failing_command_is_one_line_naming_the_plugin_and_exit_2(plugin_file: Path) -> None:
    result = cmc("--plugin-module", "greeter.py", "greet", "fail")
    assert result.exit_code == 2
    assert "command 'greet' of plugin 'greeter' (local module greeter.py) failed: " in (
        result.stderr
    )
    assert "ValueError: the greeting book is gone" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_usage_error_of_a_plugin_command_stays_clicks(plugin_file: Path) -> None:
    result = cmc("--plugin-module", "greeter.py", "greet", "hello")
    assert result.exit_code == 2
    assert "Missing argument 'NAME'" in result.stderr
    assert "plugin" not in result.stderr


def test_no_plugins_leaves_the_command_out(plugin_file: Path) -> None:
    assert "greet" not in cmc("--no-plugins", "--plugin-module", "greeter.py", "--help").output
    result = cmc("--no-plugins", "--plugin-module", "greeter.py", "greet", "hello", "Ada")
    assert result.exit_code == 2
    assert "No such command 'greet'" in result.stderr


@pytest.mark.parametrize(
    "body",
    [
        "raise RuntimeError('broken at import')\n",
        "@hookimpl\ndef cmc_register_commands(register):\n    raise KeyError('oops')\n",
        "@hookimpl\ndef cmc_register_commands(register):\n    register('not a command')\n",
    ],
    ids=["import", "hook raises", "not a command"],
)
def test_a_broken_command_plugin_never_breaks_help_or_the_built_ins(
    plugin_file: Path, body: str
) -> None:
    plugin_file.write_text(HEADER + body, encoding="utf-8")
    listed = cmc("--plugin-module", "greeter.py", "--help")
    assert listed.exit_code == 0
    assert "check" in listed.output
    assert "greeter" in listed.stderr  # named in a warning
    checked = cmc("--plugin-module", "greeter.py", "check", "--example", "port-logistics")
    assert checked.exit_code == 0
    strict = cmc("--strict-plugins", "--plugin-module", "greeter.py", "--help")
    assert strict.exit_code == 0
    assert "check" in strict.output


def test_a_plugin_cannot_replace_a_built_in_command(plugin_file: Path) -> None:
    plugin_file.write_text(
        command_plugin(
            """
            @click.command("check")
            def check():
                click.echo("not the real check")

            @hookimpl
            def cmc_register_commands(register):
                register(check)
            """
        ),
        encoding="utf-8",
    )
    result = cmc("--plugin-module", "greeter.py", "--help")
    assert "registered a command 'check', which is built in" in result.stderr
    checked = cmc("--plugin-module", "greeter.py", "check", "--example", "port-logistics")
    assert "not the real check" not in checked.output
    assert checked.exit_code == 0


@pytest.mark.parametrize(
    ("raised", "status", "message"),
    [
        ("raise click.ClickException('no room booked')", 2, "Error: no room booked"),
        ("raise SystemExit(5)", 2, "command 'ending' of plugin 'greeter'"),
        ("click.get_current_context().exit(5)", 2, "command 'ending' of plugin 'greeter'"),
        ("click.get_current_context().exit(1)", 1, ""),
    ],
)
def test_a_plugin_command_ends_with_cmc_s_exit_statuses_only(
    plugin_file: Path, raised: str, status: int, message: str
) -> None:
    plugin_file.write_text(
        command_plugin(
            f"""
            @click.command("ending")
            def ending():
                {raised}

            @hookimpl
            def cmc_register_commands(register):
                register(ending)
            """
        ),
        encoding="utf-8",
    )
    result = cmc("--plugin-module", "greeter.py", "ending")
    assert result.exit_code == status
    assert message in result.stderr
    assert "Traceback" not in result.stderr
