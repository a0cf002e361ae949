"""What a whole ``cmc check`` costs against ``import cmc_core`` (issue 14: at most 3x).

``python -m benchmarks.cli_startup [--runs 21] [--update docs/benchmarks.md]`` prints the
figures as JSON and, with ``--update``, writes the ``startup`` section of the file.

Three commands run in fresh processes, started in turn (import, check, check without plugins,
import ...) so that drift in the machine's load hits all alike: ``python -c "import cmc_core"``,
``cmc check --example port-logistics`` with the installed plugins, and the same with
``CMC_NO_PLUGINS=1``. The ratio is of the medians; the minimums are shown beside them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import orjson

from benchmarks.sections import replace_section

__all__ = ["BUDGET", "main", "measure"]

#: ``cmc check`` of the port example may take at most this many times ``import cmc_core``.
BUDGET = 3.0


def _commands() -> dict[str, tuple[list[str], dict[str, str]]]:
    cmc = str(Path(sys.executable).with_name("cmc"))
    check = [cmc, "check", "--example", "port-logistics"]
    return {
        "import cmc_core": ([sys.executable, "-c", "import cmc_core"], {}),
        "cmc check --example port-logistics": (check, {}),
        "the same with CMC_NO_PLUGINS=1": (check, {"CMC_NO_PLUGINS": "1"}),
        # Issue 16: listing the commands asks every plugin for its own (cmc_register_commands).
        "cmc --help": ([cmc, "--help"], {}),
        "cmc --help with CMC_NO_PLUGINS=1": ([cmc, "--help"], {"CMC_NO_PLUGINS": "1"}),
    }


def measure(runs: int) -> dict[str, dict[str, float]]:
    """Median and minimum wall time of each command, in seconds.

    The commands run as an installed ``cmc`` runs: with compiled bytecode cached. A first,
    untimed round writes it (``PYTHONDONTWRITEBYTECODE`` is dropped from their environment;
    without a cache every changed module is compiled again on every run).
    """
    commands = _commands()
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(runs + 1):
        for name, (argv, extra) in commands.items():
            started = time.perf_counter()
            subprocess.run(
                argv, env={**environment, **extra}, capture_output=True, check=False, cwd="/"
            )
            if round_number:  # the first round only fills the bytecode cache
                times[name].append(time.perf_counter() - started)
    return {
        name: {"median": statistics.median(values), "min": min(values)}
        for name, values in times.items()
    }


def render(figures: dict[str, dict[str, float]], command: str, load: tuple[float, float]) -> str:
    """The Markdown section of these figures."""
    base = figures["import cmc_core"]
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## 12. A whole `cmc check` against `import cmc_core` (issue 14)",
        "",
        f"Measured {date} with `{command}` on {platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs; 1-minute load average "
        f"{load[0]:.2f} before and {load[1]:.2f} after. Each command runs in a fresh process "
        "from `/` (no `cmc.toml` or `pyproject.toml` to read), in turn with the others, with "
        "compiled bytecode cached as in an installation (an untimed first round writes it); the "
        "example plugins of `plugins/` are installed.",
        "",
        "| command | median | min | median / import | budget |",
        "|---|---:|---:|---:|---|",
    ]
    for name, values in figures.items():
        ratio = values["median"] / base["median"]
        verdict = ""
        if name.startswith("cmc check"):
            verdict = f"<= {BUDGET:g}x: **{'PASS' if ratio <= BUDGET else 'FAIL'}**"
        lines.append(
            f"| `{name}` | {values['median'] * 1000:.1f} ms | {values['min'] * 1000:.1f} ms "
            f"| {ratio:.2f}x | {verdict} |"
        )
    lines += [
        "",
        "What it took from 5.2x (measured then without a bytecode cache for changed modules, "
        "which costs about a tenth more): `cmc check` imports neither the score card, the "
        "questionnaires nor the exporters (the built-in plugins and the example plugin import "
        "them in their hooks, when a registry is built), nor the modules of the other "
        "commands; entry points are read from the `*.dist-info` folders rather than through "
        "`importlib.metadata`, whose e-mail parser alone cost 25 ms; YAML is parsed by libyaml.",
        "",
        "Since issue 16 plugins may add commands: `cmc --help` loads the plugins to list theirs "
        "(the built-in rules' entry point imports no rule for that), and a built-in command "
        "such as `cmc check` never asks for them.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark; print JSON, and write the section with ``--update``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--update", type=Path, help="write the section into this Markdown file")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    figures = measure(args.runs)
    after = os.getloadavg()[0]
    print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())
    if args.update is not None:
        command = f"python -m benchmarks.cli_startup --runs {args.runs} --update {args.update}"
        replace_section(args.update, "startup", render(figures, command, (before, after)))


if __name__ == "__main__":
    main()
