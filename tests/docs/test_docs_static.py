"""The Python of the docs (the Sphinx extension, the example checker, the example plugins that
the guides include) is held to the same linter and type checker as the library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs mypy and ruff in other processes

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TYPED = [
    "docs/_ext",
    "docs/_testing",
    *sorted(f"{p.relative_to(ROOT)}" for p in DOCS.glob("examples/*/src")),
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_passes_on_the_docs_python() -> None:
    result = run("ruff", "check", "docs")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes_on_the_docs_extension_and_example_plugins() -> None:
    assert len(TYPED) >= 4
    # docutils ships no type information; everything else is checked strictly. A cache of its
    # own: tests/test_static.py runs mypy on src at the same time on another worker, and two
    # mypy processes writing one cache can break each other.
    cache = ROOT / ".mypy_cache" / "docs-static"
    result = run("mypy", "--strict", "--ignore-missing-imports", "--cache-dir", str(cache), *TYPED)
    assert result.returncode == 0, result.stdout + result.stderr
