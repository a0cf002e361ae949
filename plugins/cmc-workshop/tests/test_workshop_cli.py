"""`cmc workshop start|serve|merge|report` through cmc's own command line."""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from cmc_core.cli import cli
from cmc_core.examples import example_text

from cmc_workshop.folder import Workshop


def _english_words() -> Callable[..., list[str]]:
    """cmc's stop-word check of Dutch output (``tests/english.py`` of the checkout)."""
    path = Path(__file__).resolve().parents[3] / "tests" / "english.py"
    spec = importlib.util.spec_from_file_location("cmc_tests_english", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: Callable[..., list[str]] = module.english_words
    return found


english_words = _english_words()

BOUNDARY, GOAL, TARGET = "block-boundary", "boundary-goal", "boundary-target-group"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "port.cmc.yaml").write_text(example_text("port-logistics"), encoding="utf-8")


def _cmc(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def room(tmp_path: Path) -> Workshop:
    made = Workshop.start(tmp_path / "room", tmp_path / "port.cmc.yaml", title="Havendag")
    alice, bob = made.join("Alice"), made.join("Bob")
    made.save_answers(alice, BOUNDARY, {GOAL: "Minder lege ritten", TARGET: "Verladers"})
    made.save_answers(bob, BOUNDARY, {GOAL: "Meer treinen", TARGET: "verladers"})
    return made


def test_start_prints_the_join_code_and_the_facilitator_page(tmp_path: Path) -> None:
    result = _cmc("workshop", "start", "room", "--canvas", "port.cmc.yaml", "--lang", "en")
    assert result.exit_code == 0, result.output
    made = Workshop.open(tmp_path / "room")
    assert f"Join code for the participants: {made.join_code}" in result.output
    assert f"/f/{made.facilitator_token}" in result.output
    assert made.title == "Havencommunity Noordmonde"  # the canvas's name, by default
    again = _cmc("workshop", "start", "room", "--canvas", "port.cmc.yaml", "--lang", "en")
    assert again.exit_code == 2
    assert "holds a workshop already" in again.stderr
    assert "Traceback" not in again.output


def test_dutch_output_has_no_english(room: Workshop, tmp_path: Path) -> None:
    started = _cmc("workshop", "start", "other", "--canvas", "port.cmc.yaml", "--lang", "nl")
    assert started.exit_code == 0
    assert "Deelnamecode" in started.output
    merged = _cmc("workshop", "merge", "room", "--lang", "nl")
    assert merged.exit_code == 0
    assert "## Verdeeld: te bespreken (1)" in merged.stdout
    failed = _cmc("workshop", "merge", "nowhere", "--lang", "nl")
    assert failed.exit_code == 2
    assert failed.stderr.startswith("Fout: nowhere is geen workshopmap")
    for output in (started.output, merged.output, failed.output):
        assert english_words(output, allowed=["Alice", "Bob"]) == []


def test_merge_writes_the_report_and_the_canvas(room: Workshop, tmp_path: Path) -> None:
    result = _cmc(
        "workshop", "merge", "room", "--format", "html", "-o", "agenda.html",
        "--canvas-out", "merged.cmc.yaml", "--lang", "en",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = (tmp_path / "agenda.html").read_text("utf-8")
    statuses = re.findall(r'data-question="([^"]+)" data-status="([^"]+)"', page)
    assert statuses[:2] == [(GOAL, "divided"), (TARGET, "unanimous")]
    assert "1 open point." in result.stderr
    assert "Verladers" in (tmp_path / "merged.cmc.yaml").read_text("utf-8")


def test_merge_gives_the_same_agenda_as_the_library(room: Workshop) -> None:
    from cmc_workshop.agreement import agenda

    room.decide(BOUNDARY, TARGET, "Verladers", by="Facilitator")
    result = _cmc("workshop", "merge", "room", "--format", "html", "--lang", "en")
    shown = re.findall(r'data-question="([^"]+)" data-status="([^"]+)"', result.stdout)
    opened = Workshop.open(room.path)
    expected = agenda(opened.questionnaires(), opened.answers(), opened.decisions())
    assert shown == [(item.question, item.status) for item in expected]
    assert (TARGET, "decided") in shown


def test_report_html_is_the_poster_with_the_decisions(room: Workshop, tmp_path: Path) -> None:
    room.decide(BOUNDARY, TARGET, "Verladers", by="<b>Facilitator</b>")
    result = _cmc("workshop", "report", "room", "--to", "html", "-o", "day.html", "--lang", "en")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "day.html").read_text("utf-8")
    section = page[page.index('<section class="workshop-decisions"') :]
    assert "Havencommunity Noordmonde" in page  # the poster
    assert "Verladers" in section
    assert "agreed: Alice, Bob" in section
    assert "&lt;b&gt;Facilitator&lt;/b&gt;" in section
    assert "Open points" in section
    assert "Meer treinen (Bob)" in section
    assert section.index("</section>") < section.index("</main>")


def test_report_pptx_needs_the_pptx_plugin(room: Workshop, tmp_path: Path) -> None:
    result = _cmc(
        "--block-plugins", "pptx", "workshop", "report", "room", "--to", "pptx",
        "-o", "day.pptx", "--lang", "en",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "install the cmc-pptx plugin" in result.stderr
    assert not (tmp_path / "day.pptx").exists()


def test_serve_without_starlette_says_which_extra_to_install(
    room: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)
    result = _cmc("workshop", "serve", "room", "--lang", "en")
    assert result.exit_code == 2
    assert 'pip install "cmc-workshop[serve]"' in result.stderr


def test_serve_without_the_server_part_says_so(
    room: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cmc_workshop.server", None)
    result = _cmc("workshop", "serve", "room", "--lang", "en")
    assert result.exit_code == 2
    assert "cmc_workshop.server is missing" in result.stderr


def test_serve_runs_the_server_with_the_workshop(
    room: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, str, int]] = []
    fake = types.ModuleType("cmc_workshop.server")
    fake.run = lambda found, *, host, port: calls.append((found.path, host, port))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cmc_workshop.server", fake)
    result = _cmc("workshop", "serve", "room", "--port", "9999", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert calls == [(Path("room"), "127.0.0.1", 9999)]
    assert result.output == ""  # the server says where to go once it listens, not before
