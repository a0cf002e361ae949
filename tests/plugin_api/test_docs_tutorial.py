"""The plugin tutorial in docs/plugins.md works as written.

The page shows the files of docs/examples/cmc-plaintext/ (blocks kept in step with them by
tools/docs_sources.py), so this installs the plugin from those files, and checks that the page
still shows them.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmc_core.cli import cli

from .conftest import MakeDist

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLE = DOCS / "examples" / "cmc-plaintext"
MODULE = EXAMPLE / "src" / "cmc_plaintext" / "__init__.py"


def tutorial_includes() -> list[str]:
    """The files the tutorial section of docs/plugins.md includes, relative to docs/."""
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    section = text[text.index("## Writing a plugin") : text.index("## Hook reference")]
    return re.findall(r"^<!-- from: (\S+)", section, re.MULTILINE)


def test_the_tutorial_includes_the_example_plugin_files() -> None:
    assert tutorial_includes() == [
        "examples/cmc-plaintext/pyproject.toml",
        "examples/cmc-plaintext/src/cmc_plaintext/__init__.py",
        "examples/cmc-plaintext/tests/test_plaintext_export.py",
    ]


@pytest.fixture
def tutorial_plugin(make_dist: MakeDist) -> str:
    """Install the tutorial's plugin from its files; return its distribution name."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entry_points = project["entry-points"]["cmc"]
    (target,) = set(entry_points.values())
    module = MODULE.read_text(encoding="utf-8")
    make_dist(project["name"], {target: module}, entry_points, project["version"])
    return str(project["name"])


def test_the_tutorial_plugin_is_listed_by_cmc_plugins(tutorial_plugin: str) -> None:
    result = CliRunner().invoke(cli, ["plugins"], catch_exceptions=False)
    assert f"plaintext  [{tutorial_plugin} 0.1.0]\n    exporters: plaintext\n" in result.stdout


def test_the_tutorial_exporter_runs_from_cmc_export_in_both_languages(
    tutorial_plugin: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    english = runner.invoke(
        cli, ["export", "--example", "regional-healthcare", "--to", "plaintext"]
    )
    assert english.exit_code == 0, english.stderr
    assert "Parties:\n- " in english.stdout
    out = tmp_path / "canvas.txt"
    arguments = ["--example", "regional-healthcare", "--to", "plaintext", "--lang", "nl"]
    dutch = runner.invoke(cli, ["export", *arguments, "-o", str(out)])
    assert dutch.exit_code == 0, dutch.stderr
    assert "Partijen:\n- " in out.read_text(encoding="utf-8")
