"""The interactive question loop of ``cmc quickscan`` and ``cmc ask``.

An :class:`Interview` asks a session's pending questions in order. Each prompt shows a progress
bar, the block, the question, its help, how to answer it and the current answer (Enter keeps
it). A refused answer shows the reason and the question is asked again; with a line editor the
refused lines come back to edit, one by one. After every accepted answer ``save`` is called, so
that whatever happens next (Ctrl-C, a closed terminal, ``:q``) nothing answered is lost and a
rerun resumes at the first pending question. ``:back`` goes to the previous question, also one
answered in an earlier run. A new party whose name is close to a known one
(``Supercoop`` for ``SuperCoop Geldermalsen``) is asked about before it is added. At the end,
with ``confirm``, a numbered summary lets the person accept or change any answer
(:mod:`cmc_core.cli.answer_review`).

Reading and writing go through two functions (and an optional :class:`Editor` for a terminal),
so the loop runs the same against a terminal and against a scripted list of lines in a test.
"""

from __future__ import annotations

import enum
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import click

from cmc_core.cli.answer_input import display, hint, raw_answer, reads_lines
from cmc_core.cli.answer_review import review_answers
from cmc_core.cli.line_editor import Editor
from cmc_core.cli.name_matching import with_meant_names
from cmc_core.questionnaires import AnswerError, Question, QuestionKind, Session, applicable
from cmc_core.questionnaires.model import CHOICE_KINDS
from cmc_core.translation import N_, Messages, using_language
from cmc_core.vocabulary import Language

__all__ = ["BAR_WIDTH", "Interview", "StopAsking", "progress_bar"]

_ = Messages("cmc_core", "prompts")

#: The number of cells in the progress bar.
BAR_WIDTH = 20
_COMMAND = re.compile(r"^:[a-z?]+$")
_YES = frozenset({"yes", "y", "ja", "j"})
_NO = frozenset({"no", "n", "nee"})

_WORDS: dict[str, str] = {
    "keys": N_(
        "Enter keeps the current answer (or skips an optional question); :skip skips an "
        "optional question, :back asks the previous one again, :q stops. Every answer is "
        "saved at once."
    ),
    "required": N_("(required)"),
    "optional": N_("(optional)"),
    "current": N_("Current answer (Enter keeps it):"),
    "needed": N_("This question needs an answer (or :q to stop and resume later)."),
    "no_skip": N_("This question is required; it cannot be skipped."),
    "no_back": N_("There is no earlier question."),
    "unknown": N_("Unknown command {command}; the commands are :skip, :back, :q and :help."),
    "done": N_("Done: {answered} of {asked} questions answered."),
    "refused": N_("Not accepted: {reason}"),
    "edit": N_("Edit the lines below (Enter keeps a line; an empty line ends the answer)."),
    "meant": N_(
        "{name!r} is not a known party, but {known!r} is. Did you mean {known!r}? "
        "(yes: use {known!r}; no: add {name!r} as a new party)"
    ),
    "yes_or_no": N_("Please answer yes or no."),
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
    :param language: the language of the questions, help, hints and messages.
    :param save: called after every accepted answer (writes the answers file).
    :param read_line: shows a prompt and returns the next typed line with its newline; ``''``
        when the input is closed. Used when there is no ``editor``.
    :param write: shows one line of text.
    :param by: who is answering, recorded with every answer.
    :param defaults: current values by question id (from the starting canvas): Enter keeps them.
    :param labels: the block label to show above each question, by question id.
    :param color: dim the help text and highlight the question.
    :param width: the terminal's width, to wrap help and hints to.
    :param editor: a line editor (a terminal): history, completion, pre-filled lines.
    :param confirm: end with a summary of the answers to accept or change by number.
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
    editor: Editor | None = None
    confirm: bool = False
    _history: list[str] = attrs.field(factory=list, init=False)
    _skipped: set[str] = attrs.field(factory=set, init=False)
    _refill: list[str] = attrs.field(factory=list, init=False)

    def run(self) -> None:
        """Ask until nothing is pending (skipped questions are not asked again in this run),
        then, with ``confirm``, until the summary is accepted.

        :raises StopAsking: on ``:q`` or closed input.
        :raises KeyboardInterrupt: on Ctrl-C; every accepted answer is saved already.
        """
        with using_language(self.language):
            self.write(self._word("keys"))
            self._loop(None)
            while self.confirm:
                chosen = self._review()
                if chosen is None:
                    return
                self._loop(chosen)

    def _loop(self, first: Question | None) -> None:
        """Ask ``first`` (if any), then every pending question; say how many are answered."""
        again = first
        while True:
            question = again or self._next()
            again = None
            if question is None:
                counts = self.session.progress().values()
                answered = sum(done for done, _total in counts)
                self.write(
                    self._word("done", answered=answered, asked=sum(t for _done, t in counts))
                )
                return
            outcome = self._ask(question)
            if outcome is _Outcome.BACK:
                again = self._previous(question)
                if again is None:
                    self.write(self._word("no_back"))
                    again = question
                continue
            if outcome is _Outcome.SKIPPED:
                self._skipped.add(question.id)
            self._history.append(question.id)

    def _next(self) -> Question | None:
        return next((q for q in self.session.pending() if q.id not in self._skipped), None)

    def _previous(self, question: Question) -> Question | None:
        """The question before ``question``: the last one asked in this run, else (after a
        resume) the last one answered before it, in question order."""
        if self._history:
            previous = self._history.pop()
            self._skipped.discard(previous)
            return self.session.question(previous)
        order = [q.id for q in self.session.questions()]
        position = order.index(question.id) if question.id in order else len(order)
        answers = self.session.answers
        earlier = [
            q
            for q in self.session.questions()[:position]
            if q.id in answers and applicable(q, answers)
        ]
        return earlier[-1] if earlier else None

    def _word(self, key: str, **fields: object) -> str:
        return _.translate(_WORDS[key], self.language, **fields)

    def _style(self, text: str, **styles: Any) -> str:
        return click.style(text, **styles) if self.color else text

    def _current(self, question: Question) -> Any:
        answer = self.session.answers.get(question.id)
        return answer.value if answer is not None else self.defaults.get(question.id)

    def _known(self) -> tuple[list[str], list[str]]:
        """The names of the parties and of the values the canvas holds so far."""
        canvas = self.session.to_canvas()
        parties = [party.name or party.id for party in canvas.parties]
        values = [value.name or value.id for value in canvas.values]
        return parties, values

    def _show(self, question: Question) -> None:
        counts = self.session.progress().values()
        answered, asked = (
            sum(done for done, _total in counts),
            sum(total for _done, total in counts),
        )
        label = self.labels.get(question.id, "")
        self.write("")
        self.write(self._style(f"{progress_bar(answered, asked)}  {label}".rstrip(), bold=True))
        status = self._word("required" if question.required else "optional")
        self.write(f"{self._style(question.text.in_language(self.language), bold=True)} {status}")
        for line in self._wrapped(question.help.in_language(self.language)):
            self.write(self._style(line, dim=True))
        parties, values = self._known()
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
        self._refill = []
        while True:
            typed = self._read(question)
            self._refill = []
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
                    raw = self._meant(question, raw_answer(question, typed))
                except AnswerError as error:
                    self._refused(question, typed, error)
                    continue
            if self._accept(question, raw, typed):
                return _Outcome.ANSWERED

    def _refused(self, question: Question, typed: list[str], error: AnswerError) -> None:
        """Say why an answer was refused; a line editor gets its lines back to edit."""
        self.write(self._word("refused", reason=error.reason))
        if self.editor is not None and reads_lines(question) and typed:
            self._refill = list(typed)
            self.write(self._word("edit"))

    def _meant(self, question: Question, raw: Any) -> Any:
        """Ask about each new party whose name is close to a known one; a yes uses the known
        name, so that the answer names that party instead of adding another."""
        if question.kind is not QuestionKind.PARTIES or not isinstance(raw, list):
            return raw
        known, _values = self._known()
        return with_meant_names(
            raw, known, lambda name, close: self._yes(self._word("meant", name=name, known=close))
        )

    def _yes(self, text: str) -> bool:
        """Ask a yes-or-no question until one of the two is typed."""
        self.write(text)
        while True:
            word = self._line("? ").strip().casefold()
            if word in _YES or word in _NO:
                return word in _YES
            self.write(self._word("yes_or_no"))

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

    def _accept(self, question: Question, raw: Any, typed: list[str] | None = None) -> bool:
        try:
            self.session.answer(question.id, raw, by=self.by)
        except AnswerError as error:
            self._refused(question, typed or [], error)
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

    def _words(self, question: Question) -> list[str]:
        """What Tab completes at this question: its choices, else the known names."""
        if question.kind in CHOICE_KINDS:
            return [
                label
                for choice in question.choices
                for label in (choice.value, choice.label.in_language(self.language))
            ]
        parties, values = self._known()
        return [*parties, *values]

    def _read(self, question: Question) -> list[str] | str:
        """The typed lines, or a ``:command`` typed on the first line.

        :raises StopAsking: the input was closed.
        """
        refill = self._refill
        words = self._words(question)
        first = self._line("> ", refill[0] if refill else "", words)
        if _COMMAND.match(first.strip().lower()):
            return first.strip().lower()
        if not first.strip():
            return []
        lines = [first]
        if reads_lines(question):
            position = 1
            while True:
                default = refill[position] if position < len(refill) else ""
                line = self._line(". ", default, words)
                position += 1
                if not line.strip():
                    break
                lines.append(line)
        return lines

    def _line(self, prompt: str, default: str = "", words: Sequence[str] = ()) -> str:
        if self.editor is not None:
            try:
                return self.editor.read(prompt, default=default, words=words)
            except EOFError:
                raise StopAsking from None
        line = self.read_line(prompt)
        if line == "":
            raise StopAsking
        return line.rstrip("\r\n")

    def _review(self) -> Question | None:
        """The summary of every answer (:mod:`cmc_core.cli.answer_review`): the question the
        person chose to change, or ``None`` when the answers are accepted.

        :raises StopAsking: on ``:q``.
        """

        def read(prompt: str) -> str | None:
            try:
                return self._line(prompt)
            except StopAsking:  # closed input accepts the answers
                return None

        review = review_answers(
            self.session, self.language, write=self.write, read=read, style=self._style
        )
        if review.stop:
            raise StopAsking
        if review.question is not None:
            self._skipped.discard(review.question.id)
        return review.question
