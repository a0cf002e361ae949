"""What ``import cmc_core`` costs: time in fresh interpreters, and which packages it pulls in.

``python -m benchmarks.imports [--runs 9]`` prints the figures as JSON.

- ``-X importtime``: the cumulative time CPython reports for ``cmc_core`` itself (median of
  ``--runs`` fresh interpreters), the packages with the most import time (self time summed
  per top-level package) and the slowest modules (cumulative, so nested figures overlap), both
  from the median run.
- wall clock: ``python -c "import cmc_core"`` minus ``python -c "pass"``, medians over the same
  number of fresh interpreters, started alternately.
- modules: every top-level package that ``import cmc_core`` adds to ``sys.modules`` beyond a
  bare interpreter, split into standard library and third party, and the forbidden ones found.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from typing import Any

import orjson

__all__ = ["FORBIDDEN", "main", "measure"]

#: Packages that ``import cmc_core`` must not import (CLI, YAML, templates, graphs, tests).
FORBIDDEN = ("click", "ruamel", "jinja2", "networkx", "hypothesis", "yaml", "pluggy", "jsonschema")

_MODULES_SCRIPT = """
import sys
before = set(sys.modules)
import cmc_core
added = sorted(set(sys.modules) - before)
print("\\n".join(added))
"""


def _importtime(python: str) -> tuple[float, dict[str, float], dict[str, float]]:
    """cmc_core's cumulative import time, the self time per top-level package, and the
    cumulative time per module (nested: a module's figure includes what it imports), in
    seconds."""
    completed = subprocess.run(
        [python, "-X", "importtime", "-c", "import cmc_core"],
        capture_output=True,
        text=True,
        check=True,
    )
    total = 0.0
    per_package: dict[str, float] = defaultdict(float)
    per_module: dict[str, float] = {}
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = (part.strip() for part in line[12:].split("|"))
        per_package[name.split(".")[0]] += int(self_us) / 1e6
        per_module[name] = int(cumulative_us) / 1e6
        if name == "cmc_core":
            total = int(cumulative_us) / 1e6
    return total, dict(per_package), per_module


def _wall(python: str, code: str) -> float:
    started = time.perf_counter()
    subprocess.run([python, "-c", code], check=True)
    return time.perf_counter() - started


def measure(runs: int = 9, python: str = sys.executable) -> dict[str, Any]:
    """The figures described in the module docstring."""
    added = subprocess.run(
        [python, "-c", _MODULES_SCRIPT], capture_output=True, text=True, check=True
    ).stdout.split()
    packages = sorted({name.split(".")[0] for name in added})
    importtimes = [_importtime(python) for _ in range(runs)]
    totals = [run[0] for run in importtimes]
    _total, median_run, median_modules = sorted(importtimes, key=lambda run: run[0])[
        len(importtimes) // 2
    ]
    # only what import cmc_core added, not the interpreter's own start-up imports
    heaviest = sorted(
        ((name, seconds) for name, seconds in median_run.items() if name in packages),
        key=lambda item: -item[1],
    )[:12]
    slowest_modules = sorted(
        (
            (name, seconds)
            for name, seconds in median_modules.items()
            if name != "cmc_core" and name.split(".")[0] in packages
        ),
        key=lambda item: -item[1],
    )[:15]
    bare, with_cmc = [], []
    for _ in range(runs):
        bare.append(_wall(python, "pass"))
        with_cmc.append(_wall(python, "import cmc_core"))
    stdlib = [name for name in packages if name in sys.stdlib_module_names or name.startswith("_")]
    third_party = [name for name in packages if name not in stdlib]
    return {
        "runs": runs,
        "importtime_cumulative": statistics.median(totals),
        "importtime_min": min(totals),
        "heaviest_packages": heaviest,
        "slowest_modules": slowest_modules,
        "wall_bare": statistics.median(bare),
        "wall_import": statistics.median(with_cmc),
        "wall_difference": statistics.median(with_cmc) - statistics.median(bare),
        "modules_added": len(added),
        "stdlib_packages": stdlib,
        "third_party_packages": third_party,
        "forbidden_found": [name for name in FORBIDDEN if name in packages],
    }


def main(argv: list[str] | None = None) -> None:
    """Print the import figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    sys.stdout.write(orjson.dumps(measure(args.runs), option=orjson.OPT_INDENT_2).decode() + "\n")


if __name__ == "__main__":
    main()
