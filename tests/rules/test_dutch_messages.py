"""Every rule message speaks Dutch in a Dutch run: over every canvas of the repository's tests
and examples that loads, no finding carries an English word the canvas itself does not hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.english import english_words

from cmc_core.fileformat import CanvasLoadError, load
from cmc_core.rules import validate
from cmc_core.translation import using_language

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    path
    for folder in (
        "src/cmc_core/examples",
        "tests/cases/data",
        "tests/fuzz/corpus",
        "tests/hostile",
    )
    for path in (ROOT / folder).rglob("*.cmc.*")
    if path.suffix in {".yaml", ".json", ".toml"}
)


def _loads(path: Path) -> bool:
    try:
        load(path)
    except (CanvasLoadError, OSError, ValueError):
        return False
    return True


#: The canvases that load (the others are the loader's business, tested with the hostile corpus).
CANVASES = [path for path in FILES if _loads(path)]


def test_there_are_canvases_to_look_at() -> None:
    assert len(CANVASES) > 50


@pytest.mark.parametrize("path", CANVASES, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_dutch_validation_has_no_english_word_but_the_canvass_own(path: Path) -> None:
    canvas = load(path).canvas
    with using_language("nl"):
        report = validate(canvas)
    allowed = re.findall(r"[A-Za-z]+", path.read_text(encoding="utf-8", errors="replace"))
    messages = "\n".join(f"{d.code} {d.message}" for d in report)
    assert english_words(messages, allowed=allowed) == []
