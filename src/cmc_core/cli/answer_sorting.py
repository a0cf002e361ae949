"""Whose answers an answers file holds: this run's, other questionnaires', or no installed one's.

One answers file serves several runs (``cmc quickscan``, then ``cmc ask`` block by block), and
it may hold answers of a plugin's questionnaire that is not installed where it is read now.
:func:`sort_answers` splits the file's answers for one run:

- **own**: to the questions this run asks; the session checks them.
- **carried**: to questions of other installed questionnaires; kept as they are.
- **orphaned**: to questions no installed questionnaire has; kept as they are, not asked, and
  named in one note on stderr (:func:`note_orphaned`; ``cmc --quiet`` leaves it out).
- **typos**: an id one edit (a letter added, dropped, changed, or two swapped) away from a
  question that is installed; refused with a did-you-mean, as an answer that does not fit is.
  Two edits or more is taken for another questionnaire's question: a plugin's ids usually
  differ from the built-in ones by a prefix (``dw-parties``, ``qs-parties``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from cmc_core.cli._support import note, terminal_safe
from cmc_core.questionnaires import Answer, AnswerError, AnswerSet
from cmc_core.translation import Messages

_ = Messages("cmc_core", "prompts")

__all__ = ["SortedAnswers", "note_orphaned", "sort_answers"]

#: How many orphaned question ids the note names before it counts the rest.
NAMED_IN_NOTE = 6


@attrs.frozen
class SortedAnswers:
    """An answers file's answers, split for one run (see the module's description).

    :param own: the answers to this run's questions, in file order.
    :param carried: answers to other installed questionnaires' questions, by question id.
    :param orphaned: answers to questions no installed questionnaire has, by question id.
    :param typos: one refusal per id that looks like a misspelt installed question.
    """

    own: AnswerSet
    carried: dict[str, Answer]
    orphaned: dict[str, Answer]
    typos: tuple[AnswerError, ...] = ()


def one_edit_apart(first: str, second: str) -> bool:
    """Whether one letter added, dropped or changed, or two neighbours swapped, make ``first``
    into ``second`` (and they differ)."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    a, b = first[start:], second[start:]
    if len(a) == len(b):
        return a[1:] == b[1:] or (len(a) >= 2 and a[0] == b[1] and a[1] == b[0] and a[2:] == b[2:])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[1:] == shorter


def _misspelt(question: str, installed: Iterable[str]) -> str | None:
    return next((known for known in installed if one_edit_apart(question, known)), None)


def sort_answers(
    loaded: AnswerSet, asked: Iterable[str], installed: Iterable[str]
) -> SortedAnswers:
    """Split a file's answers for a run.

    :param asked: the ids of the questions this run asks.
    :param installed: the ids of every question of every installed questionnaire (``asked``
        among them, or not).
    """
    asked_ids = set(asked)
    installed_ids = [*dict.fromkeys([*asked_ids, *installed])]
    known = set(installed_ids)
    own: dict[str, Answer] = {}
    carried: dict[str, Answer] = {}
    orphaned: dict[str, Answer] = {}
    typos: list[AnswerError] = []
    for question, answer in loaded.answers.items():
        if question in asked_ids:
            own[question] = answer
        elif question in known:
            carried[question] = answer
        elif (meant := _misspelt(question, installed_ids)) is not None:
            reason = _("there is no such question; did you mean {meant!r}?", meant=meant)
            typos.append(AnswerError(question, reason))
        else:
            orphaned[question] = answer
    return SortedAnswers(AnswerSet(own, loaded.language), carried, orphaned, tuple(typos))


def note_orphaned(sorted_answers: SortedAnswers, path: Path) -> None:
    """One note on stderr naming the answers no installed questionnaire asks, if there are any."""
    ids = list(sorted_answers.orphaned)
    if not ids:
        return
    named = terminal_safe(", ".join(ids[:NAMED_IN_NOTE]))
    if len(ids) > NAMED_IN_NOTE:
        named = _("{named} and {count} more", named=named, count=len(ids) - NAMED_IN_NOTE)
    note(
        _.plural(
            "Note: {path}: {count} answer kept but not asked, because no installed "
            "questionnaire has its question (is the plugin that asks it not installed?): "
            "{named}.",
            "Note: {path}: {count} answers kept but not asked, because no installed "
            "questionnaire has their questions (is the plugin that asks them not installed?): "
            "{named}.",
            len(ids),
            path=path,
            named=named,
        )
    )
