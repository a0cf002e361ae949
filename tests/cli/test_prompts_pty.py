"""The line editor of the prompts, in a real pseudo-terminal driven by pexpect.

``cmc ask demanders`` runs on a canvas that knows ``SuperCoop Geldermalsen``. The test types as
a person would: a typo fixed with the arrow keys, a party name completed with Tab, a misspelt
party that gets a did-you-mean, ``:q``; then a second run resumes, ``:back`` reaches the first
run's last question, Up recalls a line typed before, and the summary at the end lets a question
be changed by its number before the answers are accepted.

Every prompt_toolkit prompt starts by turning on bracketed paste (``ESC [?2004h``): the test
waits for that before typing, so it never types ahead of a prompt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cmc_core.blueprint import BlockKey
from cmc_core.fileformat import read_canvas
from cmc_core.questionnaires import block_questionnaire, load_answers

pexpect = pytest.importorskip("pexpect", reason="pseudo-terminals need pexpect on a POSIX system")

#: What prompt_toolkit writes when a prompt starts.
PROMPT = "\x1b[?2004h"
LEFT, UP, TAB = "\x1b[D", "\x1b[A", "\t"
WAIT = 10

BASE = """\
schema_version: 2
meta:
  name: Test community
parties:
  - id: p-supercoop
    name: SuperCoop Geldermalsen
    roles: [supplier]
"""


class Terminal:
    """``cmc ARGS`` in a pseudo-terminal of a fixed size."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {key: value for key, value in os.environ.items() if not key.startswith("CMC_")}
        env.update(TERM="xterm", NO_COLOR="1", PROMPT_TOOLKIT_NO_CPR="1", PYTHONIOENCODING="utf-8")
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "cmc_core.cli", *args],
            env=env,
            cwd=str(cwd),
            dimensions=(40, 120),
            encoding="utf-8",
            timeout=WAIT,
        )

    def wait_for(self, text: str) -> None:
        """Wait until ``text`` shows, then for the next prompt."""
        self.child.expect_exact(text)
        self.child.expect_exact(PROMPT)

    def prompt(self) -> None:
        self.child.expect_exact(PROMPT)

    def type(self, keys: str) -> None:
        self.child.send(keys)

    def end(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        status: int = self.child.exitstatus
        return status


@pytest.fixture
def started() -> Iterator[list[Terminal]]:
    terminals: list[Terminal] = []
    yield terminals
    for terminal in terminals:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


ARGS = ("ask", "demanders", "--canvas", "base.cmc.yaml", "-o", "out.cmc.yaml", "--lang", "en")


def first_run(tmp_path: Path, started: list[Terminal], demanders: str, serving: str) -> None:
    """Answer two questions with editing, completion and a did-you-mean, then stop with :q."""
    first = Terminal(tmp_path, *ARGS, "--by", "Tester")
    started.append(first)
    first.wait_for(demanders)
    first.type("Frsh Farm" + LEFT * 7 + "e\r")  # fix the typo in the middle of the line
    first.prompt()
    first.type("Supe" + TAB)  # Tab completes the known party's name ...
    first.child.expect_exact("Geldermalsen")  # ... once it has shown the completion
    first.type("\r")
    first.prompt()
    first.type("\r")
    first.wait_for(serving)
    first.type("Supercoop\r")
    first.prompt()
    first.type("\r")
    first.wait_for("Did you mean 'SuperCoop Geldermalsen'?")
    first.type("yes\r")
    first.prompt()
    first.type(":q\r")
    assert first.end() == 130


def test_editing_completion_did_you_mean_back_after_resume_and_the_summary(
    tmp_path: Path, started: list[Terminal]
) -> None:
    (tmp_path / "base.cmc.yaml").write_text(BASE, encoding="utf-8")
    demanders, serving, notes = (
        question.text.en for question in block_questionnaire(BlockKey.DEMANDERS).questions
    )
    first_run(tmp_path, started, demanders, serving)

    answers_file = tmp_path / "out.cmc-answers.yaml"
    saved = {answer.question: answer for answer in load_answers(answers_file)}
    assert saved["demanders"].value == [{"name": "Fresh Farm"}, {"name": "SuperCoop Geldermalsen"}]
    assert saved["demanders-serving-end-customer"].value == [{"name": "SuperCoop Geldermalsen"}]
    assert saved["demanders"].by == "Tester"

    second = Terminal(tmp_path, *ARGS)
    started.append(second)
    second.wait_for("Resuming: 2 answered")
    second.type(":back\r")  # the previous question was answered in the first run
    second.child.expect_exact(serving)
    second.wait_for("Current answer (Enter keeps it):")
    second.type("\r")
    second.wait_for(notes)
    second.type("Some notes\r")
    second.prompt()
    second.type(UP + " again\r")  # Up recalls the line typed before, to edit it
    second.prompt()
    second.type("\r")
    second.wait_for("Your answers:")
    second.type("1\r")  # change the first answer from the summary
    second.wait_for(demanders)
    second.type("Fresh Farm\r")
    second.prompt()
    second.type("\r")
    second.wait_for("Your answers:")
    second.type("\r")
    assert second.end() == 1  # written; the small canvas has error-level findings

    final = {answer.question: answer.value for answer in load_answers(answers_file)}
    assert final["demanders"] == [{"name": "Fresh Farm"}]
    assert final["demanders-notes"] == "Some notes\nSome notes again"
    parties = {party.name: party for party in read_canvas(tmp_path / "out.cmc.yaml").parties}
    assert set(parties) == {"SuperCoop Geldermalsen", "Fresh Farm"}  # no second SuperCoop
    supercoop = parties["SuperCoop Geldermalsen"]
    assert supercoop.id == "p-supercoop"
    assert supercoop.serves_end_customer is True  # the answer reached the known party
