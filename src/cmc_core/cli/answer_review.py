"""The summary at the end of the question loop: every answer, numbered, to accept or change.

:func:`review_answers` shows each asked question with its answer and reads what the person
wants: Enter (or closed input) accepts the answers, a question's number asks that question
again, ``:q`` stops. The :class:`~cmc_core.cli.prompting.Interview` runs it when it is made
with ``confirm`` and asks again whatever is chosen here.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from cmc_core.cli.answer_input import display
from cmc_core.questionnaires import Question, Session, applicable
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language

__all__ = ["Review", "review_answers"]

_ = Messages("cmc_core", "prompts")

_SUMMARY = N_("Your answers:")
_NO_ANSWER = N_("(no answer)")
_CONFIRM = N_(
    "Enter accepts these answers; type a question's number to change its answer, or :q to stop."
)
_NO_NUMBER = N_("There is no question {number}; type a number from 1 to {last}.")


@attrs.frozen
class Review:
    """What the person chose at the summary: the ``question`` to change, or to ``stop``;
    neither means the answers are accepted."""

    question: Question | None = None
    stop: bool = False


def review_answers(
    session: Session,
    language: Language,
    *,
    write: Callable[[str], None],
    read: Callable[[str], str | None],
    style: Callable[..., str],
) -> Review:
    """Show every asked question with its answer, numbered, and read the person's choice.

    :param write: shows one line of text.
    :param read: shows a prompt and returns the typed line, ``None`` when the input is closed.
    :param style: styles a text with ``click.style``'s keywords (or leaves it as it is).
    """
    asked = [q for q in session.questions() if applicable(q, session.answers)]
    write("")
    write(style(_.translate(_SUMMARY, language), bold=True))
    for number, question in enumerate(asked, start=1):
        write(f"{number:>3}. {question.text.in_language(language)}")
        answer = session.answers.get(question.id)
        shown = (
            display(question, answer.value, language)
            if answer is not None
            else [_.translate(_NO_ANSWER, language)]
        )
        for line in shown:
            write(style(f"       {line}", fg="cyan"))
    write(_.translate(_CONFIRM, language))
    while True:
        read_line = read("> ")
        typed = read_line.strip().lower() if read_line is not None else ""
        if not typed:
            return Review()
        if typed in (":q", ":quit"):
            return Review(stop=True)
        if typed.isdigit() and 1 <= int(typed) <= len(asked):
            return Review(question=asked[int(typed) - 1])
        write(_.translate(_NO_NUMBER, language, number=typed, last=len(asked)))
