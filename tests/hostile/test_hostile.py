"""The hostile corpus: files a user, or an attacker, may hand to ``cmc`` (issue 14).

Every file under ``files/`` has an entry in ``expected.toml`` with the command to run, the exit
status and, where it helps, a fragment of the message. Each case runs through the command line in
this process, in an empty working directory, and must end

- with the expected exit status: 2 for a file cmc cannot read, 1 for a canvas that loads but has
  errors, 0 for one that is fine;
- without a traceback;
- for exit status 2, with one line on stderr per problem, each naming the file
  (``FILE:LINE:COL: message`` or ``FILE: message``) or starting with ``Error:``; a file with
  one problem gives one line, and ``lines`` in the manifest says how many problems a file has;
- without a control character (C0 but tab and newline, DEL, C1), a bidi control or a line or
  paragraph separator in the output: text from the file is shown as ``\\uXXXX`` or escaped,
  never sent to the terminal;
- within two seconds (the files are small: about a hundred times that margin).
"""

from __future__ import annotations

import re
import shutil
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cmc_core.cli import cli

HERE = Path(__file__).parent
FILES = HERE / "files"
MANIFEST: dict[str, dict[str, Any]] = tomllib.loads(
    (HERE / "expected.toml").read_text(encoding="utf-8")
)
#: The harmless canvas that ``{good}`` names in a command.
GOOD = "control/harmless-canvas.cmc.yaml"
DEFAULT_ARGS = ["check", "{file}"]
SECONDS = 2.0
#: Issue 14 asks for at least this many hostile files.
AT_LEAST = 120
MAX_FILE_BYTES = 64 * 1024
#: What must never reach a terminal from a file: C0 controls but tab and newline, DEL, C1
#: controls, the bidi controls and the line and paragraph separators.
UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def hostile_files() -> list[str]:
    return sorted(path.relative_to(FILES).as_posix() for path in FILES.rglob("*") if path.is_file())


def test_every_file_has_an_expectation_and_every_expectation_a_file() -> None:
    assert hostile_files() == sorted(MANIFEST)


def test_the_corpus_is_large_enough_and_every_file_small() -> None:
    files = hostile_files()
    assert len(files) >= AT_LEAST
    too_large = [name for name in files if (FILES / name).stat().st_size > MAX_FILE_BYTES]
    assert too_large == []


def test_every_expectation_is_well_formed() -> None:
    allowed = {"exit", "says", "args", "lines", "xfail"}
    for name, case in MANIFEST.items():
        assert set(case) <= allowed, name
        assert case["exit"] in (0, 1, 2), name
        assert "{file}" in case.get("args", DEFAULT_ARGS), name
        assert case.get("lines", 1) >= 1, name


def _params() -> list[Any]:
    params = []
    for name, case in sorted(MANIFEST.items()):
        marks = []
        if "xfail" in case:
            marks.append(pytest.mark.xfail(reason=case["xfail"], strict=False))
        params.append(pytest.param(name, case, id=name, marks=marks))
    return params


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory (no cmc.toml above it is found) and no outside settings."""
    monkeypatch.chdir(tmp_path)
    for variable in ("NO_COLOR", "FORCE_COLOR", "TERM", "CMC_MAX_INPUT_BYTES"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


def _copy(name: str, workdir: Path) -> str:
    """Copy a hostile file into the working directory; its name there, as a user types it."""
    target = workdir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FILES / name, target)
    return name


@pytest.mark.parametrize(("name", "case"), _params())
def test_a_hostile_file_gives_the_documented_result(
    name: str, case: dict[str, Any], workdir: Path
) -> None:
    good = _copy(GOOD, workdir)
    file = _copy(name, workdir)
    args = [arg.format(file=file, good=good) for arg in case.get("args", DEFAULT_ARGS)]
    if args[:1] == ["check"]:  # the manifest's texts are English; many canvases are Dutch
        args = ["check", "--lang", "en", *args[1:]]
    started = time.perf_counter()
    # color=True: click keeps escape sequences as a terminal would get them (it strips some
    # from output that is no terminal); cmc colours nothing here, so any ESC came from the file.
    result = CliRunner().invoke(cli, args, catch_exceptions=False, color=True)
    elapsed = time.perf_counter() - started
    stdout, stderr = result.stdout, result.stderr

    assert result.exit_code == case["exit"], stdout + stderr
    assert "Traceback" not in stdout + stderr
    unsafe = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(stdout + stderr)})
    assert unsafe == [], f"characters that control a terminal reached the output: {unsafe}"
    if case["exit"] == 2:
        lines = stderr.splitlines()
        assert len(lines) == case.get("lines", 1), stderr
        for line in lines:
            assert line.startswith((f"{file}:", "Error: ", "... and ")), line
    if "says" in case:
        shown = stderr if case["exit"] == 2 else stdout + stderr
        assert case["says"] in shown
    assert elapsed < SECONDS
