"""What a reviewer's attack found: damaged files, failed writes, invisible characters, empty
decisions, look-alike names, secret files, the participant's language, the report's language."""

from __future__ import annotations

import logging
import os
import stat
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from cmc_core.cli import cli
from cmc_core.examples import example_text

from cmc_workshop.agreement import agenda
from cmc_workshop.folder import AnswersProblems, Participant, Workshop, WorkshopError
from cmc_workshop.merge import workshop_report
from cmc_workshop.records import WorkshopIOError
from cmc_workshop.report import decisions_markdown, decisions_section

GOAL, INSIDE, BOUNDARY = "boundary-goal", "boundary-inside", "block-boundary"
PARENT = "boundary-parent-domain"  # one line of text


@pytest.fixture
def room(tmp_path: Path) -> Workshop:
    canvas = tmp_path / "port.cmc.yaml"
    canvas.write_text(example_text("port-logistics"), encoding="utf-8")
    return Workshop.start(tmp_path / "room", canvas, title="Havendag")


# -- 1. one damaged participant's file ------------------------------------------------------


def test_a_damaged_answers_file_leaves_out_only_its_participant(
    room: Workshop, caplog: pytest.LogCaptureFixture
) -> None:
    alice, bob = room.join("Alice"), room.join("Bob")
    room.save_answers(alice, BOUNDARY, {GOAL: "Fewer empty trips"})
    room.save_answers(bob, BOUNDARY, {GOAL: "More trains"})
    damaged = room.answers_path / "bob.cmc-answers.yaml"
    damaged.write_text("answers: [\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="cmc_workshop"):
        assert room.answers() == {"Alice": {GOAL: "Fewer empty trips"}}
    assert any("bob.cmc-answers.yaml" in r.getMessage() for r in caplog.records)
    items = agenda(room.questionnaires(), room.answers(), room.decisions())
    assert any(item.question == GOAL and item.answered == 1 for item in items)
    assert room.join("Carol").name == "Carol"
    with pytest.raises(WorkshopError, match="taken"):
        room.join("bob")  # the participant file is whole: the name is known
    assert damaged.read_text("utf-8") == "answers: [\n"


def test_a_damaged_participant_file_is_left_out_and_never_overwritten(
    room: Workshop, caplog: pytest.LogCaptureFixture
) -> None:
    room.join("Alice")
    room.join("Bob")
    damaged = room.answers_path / "bob.participant.toml"
    damaged.write_text("garbage = [\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="cmc_workshop"):
        assert [p.name for p in room.participants()] == ["Alice"]
    warned = [r.getMessage() for r in caplog.records if r.name == "cmc_workshop"]
    assert any("bob.participant.toml" in m and "TOML" in m for m in warned)
    assert list(room.answers()) == ["Alice"]
    assert room.join("Carol").slug == "carol"
    with pytest.raises(WorkshopError, match=r"bob\.participant\.toml .*damaged"):
        room.join("Bob")
    assert damaged.read_text("utf-8") == "garbage = [\n"


# -- 2. all or nothing -----------------------------------------------------------------------


def test_a_decision_that_cannot_be_recorded_leaves_the_canvas_as_it_was(room: Workshop) -> None:
    before = room.canvas_path.read_bytes()
    (room.path / "decisions.yaml").mkdir()
    with pytest.raises(WorkshopIOError, match=r"decisions\.yaml") as raised:
        room.decide(BOUNDARY, GOAL, "Fewer empty trips", by="F")
    assert not isinstance(raised.value, AnswersProblems)
    assert "Errno" not in str(raised.value)
    assert room.canvas_path.read_bytes() == before


def test_a_failed_write_of_the_decisions_restores_the_canvas(
    room: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cmc_workshop import decisions, storage

    room.decide(BOUNDARY, GOAL, "First", by="F")
    before = room.canvas_path.read_bytes()
    recorded = (room.path / "decisions.yaml").read_bytes()

    def full_disk(path: Path, content: bytes) -> None:
        if path.name == "decisions.yaml":
            raise WorkshopIOError(f"cannot write {path}: disk full")
        storage.write_file(path, content)

    monkeypatch.setattr(decisions, "write_file", full_disk)
    with pytest.raises(WorkshopIOError, match="disk full"):
        room.decide(BOUNDARY, GOAL, "Second", by="F")
    assert room.canvas_path.read_bytes() == before
    assert (room.path / "decisions.yaml").read_bytes() == recorded
    assert room.canvas().boundary.goal == "First"


def test_answers_that_cannot_be_written_are_an_io_error(room: Workshop) -> None:
    alice = room.join("Alice")
    (room.answers_path / "alice.cmc-answers.yaml").mkdir()
    with pytest.raises(WorkshopIOError) as raised:
        room.save_answers(alice, BOUNDARY, {GOAL: "x"})
    assert not isinstance(raised.value, AnswersProblems)


# -- 3. invisible characters -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (GOAL, "Alice\u202egnp.exe"),
        (GOAL, "bell\x07"),
        (GOAL, "c1\x85"),
        (GOAL, "line\u2028break"),
        (GOAL, "mark\u200f"),
        (GOAL, "isolate\u2066x\u2069"),
        (GOAL, "arabic\u061cmark"),
        (INSIDE, ["fine", "escape\x1b[31m"]),
        (INSIDE, ["two\nlines"]),  # a line break inside an item of a list
    ],
)
def test_invisible_characters_are_refused_in_answers_and_decisions(
    room: Workshop, question: str, value: object
) -> None:
    alice = room.join("Alice")
    with pytest.raises(AnswersProblems) as raised:
        room.save_answers(alice, BOUNDARY, {question: value})
    assert [q for q, _m in raised.value.problems] == [question]
    assert "control characters" in raised.value.problems[0][1]
    with pytest.raises(AnswersProblems):
        room.decide(BOUNDARY, question, value, by="F")
    assert room.answers() == {"Alice": {}}
    assert room.decisions() == ()


def test_tabs_and_line_breaks_where_allowed_are_kept(room: Workshop) -> None:
    alice = room.join("Alice")
    saved = room.save_answers(alice, BOUNDARY, {PARENT: "a\tb", GOAL: "one\ntwo", INSIDE: "x\ny"})
    assert saved == 3
    with pytest.raises(AnswersProblems):
        room.save_answers(alice, BOUNDARY, {PARENT: "one\ntwo"})  # one line only


def test_the_refusal_speaks_dutch() -> None:
    from cmc_core.translation import using_language

    from cmc_workshop.safety import invisible_problems

    with using_language("nl"):
        problems = invisible_problems((), {GOAL: "x\u202e"})
    assert problems[GOAL].startswith("het antwoord bevat stuurtekens")


# -- 4. an empty decision ---------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "   ", [], ["", " "]])
def test_an_empty_decision_is_refused(room: Workshop, value: object) -> None:
    before = room.canvas_path.read_bytes()
    question = INSIDE if isinstance(value, list) else GOAL
    with pytest.raises(AnswersProblems) as raised:
        room.decide(BOUNDARY, question, value, by="F")
    assert raised.value.problems == ((question, "the answer is empty"),)
    assert room.canvas_path.read_bytes() == before
    assert room.decisions() == ()


# -- 5. look-alike names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("\u00c5nna", "A\u030anna"),  # precomposed and decomposed
        ("Anna", "\uff21\uff4e\uff4e\uff41"),  # full-width
        ("Anna de Vries", " anna   DE vries "),
        ("Stra\u00dfe", "STRASSE"),
    ],
)
def test_look_alike_names_are_taken(room: Workshop, first: str, second: str) -> None:
    room.join(first)
    with pytest.raises(WorkshopError, match="taken"):
        room.join(second)


@pytest.mark.parametrize("name", ["\u0301\u0308", "An\u200bna", "\u200d", "A\u2028B", "\ufe0f"])
def test_marks_only_and_invisible_names_are_refused(room: Workshop, name: str) -> None:
    with pytest.raises(WorkshopError):
        room.join(name)
    assert room.participants() == ()


def test_a_name_is_stored_composed(room: Workshop) -> None:
    joined = room.join("Zo\u0065\u0308")
    assert joined.name == unicodedata.normalize("NFC", "Zoe\u0308") == "Zo\u00eb"


# -- 6. secret files --------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_holding_tokens_are_for_their_owner_only(room: Workshop) -> None:
    old = os.umask(0o022)
    try:
        alice = room.join("Alice")
    finally:
        os.umask(old)
    for path in (room.path / "workshop.toml", room.answers_path / "alice.participant.toml"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    assert room.participant(alice.token) == alice


# -- 7. languages -----------------------------------------------------------------------------


def test_join_keeps_the_chosen_language(room: Workshop) -> None:
    anna = room.join("Anna", language="nl")
    bob = room.join("Bob")
    assert anna.language == "nl"
    assert bob.language is None
    assert Workshop.open(room.path).participant(anna.token).language == "nl"
    assert Participant("X", "x", "t") == Participant("X", "x", "t", None)  # compatible
    with pytest.raises(WorkshopError, match="language"):
        room.join("Carol", language="de")


def test_the_report_speaks_the_canvas_language(room: Workshop, tmp_path: Path) -> None:
    alice, bob = room.join("Alice"), room.join("Bob")
    room.save_answers(alice, BOUNDARY, {GOAL: "Minder lege ritten"})
    room.save_answers(bob, BOUNDARY, {GOAL: "Meer treinen"})
    runner = CliRunner()
    out = tmp_path / "dag.html"
    result = runner.invoke(
        cli, ["workshop", "report", str(room.path), "--to", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    section = page[page.index('<section class="workshop-decisions"') :]
    assert "Besluiten van de workshop: Havendag" in section
    assert "Open punten" in section
    assert "Workshop decisions" not in section
    assert "Open points" not in section
    from cmc_core.translation import using_language

    with using_language("nl"):
        text = decisions_markdown(workshop_report(room))
        html = decisions_section(workshop_report(room))
    assert text.startswith("# Besluiten van de workshop: Havendag")
    assert "<h2>Open punten</h2>" in html


def test_start_speaks_the_canvas_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMC_LANG", "en")
    canvas = tmp_path / "port.cmc.yaml"
    canvas.write_text(example_text("port-logistics"), encoding="utf-8")  # a Dutch canvas
    result = CliRunner().invoke(
        cli, ["workshop", "start", str(tmp_path / "r"), "--canvas", str(canvas)]
    )
    assert result.exit_code == 0, result.output
    assert "Deelnamecode" in result.output
    english = CliRunner().invoke(
        cli, ["workshop", "start", str(tmp_path / "s"), "--canvas", str(canvas), "--lang", "en"]
    )
    assert "Join code for the participants" in english.output


# -- 8. merge applies agreements, not single answers ------------------------------------------


def test_merge_help_says_one_answer_is_no_agreement() -> None:
    result = CliRunner().invoke(cli, ["workshop", "merge", "--help"])
    assert "at least two" in " ".join(result.output.split())
