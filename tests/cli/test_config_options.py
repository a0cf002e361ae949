"""``cmc check`` and configuration files: discovery, ``--config``, ``--no-config`` and how the
command line's choices combine with the file's."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]
FLAWED = ("--example", "single-owner-platform")


def findings(text: str) -> dict[str, set[str]]:
    """Code -> the severities it was reported at."""
    found: dict[str, set[str]] = {}
    for code, severity in re.findall(r" (CMC\d{3}) (error|warning|info) ", text):
        found.setdefault(code, set()).add(severity)
    return found


def test_a_cmc_toml_in_the_working_directory_is_used(invoke: Invoke, write: Write) -> None:
    write("cmc.toml", 'ignore = ["CMC001"]\n')
    assert "CMC001" not in findings(invoke("check", *FLAWED).stdout)
    assert "CMC001" in findings(invoke("check", *FLAWED, "--no-config").stdout)


def test_tool_cmc_in_a_parent_pyproject_is_found_from_a_subdirectory(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write("pyproject.toml", '[project]\nname = "x"\n\n[tool.cmc]\nseverity = { CMC001 = "info" }\n')
    (tmp_path / "deeper" / "still").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deeper" / "still")
    assert findings(invoke("check", *FLAWED).stdout)["CMC001"] == {"info"}


def test_an_explicit_config_file_is_used_instead_of_discovery(invoke: Invoke, write: Write) -> None:
    write("cmc.toml", 'ignore = ["CMC001"]\n')
    write("strict.toml", 'select = ["CMC001"]\n')
    result = invoke("check", *FLAWED, "--config", "strict.toml")
    assert set(findings(result.stdout)) == {"CMC001"}


def test_thresholds_from_the_config_change_the_verdict(invoke: Invoke, write: Write) -> None:
    write("cmc.toml", 'select = ["CMC001"]\nmin_suppliers = 1\nmin_demanders = 1\n')
    result = invoke("check", *FLAWED)
    assert "CMC001" not in findings(result.stdout)
    assert result.exit_code == 0


def test_command_line_ignore_adds_to_the_config_and_select_replaces_it(
    invoke: Invoke, write: Write
) -> None:
    write("cmc.toml", 'select = ["CMC001", "CMC003"]\nignore = ["CMC003"]\n')
    assert set(findings(invoke("check", *FLAWED).stdout)) == {"CMC001"}
    assert set(findings(invoke("check", *FLAWED, "--ignore", "CMC001").stdout)) == set()
    replaced = findings(invoke("check", *FLAWED, "--select", "CMC004").stdout)
    assert set(replaced) == {"CMC004"}


def test_command_line_severity_overrides_the_config_for_the_same_code(
    invoke: Invoke, write: Write
) -> None:
    write(
        "cmc.toml",
        'select = ["CMC001", "CMC016"]\nseverity = { CMC001 = "info", CMC016 = "error" }\n',
    )
    result = invoke("check", *FLAWED, "--severity", "CMC001=warning")
    assert findings(result.stdout) == {"CMC001": {"warning"}, "CMC016": {"error"}}
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ('selct = ["CMC001"]\n', "selct: unknown key; did you mean 'select'?"),
        ('severity = { CMC001 = "fatal" }\n', "severity.CMC001: expected one of error, warning"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_a_broken_config_file_is_exit_2_naming_the_file_and_key(
    invoke: Invoke, write: Write, content: str, complaint: str
) -> None:
    write("cmc.toml", content)
    result = invoke("check", *FLAWED)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert "cmc.toml" in result.stderr
    assert complaint in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


def test_a_broken_config_is_not_read_with_no_config(invoke: Invoke, write: Write) -> None:
    write("cmc.toml", 'selct = ["CMC001"]\n')
    assert invoke("check", *FLAWED, "--no-config").exit_code == 1


def test_a_missing_config_file_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("check", *FLAWED, "--config", "nowhere.toml")
    assert result.exit_code == 2
    assert "nowhere.toml" in result.stderr


def test_config_and_no_config_together_are_a_usage_error(invoke: Invoke, write: Write) -> None:
    write("cmc.toml", "")
    result = invoke("check", *FLAWED, "--config", "cmc.toml", "--no-config")
    assert result.exit_code == 2
    assert "cannot be used together" in result.stderr


@pytest.mark.parametrize(
    ("content", "key", "code"),
    [
        ('select = ["XYZ999"]\n', "select", "XYZ999"),  # would turn every rule off
        ('ignore = ["CMC0211"]\n', "ignore", "CMC0211"),
    ],
)
@pytest.mark.parametrize("command", ["check", "score"])
def test_a_code_in_the_config_file_that_names_no_rule_is_refused(  # noqa: PLR0917 - fixtures
    invoke: Invoke, write: Write, content: str, key: str, code: str, command: str
) -> None:
    write("pyproject.toml", "[tool.cmc]\n" + content)
    result = invoke(command, *FLAWED)
    assert result.exit_code == 2
    assert f"pyproject.toml: {key}: {code!r} names no rule." in result.stderr
    assert_no_traceback(result)
