"""The interactive question loop of ``cmc quickscan`` and ``cmc ask``.

An :class:`Interview` asks a session's pending questions in order. Each prompt shows a progress
bar, the block, the question, its help, how to answer it and the current answer (Enter keeps
it). A refused answer shows the reason and the question is asked again. After every accepted
answer ``save`` is called, so that whatever happens next (Ctrl-C, a closed terminal, ``:q``)
nothing answered is lost and a rerun resumes at the first pending question.

Reading and writing go through two functions, so the loop runs the same against a terminal and
against a scripted list of lines in a test.
"""

from __future__ import annotations

import enum
import re
import textwrap
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import click

from cmc_core.cli.answer_input import display, hint, raw_answer, reads_lines
from cmc_core.questionnaires import AnswerError, Question, Session, Text, applicable
from cmc_core.vocabulary import Language

__all__ = ["BAR_WIDTH", "Interview", "StopAsking", "progress_bar"]

#: The number of cells in the progress bar.
BAR_WIDTH = 20
_COMMAND = re.compile(r"^:[a-z?]+$")

_WORDS: dict[str, Text] = {
    "keys": Text(
        "Enter keeps the current answer (or skips an optional question); :skip skips an "
        "optional question, :back asks the previous one again, :q stops. Every answer is "
        "saved at once.",
        "Enter houdt het huidige antwoord (of slaat een optionele vraag over); :skip slaat een "
        "optionele vraag over, :back vraagt de vorige opnieuw, :q stopt. Elk antwoord wordt "
        "meteen bewaard.",
    ),
    "required": Text("(required)", "(verplicht)"),
    "optional": Text("(optional)", "(optioneel)"),
    "current": Text("Current answer (Enter keeps it):", "Huidig antwoord (Enter houdt het):"),
    "needed": Text(
        "This question needs an answer (or :q to stop and resume later).",
        "Deze vraag heeft een antwoord nodig (of :q om te stoppen en later verder te gaan).",
    ),
    "no_skip": Text(
        "This question is required; it cannot be skipped.",
        "Deze vraag is verplicht; overslaan kan niet.",
    ),
    "no_back": Text("There is no earlier question.", "Er is geen eerdere vraag."),
    "unknown": Text(
        "Unknown command {command}; the commands are :skip, :back, :q and :help.",
        "Onbekend commando {command}; de commando's zijn :skip, :back, :q en :help.",
    ),
    "done": Text(
        "Done: {answered} of {asked} questions answered.",
        "Klaar: {answered} van de {asked} vragen beantwoord.",
    ),
    "refused": Text("Not accepted: {reason}", "Niet geaccepteerd: {reason}"),
}


class StopAsking(Exception):  # noqa: N818 - a signal to stop, not an error
    """The person typed ``:q`` or closed the input (Ctrl-D): stop, the answers are saved."""


class _Outcome(enum.Enum):
    ANSWERED = "answered"
    SKIPPED = "skipped"
    BACK = "back"


def _has_value(value: Any) -> bool:
    return value is not None and not (isinstance(value, str | list) and not value)


def progress_bar(answered: int, asked: int, width: int = BAR_WIDTH) -> str:
    """``[#####---------------] 5/20``: the share of the asked questions answered so far."""
    filled = round(width * answered / asked) if asked else width
    return f"[{'#' * filled}{'-' * (width - filled)}] {answered}/{asked}"


@attrs.define
class Interview:
    """Asks a session's pending questions one by one (see the module docstring).

    :param session: the answers so far; answers are given to it as they are accepted.
    :param language: the language of the questions, help and hints.
    :param save: called after every accepted answer (writes the answers file).
    :param read_line: shows a prompt and returns the next typed line with its newline; ``''``
        when the input is closed.
    :param write: shows one line of text.
    :param by: who is answering, recorded with every answer.
    :param defaults: current values by question id (from the starting canvas): Enter keeps them.
    :param labels: the block label to show above each question, by question id.
    :param color: dim the help text and highlight the question.
    :param width: the terminal's width, to wrap help and hints to.
    """

    session: Session
    language: Language
    save: Callable[[], None]
    read_line: Callable[[str], str]
    write: Callable[[str], None]
    by: str | None = None
    defaults: Mapping[str, Any] = attrs.field(factory=dict)
    labels: Mapping[str, str] = attrs.field(factory=dict)
    color: bool = False
    width: int = 100

    def run(self) -> None:
        """Ask until nothing is pending (skipped questions are not asked again in this run).

        :raises StopAsking: on ``:q`` or closed input.
        :raises KeyboardInterrupt: on Ctrl-C; every accepted answer is saved already.
        """
        self.write(self._word("keys"))
        history: list[str] = []
        skipped: set[str] = set()
        again: Question | None = None
        while True:
            question = again or self._next(skipped)
            again = None
            if question is None:
                counts = self.session.progress().values()
                answered = sum(done for done, _ in counts)
                self.write(self._word("done", answered=answered, asked=sum(t for _, t in counts)))
                return
            outcome = self._ask(question)
            if outcome is _Outcome.BACK:
                if history:
                    previous = history.pop()
                    skipped.discard(previous)
                    again = self.session.question(previous)
                else:
                    self.write(self._word("no_back"))
                    again = question
                continue
            if outcome is _Outcome.SKIPPED:
                skipped.add(question.id)
            history.append(question.id)

    def _next(self, skipped: set[str]) -> Question | None:
        return next((q for q in self.session.pending() if q.id not in skipped), None)

    def _word(self, key: str, **fields: object) -> str:
        return _WORDS[key].in_language(self.language).format(**fields)

    def _style(self, text: str, **styles: Any) -> str:
        return click.style(text, **styles) if self.color else text

    def _current(self, question: Question) -> Any:
        answer = self.session.answers.get(question.id)
        return answer.value if answer is not None else self.defaults.get(question.id)

    def _show(self, question: Question) -> None:
        counts = self.session.progress().values()
        answered, asked = sum(done for done, _ in counts), sum(total for _, total in counts)
        label = self.labels.get(question.id, "")
        self.write("")
        self.write(self._style(f"{progress_bar(answered, asked)}  {label}".rstrip(), bold=True))
        status = self._word("required" if question.required else "optional")
        self.write(f"{self._style(question.text.in_language(self.language), bold=True)} {status}")
        for line in self._wrapped(question.help.in_language(self.language)):
            self.write(self._style(line, dim=True))
        canvas = self.session.to_canvas()
        parties = [party.name or party.id for party in canvas.parties]
        values = [value.name or value.id for value in canvas.values]
        for line in hint(question, self.language, parties, values):
            self.write("\n".join(self._wrapped(line)) if not line.startswith(" ") else f"  {line}")
        current = self._current(question)
        if _has_value(current):
            self.write(f"  {self._word('current')}")
            for line in display(question, current, self.language):
                self.write(self._style(f"    {line}", fg="cyan"))

    def _wrapped(self, text: str) -> list[str]:
        """Text indented by two spaces and wrapped to the terminal's width."""
        return [
            wrapped
            for paragraph in text.splitlines()
            for wrapped in textwrap.wrap(
                paragraph, max(self.width, 40), initial_indent="  ", subsequent_indent="  "
            )
        ]

    def _ask(self, question: Question) -> _Outcome:
        self._show(question)
        while True:
            typed = self._read(question)
            if isinstance(typed, str):
                outcome = self._command(question, typed)
                if outcome is not None:
                    return outcome
                continue
            raw: Any
            if not typed:
                current = self._current(question)
                if not _has_value(current):
                    if not question.required:
                        return _Outcome.SKIPPED
                    self.write(self._word("needed"))
                    continue
                raw = current
            else:
                try:
                    raw = raw_answer(question, typed)
                except AnswerError as error:
                    self.write(self._word("refused", reason=error.reason))
                    continue
            if self._accept(question, raw):
                return _Outcome.ANSWERED

    def _command(self, question: Question, command: str) -> _Outcome | None:
        """What a ``:command`` does; ``None`` to ask the same question again."""
        if command in (":q", ":quit"):
            raise StopAsking
        if command == ":back":
            return _Outcome.BACK
        if command == ":skip":
            if not question.required:
                return _Outcome.SKIPPED
            self.write(self._word("no_skip"))
        elif command in (":help", ":?"):
            self.write(self._word("keys"))
        else:
            self.write(self._word("unknown", command=command))
        return None

    def _accept(self, question: Question, raw: Any) -> bool:
        try:
            self.session.answer(question.id, raw, by=self.by)
        except AnswerError as error:
            self.write(self._word("refused", reason=error.reason))
            return False
        self._forget_unasked()
        self.save()
        return True

    def _forget_unasked(self) -> None:
        """Drop answers whose condition no longer holds after a changed answer, so that the
        answers file stays one a rerun can load."""
        changed = True
        while changed:
            answers = self.session.answers
            stale = [
                question.id
                for question in self.session.questions()
                if question.id in answers and not applicable(question, answers)
            ]
            for question_id in stale:
                self.session.forget(question_id)
            changed = bool(stale)

    def _read(self, question: Question) -> list[str] | str:
        """The typed lines, or a ``:command`` typed on the first line.

        :raises StopAsking: the input was closed.
        """
        first = self._line("> ")
        if _COMMAND.match(first.strip().lower()):
            return first.strip().lower()
        if not first.strip():
            return []
        lines = [first]
        if reads_lines(question):
            while True:
                line = self._line(". ")
                if not line.strip():
                    break
                lines.append(line)
        return lines

    def _line(self, prompt: str) -> str:
        line = self.read_line(prompt)
        if line == "":
            raise StopAsking
        return line.rstrip("\r\n")
