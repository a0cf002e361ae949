"""Every seed and every saved crash input, through the same target functions the fuzzers run.

Needs no atheris: a crash the fuzzer found stays a failing test until it is fixed, and a seed
that stops loading, or stops surviving its round trip, is noticed in the normal test suite.
Inputs whose bug is known and not fixed yet are listed in :data:`KNOWN` with the reason; their
replay is expected to fail (not strictly: it passes once the bug is fixed, and the entry then
goes).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .targets import TARGETS

HERE = Path(__file__).parent
#: A replay taking longer than this counts as a hang (libFuzzer saves those as ``timeout-*``).
SECONDS = 5.0

#: Inputs that fail today, by path under tests/fuzz, with the bug.
KNOWN: dict[str, str] = {}


def _inputs() -> list[object]:
    params: list[object] = []
    for target in TARGETS:
        for folder in ("corpus", "crashes"):
            directory = HERE / folder / target
            if not directory.is_dir():
                continue
            for path in sorted(directory.iterdir()):
                if path.name.startswith(".") or not path.is_file():
                    continue
                name = path.relative_to(HERE).as_posix()
                marks = []
                if name in KNOWN:
                    marks.append(pytest.mark.xfail(reason=KNOWN[name], strict=False))
                params.append(pytest.param(target, path, id=name, marks=marks))
    return params


def test_every_target_has_a_seed_corpus_a_dictionary_and_a_script() -> None:
    for target in TARGETS:
        assert any((HERE / "corpus" / target).iterdir()), target
        assert (HERE / "dicts" / f"{target}.dict").is_file(), target
        assert (HERE / f"fuzz_{target}.py").is_file(), target


def test_every_known_failure_names_a_saved_input() -> None:
    assert [name for name in KNOWN if not (HERE / name).is_file()] == []


@pytest.mark.parametrize(("target", "path"), _inputs())
def test_an_input_gives_a_documented_error_or_survives_what_follows(
    target: str, path: Path
) -> None:
    started = time.perf_counter()
    TARGETS[target](path.read_bytes())  # raises on a crash or a broken promise
    assert time.perf_counter() - started < SECONDS
