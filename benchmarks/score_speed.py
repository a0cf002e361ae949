"""Scoring a generated canvas against loading it, in the same process (issue 5's budget, as
issue 12 restated it).

``python -m benchmarks.score_speed [--flows 1000000] [--rounds 3] [--update docs/benchmarks.md]``

The canvas is generated once (deterministic, ``benchmarks.generate``) and written as canonical
JSON. Each round loads it with :func:`cmc_core.fileformat.load` and scores the loaded canvas with
every built-in scorer, network analysis included (:func:`cmc_core.scoring.score_canvas`),
alternately, so that drift in the machine's load hits both alike. The budget: scoring takes at
most four times as long as loading.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from benchmarks.generate import DEFAULT_SEED, make_document, to_json_bytes
from benchmarks.sections import replace_section

__all__ = ["BUDGET_RATIO", "main", "measure"]

#: Issue 5: scoring a 1M-flow canvas takes at most this many times its loading.
BUDGET_RATIO = 4.0  # issue 12: loading became faster than the 3x of issue 5 assumed


def measure(flows: int, rounds: int, workdir: Path) -> dict[str, Any]:
    """Load and score times in seconds, per round."""
    from cmc_core.fileformat import load
    from cmc_core.scoring import score_canvas

    path = workdir / f"score-{flows}.cmc.json"
    if not path.exists():
        path.write_bytes(to_json_bytes(make_document(flows, DEFAULT_SEED)))
    loads: list[float] = []
    scores: list[float] = []
    overall = None
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        canvas = load(path).canvas
        loads.append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        card = score_canvas(canvas)
        scores.append(time.perf_counter() - start)
        overall = card.overall
        del canvas, card
    return {
        "flows": flows,
        "rounds": rounds,
        "load": loads,
        "score": scores,
        "overall": overall,
        "ratio": statistics.median(scores) / statistics.median(loads),
    }


def render(figures: dict[str, Any], command: str, load: tuple[float, float]) -> str:
    """The section of docs/benchmarks.md for these figures."""
    load_median, score_median = (
        statistics.median(figures["load"]),
        statistics.median(figures["score"]),
    )
    ratio = figures["ratio"]
    verdict = "PASS" if ratio <= BUDGET_RATIO else "FAIL"
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            f"## 8. Scoring {figures['flows']:,} flows against loading them (issue 5)",
            "",
            f"Measured {date} with `{command}`; 1-minute load average {load[0]:.2f} before and "
            f"{load[1]:.2f} after. Each of {figures['rounds']} rounds loads the generated canvas "
            "(canonical JSON) with `cmc_core.fileformat.load` and then scores it with every "
            "built-in scorer, the value-network analysis included (`score_canvas`).",
            "",
            "| step | median | min | all rounds |",
            "|---|---:|---:|---|",
            f"| load | {load_median:.2f} s | {min(figures['load']):.2f} s | "
            + ", ".join(f"{t:.2f}" for t in figures["load"])
            + " |",
            f"| score card | {score_median:.2f} s | {min(figures['score']):.2f} s | "
            + ", ".join(f"{t:.2f}" for t in figures["score"])
            + " |",
            "",
            f"Scoring takes **{ratio:.2f}x** the load time (budget <= {BUDGET_RATIO:.0f}x): "
            f"**{verdict}**. On mins: {min(figures['score']) / min(figures['load']):.2f}x.",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    """Print the figures as JSON, or write them into docs/benchmarks.md with ``--update``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="keep the generated canvas here (reused)")
    parser.add_argument("--update", type=Path, help="write the section into this Markdown file")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="cmc-score-") as scratch:
        figures = measure(args.flows, args.rounds, args.workdir or Path(scratch))
    after = os.getloadavg()[0]
    if args.update is None:
        print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())
        return
    command = "python -m benchmarks.score_speed " + " ".join(sys.argv[1:] if argv is None else argv)
    replace_section(args.update, "scoring", render(figures, command.strip(), (before, after)))
    print(
        f"wrote the scoring section of {args.update}: ratio {figures['ratio']:.2f}", file=sys.stderr
    )


if __name__ == "__main__":
    main()
