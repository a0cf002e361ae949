"""Questionnaires: the questions that fill a canvas, in Dutch and English."""

from __future__ import annotations

from cmc_core.questionnaires.bindings import ENTITY_COLLECTIONS, binding_targets, is_binding_target
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

__all__ = [
    "ENTITY_COLLECTIONS",
    "QUESTIONNAIRE_API_VERSION",
    "Binding",
    "Choice",
    "Condition",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "Text",
    "binding_targets",
    "is_binding_target",
]
