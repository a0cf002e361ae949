"""Answers: what was said to which question, by whom and when.

An :class:`AnswerSet` is plain data, kept in a plain YAML answers file that people can read and
tools can write (``answers.yaml``)::

    language: en
    answers:
      qs-name: Port community Rotterdam          # just the value ...
      qs-suppliers:                              # ... or the value with who and when
        value:
          - {name: Alpha Shipping, roles: [supplier]}
        by: Alice
        at: '2026-11-27T10:03:00+00:00'

No question's value is a mapping, so a mapping with a ``value`` key is always the long form.
Reading and writing the file is :mod:`cmc_core.questionnaires.answers_file`'s job; this module
does no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from cmc_core.errors import CmcError
from cmc_core.translation import Messages
from cmc_core.vocabulary import Language

_ = Messages("cmc_core", "questionnaires")

__all__ = ["Answer", "AnswerError", "AnswerSet", "AnswersError"]


class AnswerError(CmcError, ValueError):
    """An answer does not fit its question; the message names the question.

    :param question: the id of the question.
    :param reason: what is wrong and what was expected.
    """

    def __init__(self, question: str, reason: str) -> None:
        super().__init__(_("question {question}: {reason}", question=repr(question), reason=reason))
        self.question = question
        self.reason = reason


class AnswersError(CmcError, ValueError):
    """Several answers do not fit their questions; :attr:`errors` has one per answer."""

    def __init__(self, errors: tuple[AnswerError, ...], source: str | None = None) -> None:
        where = f"{source}: " if source else ""
        super().__init__("\n".join(f"{where}{error}" for error in errors))
        self.errors = errors
        self.source = source


@attrs.frozen
class Answer:
    """One answer.

    :param question: the id of the question.
    :param value: the checked value: text, a number, ``True``/``False`` for yes/no, a choice
        value, a list of choice values or texts, or a list of entities in their file form.
    :param by: who gave it, when recorded.
    :param at: when, as an ISO 8601 timestamp, when recorded.
    """

    question: str
    value: Any
    by: str | None = None
    at: str | None = None

    def to_data(self) -> Any:
        """The answer as it is written in an answers file."""
        if self.by is None and self.at is None:
            return self.value
        data: dict[str, Any] = {"value": self.value}
        if self.by is not None:
            data["by"] = self.by
        if self.at is not None:
            data["at"] = self.at
        return data


def _copied(answers: Mapping[str, Answer]) -> dict[str, Answer]:
    return dict(answers)


@attrs.frozen
class AnswerSet:
    """Every answer given so far, in the order they were first given.

    :param answers: by question id.
    :param language: the language the questions were asked in, when known.
    """

    answers: Mapping[str, Answer] = attrs.field(factory=dict, converter=_copied, hash=False)
    language: Language | None = None

    def __contains__(self, question: object) -> bool:
        return question in self.answers

    def __iter__(self) -> Iterator[Answer]:
        return iter(self.answers.values())

    def __len__(self) -> int:
        return len(self.answers)

    def get(self, question: str) -> Answer | None:
        """The answer to a question, or ``None``."""
        return self.answers.get(question)

    def value(self, question: str, default: Any = None) -> Any:
        """The value answered to a question, or ``default``."""
        answer = self.answers.get(question)
        return default if answer is None else answer.value

    def with_answer(self, answer: Answer) -> AnswerSet:
        """A new set with this answer added or replaced (it keeps its place when replaced)."""
        return attrs.evolve(self, answers={**self.answers, answer.question: answer})

    def without(self, question: str) -> AnswerSet:
        """A new set without the answer to this question."""
        return attrs.evolve(self, answers={k: v for k, v in self.answers.items() if k != question})

    def to_data(self) -> dict[str, Any]:
        """The set as it is written in an answers file."""
        data: dict[str, Any] = {}
        if self.language is not None:
            data["language"] = str(self.language)
        data["answers"] = {question: answer.to_data() for question, answer in self.answers.items()}
        return data
