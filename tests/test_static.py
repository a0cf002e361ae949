"""The type checker and the linter are part of the test suite, so CI enforces them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs mypy and ruff in other processes

ROOT = Path(__file__).resolve().parents[1]
#: The example plugins, each its own distribution with its own configuration.
PLUGINS = sorted(path.parent for path in (ROOT / "plugins").glob("*/pyproject.toml"))


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_mypy_strict_passes_on_src() -> None:
    result = run("mypy", "--strict", "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_passes_on_src_and_tests() -> None:
    result = run("ruff", "check", "src", "tests", "benchmarks", "tools", "conftest.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_plugins_pass_mypy_strict_and_ruff() -> None:
    assert [plugin.name for plugin in PLUGINS] == ["cmc-digital-waste", "cmc-pptx", "cmc-workshop"]
    for plugin in PLUGINS:
        typed = run("mypy", "--strict", "src", cwd=plugin)
        assert typed.returncode == 0, plugin.name + typed.stdout + typed.stderr
        linted = run("ruff", "check", "src", "tests", cwd=plugin)
        assert linted.returncode == 0, plugin.name + linted.stdout + linted.stderr
