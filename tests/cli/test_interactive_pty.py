"""The interactive commands driven through a real pseudo-terminal.

``python -m cmc_core.cli`` runs in a child process whose stdin, stdout and stderr are the
terminal end of a pty (stdlib :mod:`pty`), so it sees a terminal, reads a line at a time and
gets SIGINT from Ctrl-C exactly as in a shell. The test reads what it shows until the expected
text appears and types the answers. The answers come from a mirror :class:`Session` of the same
questionnaire, so the test follows whatever questions (and conditions) the data holds.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cmc_core.blueprint import BlockKey
from cmc_core.cli.answer_input import raw_answer
from cmc_core.examples import example_text
from cmc_core.fileformat import loads, read_canvas
from cmc_core.questionnaires import (
    Question,
    QuestionKind,
    Questionnaire,
    Session,
    block_questionnaire,
    load_answers,
    quickscan,
)
from cmc_core.questionnaires.model import ENTITY_KINDS
from cmc_core.vocabulary import Language

pytestmark = pytest.mark.slow  # runs cmc in a real pseudo-terminal

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

#: Seconds to wait for any one piece of expected output (generous: CI machines are shared).
WAIT = 15.0
CTRL_C = "\x03"


class Terminal:
    """A command running in a pseudo-terminal, with what it showed so far."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        env = {key: value for key, value in os.environ.items() if not key.startswith("CMC_")}
        env.update(NO_COLOR="1", TERM="dumb", COLUMNS="100", PYTHONIOENCODING="utf-8")
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the command; never return into pytest
            try:
                # A shell starts background jobs with SIGINT ignored, and an ignored signal stays
                # ignored across exec: restore the default so that Ctrl-C interrupts as in a shell.
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.chdir(cwd)
                os.execve(sys.executable, [sys.executable, "-m", "cmc_core.cli", *args], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = ""
        self.seen = 0  # output before this offset has been matched already
        self.status: int | None = None

    def _read(self, deadline: float) -> bool:
        """Read what is there; ``False`` when the command has closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child has exited and the terminal is gone
            return False
        self.output += data.decode("utf-8", "replace").replace("\r\n", "\n")
        return bool(data)

    def expect(self, text: str, timeout: float = WAIT) -> None:
        """Wait until ``text`` appears after everything matched so far."""
        deadline = time.monotonic() + timeout
        while text not in self.output[self.seen :]:
            if time.monotonic() > deadline or not self._read(deadline):
                raise AssertionError(
                    f"{text!r} did not appear; the terminal showed:\n{self.output[self.seen :]}"
                )
        self.seen = self.output.index(text, self.seen) + len(text)

    def type(self, *lines: str) -> None:
        """Type lines, each ended with Enter."""
        for line in lines:
            os.write(self.fd, (line + "\n").encode("utf-8"))

    def interrupt(self) -> None:
        """Press Ctrl-C while the command waits for a line.

        The short pause first is what a person takes anyway: a SIGINT that lands after the
        prompt is written but just before the command blocks in read() is only noticed on the
        next key (a race inherent to signals), so a test that pressed it at once could hang.
        """
        time.sleep(0.5)
        os.write(self.fd, CTRL_C.encode("utf-8"))

    def wait(self, timeout: float = WAIT) -> int:
        """Read until the command ends and return its exit status."""
        deadline = time.monotonic() + timeout
        while self._read(deadline):
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"the command did not end; it showed:\n{self.output}")
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def kill(self) -> None:
        """End the child if a failed test left it running."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.status = -1


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    """Started terminals, killed at the end when a test failed half-way."""
    started: list[Terminal] = []
    yield started
    for terminal in started:
        terminal.kill()


def typed_answer(question: Question) -> list[str]:
    """Lines a person could type to answer ``question``: valid for its kind and bounds."""
    kind = question.kind
    if kind in (QuestionKind.NUMBER, QuestionKind.PERCENTAGE, QuestionKind.SCALE):
        low, high = question.bounds
        number = 3 if low is None else max(low, 3)
        return [f"{number if high is None else min(number, high):g}"]
    if kind is QuestionKind.YES_NO:
        return ["yes"]
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        return ["1"]
    if kind is QuestionKind.PARTIES:
        return [f"Party {question.id} one", f"Party {question.id} two", ""]
    if kind is QuestionKind.TEXT_LIST:
        return [f"first item of {question.id}", f"second item of {question.id}", ""]
    if kind in ENTITY_KINDS:  # one entity named by its main field (no party references)
        return [f"Item of {question.id}", ""]
    if kind is QuestionKind.LONG_TEXT:
        return [f"Long answer to {question.id}", ""]
    return [f"Answer to {question.id}"]


def skippable(question: Question) -> bool:
    """Optional entity lists that refer to parties are skipped rather than made up."""
    named_alone = (QuestionKind.PARTIES, QuestionKind.VALUES)
    return (
        not question.required and question.kind in ENTITY_KINDS and question.kind not in named_alone
    )


def answer_next(terminal: Terminal, mirror: Session, skipped: set[str]) -> Question:
    """Wait for the next question's prompt and answer it (or skip it), in both sessions."""
    question = next(q for q in mirror.pending() if q.id not in skipped)
    terminal.expect(question.text.en)
    terminal.expect("> ")
    if skippable(question):
        terminal.type(":skip")
        skipped.add(question.id)
        return question
    lines = typed_answer(question)
    terminal.type(*lines)
    mirror.answer(question.id, raw_answer(question, [line for line in lines if line]))
    return question


def test_an_interrupted_quickscan_resumes_and_ends_with_every_answer(
    tmp_path: Path, terminals: list[Terminal]
) -> None:
    questionnaire: Questionnaire = quickscan()
    mirror = Session([questionnaire])
    skipped: set[str] = set()
    answers_file = tmp_path / "quickscan.cmc-answers.yaml"

    first = Terminal(["quickscan", "--lang", "en", "--by", "Tester"], tmp_path)
    terminals.append(first)
    for _ in range(3):
        answer_next(first, mirror, skipped)
    upcoming = next(q for q in mirror.pending() if q.id not in skipped)
    first.expect(upcoming.text.en)
    first.expect("> ")
    first.interrupt()
    assert first.wait() == 130
    assert f"Interrupted: 3 answers saved in {answers_file.name}" in first.output
    assert "Traceback" not in first.output
    saved = load_answers(answers_file)
    assert {a.question: a.value for a in saved} == {a.question: a.value for a in mirror.answers}
    assert {a.by for a in saved} == {"Tester"}
    assert all(a.at for a in saved)
    assert not (tmp_path / "quickscan.cmc.yaml").exists()

    second = Terminal(["quickscan", "--lang", "en", "--by", "Tester"], tmp_path)
    terminals.append(second)
    second.expect("Resuming: 3 answered")
    skipped.clear()  # skipped questions are not recorded, so a rerun asks them again
    while any(q.id not in skipped for q in mirror.pending()):
        answer_next(second, mirror, skipped)
    second.expect("Your answers:")  # the summary at the end: Enter accepts it
    second.expect("> ")
    second.type("")
    # Three suppliers and demanders, processes, a commonality and a kick-off: suitable.
    second.expect("Verdict: suitable")
    assert second.wait() == 0
    assert "Traceback" not in second.output

    final = {a.question: a.value for a in load_answers(answers_file)}
    assert final == {a.question: a.value for a in mirror.answers}
    assert len(final) == len(mirror.answers) > 3
    assert (tmp_path / "quickscan.cmc.yaml").exists()


def test_quitting_with_q_keeps_the_answers_and_back_changes_an_earlier_one(
    tmp_path: Path, terminals: list[Terminal]
) -> None:
    questionnaire = quickscan()
    first_question, second_question = questionnaire.questions[:2]
    terminal = Terminal(["quickscan", "--lang", "nl", "-o", "scan.cmc.yaml"], tmp_path)
    terminals.append(terminal)
    terminal.expect(first_question.text.nl)
    terminal.expect("> ")
    terminal.type(*typed_answer(first_question))
    terminal.expect(second_question.text.nl)
    terminal.expect("> ")
    terminal.type(":back")
    terminal.expect(first_question.text.nl)
    terminal.expect("Huidig antwoord (Enter houdt het):")
    terminal.expect("> ")
    changed = [
        line.replace("3", "4").replace("Answer", "Changed") for line in typed_answer(first_question)
    ]
    terminal.type(*changed)
    terminal.expect(second_question.text.nl)
    terminal.expect("> ")
    terminal.type(":q")
    assert terminal.wait() == 130
    assert "Gestopt: 1 antwoord bewaard in scan.cmc-answers.yaml" in terminal.output
    mirror = Session([questionnaire])
    mirror.answer(first_question.id, raw_answer(first_question, [c for c in changed if c]))
    saved = load_answers(tmp_path / "scan.cmc-answers.yaml")
    assert {a.question: a.value for a in saved} == {a.question: a.value for a in mirror.answers}
    assert saved.language == Language.NL


def test_enter_keeps_what_the_starting_canvas_says_and_the_canvas_comes_back_unchanged(
    tmp_path: Path, terminals: list[Terminal]
) -> None:
    text = example_text("port-logistics")
    (tmp_path / "port.cmc.yaml").write_text(text, encoding="utf-8")
    questions = block_questionnaire(BlockKey.VISION).questions
    terminal = Terminal(["ask", "vision", "--canvas", "port.cmc.yaml"], tmp_path)
    terminals.append(terminal)
    for question in questions:  # the canvas is Dutch, so the questions are asked in Dutch
        terminal.expect(question.text.nl)
        terminal.expect("Huidig antwoord (Enter houdt het):")
        terminal.expect("> ")
        terminal.type("")
    terminal.expect("Klaar: 3 van de 3 vragen beantwoord.")
    terminal.expect("Je antwoorden:")  # the summary at the end: Enter accepts it
    terminal.expect("> ")
    terminal.type("")
    assert terminal.wait() == 0
    canvas = loads(text, "yaml").canvas
    assert read_canvas(tmp_path / "port.cmc.yaml") == canvas
    vision = next(factor for factor in canvas.factors if factor.key.value == "vision")
    saved = {a.question: a.value for a in load_answers(tmp_path / "port.cmc-answers.yaml")}
    assert saved["vision"] == vision.answer
    assert saved["vision-maturity"] == vision.maturity
    assert set(saved) == {question.id for question in questions}
