"""Check a release before it is published: build it, check it as the index would, run it.

    python tools/release_check.py              # everything below, in a temporary directory
    python tools/release_check.py --keep DIR   # the same, leaving the sdist, wheel and venv in DIR

What it proves, step by step (any failure stops it with exit status 1):

1. ``python -m build`` makes the sdist, then the wheel *from the sdist* (build's default), so
   the sdist is known to build.
2. ``twine check --strict`` passes on both: the metadata and the README render on the index.
3. The wheel holds every file of ``src/cmc_core`` and ``src/cmc_exporters`` (modules, the
   ``.mo`` catalogs, ``py.typed``, templates, bundled examples, questionnaire data) and nothing
   outside them; its metadata names ``community-model-canvas`` at the version of
   ``src/cmc_core/_version.py`` with the ``cmc`` command and the built-ins' entry points. The
   sdist holds the changelog, README and pyproject.toml, and no example plugin.
4. In a fresh virtual environment outside the checkout, the wheel alone (not the checkout)
   installs, ``cmc --version`` names the version, and the bundled port example checks, scores
   and exports to HTML.
5. The README's first command, with the wheel in place of the checkout: its install line
   (``pip install -e . -e ./plugins/...``) installs the wheel and the example plugins (which
   must accept the wheel as their ``community-model-canvas`` dependency), and its ``cmc``
   command prints what the README says it prints and exits 0.

CI runs it after the tests (``.ci/run``); it needs ``build`` and ``twine`` (the ``test`` extra)
and reaches the package index for the build backend and the wheel's dependencies.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
import zipfile
from collections.abc import Sequence
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTION = "community-model-canvas"
PACKAGES = ("cmc_core", "cmc_exporters")
#: The built-ins, as entry points of the group ``cmc`` (``cmc plugins`` names them so).
BUILTIN_ENTRY_POINTS = ("exporters", "questionnaires", "rules", "scorers")
#: What the sdist must carry besides the packages' sources.
SDIST_FILES = ("CHANGELOG.md", "README.md", "pyproject.toml", "src/cmc_core/_version.py")


class ReleaseCheckError(Exception):
    """One step of the release check did not hold; the message says which and why."""


def say(message: str) -> None:
    print(f"release check: {message}", flush=True)


def run(
    args: Sequence[str | Path], *, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the check with its output when it exits non-zero."""
    shown = " ".join(shlex.quote(str(arg)) for arg in args)
    result = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ReleaseCheckError(
            f"`{shown}` exited {result.returncode}\n{result.stdout}{result.stderr}".rstrip()
        )
    return result


def package_version() -> str:
    """The version said once, in ``src/cmc_core/_version.py``."""
    text = (ROOT / "src" / "cmc_core" / "_version.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if found is None:
        raise ReleaseCheckError("src/cmc_core/_version.py has no __version__ line")
    return found.group(1)


def build(dist: Path) -> tuple[Path, Path]:
    """Step 1: the sdist, and the wheel built from it."""
    run([sys.executable, "-m", "build", "--outdir", dist, ROOT])
    sdists, wheels = sorted(dist.glob("*.tar.gz")), sorted(dist.glob("*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        raise ReleaseCheckError(
            f"expected one sdist and one wheel in {dist}, found {sdists + wheels}"
        )
    say(f"built {sdists[0].name} and {wheels[0].name}")
    return sdists[0], wheels[0]


def package_files() -> set[str]:
    """Every file the packages consist of in the checkout, as a path inside the wheel."""
    found: set[str] = set()
    for package in PACKAGES:
        for path in (ROOT / "src" / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                found.add(path.relative_to(ROOT / "src").as_posix())
    return found


def check_wheel(wheel: Path, version: str) -> None:
    """Step 3, the wheel: every package file, nothing else, and the right metadata."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        found = {name.split("/")[0] for name in names if name.split("/")[0].endswith(".dist-info")}
        if len(found) != 1:
            raise ReleaseCheckError(f"the wheel has {len(found)} .dist-info folders: {found}")
        (dist_info,) = found
        metadata = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode())
        entry_points = archive.read(f"{dist_info}/entry_points.txt").decode()
    missing = sorted(package_files() - names)
    if missing:
        raise ReleaseCheckError(f"the wheel lacks {len(missing)} package files: {missing[:10]}")
    strays = sorted(
        name for name in names if not name.startswith((*[f"{p}/" for p in PACKAGES], dist_info))
    )
    if strays:
        raise ReleaseCheckError(f"the wheel holds files outside the packages: {strays[:10]}")
    for kind in (".mo", "py.typed", ".html", ".cmc.yaml"):
        if not any(name.endswith(kind) for name in names):
            raise ReleaseCheckError(f"the wheel holds no {kind} file")
    if (metadata["Name"], metadata["Version"]) != (DISTRIBUTION, version):
        raise ReleaseCheckError(
            f"the wheel's metadata names {metadata['Name']} {metadata['Version']}, "
            f"not {DISTRIBUTION} {version}"
        )
    expected = ["cmc = cmc_core.cli:main", *(f"{name} = " for name in BUILTIN_ENTRY_POINTS)]
    absent = [line for line in expected if line not in entry_points]
    if absent:
        raise ReleaseCheckError(f"the wheel's entry_points.txt lacks {absent}:\n{entry_points}")
    say(f"the wheel holds all {len(package_files())} package files and its metadata is right")


def check_sdist(sdist: Path) -> None:
    """Step 3, the sdist: the files a rebuild and a reader need, and no example plugin."""
    with tarfile.open(sdist) as archive:
        top, *_ = archive.getnames()[0].split("/")
        names = {name.removeprefix(f"{top}/") for name in archive.getnames()}
    missing = [name for name in SDIST_FILES if name not in names]
    if missing:
        raise ReleaseCheckError(f"the sdist lacks {missing}")
    plugins = sorted(name for name in names if name.startswith(("plugins/", "tests/fuzz/work/")))
    if plugins:
        raise ReleaseCheckError(
            f"the sdist holds files of other distributions or scratch: {plugins[:5]}"
        )
    say(f"the sdist holds {', '.join(SDIST_FILES)}")


def fresh_environment(folder: Path) -> tuple[Path, dict[str, str]]:
    """A new virtual environment and the environment variables to run its programs with."""
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    bin_dir = folder / ("Scripts" if os.name == "nt" else "bin")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "CMC_LANG"}
    }
    env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return bin_dir, env


def expect(result: subprocess.CompletedProcess[str], line: str, what: str) -> None:
    if line not in result.stdout.splitlines():
        raise ReleaseCheckError(f"{what} did not print {line!r}:\n{result.stdout}{result.stderr}")


def check_wheel_alone(wheel: Path, version: str, work: Path) -> tuple[Path, dict[str, str]]:
    """Step 4: the wheel, installed alone into a fresh venv, runs the bundled examples."""
    bin_dir, env = fresh_environment(work / "venv")
    run([bin_dir / "python", "-m", "pip", "install", "-q", wheel], cwd=work, env=env)
    run([bin_dir / "python", "-m", "pip", "check"], cwd=work, env=env)
    cmc = bin_dir / "cmc"
    where = run(
        [bin_dir / "python", "-c", "import cmc_core; print(cmc_core.__file__)"], cwd=work, env=env
    ).stdout.strip()
    if Path(where).is_relative_to(ROOT):
        raise ReleaseCheckError(f"cmc_core was imported from the checkout ({where}), not the wheel")
    expect(run([cmc, "--version"], cwd=work, env=env), f"cmc {version}", "cmc --version")
    run([cmc, "check", "--example", "port-logistics", "--lang", "en"], cwd=work, env=env)
    run([cmc, "score", "--example", "port-logistics"], cwd=work, env=env)
    poster = work / "poster.html"
    run(
        [cmc, "export", "--example", "port-logistics", "--to", "html", "-o", poster],
        cwd=work,
        env=env,
    )
    if "<html" not in poster.read_text(encoding="utf-8")[:500].lower():
        raise ReleaseCheckError(f"{poster} is no HTML document")
    say(f"the wheel alone installs in a fresh venv: cmc {version} checks, scores and exports")
    return bin_dir, env


def readme_first_command() -> tuple[list[str], list[str], str]:
    """The README's first command: its pip arguments, its cmc command and what it prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^```bash\n(.+?)\n", readme, re.MULTILINE | re.DOTALL)
    prints = re.search(r"```\n\nThe first .*?prints\s+`([^`]+)`", readme, re.DOTALL)
    if block is None or prints is None:
        raise ReleaseCheckError(
            "README.md: no first ```bash command, or no 'prints `...`' after it"
        )
    steps = [shlex.split(step) for step in block.group(1).split("&&")]
    installs = [step for step in steps if "install" in step and step[0].endswith("pip")]
    commands = [step for step in steps if step[0].endswith("/cmc") or step[0] == "cmc"]
    if len(installs) != 1 or len(commands) != 1:
        raise ReleaseCheckError(
            f"README.md: expected one pip install and one cmc command in {steps}"
        )
    install = installs[0]
    pip_args = [arg for arg in install[install.index("install") + 1 :] if arg != "-e"]
    return pip_args, commands[0][1:], prints.group(1)


def check_readme_command(wheel: Path, bin_dir: Path, env: dict[str, str], work: Path) -> None:
    """Step 5: the README's first command, with the wheel where it installs the checkout."""
    pip_args, cmc_args, printed = readme_first_command()
    targets = [str(wheel) if arg == "." else str((ROOT / arg).resolve()) for arg in pip_args]
    if str(wheel) not in targets:
        raise ReleaseCheckError(
            f"README.md's first command does not install the checkout: {pip_args}"
        )
    run([bin_dir / "python", "-m", "pip", "install", "-q", *targets], cwd=work, env=env)
    run([bin_dir / "python", "-m", "pip", "check"], cwd=work, env=env)
    listed = run([bin_dir / "cmc", "plugins"], cwd=work, env=env).stdout
    if f"[{DISTRIBUTION} " not in listed:
        raise ReleaseCheckError(f"cmc plugins does not name the built-ins' distribution:\n{listed}")
    result = run([bin_dir / "cmc", *cmc_args], cwd=work, env=env)
    expect(result, printed, f"the README's first command (cmc {' '.join(cmc_args)})")
    say(f"the README's first command works from the wheel: cmc {' '.join(cmc_args)} -> {printed}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="leave the builds and the venv in this folder")
    options = parser.parse_args(argv)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cmc-release-") as scratch:
        work = Path(options.keep or scratch).resolve()
        if work.is_relative_to(ROOT):
            parser.error("--keep must name a folder outside the checkout")
        work.mkdir(parents=True, exist_ok=True)
        try:
            version = package_version()
            sdist, wheel = build(work / "dist")
            run([sys.executable, "-m", "twine", "check", "--strict", sdist, wheel])
            say("twine check --strict passed on both")
            check_sdist(sdist)
            check_wheel(wheel, version)
            bin_dir, env = check_wheel_alone(wheel, version, work)
            check_readme_command(wheel, bin_dir, env, work)
        except ReleaseCheckError as failure:
            say(f"FAILED: {failure}")
            return 1
    say(f"passed in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
