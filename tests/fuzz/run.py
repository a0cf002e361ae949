"""Run fuzz targets for a while each: ``python tests/fuzz/run.py --seconds 60 [TARGET ...]``.

Every target runs in its own process (``fuzz_<target>.py``) with its dictionary of tokens
(``dicts/<target>.dict``: keys, enum values, syntax) on its seed corpus
(``corpus/<target>/``, read only) and a working corpus (``work/<target>/``, where libFuzzer keeps
the new inputs it finds; not in git). A crashing input is written to ``crashes/<target>/``.
The exit status is 0 when no target found anything, else 1; the last lines of each target's
log (``work/<target>.log``) are printed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from targets import TARGETS

HERE = Path(__file__).resolve().parent


def command(target: str, seconds: int, extra: list[str]) -> list[str]:
    """The command line that fuzzes ``target`` for ``seconds``."""
    work = HERE / "work" / target
    crashes = HERE / "crashes" / target
    work.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    return [
        sys.executable,
        str(HERE / f"fuzz_{target}.py"),
        str(work),
        str(HERE / "corpus" / target),
        f"-max_total_time={seconds}",
        f"-artifact_prefix={crashes}/",
        f"-dict={HERE / 'dicts' / f'{target}.dict'}",
        "-max_len=16384",
        "-timeout=20",
        "-rss_limit_mb=3072",
        "-print_final_stats=1",
        *extra,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=", ".join(TARGETS))
    parser.add_argument("--seconds", type=int, default=60, help="per target (default 60)")
    parser.add_argument("--jobs", type=int, default=1, help="targets run at once (default 1)")
    parser.add_argument(
        "--libfuzzer", action="append", default=[], metavar="ARG", help="passed on; repeatable"
    )
    options = parser.parse_args(argv)
    names = options.targets or list(TARGETS)
    unknown = [name for name in names if name not in TARGETS]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}; the targets are {', '.join(TARGETS)}")
    failed: list[str] = []
    for start in range(0, len(names), max(options.jobs, 1)):
        batch = names[start : start + max(options.jobs, 1)]
        running = {}
        for name in batch:
            (HERE / "work").mkdir(exist_ok=True)
            log = (HERE / "work" / f"{name}.log").open("w")
            print(f"fuzzing {name} for {options.seconds} s", flush=True)
            process = subprocess.Popen(
                command(name, options.seconds, options.libfuzzer),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            running[name] = (process, log)
        for name, (process, log) in running.items():
            status = process.wait()
            log.close()
            tail = (HERE / "work" / f"{name}.log").read_text(errors="replace").splitlines()
            print(f"--- {name}: exit status {status}", *tail[-6:], sep="\n", flush=True)
            if status != 0:
                failed.append(name)
    if failed:
        print(f"findings in: {', '.join(failed)} (inputs in tests/fuzz/crashes/)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
