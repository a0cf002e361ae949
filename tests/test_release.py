"""The release says one version everywhere, and the release check catches what it claims to.

The version lives in ``src/cmc_core/_version.py`` only: the build reads it from there, ``cmc
--version`` prints it, the changelog's top entry names it, and no ``versionadded`` note may
promise a version that has not come yet. ``tools/release_check.py`` (run by ``.ci/run``) builds
and installs the real wheel; here its checks are tried on wheels made to be wrong, and the
README's first command, which it runs from the wheel, is run from the checkout.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from cmc_core import __version__
from cmc_core.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTION = "community-model-canvas"
#: Sphinx's notes (``.. versionadded:: 0.2`` in docstrings, ``{versionadded} 0.2`` in MyST) and
#: the words Sphinx renders them as.
VERSION_NOTE = re.compile(
    r"(?:versionadded|versionchanged|deprecated)(?:::|\})\s*(\d+(?:\.\d+)*)"
    r"|(?:Added|Changed|Deprecated) in version (\d+(?:\.\d+)*)"
)


def release_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("release_check", ROOT / "tools/release_check.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["release_check"] = module
    spec.loader.exec_module(module)
    return module


def as_tuple(version: str) -> tuple[int, ...]:
    """``0.2`` -> ``(0, 2, 0)``: a note naming a minor version means its first release."""
    numbers = tuple(int(part) for part in version.split("."))
    return numbers + (0,) * (3 - len(numbers))


def version_notes() -> list[tuple[str, str]]:
    """Every version note in the code and the docs, as (where, version)."""
    sources = [
        *(ROOT / "src").rglob("*.py"),
        *(ROOT / "plugins").glob("*/src/**/*.py"),
        *(path for path in (ROOT / "docs").rglob("*.md") if "_build" not in path.parts),
        *(ROOT / "docs").rglob("*.py"),
    ]
    notes = []
    for path in sources:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in VERSION_NOTE.finditer(line):
                where = f"{path.relative_to(ROOT)}:{number}"
                notes.append((where, match.group(1) or match.group(2)))
    return notes


def test_the_version_is_said_once_and_the_build_reads_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == DISTRIBUTION
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/cmc_core/_version.py"
    assert release_check().package_version() == __version__


def test_cmc_version_prints_the_installed_distributions_version() -> None:
    installed = importlib.metadata.version(DISTRIBUTION)
    assert installed == __version__, (
        f"{DISTRIBUTION} is installed at {installed} but the source says {__version__}: "
        "reinstall it (pip install -e .)"
    )
    result = CliRunner().invoke(cli, ["--version"], prog_name="cmc")
    assert (result.exit_code, result.stdout) == (0, f"cmc {installed}\n")


def test_no_version_note_names_a_version_after_this_one() -> None:
    notes = version_notes()
    # The hooks added in 0.2 say so: a search that finds nothing proves nothing.
    assert ("src/cmc_core/hookspecs.py", "0.2") in {(w.split(":")[0], v) for w, v in notes}
    ahead = [
        (where, version) for where, version in notes if as_tuple(version) > as_tuple(__version__)
    ]
    assert ahead == []


def test_the_version_note_pattern_reads_both_spellings() -> None:
    found = [
        m.group(1) or m.group(2)
        for m in VERSION_NOTE.finditer(
            ".. versionadded:: 0.3\n```{versionchanged} 1.0\nAdded in version 0.2.1"
        )
    ]
    assert found == ["0.3", "1.0", "0.2.1"]


def test_the_changelogs_top_entry_is_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    entries = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]? - (\d{4}-\d{2}-\d{2})$", changelog, re.M)
    assert entries, "CHANGELOG.md has no '## X.Y.Z - YYYY-MM-DD' entry"
    assert entries[0][0] == __version__
    assert [as_tuple(v) for v, _ in entries] == sorted(
        (as_tuple(v) for v, _ in entries), reverse=True
    )
    assert [d for _, d in entries] == sorted((d for _, d in entries), reverse=True)


def test_plugins_depend_on_the_distribution_by_its_new_name() -> None:
    projects = [
        *ROOT.glob("plugins/*/pyproject.toml"),
        *ROOT.glob("docs/examples/*/pyproject.toml"),
    ]
    assert len(projects) >= 4
    for path in projects:
        dependencies = tomllib.loads(path.read_text(encoding="utf-8"))["project"]["dependencies"]
        ours = [d for d in dependencies if re.match(r"(cmc|community-model-canvas)\b(?![-_])", d)]
        assert ours == [f"{DISTRIBUTION}>=0.2"], path


def test_the_readme_first_command_prints_what_the_readme_says() -> None:
    pip_args, cmc_args, printed = release_check().readme_first_command()
    assert pip_args[0] == "."  # the checkout, which the release check replaces by the wheel
    assert all((ROOT / arg.partition("[")[0] / "pyproject.toml").is_file() for arg in pip_args)
    result = CliRunner().invoke(cli, cmc_args, prog_name="cmc")
    assert result.exit_code == 0, result.output
    assert printed in result.stdout.splitlines()


def fake_wheel(folder: Path, leave_out: str = "", add: str = "") -> Path:
    """A wheel of the checkout's package files, with one left out or one stray added."""
    tool = release_check()
    dist_info = f"community_model_canvas-{__version__}.dist-info"
    wheel = folder / f"community_model_canvas-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name in sorted(tool.package_files() - {leave_out}):
            archive.writestr(name, b"")
        if add:
            archive.writestr(add, b"")
        archive.writestr(f"{dist_info}/METADATA", f"Name: {DISTRIBUTION}\nVersion: {__version__}\n")
        points = "[console_scripts]\ncmc = cmc_core.cli:main\n\n[cmc]\n" + "".join(
            f"{name} = x\n" for name in tool.BUILTIN_ENTRY_POINTS
        )
        archive.writestr(f"{dist_info}/entry_points.txt", points)
    return wheel


def test_the_wheel_check_passes_a_complete_wheel(tmp_path: Path) -> None:
    release_check().check_wheel(fake_wheel(tmp_path), __version__)


def test_the_wheel_check_fails_on_a_missing_catalog_or_a_stray_file(tmp_path: Path) -> None:
    tool = release_check()
    catalog = "cmc_core/locale/nl/LC_MESSAGES/rules.mo"
    assert catalog in tool.package_files()
    with pytest.raises(tool.ReleaseCheckError, match=r"lacks 1 package files.*rules\.mo"):
        tool.check_wheel(fake_wheel(tmp_path, leave_out=catalog), __version__)
    (tmp_path / "stray").mkdir()
    with pytest.raises(tool.ReleaseCheckError, match=r"outside the packages.*conftest\.py"):
        tool.check_wheel(fake_wheel(tmp_path / "stray", add="conftest.py"), __version__)
    with pytest.raises(tool.ReleaseCheckError, match=re.escape("not community-model-canvas 9.9.9")):
        tool.check_wheel(fake_wheel(tmp_path), "9.9.9")
