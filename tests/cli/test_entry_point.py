"""The installed ``cmc`` script in real processes: the entry point works, user errors print no
traceback, colour follows the terminal and NO_COLOR, and ``cmc --help`` starts light."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cmc_core.examples import example_text

pytestmark = pytest.mark.slow  # starts cmc in other processes

#: The console script installed next to the interpreter running the tests (the venv's bin).
CMC = Path(sys.executable).with_name("cmc")
ESC = b"\x1b["


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [str(CMC), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_console_script_is_installed() -> None:
    assert CMC.is_file(), f"{CMC} is missing: install the project (pip install -e .)"


def test_the_flawed_example_fails_with_exit_1_in_a_real_process(tmp_path: Path) -> None:
    result = run("check", "--example", "single-owner-platform", cwd=tmp_path)
    assert result.returncode == 1
    for code in ("CMC001", "CMC003", "CMC004", "CMC024", "CMC025"):
        assert f" {code} error " in result.stdout
    assert result.stderr == ""


def test_a_bad_file_gives_one_line_on_stderr_and_no_traceback(tmp_path: Path) -> None:
    text = example_text("port-logistics").replace("  canvas_version:", "  canvas_verison:")
    (tmp_path / "bad.cmc.yaml").write_text(text, encoding="utf-8")
    result = run("check", "bad.cmc.yaml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("bad.cmc.yaml:")
    assert "did you mean 'canvas_version'?" in line
    assert json.loads(result.stdout)["summary"]["files_failed"] == 1


def test_usage_errors_print_no_traceback(tmp_path: Path) -> None:
    for args in (("check",), ("rule", "CMC999"), ("examples", "nope"), ("check", "x.cmc.yaml")):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr, args
        assert result.stderr.strip(), args


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cmc_core.cli", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("cmc ")


def test_help_does_not_import_the_yaml_parser_or_the_rules() -> None:
    code = (
        "import sys\n"
        "from cmc_core.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('ruamel', 'cmc_core.rules', "
        "'cmc_core.fileformat', 'tomli_w'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)],
)
def test_on_a_terminal_colour_is_used_unless_no_color_or_a_dumb_terminal(
    tmp_path: Path, env: dict[str, str], coloured: bool
) -> None:
    import pty

    try:
        controller, terminal = pty.openpty()
    except OSError:  # pragma: no cover - a sandbox without pseudo-terminals
        pytest.skip("no pseudo-terminal available")
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment["TERM"] = "xterm"
    environment.update(env)
    process = subprocess.Popen(
        [str(CMC), "check", "--example", "single-owner-platform"],
        cwd=tmp_path,
        env=environment,
        stdout=terminal,
        stderr=subprocess.DEVNULL,
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closes when the process ends (EIO on Linux)
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 1
    assert b"CMC001" in output
    assert (ESC in output) is coloured
