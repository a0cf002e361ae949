"""The workshop folder: starting, joining, saving answers as `cmc ask` checks them, deciding."""

from __future__ import annotations

import os
import threading
import tomllib
from pathlib import Path

import pytest
from cmc_core.cli.answers_file import MARKER
from cmc_core.examples import example_text
from cmc_core.fileformat import load
from cmc_core.questionnaires import load_answers

from cmc_workshop.folder import AnswersProblems, Workshop, WorkshopError, WorkshopIOError

GOAL = "boundary-goal"
INSIDE = "boundary-inside"
BOUNDARY = "block-boundary"


@pytest.fixture
def canvas_file(tmp_path: Path) -> Path:
    path = tmp_path / "port.cmc.yaml"
    path.write_text(example_text("port-logistics"), encoding="utf-8")
    return path


@pytest.fixture
def room(tmp_path: Path, canvas_file: Path) -> Workshop:
    return Workshop.start(tmp_path / "room", canvas_file, title="Port day")


def test_start_makes_the_folder_of_the_contract(room: Workshop, canvas_file: Path) -> None:
    settings = tomllib.loads((room.path / "workshop.toml").read_text("utf-8"))["workshop"]
    assert settings["title"] == "Port day"
    assert settings["canvas"] == "canvas.cmc.yaml"
    assert settings["join_code"].isdigit()
    assert len(settings["join_code"]) == 6
    assert len(settings["facilitator_token"]) >= 24
    assert settings["created"].endswith("+00:00")
    assert room.canvas_path.read_bytes() == canvas_file.read_bytes()  # comments and all
    assert (room.path / "answers").is_dir()
    again = Workshop.open(room.path)
    assert (again.join_code, again.facilitator_token) == (room.join_code, room.facilitator_token)


def test_a_folder_holding_a_workshop_is_not_started_again(
    room: Workshop, canvas_file: Path
) -> None:
    with pytest.raises(WorkshopError, match="holds a workshop already"):
        Workshop.start(room.path, canvas_file)


def test_a_folder_without_a_workshop_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkshopError, match=r"not a workshop folder .*workshop\.toml"):
        Workshop.open(tmp_path)


def test_a_canvas_with_problems_is_refused_with_its_place(tmp_path: Path) -> None:
    broken = tmp_path / "broken.cmc.yaml"
    broken.write_text("meta: [\n", encoding="utf-8")
    with pytest.raises(WorkshopError, match=r"broken\.cmc\.yaml"):
        Workshop.start(tmp_path / "room", broken)
    assert not (tmp_path / "room" / "workshop.toml").exists()


def test_join_gives_each_participant_a_secret_token(room: Workshop) -> None:
    alice, bob = room.join("  Alice "), room.join("Bob")
    assert alice.name == "Alice"
    assert alice.token != bob.token
    assert room.participant(bob.token) == bob
    assert room.participants() == (alice, bob)
    with pytest.raises(WorkshopError, match="Unknown participant"):
        room.participant("not-a-token")


@pytest.mark.parametrize("taken", ["Alice de Vries", "alice  de vries", " ALICE DE VRIES "])
def test_a_taken_name_is_refused_whatever_its_case_and_spacing(room: Workshop, taken: str) -> None:
    room.join("Alice de Vries")
    with pytest.raises(WorkshopError, match="is taken"):
        room.join(taken)
    assert len(room.participants()) == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give a name"),
        ("   ", "Give a name"),
        ("x" * 61, "at most 60"),
        ("Ali\x1b[31mce", "control characters"),
        ("Ali\nce", "control characters"),
        ("Ali\u202ece", "control characters"),
    ],
)
def test_a_bad_name_is_refused(room: Workshop, name: str, message: str) -> None:
    with pytest.raises(WorkshopError, match=message):
        room.join(name)


def test_names_that_slug_alike_get_files_of_their_own(room: Workshop) -> None:
    zoe, zoe_accented, other = room.join("Zoe"), room.join("Zoë"), room.join("日本語")
    assert len({zoe.slug, zoe_accented.slug}) == 2
    assert other.slug == "participant"
    assert room.join("x" * 60).slug == "x" * 40


def test_saved_answers_are_cmc_ask_answers_files(room: Workshop) -> None:
    alice = room.join("Alice")
    saved = room.save_answers(alice, BOUNDARY, {GOAL: "Fewer empty trips", INSIDE: "a\nb"})
    assert saved == 2
    path = room.path / "answers" / f"{alice.slug}.cmc-answers.yaml"
    assert path.read_text("utf-8").splitlines()[0] == MARKER
    answers = load_answers(path)
    assert answers.value(INSIDE) == ["a", "b"]  # checked: text lines became a list
    goal = answers.get(GOAL)
    assert goal is not None
    assert goal.by == "Alice"
    assert room.answers() == {"Alice": {GOAL: "Fewer empty trips", INSIDE: ["a", "b"]}}


def test_later_answers_merge_with_earlier_ones_and_none_takes_one_back(room: Workshop) -> None:
    alice = room.join("Alice")
    room.save_answers(alice, BOUNDARY, {GOAL: "First", INSIDE: ["a"]})
    room.save_answers(alice, "quickscan", {"qs-suppliers-count": "12"})
    assert room.save_answers(alice, BOUNDARY, {GOAL: "Second", INSIDE: None}) == 1
    assert room.answers()["Alice"] == {GOAL: "Second", "qs-suppliers-count": 12}


def test_bad_answers_are_problems_with_their_question_ids_and_nothing_is_saved(
    room: Workshop,
) -> None:
    alice = room.join("Alice")
    room.save_answers(alice, "quickscan", {"qs-suppliers-count": 3})
    before = (room.path / "answers" / "alice.cmc-answers.yaml").read_bytes()
    with pytest.raises(AnswersProblems) as raised:
        room.save_answers(
            alice,
            "quickscan",
            {
                "qs-suppliers-count": "many",
                "qs-kickoff-ready": "perhaps",
                "qs-nope": 1,
                "qs-name": "x",
            },
        )
    questions = [question for question, _message in raised.value.problems]
    assert questions == ["qs-suppliers-count", "qs-kickoff-ready", "qs-nope"]
    assert "expected a number" in dict(raised.value.problems)["qs-suppliers-count"]
    assert (room.path / "answers" / "alice.cmc-answers.yaml").read_bytes() == before


def test_an_unknown_questionnaire_or_participant_is_refused(room: Workshop) -> None:
    alice = room.join("Alice")
    with pytest.raises(WorkshopError, match="no questionnaire"):
        room.save_answers(alice, "no-such-thing", {})
    stranger = type(alice)("Mallory", "mallory", "forged-token")
    with pytest.raises(WorkshopError, match="Unknown participant"):
        room.save_answers(stranger, BOUNDARY, {GOAL: "x"})


def test_a_failed_write_leaves_the_saved_answers_whole(
    room: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = room.join("Alice")
    room.save_answers(alice, BOUNDARY, {GOAL: "Kept"})
    path = room.path / "answers" / "alice.cmc-answers.yaml"
    before = path.read_bytes()

    def power_cut(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(WorkshopIOError, match=r"cannot write .*alice\.cmc-answers\.yaml"):
        room.save_answers(alice, BOUNDARY, {GOAL: "Lost"})
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "alice.cmc-answers.yaml",
        "alice.participant.toml",
    ]


def test_concurrent_saves_of_one_participant_lose_no_answer(room: Workshop) -> None:
    alice = room.join("Alice")
    questions = ["qs-name", "qs-goal", "qs-target-group", "qs-end-customer", "qs-sector"]

    def answer(question: str) -> None:
        Workshop.open(room.path).save_answers(alice, "quickscan", {question: f"about {question}"})

    threads = [threading.Thread(target=answer, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert room.answers()["Alice"] == {q: f"about {q}" for q in questions}


def test_decide_writes_the_canvas_keeping_its_comments_and_records_who_agreed(
    room: Workshop,
) -> None:
    alice, bob, carol = room.join("Alice"), room.join("Bob"), room.join("Carol")
    room.save_answers(alice, BOUNDARY, {GOAL: "Fewer empty trips"})
    room.save_answers(bob, BOUNDARY, {GOAL: "  fewer EMPTY trips"})
    room.save_answers(carol, BOUNDARY, {GOAL: "More trains"})
    decision = room.decide(BOUNDARY, GOAL, "Fewer empty trips", by="Facilitator")
    assert decision.agreed == ("Alice", "Bob")
    assert decision.by == "Facilitator"
    assert room.canvas().boundary.goal == "Fewer empty trips"
    text = room.canvas_path.read_text("utf-8")
    assert text.startswith("# Community Model Canvas: Havencommunity Noordmonde")
    assert room.decisions() == (decision,)
    assert Workshop.open(room.path).decisions() == (decision,)  # a restart sees it


def test_decide_checks_the_value_as_the_checker_does(room: Workshop) -> None:
    alice = room.join("Alice")
    room.save_answers(alice, "quickscan", {"qs-kickoff-ready": "yes"})
    decision = room.decide("quickscan", "qs-kickoff-ready", "ja", by="Facilitator")
    assert decision.value is True
    assert decision.agreed == ("Alice",)
    assert room.canvas().quickscan.kickoff_ready is True
    with pytest.raises(AnswersProblems) as raised:
        room.decide("quickscan", "qs-suppliers-count", "lots", by="Facilitator")
    assert [question for question, _ in raised.value.problems] == ["qs-suppliers-count"]
    with pytest.raises(WorkshopError, match="no question"):
        room.decide("quickscan", GOAL, "x", by="Facilitator")
    assert len(room.decisions()) == 1


def test_decide_keeps_what_the_canvas_remembered_of_the_quickscan(room: Workshop) -> None:
    room.decide("quickscan", "qs-suppliers-count", 12, by="F")
    room.decide("quickscan", "qs-demanders-count", 30, by="F")
    remembered = load(room.canvas_path).canvas.quickscan
    assert (remembered.suppliers_count, remembered.demanders_count) == (12, 30)
