"""``cmc --quiet``, ``cmc --verbose``, shell completion with the lazily loaded commands, and the
aligned ``cmc export --list``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from tests.cli.conftest import Invoke

from cmc_core.cli import cli
from cmc_core.cli._support import aligned, detail, display_width, note


@pytest.fixture
def talking() -> Iterator[None]:
    """A command ``talk`` on the real group that says one note and one detail on stderr."""

    @click.command("talk")
    def talk() -> None:
        click.echo("result")
        note("a note")
        detail("a detail")

    cli.commands["talk"] = talk
    try:
        yield
    finally:
        del cli.commands["talk"]


@pytest.mark.usefixtures("talking")
@pytest.mark.parametrize(
    ("options", "stderr"),
    [
        ((), "a note\n"),
        (("--quiet",), ""),
        (("-q",), ""),
        (("--verbose",), "a note\na detail\n"),
        (("-v",), "a note\na detail\n"),
    ],
)
def test_quiet_drops_notes_and_verbose_adds_details(
    invoke: Invoke, options: tuple[str, ...], stderr: str
) -> None:
    result = invoke(*options, "talk")
    assert result.exit_code == 0
    assert result.stdout == "result\n"
    assert result.stderr == stderr


def test_quiet_and_verbose_together_are_a_usage_error(invoke: Invoke) -> None:
    result = invoke("--quiet", "--verbose", "export", "--list")
    assert result.exit_code == 2
    assert "--quiet and --verbose cannot be used together." in result.stderr


def test_verbose_export_names_the_configuration_the_plugins_the_language_and_the_file(
    invoke: Invoke, tmp_path: Path
) -> None:
    (tmp_path / "cmc.toml").write_text('ignore = ["CMC021"]\n', encoding="utf-8")
    args = ("export", "--example", "regional-healthcare", "--to", "markdown", "-o", "out.md")
    result = invoke("--verbose", *args)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert any(line.startswith("Plugins loaded: ") and "exporters" in line for line in lines)
    assert f"Configuration: {tmp_path / 'cmc.toml'}." in lines
    assert "Exporter: markdown (Canvas report in Markdown for wikis); language: en." in lines
    assert lines[-1] == "Wrote out.md."
    quiet = invoke("--quiet", *args)
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    assert invoke(*args).stderr == ""  # an export that worked says nothing by default


# -- shell completion --------------------------------------------------------------------------


def complete(words: str, shell: str = "bash") -> Result:
    """What click's completion answers for the command line ``words`` (cursor at its end)."""
    env = {
        "_CMC_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    return CliRunner().invoke(cli, [], env=env, prog_name="cmc", catch_exceptions=False)


def test_completing_a_command_name_offers_the_lazily_loaded_commands() -> None:
    assert complete("cmc ch").stdout.splitlines() == ["plain,check"]
    assert set(complete("cmc ex").stdout.splitlines()) == {"plain,examples", "plain,export"}


def test_completing_options_and_their_values() -> None:
    assert complete("cmc export --li").stdout.splitlines() == ["plain,--list"]
    assert complete("cmc --qu").stdout.splitlines() == ["plain,--quiet"]
    assert "plain,html" in complete("cmc export --to ht").stdout.splitlines()
    assert complete("cmc export --example port").stdout.splitlines() == ["plain,port-logistics"]
    assert complete("cmc diff --format ma").stdout.splitlines() == ["plain,markdown"]


def test_zsh_and_fish_complete_too() -> None:
    zsh = complete("cmc ch", "zsh").stdout.splitlines()
    assert zsh[:2] == ["plain", "check"]
    # fish passes the word being completed itself, not its position
    env = {"_CMC_COMPLETE": "fish_complete", "COMP_WORDS": "cmc ch", "COMP_CWORD": "ch"}
    fish = CliRunner().invoke(cli, [], env=env, prog_name="cmc").stdout.splitlines()
    assert fish[0].startswith("plain,check\t")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_installed_command_prints_its_completion_script(shell: str) -> None:
    script = Path(sys.executable).with_name("cmc")
    completed = subprocess.run(
        [str(script)],
        env={"_CMC_COMPLETE": f"{shell}_source", "PATH": str(script.parent)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "_CMC_COMPLETE" in completed.stdout
    assert f"{shell}_complete" in completed.stdout


# -- cmc export --list -------------------------------------------------------------------------


def test_aligned_columns_count_wide_characters_twice_and_end_without_spaces() -> None:
    table = aligned([["a", "日本語", "x"], ["bbb", "ab", "y"]])
    assert table.splitlines() == ["a    日本語  x", "bbb  ab      y"]
    assert display_width("日本語") == 6
    assert display_width("e\u0301") == 1


def test_export_list_is_a_table_whose_columns_line_up(invoke: Invoke) -> None:
    result = invoke("export", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "SUFFIX", "TITLE", "PLUGIN", "MEDIA", "TYPE"]
    for heading in ("SUFFIX", "TITLE", "PLUGIN", "MEDIA TYPE"):
        column = lines[0].index(heading)
        for line in lines[1:]:
            assert line[column - 2 : column] == "  ", (heading, line)
            assert line[column] != " ", (heading, line)
    assert not any(line.endswith(" ") for line in lines)
    assert any(line.startswith("html ") and "[community-model-canvas]" in line for line in lines)


def test_export_list_speaks_dutch_with_cmc_lang_nl(invoke: Invoke) -> None:
    result = invoke("export", "--list", env={"CMC_LANG": "nl"})
    heading = ["NAAM", "EXTENSIE", "TITEL", "PLUGIN", "MEDIATYPE"]
    assert result.stdout.splitlines()[0].split() == heading
