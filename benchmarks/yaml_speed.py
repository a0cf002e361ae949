"""Reading YAML: cmc's reader against PyYAML's C loader on the same text (issue 14, item 7).

``python -m benchmarks.yaml_speed [--sizes 1000,10000,100000] [--rounds 5] [--workdir DIR]
[--update docs/benchmarks.md]`` prints the figures as JSON, or writes them into the ``yaml``
section of the report.

The baseline is ``yaml.load(text, Loader=yaml.CSafeLoader)``: libyaml's parser and composer in
C, PyYAML's constructor in Python, as a caller gets it (the collector on). cmc's reader is
:func:`cmc_core.fileformat.loads` of the same text: libyaml's parser, its own builder of plain
data with every guard, and the canvas built from the data. Both run interleaved in one process,
in rotating order (:func:`benchmarks.harness.time_cases`); small texts loop so that a sample
lasts about a tenth of a second.

- Canvases: the bundled port example (the largest), and the generated canvas of
  :mod:`benchmarks.generate` at 730 flows (152 KB of YAML) and at ``--sizes`` flows, written by
  cmc's own YAML writer. The texts of the generated canvases are kept in ``--workdir`` when one
  is given: writing 100,000 flows with ruamel.yaml takes a minute and a half. For scale, the
  two smallest also time ruamel.yaml's round-trip load, which is how cmc read YAML before.
- Hostile inputs, each read in a fresh process that reports its wall and CPU time and its peak
  RSS (``resource.getrusage``, the whole process; these processes are started before the
  canvases are timed, as Linux hands a process's peak RSS on to the program it starts): a
  document with 100,000 unknown keys (cmc
  refuses it, listing the first thousand with their positions), a 10 MB text value, and a
  list of a million items; each with PyYAML's loader in a process of its own for comparison.

The budgets: ``loads`` at most 3x the baseline on the port example and on 152 KB; linear in
size (the time per flow at the largest size at most 1.5x that at the smallest); the 100,000
unknown keys refused in under 0.5 s, the 10 MB text read in under 1 s, the million items in
under 5 s and under 1 GiB of peak RSS.
"""

from __future__ import annotations

import argparse
import datetime
import json
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from benchmarks.generate import DEFAULT_SEED, make_document, to_json_bytes
from benchmarks.harness import Case, fmt_time, load_average, machine_facts, time_cases
from benchmarks.sections import replace_section

__all__ = ["BUDGETS", "HOSTILE", "main", "measure"]

#: The limits of issue 14, item 7.
BUDGETS: dict[str, float] = {
    "ratio": 3.0,  # loads() against yaml.load(CSafeLoader), port example and 152 KB
    "linear": 1.5,  # time per flow at the largest size against the smallest
    "unknown-keys": 0.5,  # seconds
    "ten-megabyte-text": 1.0,  # seconds
    "million-items": 5.0,  # seconds
    "million-items-rss": 2**30,  # bytes of peak RSS
}
#: The generated canvas whose YAML is about 152 KB.
SMALL_FLOWS = 730


def _unknown_keys() -> str:
    return "schema_version: 2\n" + "".join(f"key{index}: {index}\n" for index in range(100_000))


def _ten_megabyte_text() -> str:
    return "schema_version: 2\nmeta:\n  name: Port\n  description: " + "word " * 2_000_000 + "\n"


def _million_items() -> str:
    items = "".join(f"    - author {index}\n" for index in range(1_000_000))
    return "schema_version: 2\nmeta:\n  name: Port\n  authors:\n" + items


#: The hostile inputs, by name: how to write each.
HOSTILE: dict[str, Callable[[], str]] = {
    "unknown-keys": _unknown_keys,
    "ten-megabyte-text": _ten_megabyte_text,
    "million-items": _million_items,
}


def _canvas_text(flows: int, workdir: Path | None) -> str:
    """The YAML cmc writes for the generated canvas of ``flows`` flows (cached in workdir)."""
    from cmc_core.fileformat import dumps, loads

    path = workdir / f"yaml-speed-{flows}.cmc.yaml" if workdir else None
    if path is not None and path.exists():
        return path.read_text(encoding="utf-8")
    canvas = loads(to_json_bytes(make_document(flows, DEFAULT_SEED)), "json").canvas
    text = dumps(canvas, "yaml")
    if loads(text, "yaml").canvas != canvas:
        raise AssertionError(f"the YAML of {flows} flows does not read back as its canvas")
    if path is not None:
        path.write_text(text, encoding="utf-8")
    return text


def _time_text(text: str, rounds: int, with_ruamel: bool) -> dict[str, Any]:
    import yaml
    from ruamel.yaml import YAML

    from cmc_core.fileformat import loads

    cases = [
        Case("cmc", lambda: loads(text, "yaml")),
        Case("pyyaml", lambda: yaml.load(text, Loader=yaml.CSafeLoader)),
    ]
    if with_ruamel:
        cases.append(Case("ruamel", lambda: YAML(typ="rt").load(text)))
    single = min(_seconds(case.call) for case in cases[:2])
    loops = max(1, int(0.1 / single)) if single < 0.1 else 1
    results = time_cases(cases, rounds, loops)
    figures = {name: samples.to_dict() for name, samples in results.items()}
    return {
        "bytes": len(text.encode("utf-8")),
        "cases": figures,
        "ratio": figures["cmc"]["median"] / figures["pyyaml"]["median"],
        "ratio_cpu": figures["cmc"]["cpu_median"] / figures["pyyaml"]["cpu_median"],
    }


def _seconds(call: Callable[[], object]) -> float:
    """One call's wall time, for choosing how often a sample loops."""
    import time

    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _child(case: str, reader: str) -> None:
    """Read one hostile input in this process and print the figures as JSON (``--child``).

    What a running service has done once is done first: the imports, and for cmc one refused
    and one read document (which build the readers' converters). The input is then read three
    times; the time is the median, the peak RSS that of the whole process.
    """
    import statistics
    import time

    text = HOSTILE[case]()
    if reader == "cmc":
        from cmc_core.examples import example_text
        from cmc_core.fileformat import CanvasLoadError, loads

        def read(text: str) -> str:
            try:
                return f"loaded, {len(loads(text, 'yaml').canvas.meta.authors):,} authors"
            except CanvasLoadError as error:
                return f"refused with {len(error.problems):,} problems"

        read("schema_version: 2\nunknown: 1\n")
        read(example_text("port-logistics"))
    else:
        import yaml

        def read(text: str) -> str:
            data = yaml.load(text, Loader=yaml.CSafeLoader)
            return f"loaded, {len(data):,} top-level keys"

        read("schema_version: 2\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    walls, cpus = [], []
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        outcome = read(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    figures = {
        "bytes": len(text.encode("utf-8")),
        "seconds": statistics.median(walls),
        "cpu_seconds": statistics.median(cpus),
        "all_seconds": walls,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "rss_before": before,
        "outcome": outcome,
    }
    print(json.dumps(figures))


def _in_process(case: str, reader: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.yaml_speed", "--child", case, "--reader", reader],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return figures


def measure(sizes: list[int], rounds: int, workdir: Path | None) -> dict[str, Any]:
    """Every figure of the module notes."""
    from cmc_core.examples import example_text

    load_before = load_average()
    # Linux carries a process's peak RSS over to the program it starts: the children that
    # measure theirs are started first, while this process is still small.
    hostile = {
        case: {reader: _in_process(case, reader) for reader in ("cmc", "pyyaml")}
        for case in HOSTILE
    }
    canvases: dict[str, Any] = {
        "port example": _time_text(example_text("port-logistics"), rounds, with_ruamel=True),
        f"{SMALL_FLOWS} flows": _time_text(_canvas_text(SMALL_FLOWS, workdir), rounds, True),
    }
    canvases[f"{SMALL_FLOWS} flows"]["flows"] = SMALL_FLOWS
    for flows in sizes:
        text = _canvas_text(flows, workdir)
        figures = _time_text(text, rounds if flows < 100_000 else max(2, rounds // 2), False)
        figures["flows"] = flows
        canvases[f"{flows} flows"] = figures
    return {
        "machine": machine_facts(),
        "pyyaml": _pyyaml_version(),
        "rounds": rounds,
        "sizes": sizes,
        "load_average": (load_before, load_average()),
        "canvases": canvases,
        "hostile": hostile,
        "verdicts": _verdicts(canvases, hostile, sizes),
    }


def _pyyaml_version() -> str:
    import yaml

    return f"{yaml.__version__} (libyaml {yaml._yaml.get_version_string()})"


def _per_flow(canvases: dict[str, Any], flows: int) -> float:
    figures = canvases[f"{flows} flows"]
    return float(figures["cases"]["cmc"]["median"]) / flows


def _verdicts(
    canvases: dict[str, Any], hostile: dict[str, Any], sizes: list[int]
) -> list[tuple[str, str, bool]]:
    """Each budget: what it says, what was measured, whether it holds."""
    verdicts = []
    for name in ("port example", f"{SMALL_FLOWS} flows"):
        ratio = canvases[name]["ratio"]
        verdicts.append(
            (
                f"`loads` of the {name} <= {BUDGETS['ratio']:g}x `yaml.load` (CSafeLoader)",
                f"{ratio:.2f}x",
                ratio <= BUDGETS["ratio"],
            )
        )
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        growth = _per_flow(canvases, large) / _per_flow(canvases, small)
        verdicts.append(
            (
                f"time per flow at {large:,} flows <= {BUDGETS['linear']:g}x that at {small:,}",
                f"{growth:.2f}x",
                growth <= BUDGETS["linear"],
            )
        )
    for case, words in (
        ("unknown-keys", "100,000 unknown keys refused"),
        ("ten-megabyte-text", "a 10 MB text read"),
        ("million-items", "a list of 1,000,000 items read"),
    ):
        seconds = hostile[case]["cmc"]["seconds"]
        verdicts.append(
            (
                f"{words} in < {BUDGETS[case]:g} s",
                fmt_time(seconds),
                seconds < BUDGETS[case],
            )
        )
    peak = hostile["million-items"]["cmc"]["peak_rss"]
    verdicts.append(
        (
            "the list of 1,000,000 items in < 1 GiB peak RSS",
            f"{peak / 2**20:,.0f} MiB",
            peak < 2**30,
        )
    )
    return verdicts


def render(figures: dict[str, Any], command: str) -> str:
    """The section of docs/benchmarks.md for these figures."""
    machine = figures["machine"]
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    before, after = figures["load_average"]
    lines = [
        "## 11. Reading YAML: libyaml's C parser against PyYAML's loader (issue 14, item 7)",
        "",
        f"Measured {date} with `{command}`; 1-minute load average {before:.2f} before and "
        f"{after:.2f} after. {machine['nproc']} CPUs ({machine['cpu']}), {machine['memory']} "
        f"RAM, {machine['os']}, {machine['python']}; PyYAML {figures['pyyaml']}, ruamel.yaml "
        f"{machine['libraries']['ruamel.yaml']}. The baseline is `yaml.load(text, "
        "Loader=yaml.CSafeLoader)` of the same text; cmc is `cmc_core.fileformat.loads(text, "
        '"yaml")`, which also checks the guards and builds the canvas. Interleaved in one '
        f"process, medians of {figures['rounds']} rounds (half as many at 100,000 flows); "
        "see `benchmarks/yaml_speed.py`.",
        "",
        "| canvas | YAML | cmc `loads` | CPU | `yaml.load` (CSafeLoader) | cmc × baseline | "
        "per flow | ruamel.yaml round trip (before) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, canvas in figures["canvases"].items():
        cases = canvas["cases"]
        flows = canvas.get("flows")
        per_flow = fmt_time(cases["cmc"]["median"] / flows) if flows else ""
        ruamel = fmt_time(cases["ruamel"]["median"]) if "ruamel" in cases else ""
        lines.append(
            f"| {name} | {canvas['bytes'] / 1000:,.0f} KB | {fmt_time(cases['cmc']['median'])} | "
            f"{fmt_time(cases['cmc']['cpu_median'])} | {fmt_time(cases['pyyaml']['median'])} | "
            f"{canvas['ratio']:.2f}× | {per_flow} | {ruamel} |"
        )
    lines += [
        "",
        "Hostile inputs, each in a fresh process that has read one small document first (median "
        "wall time of three reads; peak RSS of the whole process, the text itself and the "
        "interpreter included):",
        "",
        "| input | size | cmc | cmc peak RSS | what cmc did | `yaml.load` | its peak RSS |",
        "|---|---:|---:|---:|---|---:|---:|",
    ]
    for case, readers in figures["hostile"].items():
        cmc, pyyaml = readers["cmc"], readers["pyyaml"]
        lines.append(
            f"| {case} | {cmc['bytes'] / 1e6:,.1f} MB | {fmt_time(cmc['seconds'])} | "
            f"{cmc['peak_rss'] / 2**20:,.0f} MiB | {cmc['outcome']} | "
            f"{fmt_time(pyyaml['seconds'])} | {pyyaml['peak_rss'] / 2**20:,.0f} MiB |"
        )
    lines += ["", "| budget | measured | result |", "|---|---:|---|"]
    for words, measured, holds in figures["verdicts"]:
        lines.append(f"| {words} | {measured} | **{'PASS' if holds else 'FAIL'}** |")
    lines += [
        "",
        "Before issue 14, item 7, cmc read YAML with ruamel.yaml in round-trip mode (the last "
        "column; section 6 shows it until the next full run). ruamel.yaml now parses a loaded "
        "YAML text only when an edit is merged into it, to keep its comments.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the figures as JSON, or write them into docs/benchmarks.md with ``--update``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="flow counts")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="keep the generated YAML here (reused)")
    parser.add_argument("--update", type=Path, help="write the section into this Markdown file")
    parser.add_argument("--child", choices=sorted(HOSTILE), help=argparse.SUPPRESS)
    parser.add_argument("--reader", choices=("cmc", "pyyaml"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.reader)
        return
    sizes = [int(size) for size in args.sizes.split(",") if size]
    with tempfile.TemporaryDirectory(prefix="cmc-yaml-") as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        figures = measure(sizes, args.rounds, workdir)
    if args.update is None:
        print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())
        return
    command = "python -m benchmarks.yaml_speed " + " ".join(sys.argv[1:] if argv is None else argv)
    replace_section(args.update, "yaml", render(figures, command.strip()))
    failed = [words for words, _measured, holds in figures["verdicts"] if not holds]
    print(f"wrote the yaml section of {args.update}; failed: {failed or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
