"""What installed plugins cost a CLI call: 20 fake plugin distributions against none.

``python -m benchmarks.plugin_load [--plugins 20] [--runs 21]`` prints the figures as JSON.

Each fake plugin is a real installed distribution as far as ``importlib.metadata`` can tell (a
``*.dist-info`` with an ``entry_points.txt`` in the ``cmc`` group, on ``PYTHONPATH``) whose module
registers one exporter, one rule, one scorer and one questionnaire, so every registry is built
from 20 more plugins. Two figures, both as the median of ``--runs`` runs started alternately
(baseline, plugins, baseline ...) so that drift in the machine's load hits both alike:

- the CLI call ``cmc check --example port-logistics`` in a fresh interpreter: wall time and the
  CPU time of the child process (user + system);
- in process: ``load_plugins()`` plus building all four registries.
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

import orjson

from benchmarks.sections import replace_section

__all__ = ["PLUGIN_SOURCE", "main", "write_fake_plugins"]

PLUGIN_SOURCE = """
from cmc_core import hookimpl
from cmc_core.diagnostics import Severity
from cmc_core.exporting import Exporter
from cmc_core.questionnaires import Question, QuestionKind, Questionnaire, Text
from cmc_core.rules import Rule
from cmc_core.scoring import Reason, Score, Scorer


def _export(canvas, options):
    return canvas.meta.name


def _check(canvas, context):
    return ()


def _score(canvas, context):
    return Score(50.0, (Reason("fixed"),))


@hookimpl
def cmc_register_exporters(register):
    register(Exporter(name="fake-{n}", title="Fake", media_type="text/plain",
                      extension=".txt", export=_export))


@hookimpl
def cmc_register_rules(register):
    register(Rule("FK{n:03d}", "fake-{n}", Severity.INFO, "t", "r", "s", _check))


@hookimpl
def cmc_register_scorers(register):
    register(Scorer(name="fake-{n}", title="Fake", score=_score))


@hookimpl
def cmc_register_questionnaires(register):
    register(Questionnaire(name="fake-{n}", title=Text(en="Fake", nl="Nep"), questions=(
        Question("q-{n}", QuestionKind.SHORT_TEXT, Text(en="Name?", nl="Naam?")),)))
"""

# The built-in questionnaires are YAML files parsed when their registry is built (about half a
# second, the same with or without the fake plugins); they are timed apart so that their noise
# does not drown what the plugins add.
_IN_PROCESS = """
import time
start = time.perf_counter()
from cmc_core.plugins import load_plugins
plugins = load_plugins()
for kind in ("rules", "exporters", "scorers"):
    plugins.registry(kind)
middle = time.perf_counter()
plugins.registry("questionnaires")
print(middle - start, time.perf_counter() - middle)
"""


def write_fake_plugins(directory: Path, count: int) -> None:
    """Install ``count`` fake plugin distributions into ``directory``."""
    for n in range(1, count + 1):
        module = f"cmc_fake_{n}"
        source = PLUGIN_SOURCE.replace("{n:03d}", f"{n:03d}").replace("{n}", str(n))
        (directory / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = directory / f"cmc_fake_{n}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: cmc-fake-{n}\nVersion: 1.0\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(f"[cmc]\nfake-{n} = {module}\n", encoding="utf-8")


def _env(extra_path: Path | None) -> dict[str, str]:
    # Byte-code caching on, as after a normal install: the warm-up run writes the caches.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CMC_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    paths = [str(extra_path)] if extra_path is not None else []
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).strip(os.pathsep)
    return env


def _cli_run(env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``cmc check --example port-logistics``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cmc_core.cli", "check", "--example", "port-logistics"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _in_process_run(env: dict[str, str]) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS], env=env, check=True, capture_output=True, text=True
    ).stdout
    registries, questionnaires = out.split()
    return float(registries), float(questionnaires)


def measure(count: int, runs: int) -> dict[str, Any]:
    """Medians (in milliseconds) with and without ``count`` fake plugins."""
    samples: dict[str, list[float]] = {
        key: [] for key in ("wall_0", "wall_n", "cpu_0", "cpu_n", "load_0", "load_n", "q_0", "q_n")
    }
    with tempfile.TemporaryDirectory(prefix="cmc-fake-plugins-") as scratch:
        site = Path(scratch)
        write_fake_plugins(site, count)
        baseline, loaded = _env(None), _env(site)
        _cli_run(loaded)  # warm the file-system caches for both
        _cli_run(baseline)
        for _ in range(runs):
            for suffix, env in (("0", baseline), ("n", loaded)):
                wall, cpu = _cli_run(env)
                samples[f"wall_{suffix}"].append(wall * 1000)
                samples[f"cpu_{suffix}"].append(cpu * 1000)
                registries, questionnaires = _in_process_run(env)
                samples[f"load_{suffix}"].append(registries * 1000)
                samples[f"q_{suffix}"].append(questionnaires * 1000)
    medians = {key: statistics.median(values) for key, values in samples.items()}
    return {
        "plugins": count,
        "runs": runs,
        "median_ms": medians,
        "added_ms": {
            "cli_wall": medians["wall_n"] - medians["wall_0"],
            "cli_cpu": medians["cpu_n"] - medians["cpu_0"],
            "registries": medians["load_n"] - medians["load_0"],
            "questionnaires": medians["q_n"] - medians["q_0"],
        },
    }


#: Issue 3's budget: what 20 installed plugins may add to a CLI call.
BUDGET_MS = 20.0


def render(figures: dict[str, Any], command: str, load: tuple[float, float]) -> str:
    """The section of docs/benchmarks.md for these figures."""
    medians, added = figures["median_ms"], figures["added_ms"]
    holds = added["cli_wall"] <= BUDGET_MS
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            f"## 7. Plugins: {figures['plugins']} installed plugins against none (issue 3)",
            "",
            f"Measured {date} with `{command}`; 1-minute load average {load[0]:.2f} before and "
            f"{load[1]:.2f} after. Each fake plugin is an installed distribution (a dist-info "
            "with an entry point on the path) that registers an exporter, a rule, a scorer and "
            "a questionnaire; the example plugins of `plugins/` are installed in both cases. "
            f"Medians of {figures['runs']} runs, started alternately.",
            "",
            "| measure | no extra plugins | with them | added | budget |",
            "|---|---:|---:|---:|---|",
            f"| `cmc check --example port-logistics`, wall | {medians['wall_0']:.1f} ms | "
            f"{medians['wall_n']:.1f} ms | {added['cli_wall']:+.1f} ms | "
            f"<= {BUDGET_MS:.0f} ms: **{'PASS' if holds else 'FAIL'}** |",
            f"| the same, CPU time of the process | {medians['cpu_0']:.1f} ms | "
            f"{medians['cpu_n']:.1f} ms | {added['cli_cpu']:+.1f} ms | |",
            f"| in process: `load_plugins()` and the rule, exporter and scorer registries | "
            f"{medians['load_0']:.1f} ms | {medians['load_n']:.1f} ms | "
            f"{added['registries']:+.1f} ms | |",
            f"| in process: the questionnaire registry (parses the built-in questionnaires' YAML) "
            f"| {medians['q_0']:.1f} ms | {medians['q_n']:.1f} ms | "
            f"{added['questionnaires']:+.1f} ms | |",
            "",
            f"Per plugin: {added['cli_wall'] / figures['plugins']:.2f} ms of a CLI call.",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    """Print the figures as JSON, or write them into docs/benchmarks.md with ``--update``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plugins", type=int, default=20)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--update", type=Path, help="write the section into this Markdown file")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    figures = measure(args.plugins, args.runs)
    after = os.getloadavg()[0]
    if args.update is None:
        print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())
        return
    command = "python -m benchmarks.plugin_load " + " ".join(sys.argv[1:] if argv is None else argv)
    replace_section(args.update, "plugins", render(figures, command.strip(), (before, after)))
    print(f"wrote the plugins section of {args.update}: {figures['added_ms']}", file=sys.stderr)


if __name__ == "__main__":
    main()
