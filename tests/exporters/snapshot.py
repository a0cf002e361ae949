"""Snapshot files of exporter outputs, shared by the exporter tests.

A snapshot is the exact bytes an exporter wrote for one canvas and set of options, stored in
``tests/exporters/snapshots/<exporter>/<name>``. A change to an exporter's output then shows as
a failing test and, once accepted, as a readable diff of the snapshot in review. Run the tests
with ``CMC_UPDATE_SNAPSHOTS=1`` to (re)write the snapshots instead of comparing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["SNAPSHOTS", "assert_matches_snapshot"]

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_matches_snapshot(exporter: str, name: str, output: bytes) -> None:
    """``output`` equals the stored snapshot ``snapshots/<exporter>/<name>`` byte for byte;
    with ``CMC_UPDATE_SNAPSHOTS=1`` it is stored instead."""
    path = SNAPSHOTS / exporter / name
    if os.environ.get("CMC_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output)
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path}; run with CMC_UPDATE_SNAPSHOTS=1 to write it")
    if path.read_bytes() != output:
        pytest.fail(
            f"the output differs from the snapshot {path}; if the change is intended, rerun "
            "with CMC_UPDATE_SNAPSHOTS=1 and review the diff of the snapshot"
        )
