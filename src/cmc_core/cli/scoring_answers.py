"""``--answers FILE`` of ``cmc score`` and ``cmc export``: a file's answers, for every scorer.

The answers of each installed questionnaire go to the scorers under its name
(:func:`cmc_core.questionnaires.for_scorers.answers_by_questionnaire`): the quickscan's make
the quickscan dimension apply, a plugin's (``cmc-digital-waste``'s) reach that plugin's scorer.
An answer that does not fit its question, or a question id one letter away from an installed
one, stops the command (exit 2) with the file and the question; answers no installed
questionnaire asks are named in one note and left out of the score.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmc_core.cli._support import CliError

if TYPE_CHECKING:
    from cmc_core.plugins import Plugins
    from cmc_core.questionnaires import AnswerSet, Questionnaire

__all__ = ["read_scoring_answers", "scored_questionnaires"]


def scored_questionnaires(active: Plugins) -> tuple[Questionnaire, ...]:
    """The installed questionnaires whose answers go to the scorers: the quickscan always
    (its dimension is built in), then every questionnaire of the plugins."""
    from cmc_core.questionnaires import QUICKSCAN, quickscan

    installed = tuple(active.questionnaires)
    if any(questionnaire.name == QUICKSCAN for questionnaire in installed):
        return installed
    return (quickscan(), *installed)


def read_scoring_answers(path: Path, active: Plugins) -> tuple[AnswerSet, dict[str, Any]]:
    """The answers in ``path`` and the scorers' extras they bring.

    :returns: every answer of the file (an exporter shows them all) and, by questionnaire
        name, the checked answers of each installed questionnaire.
    :raises CliError: a question id looks misspelt, or answers do not fit their questions:
        one line per answer, each starting with the file.
    """
    from cmc_core.cli.answer_sorting import note_orphaned, sort_answers
    from cmc_core.questionnaires import AnswersError, load_answers
    from cmc_core.questionnaires.for_scorers import answers_by_questionnaire

    loaded = load_answers(path)
    questionnaires = scored_questionnaires(active)
    ids = [question.id for questionnaire in questionnaires for question in questionnaire.questions]
    found = sort_answers(loaded, ids, ids)
    errors = found.typos
    try:
        extras = answers_by_questionnaire(found.own, questionnaires, strict=True)
    except AnswersError as error:
        errors = (*errors, *error.errors)
    if errors:
        raise CliError(str(AnswersError(errors, str(path))), prefix=False)
    note_orphaned(found, path)
    return loaded, extras
