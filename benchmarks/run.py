"""Run the benchmarks and write ``docs/benchmarks.md``.

``python -m benchmarks.run [--sizes 1000,10000,100000,1000000] [--rounds N] [--quick]``

Every size is generated, then timed, in processes of their own; memory is measured in a fresh
process per decoder; ``import cmc_core`` in fresh interpreters. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from benchmarks.generate import DEFAULT_SEED
from benchmarks.harness import load_average, machine_facts
from benchmarks.report import judge, render
from benchmarks.sections import carry_over

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
FULL_SIZES = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000, 100_000)
MEMORY_SUBJECTS = ("orjson", "msgspec", "pydantic", "cmc", "cmc-document")
_STARTED = time.perf_counter()


def _say(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:7.1f} s] {message}", file=sys.stderr, flush=True)


def _python(module: str, *args: str, capture: bool = False) -> str:
    """Run ``python -m module args`` from the repository root; its stderr goes to ours."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    completed = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )
    return completed.stdout or ""


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part)


def _rounds_for(flows: int, args: argparse.Namespace) -> int:
    if args.rounds:
        return int(args.rounds)
    if args.quick:
        return 3
    return 7 if flows < 100_000 else 5


def _run_size(flows: int, workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    path = workdir / f"canvas-{flows}.cmc.json"
    if not path.exists():
        _say(f"generating {flows:,} flows")
        _python(
            "benchmarks.generate",
            "--flows",
            str(flows),
            "--seed",
            str(args.seed),
            "--out",
            str(path),
        )
    rounds = _rounds_for(flows, args)
    result_path = workdir / f"result-{flows}.json"
    _say(f"timing {flows:,} flows, {rounds} rounds")
    _python(
        "benchmarks.size_run",
        "--file",
        str(path),
        "--flows",
        str(flows),
        "--rounds",
        str(rounds),
        "--work",
        str(args.work),
        "--groups",
        args.groups,
        "--result",
        str(result_path),
    )
    result: dict[str, Any] = orjson.loads(result_path.read_bytes())
    return result


def _run_memory(flows: int, workdir: Path) -> dict[str, Any]:
    path = workdir / f"canvas-{flows}.cmc.json"
    memory: dict[str, Any] = {"flows": flows}
    for subject in MEMORY_SUBJECTS:
        memory[subject] = {}
        modes = ("retained",) if subject == "cmc-document" else ("retained", "peak")
        for mode in modes:
            _say(f"memory of {flows:,} flows: {subject}, {mode}")
            out = _python(
                "benchmarks.memory",
                "--subject",
                subject,
                "--file",
                str(path),
                "--flows",
                str(flows),
                "--mode",
                mode,
                capture=True,
            )
            memory[subject][mode] = orjson.loads(out)
    return memory


def main(argv: list[str] | None = None) -> None:
    """Run everything asked for and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="comma-separated flow counts (default 1k,10k,100k,1M)")
    parser.add_argument("--rounds", type=int, help="rounds per size (default 7 below 100k, else 5)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1k,10k,100k, 3 rounds, samples of 30k flows, memory at 100k",
    )
    parser.add_argument(
        "--groups", default="decode,encode,validate", help="which timing groups to run"
    )
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-imports", action="store_true")
    parser.add_argument("--no-yaml", action="store_true")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workdir", type=Path, help="keep generated documents here (reused)")
    parser.add_argument(
        "--output",
        help="Markdown report path, '-' for stdout (default docs/benchmarks.md; '-' with --quick)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    sizes = _sizes(args.sizes) if args.sizes else (QUICK_SIZES if args.quick else FULL_SIZES)
    args.work = 30_000 if args.quick else 100_000
    output = args.output or ("-" if args.quick else str(ROOT / "docs" / "benchmarks.md"))

    command = "python -m benchmarks.run" + "".join(
        f" {shlex.quote(a)}" for a in (sys.argv[1:] if argv is None else argv)
    )
    started = time.perf_counter()
    results: dict[str, Any] = {
        "command": command,
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "seed": args.seed,
        "machine": machine_facts(),
        "rounds_note": ", ".join(f"{_rounds_for(f, args)} rounds at {f:,}" for f in sizes),
        "sizes": {},
        "load": [["start", load_average()]],
    }
    with tempfile.TemporaryDirectory(prefix="cmc-bench-") as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        for flows in sizes:
            results["sizes"][str(flows)] = _run_size(flows, workdir, args)
            results["load"].append([f"after {flows:,}", load_average()])
        if not args.no_memory:
            results["memory"] = _run_memory(max(sizes), workdir)
            results["load"].append(["after memory", load_average()])
    if not args.no_imports:
        _say("import cmc_core in fresh interpreters")
        results["imports"] = orjson.loads(
            _python("benchmarks.imports", "--runs", "5" if args.quick else "9", capture=True)
        )
    if not args.no_yaml:
        _say("YAML load, 1k flows")
        results["yaml"] = orjson.loads(
            _python("benchmarks.yaml_load", "--rounds", "3" if args.quick else "5", capture=True)
        )
    results["load"].append(["end", load_average()])
    results["wall_seconds"] = time.perf_counter() - started

    report = render(results)
    if output == "-":
        print(report)
    else:
        previous = Path(output).read_text(encoding="utf-8") if Path(output).exists() else ""
        Path(output).write_text(carry_over(previous, report), encoding="utf-8")
        _say(f"wrote {output}")
    if args.json:
        args.json.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    for verdict in judge(results):
        _say(
            f"{verdict.mark:4} {verdict.budget} ({verdict.where}): {verdict.figure} {verdict.ratio}"
        )


if __name__ == "__main__":
    main()
