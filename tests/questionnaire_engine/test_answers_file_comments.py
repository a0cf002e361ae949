"""Rewriting an answers file keeps its comments and key order (issue 14, item 10)."""

from __future__ import annotations

from pathlib import Path

from cmc_core.cli.answering import start_session
from cmc_core.questionnaires import (
    Answer,
    AnswerSet,
    dumps_answers,
    load_answers,
    quickscan,
    save_answers,
)

COMMENTED = """\
# Port quickscan, workshop 2 -- Ann takes the notes
language: en
answers:
  # asked first, agreed by everyone
  qs-name: Port community   # the working title
  qs-parties:
    - {name: Terminal One, roles: [supplier]}   # the big one
    - name: Shipper One
      roles: [demander]
  qs-later: {value: 3, by: Ann}   # to check with Bob
"""


def edited(text: str, tmp_path: Path, **changes: Answer | None) -> str:
    path = tmp_path / "port.answers.yaml"
    path.write_text(text, encoding="utf-8")
    answers = dict(load_answers(path).answers)
    for question, answer in changes.items():
        if answer is None:
            del answers[question]
        else:
            answers[question] = answer
    expected = AnswerSet(answers, load_answers(path).language)
    save_answers(expected, path)
    assert load_answers(path) == expected
    return path.read_text(encoding="utf-8")


def test_saving_unchanged_answers_gives_back_the_same_text(tmp_path: Path) -> None:
    assert edited(COMMENTED, tmp_path) == COMMENTED


def test_a_new_answer_goes_at_the_end_and_every_comment_stays(tmp_path: Path) -> None:
    text = edited(COMMENTED, tmp_path, **{"qs-kickoff": Answer("qs-kickoff", True, "Bo", "t1")})
    assert text == COMMENTED + "  qs-kickoff:\n    value: true\n    by: Bo\n    at: t1\n"


def test_a_changed_answer_is_changed_in_place(tmp_path: Path) -> None:
    text = edited(COMMENTED, tmp_path, **{"qs-name": Answer("qs-name", "Dock community")})
    assert text == COMMENTED.replace("qs-name: Port community", "qs-name: Dock community")


def test_a_removed_answer_goes_and_the_others_keep_their_comments(tmp_path: Path) -> None:
    text = edited(COMMENTED, tmp_path, **{"qs-parties": None})
    assert "Terminal One" not in text
    assert text.startswith("# Port quickscan, workshop 2 -- Ann takes the notes\n")
    assert "qs-name: Port community   # the working title\n" in text
    assert "qs-later: {value: 3, by: Ann}   # to check with Bob\n" in text


def test_a_file_that_cannot_be_read_is_written_afresh(tmp_path: Path) -> None:
    path = tmp_path / "broken.answers.yaml"
    path.write_text("answers: [unclosed\n", encoding="utf-8")
    answers = AnswerSet({"qs-name": Answer("qs-name", "Port")})
    save_answers(answers, path)
    assert path.read_text(encoding="utf-8") == dumps_answers(answers)


def test_the_session_of_cmc_ask_and_quickscan_saves_into_the_commented_file(
    tmp_path: Path,
) -> None:
    # what both commands call after every answer
    path = tmp_path / "scan.answers.yaml"
    path.write_text("# our scan\nanswers:\n  qs-name: Port   # for now\n", encoding="utf-8")
    answering = start_session([quickscan()], path, canvas=None, language="en", must_exist=True)
    answering.session.answer("qs-goal", "Faster container flow")
    answering.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# our scan\n")
    assert "qs-name: Port   # for now\n" in text
    assert load_answers(path).value("qs-goal") == "Faster container flow"
