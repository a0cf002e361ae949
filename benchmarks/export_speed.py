"""What exporting a large canvas costs: html, svg and markdown against loading the same file.

``python -m benchmarks.export_speed [--flows 10000] [--rounds 7] [--update docs/benchmarks.md]``
prints the figures as JSON, or writes them into the ``exporters`` section of the report.

The canvas is the generated one of :mod:`benchmarks.generate` (``--flows`` value flows,
``flows / 10`` parties, every block filled), written as a JSON canvas file. One round loads the
file with :func:`cmc_core.fileformat.load` and exports the loaded canvas to each format,
in an order rotated every round; the figures are the medians over the rounds, wall time and
the process's CPU time (which other processes on the machine disturb less). Before the rounds,
one export of each warms up what a ``cmc export`` pays once per process (imports, compiling
the templates); before every export the exporters' caches (escaped names, word widths) are
emptied, so each export starts from nothing, as in a fresh process.

Issue 6's budget: each export takes at most five times as long as loading the canvas.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from benchmarks.generate import make_document, to_json_bytes
from benchmarks.sections import replace_section

__all__ = ["BUDGET", "EXPORTERS", "main", "measure"]

#: Issue 6: an export may take at most this many times the load time.
BUDGET = 5.0
#: The exporters measured, by name.
EXPORTERS = ("html", "svg", "markdown")


def _clear_caches() -> None:
    from cmc_exporters import _markdown_text, _measure, html, markdown

    _markdown_text.markdown_text.cache_clear()
    _measure._em_width.cache_clear()
    html._cell.cache_clear()
    markdown._cell.cache_clear()


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(flows: int, rounds: int) -> dict[str, Any]:
    """Median wall and CPU seconds of loading and of each export, and the ratios to loading."""
    from cmc_core.fileformat import load
    from cmc_core.plugins import load_plugins

    exporters = load_plugins(allow=()).exporters
    with tempfile.TemporaryDirectory(prefix="cmc-export-speed-") as scratch:
        path = Path(scratch) / f"generated-{flows}.cmc.json"
        path.write_bytes(to_json_bytes(make_document(flows)))
        canvas = load(path).canvas
        cases: dict[str, Callable[[], object]] = {"load": lambda: load(path)}
        for name in EXPORTERS:
            exporter = exporters.get(name)
            cases[name] = lambda exporter=exporter: exporter.export_bytes(canvas)  # type: ignore[misc]
        sizes = {name: len(exporters.get(name).export_bytes(canvas)) for name in EXPORTERS}
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        names = list(cases)
        for round_number in range(rounds):
            order = names[round_number % len(names) :] + names[: round_number % len(names)]
            for name in order:
                _clear_caches()
                samples[name].append(_timed(cases[name]))
        file_size = path.stat().st_size
    wall = {name: statistics.median(s[0] for s in values) for name, values in samples.items()}
    cpu = {name: statistics.median(s[1] for s in values) for name, values in samples.items()}
    return {
        "flows": flows,
        "parties": len(canvas.parties),
        "file_bytes": file_size,
        "rounds": rounds,
        "output_bytes": sizes,
        "wall_s": wall,
        "cpu_s": cpu,
        "ratio_wall": {name: wall[name] / wall["load"] for name in EXPORTERS},
        "ratio_cpu": {name: cpu[name] / cpu["load"] for name in EXPORTERS},
    }


def render(figures: dict[str, Any], command: str, load: tuple[float, float]) -> str:
    """The section of docs/benchmarks.md for these figures."""
    wall, cpu = figures["wall_s"], figures["cpu_s"]
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## 9. Exporters: {figures['flows']:,} flows to html, svg and markdown (issue 6)",
        "",
        f"Measured {date} with `{command}`; 1-minute load average {load[0]:.2f} before and "
        f"{load[1]:.2f} after. The generated canvas ({figures['flows']:,} flows, "
        f"{figures['parties']:,} parties, {figures['file_bytes']:,} bytes of JSON) is loaded "
        "and exported in each round, in rotating order, with the exporters' caches emptied "
        "before every export and one warm-up export of each before the rounds (imports, "
        f"template compilation). Medians of {figures['rounds']} rounds; an export includes "
        "validating and scoring the canvas.",
        "",
        "| step | wall | CPU | output | × load (wall) | × load (CPU) | budget |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| `load` (JSON) | {wall['load'] * 1000:.0f} ms | {cpu['load'] * 1000:.0f} ms | | | | |",
    ]
    for name in EXPORTERS:
        ratio = figures["ratio_wall"][name]
        verdict = "PASS" if ratio <= BUDGET else "FAIL"
        lines.append(
            f"| export `{name}` | {wall[name] * 1000:.0f} ms | {cpu[name] * 1000:.0f} ms | "
            f"{figures['output_bytes'][name]:,} bytes | {ratio:.2f} | "
            f"{figures['ratio_cpu'][name]:.2f} | <= {BUDGET:g}× load: **{verdict}** |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the figures as JSON, or write them into docs/benchmarks.md with ``--update``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--update", type=Path, help="write the section into this Markdown file")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    figures = measure(args.flows, args.rounds)
    after = os.getloadavg()[0]
    if args.update is None:
        print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())
        return
    command = "python -m benchmarks.export_speed " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    replace_section(args.update, "exporters", render(figures, command.strip(), (before, after)))
    print(f"wrote the exporters section of {args.update}: {figures['ratio_wall']}", file=sys.stderr)


if __name__ == "__main__":
    main()
