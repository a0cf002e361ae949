"""Memory of one decoded document, measured in a fresh process (one process per measurement).

``python -m benchmarks.memory --subject cmc --file canvas.cmc.json --mode retained``

- ``retained``: tracemalloc's traced size after ``gc.collect()``, counting only what the decoded
  object keeps alive (the JSON bytes were read before tracing began and are freed).
- ``peak``: peak RSS (``VmHWM``, reset just before the decode through ``/proc/self/clear_refs``),
  RSS before and after, and the time of this single cold decode. tracemalloc is off here, since
  it slows the decode and adds its own memory. ``ru_maxrss`` is not used: Linux carries the
  parent's peak across fork and exec into it.

Each decoder is warmed up on a tiny document first, so that lazy imports and converters built on
first use are not counted as the document's memory.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import orjson

from benchmarks.generate import make_document, to_json_bytes
from benchmarks.subjects import DECODERS, decoder

__all__ = ["main"]


def _status(field: str) -> int | None:
    """A ``/proc/self/status`` figure, in bytes."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def measure_retained(subject: str, path: Path, flows: int) -> dict[str, Any]:
    """Bytes kept alive by the decoded document, in total and per flow."""
    decode = decoder(subject)
    decode(to_json_bytes(make_document(10)))  # warm-up: lazy imports, converters
    data = path.read_bytes()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    document = decode(data)
    del data
    gc.collect()
    retained = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del document
    return {"retained": retained, "per_flow": retained / flows}


def measure_peak(subject: str, path: Path) -> dict[str, Any]:
    """Peak RSS during the decode, RSS before and after, and the single cold decode time."""
    decode = decoder(subject)
    decode(to_json_bytes(make_document(10)))
    data = path.read_bytes()
    gc.collect()
    reset = _reset_peak()
    before = _status("VmRSS")
    started = time.perf_counter()
    document = decode(data)
    seconds = time.perf_counter() - started
    peak = _status("VmHWM")
    del data
    gc.collect()
    after = _status("VmRSS")
    del document
    return {
        "rss_before": before,
        "peak_rss": peak,
        "peak_reset": reset,
        "rss_after": after,
        "cold_decode_seconds": seconds,
    }


def main(argv: list[str] | None = None) -> None:
    """Measure one subject in one mode and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subject", choices=sorted(DECODERS), required=True)
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--flows", type=int, required=True)
    parser.add_argument("--mode", choices=("retained", "peak"), required=True)
    args = parser.parse_args(argv)
    if args.mode == "retained":
        figures = measure_retained(args.subject, args.file, args.flows)
    else:
        figures = measure_peak(args.subject, args.file)
    sys.stdout.write(orjson.dumps(figures).decode() + "\n")


if __name__ == "__main__":
    main()
