"""Questionnaires: the questions that fill a canvas, in Dutch and English, and answering them.

- The contract plugins register: :class:`Questionnaire`, :class:`Question` and their parts.
- Built-in content: :func:`quickscan`, :func:`canvas_questionnaires` (the canvas details and one
  questionnaire per block, in fill order), as checked YAML data files.
- Answering: a :class:`Session` checks every answer and turns the answers into a canvas at any
  moment; :func:`answers_from_canvas` goes the other way. Answers files are plain YAML
  (:func:`load_answers`, :func:`save_answers`, atomic).
- The quickscan's verdict: :func:`assess_quickscan`.
"""

from __future__ import annotations

# The verdict module is loaded first: loading a submodule binds its name in this package, and
# ``quickscan`` must stay the function that returns the quickscan questionnaire.
import cmc_core.questionnaires.quickscan  # noqa: F401
from cmc_core.questionnaires.answers import Answer, AnswerError, AnswersError, AnswerSet
from cmc_core.questionnaires.answers_file import (
    AnswersFileError,
    dumps_answers,
    load_answers,
    loads_answers,
    save_answers,
)
from cmc_core.questionnaires.apply import answers_from_canvas, applicable, apply_answers
from cmc_core.questionnaires.bindings import (
    ENTITY_COLLECTIONS,
    LIST_TARGETS,
    binding_targets,
    is_binding_target,
)
from cmc_core.questionnaires.builtin import (
    CANVAS_DETAILS,
    QUICKSCAN,
    block_name,
    block_questionnaire,
    builtin_questionnaires,
    canvas_details,
    canvas_questionnaires,
    quickscan,
)
from cmc_core.questionnaires.checking import check_value
from cmc_core.questionnaires.files import (
    QuestionnaireFileError,
    load_questionnaire,
    loads_questionnaire,
)
from cmc_core.questionnaires.model import (
    QUESTIONNAIRE_API_VERSION,
    Binding,
    Choice,
    Condition,
    Question,
    QuestionKind,
    Questionnaire,
    Text,
)
from cmc_core.questionnaires.quickscan import (
    QUICKSCAN_IDS,
    Suitability,
    Verdict,
    assess_quickscan,
)
from cmc_core.questionnaires.session import Session

__all__ = [
    "CANVAS_DETAILS",
    "ENTITY_COLLECTIONS",
    "LIST_TARGETS",
    "QUESTIONNAIRE_API_VERSION",
    "QUICKSCAN",
    "QUICKSCAN_IDS",
    "Answer",
    "AnswerError",
    "AnswerSet",
    "AnswersError",
    "AnswersFileError",
    "Binding",
    "Choice",
    "Condition",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "QuestionnaireFileError",
    "Session",
    "Suitability",
    "Text",
    "Verdict",
    "answers_from_canvas",
    "applicable",
    "apply_answers",
    "assess_quickscan",
    "binding_targets",
    "block_name",
    "block_questionnaire",
    "builtin_questionnaires",
    "canvas_details",
    "canvas_questionnaires",
    "check_value",
    "dumps_answers",
    "is_binding_target",
    "load_answers",
    "load_questionnaire",
    "loads_answers",
    "loads_questionnaire",
    "quickscan",
    "save_answers",
]
