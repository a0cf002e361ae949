"""The answers of every questionnaire, as the scorers receive them.

One answers file holds the answers of several questionnaires (the quickscan's, a block's, a
plugin's), by question id. A scorer reads the answers of the questionnaire it knows from
:attr:`ScoreContext.extras <cmc_core.scoring.ScoreContext.extras>`, under that questionnaire's
name: :func:`answers_by_questionnaire` sorts a file's answers that way, so that
``cmc score --answers`` and ``cmc export --answers`` reach every scorer that asks, a plugin's
as well as the built-in quickscan dimension.

- ``extras["quickscan"]``: the quickscan's :class:`~cmc_core.questionnaires.AnswerSet`, checked
  as a session checks it (the built-in quickscan dimension reads it).
- ``extras[NAME]`` for any other questionnaire ``NAME``: a mapping from question id to the
  answer's value (``{"dw-parties": 12, "dw-double-entry": True}``), each value checked against
  its question and made canonical (``yes`` becomes ``True``, ``"12"`` becomes ``12``), the
  plain data a script would pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cmc_core.questionnaires.answers import AnswerError, AnswersError, AnswerSet
from cmc_core.questionnaires.builtin import QUICKSCAN
from cmc_core.questionnaires.checking import check_value
from cmc_core.questionnaires.model import Questionnaire
from cmc_core.questionnaires.session import Session

__all__ = ["answers_by_questionnaire"]


def answers_by_questionnaire(
    answers: AnswerSet, questionnaires: Iterable[Questionnaire], *, strict: bool = False
) -> dict[str, Any]:
    """The scorers' extras that ``answers`` bring: one entry per questionnaire with at least
    one answered question, under its name (see the module's description for the forms).

    Answers to questions of none of ``questionnaires`` bring nothing (the caller says so: they
    may be a plugin's that is not installed here).

    :param questionnaires: the questionnaires whose answers are wanted (the installed ones:
        :attr:`Plugins.questionnaires <cmc_core.plugins.Plugins.questionnaires>`).
    :param strict: refuse answers that do not fit their questions. Otherwise (a program's
        answers, scored as well as they can be) such an answer is passed as given, and the
        scorer reads what it can.
    :raises AnswersError: ``strict`` and answers do not fit, one error per answer, in the
        answers' order.
    """
    extras: dict[str, Any] = {}
    errors: list[AnswerError] = []
    for questionnaire in questionnaires:
        asked = {question.id for question in questionnaire.questions}
        mine = {q: answer for q, answer in answers.answers.items() if q in asked}
        if not mine or questionnaire.name in extras:
            continue
        if questionnaire.name == QUICKSCAN:
            mine_set = AnswerSet(mine, answers.language)
            extras[QUICKSCAN], refused = _quickscan(questionnaire, mine_set)
        else:
            extras[questionnaire.name], refused = _values(questionnaire, answers, asked)
        errors += refused
    if strict and errors:
        order = list(answers.answers)
        raise AnswersError(tuple(sorted(errors, key=lambda error: order.index(error.question))))
    return extras


def _quickscan(
    questionnaire: Questionnaire, mine: AnswerSet
) -> tuple[AnswerSet, tuple[AnswerError, ...]]:
    """The quickscan's answers checked by a session (its conditions too), else as given."""
    try:
        return Session([questionnaire], answers=mine).answers, ()
    except AnswersError as error:  # scored as given: the quickscan's verdict reads what it can
        return mine, error.errors


def _values(
    questionnaire: Questionnaire, answers: AnswerSet, asked: set[str]
) -> tuple[dict[str, Any], tuple[AnswerError, ...]]:
    """Question id -> canonical value, in the answers' order; a value that does not fit is
    kept as given and refused in the errors."""
    questions = {question.id: question for question in questionnaire.questions}
    values: dict[str, Any] = {}
    errors: list[AnswerError] = []
    for question, answer in answers.answers.items():
        if question not in asked:
            continue
        try:
            values[question] = check_value(questions[question], answer.value)
        except AnswerError as error:
            values[question] = answer.value
            errors.append(error)
    return values, tuple(errors)
