"""The plugin template, ``templates/cmc-plugin``: what copier makes from it works as a plugin.

The one slow test makes a plugin from the template, installs it (no network: built from its
folder into a folder of its own) and runs ``cmc`` with it in another process, as a user would:
its command shows the setting the project's ``cmc.toml`` chose, ``cmc plugins`` lists it,
``cmc check`` reports its rule when the setting says so, and the plugin's own tests (cmc's
contract tests among them), ruff and mypy pass. The fast tests check the template's questions
and its compiled catalog.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import copier
import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from cmc_core.cli import cli
from cmc_core.examples import example_text
from cmc_core.fileformat import loads

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "templates" / "cmc-plugin"
ANSWERS = {
    "plugin_name": "cmc-our-rules",
    "prefix": "OUR",
    "author": 'Ada "the first" Lovelace',  # quotes must survive into pyproject.toml
    "description": "Rules of our own, made by cmc's test of its plugin template.",
}
#: The entry-point name: the command, the settings table, the name CMC_LOAD_PLUGINS takes.
SHORT_NAME = "our-rules"


def make_plugin(target: Path, **answers: str) -> Path:
    """The project copier makes from the template (the working tree's, committed or not)."""
    copier.run_copy(
        str(TEMPLATE),
        str(target),
        data={**ANSWERS, **answers},
        defaults=True,
        unsafe=False,
        quiet=True,
    )
    return target


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def plugin_environment(site: Path) -> dict[str, str]:
    """This environment with the plugin's folder on the path and only the plugin loaded."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CMC_")}
    env.update(
        PYTHONPATH=str(site),
        CMC_LOAD_PLUGINS=SHORT_NAME,  # not the other plugins installed next to cmc
        CMC_STRICT_PLUGINS="1",  # a problem loading the plugin fails the run
        CMC_LANG="en",
    )
    return env


def assert_ok(result: subprocess.CompletedProcess[str], returncode: int = 0) -> None:
    assert result.returncode == returncode, result.stdout + result.stderr


@pytest.mark.slow
def test_a_plugin_made_from_the_template_adds_a_command_reads_a_setting_and_passes_its_tests(
    tmp_path: Path,
) -> None:
    project = make_plugin(tmp_path / "cmc-our-rules")
    site = tmp_path / "site"
    installed = run(
        ["-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(site), str(project)],
        cwd=tmp_path,
        env=dict(os.environ),
    )  # fmt: skip
    assert_ok(installed)
    work = tmp_path / "work"
    work.mkdir()
    config = work / "cmc.toml"
    config.write_text(f"[plugins.{SHORT_NAME}]\nmost_parties = 5\n", encoding="utf-8")
    env = plugin_environment(site)
    port = loads(example_text("port-logistics"), "yaml").canvas
    (work / "port.cmc.yaml").write_text(example_text("port-logistics"), encoding="utf-8")
    parties = len(port.parties)
    assert parties > 5
    line = example_text("port-logistics").splitlines().index("parties:") + 1

    # The command: the setting from cmc.toml, then the rule's finding with its file and line.
    command = run(["-m", "cmc_core.cli", SHORT_NAME, "port.cmc.yaml", "--lang", "en"], work, env)
    assert_ok(command)
    assert command.stdout.splitlines() == [
        "This project allows at most 5 parties.",
        f"port.cmc.yaml:{line}:1: OUR001 warning "
        f"The canvas names {parties} parties; this project allows at most 5. [parties]",
        "1 finding.",
    ]
    # ... in Dutch from the catalog the wheel ships.
    dutch = run(["-m", "cmc_core.cli", SHORT_NAME, "port.cmc.yaml", "--lang", "nl"], work, env)
    assert_ok(dutch)
    assert dutch.stdout.splitlines()[0] == "Dit project staat hoogstens 5 partijen toe."

    # cmc plugins lists it with what it adds.
    plugins = run(["-m", "cmc_core.cli", "plugins"], work, env)
    assert_ok(plugins)
    assert f"{SHORT_NAME}  [cmc-our-rules 0.1.0]" in plugins.stdout
    assert f"rules: OUR001; commands: {SHORT_NAME}; settings: [plugins.{SHORT_NAME}]" in (
        plugins.stdout
    )

    # cmc check runs the rule with cmc's own: reported under the setting, not above it.
    check = ["-m", "cmc_core.cli", "check", "--example", "port-logistics", "--lang", "en"]
    reported = run(check, work, env)
    assert_ok(reported)  # a warning: the example still passes
    assert f"OUR001 warning The canvas names {parties} parties" in reported.stdout
    config.write_text(f"[plugins.{SHORT_NAME}]\nmost_parties = {parties}\n", encoding="utf-8")
    quiet = run(check, work, env)
    assert_ok(quiet)
    assert "OUR001" not in quiet.stdout
    # A setting the plugin's class refuses: one line with the file, exit status 2.
    config.write_text(f"[plugins.{SHORT_NAME}]\nmost_parties = 0\n", encoding="utf-8")
    refused = run(["-m", "cmc_core.cli", SHORT_NAME, "port.cmc.yaml"], work, env)
    assert_ok(refused, 2)
    assert f"cmc.toml:1: plugins.{SHORT_NAME}:" in refused.stderr
    assert "most_parties" in refused.stderr
    assert "Traceback" not in refused.stderr

    # The plugin's own tests: cmc's contract tests for the rule, the rule's and the command's.
    tests = run(
        ["-m", "pytest", "-v", "-p", "no:cacheprovider", "-n", "0", str(project / "tests")],
        tmp_path,
        env,
    )
    assert_ok(tests)
    assert len(re.findall(r"::TestRuleContract::\S+ PASSED", tests.stdout)) >= 5, tests.stdout
    assert re.search(r"\b\d+ passed\b", tests.stdout), tests.stdout
    assert "skipped" not in tests.stdout

    # Clean as made: ruff (its own configuration) and mypy --strict.
    assert_ok(run(["-m", "ruff", "check", "--no-cache", "."], project, env))
    assert_ok(run(["-m", "ruff", "format", "--check", "--no-cache", "."], project, env))
    assert_ok(run(["-m", "mypy", "--cache-dir", str(tmp_path / "mypy")], project, env))


@pytest.mark.parametrize(
    ("answers", "question"),
    [
        ({"prefix": "CMC"}, "prefix"),
        ({"prefix": "OURS1"}, "prefix"),
        ({"prefix": "ours"}, "prefix"),
        ({"plugin_name": "our-rules"}, "plugin_name"),
        ({"plugin_name": "cmc-Our_Rules"}, "plugin_name"),
        ({"plugin_name": "cmc-check"}, "plugin_name"),
        ({"description": 'the "best" rules'}, "description"),
    ],
)
def test_the_template_refuses_answers_that_would_make_a_broken_plugin(
    tmp_path: Path, answers: dict[str, str], question: str
) -> None:
    with pytest.raises(ValueError, match=f"Validation error for question '{question}'"):
        make_plugin(tmp_path / "plugin", **answers)
    assert not (tmp_path / "plugin").exists()


def test_the_reserved_names_of_the_template_cover_cmc_s_commands() -> None:
    questions = yaml.safe_load((TEMPLATE / "copier.yml").read_text(encoding="utf-8"))
    listed = re.search(r"in \[([^\]]*)\]", questions["plugin_name"]["validator"])
    assert listed is not None
    reserved = set(re.findall(r"'([a-z-]+)'", listed.group(1)))
    assert set(cli.commands) <= reserved
    assert {"rules", "scorers", "exporters", "questionnaires"} <= reserved  # built-in plugins


def test_the_template_s_compiled_catalog_matches_its_po() -> None:
    catalogs = TEMPLATE / "template" / "src" / "{{ module_name }}" / "locale" / "nl"
    folder = catalogs / "LC_MESSAGES"
    with (folder / "{{ module_name }}.po").open("rb") as stream:
        po = read_po(stream, locale="nl")
    with (folder / "{{ module_name }}.mo").open("rb") as stream:
        mo = read_mo(stream)
    texts = texts_of(po)
    assert texts
    assert texts_of(mo) == texts
    assert all(all(translation) for translation in texts.values())  # every text translated


def texts_of(catalog: Catalog) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each text of a catalog (a plural's as a pair) and its translations, compared as tuples."""
    return {as_tuple(message.id): as_tuple(message.string) for message in catalog if message.id}


def as_tuple(text: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return (text,) if isinstance(text, str) else tuple(text)
