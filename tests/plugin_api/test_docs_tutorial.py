"""The plugin tutorial in docs/plugins.md works as written: its code is taken from the page."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmc_core.cli import cli

from .conftest import MakeDist

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def tutorial_blocks(language: str) -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## Writing a plugin") : text.index("## Hook reference")]
    return re.findall(rf"```{language}\n(.*?)```", section, flags=re.DOTALL)


@pytest.fixture
def tutorial_plugin(make_dist: MakeDist) -> str:
    """Install the tutorial's plugin from the code on the page; return its distribution name."""
    (pyproject,) = tutorial_blocks("toml")
    project = tomllib.loads(pyproject)["project"]
    entry_points = project["entry-points"]["cmc"]
    module = tutorial_blocks("python")[0]
    (target,) = set(entry_points.values())
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
