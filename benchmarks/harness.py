"""Timing, machine facts and number formatting shared by the benchmark scripts.

Method (as in ``shared/performance.md``): all cases of one size run in one process, interleaved
round-robin with the order rotated each round; a sample loops small sizes so that it lasts about
100k flows' worth of work; tables give the median and the min. The GC setting is part of a case:
a ``gc_paused`` case runs with the cyclic GC disabled around each call, as cmc might do inside.
Results are kept alive until the clock has stopped, so no case pays for freeing its output.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "Case",
    "Samples",
    "fmt_bytes",
    "fmt_time",
    "load_average",
    "loops_for",
    "machine_facts",
    "time_cases",
]

#: The libraries whose versions every report states.
LIBRARIES = ("attrs", "cattrs", "orjson", "msgspec", "pydantic", "pydantic-core", "ruamel.yaml")


@dataclass(frozen=True)
class Case:
    """One thing to time: a call with no arguments, under a GC setting."""

    name: str
    call: Callable[[], object]
    gc_paused: bool = False


@dataclass
class Samples:
    """The per-call times of one case, one per round, and the GC collections it triggered."""

    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    collections: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        """The median time per call."""
        return statistics.median(self.seconds)

    @property
    def minimum(self) -> float:
        """The fastest round's time per call."""
        return min(self.seconds)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary, with the raw samples."""
        return {
            "median": self.median,
            "min": self.minimum,
            "samples": self.seconds,
            # CPU time of this process: less inflated than wall time when other processes
            # compete for the cores, though cache and memory contention still show in it
            "cpu_median": statistics.median(self.cpu_seconds),
            "cpu_min": min(self.cpu_seconds),
            "collections_per_call": statistics.median(self.collections),
        }


class _CollectionCounter:
    """Counts the cyclic GC's collections, so a report can show which code paused it."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self.count += 1


def loops_for(flows: int, work: int = 100_000) -> int:
    """How many calls make one sample, so that a sample covers about ``work`` flows."""
    return max(1, work // flows)


def _sample(case: Case, loops: int, counter: _CollectionCounter) -> tuple[float, float, float]:
    gc.collect()
    pause = case.gc_paused and gc.isenabled()
    total = cpu_total = 0.0
    collections_before = counter.count
    clock, cpu_clock = time.perf_counter, time.process_time
    if pause:
        gc.disable()
    try:
        for _ in range(loops):
            cpu_started, started = cpu_clock(), clock()
            result = case.call()
            total += clock() - started
            cpu_total += cpu_clock() - cpu_started
            del result  # freed outside the clock
    finally:
        if pause:
            gc.enable()
    return total / loops, cpu_total / loops, (counter.count - collections_before) / loops


def time_cases(
    cases: Sequence[Case], rounds: int, loops: int, progress: Callable[[str], None] | None = None
) -> dict[str, Samples]:
    """Run every case ``rounds`` times, interleaved, rotating the order each round."""
    results = {case.name: Samples() for case in cases}
    counter = _CollectionCounter()
    gc.callbacks.append(counter)
    try:
        for round_index in range(rounds):
            start = round_index % len(cases)
            for case in [*cases[start:], *cases[:start]]:
                seconds, cpu_seconds, collections = _sample(case, loops, counter)
                results[case.name].seconds.append(seconds)
                results[case.name].cpu_seconds.append(cpu_seconds)
                results[case.name].collections.append(collections)
            if progress is not None:
                progress(f"round {round_index + 1}/{rounds} done")
    finally:
        gc.callbacks.remove(counter)
    return results


def fmt_time(seconds: float) -> str:
    """A duration with three significant figures and a unit: ``341 µs``, ``2.40 s``."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{_three_figures(seconds / scale)} {unit}"
    return f"{_three_figures(seconds / 1e-9)} ns"


def _three_figures(number: float) -> str:
    if number >= 100:
        return f"{number:.0f}"
    if number >= 10:
        return f"{number:.1f}"
    return f"{number:.2f}"


def fmt_bytes(count: float) -> str:
    """A size in MiB (or KiB below one MiB)."""
    if count >= 2**20:
        return f"{count / 2**20:,.0f} MiB"
    return f"{count / 2**10:,.0f} KiB"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def load_average() -> float:
    """The 1-minute load average (other processes compete for the CPUs when it is high)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return float("nan")


def machine_facts() -> dict[str, Any]:
    """What the numbers were measured on: CPUs, memory, OS, Python and library versions."""
    return {
        "nproc": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "cpu": _cpu_model(),
        "memory": _memory_total(),
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "libraries": {name: _version(name) for name in (*LIBRARIES, "cmc")},
    }
