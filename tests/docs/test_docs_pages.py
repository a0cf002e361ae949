"""The guides keep their promises: the tutorial is checked command by command, and the how-to
guides show the example plugins' code only in blocks marked with the file it comes from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
FENCE = re.compile(
    r"^(?P<marker>%[^\n]*\n)?```(?P<language>[\w-]*)[^\n]*\n(?P<body>.*?)^```", re.M | re.S
)
HOWTOS = sorted(DOCS.glob("howto-*.md"))


def fenced_blocks(page: Path) -> list[re.Match[str]]:
    return list(FENCE.finditer(page.read_text(encoding="utf-8")))


def test_every_cmc_session_of_the_tutorial_is_checked_against_the_real_cli() -> None:
    sessions = [m for m in fenced_blocks(DOCS / "tutorial.md") if m["language"] == "console"]
    cmc_sessions = [m for m in sessions if "$ cmc " in m["body"]]
    assert len(cmc_sessions) >= 10
    unchecked = [m["body"] for m in cmc_sessions if not (m["marker"] or "").startswith("% check-")]
    assert unchecked == []


def test_the_tutorial_walks_through_every_step_of_the_issue_in_order() -> None:
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    steps = [
        "$ cmc quickscan",
        "$ cmc ask",
        "$ cmc check",
        "$ cmc score",
        "$ cmc export",
        "$ cmc diff",
    ]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)


def _source_lines() -> set[str]:
    """Lines of the example plugins' code long enough to be telling when found in a page."""
    files = [*ROOT.glob("plugins/*/src/**/*.py"), *ROOT.glob("plugins/*/tests/*.py")]
    files += [*DOCS.glob("examples/*/src/**/*.py"), *DOCS.glob("examples/*/tests/*.py")]
    lines = set()
    for path in files:
        lines |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    return {line for line in lines if len(line) >= 40 and not line.startswith(("#", '"""'))}


@pytest.mark.parametrize("page", HOWTOS, ids=[page.stem for page in HOWTOS])
def test_a_howto_guide_shows_plugin_code_only_from_marked_sources(page: Path) -> None:
    """Code is shown inline, after a marker naming its file (test_inlined_sources.py keeps it
    equal to that file); a block copying the examples' code without a marker would rot."""
    text = page.read_text(encoding="utf-8")
    sources = re.findall(r"^<!-- from: (\S+)", text, re.MULTILINE)
    assert sources, f"{page.name} shows no example file"
    for source in sources:
        assert (page.parent / source).is_file(), source
    known = _source_lines()
    for block in fenced_blocks(page):
        if text[: block.start()].rstrip().endswith("-->"):
            continue  # a marked block
        copied = [line for line in block["body"].splitlines() if line.strip() in known]
        assert len(copied) < 2, f"{page.name} copies code without naming its source: {copied}"


def test_there_is_a_howto_guide_for_each_kind_of_plugin() -> None:
    assert [page.stem for page in HOWTOS] == [
        "howto-exporter",
        "howto-questionnaire",
        "howto-rule",
        "howto-scorer",
    ]
