"""The digital waste assessment: sound, bilingual, grounded, and bound to real canvas fields."""

from __future__ import annotations

import re

import pytest
from cmc_core.blueprint import BlockKey
from cmc_core.questionnaires import QuestionKind, Questionnaire, binding_targets
from cmc_core.testing import QuestionnaireContract

import cmc_digital_waste
from cmc_digital_waste import QUESTIONNAIRE
from cmc_digital_waste.questionnaire import DOUBLE_ENTRY, DOUBLE_ENTRY_TIMES

# A source id of the domain reference: S1, S1b, S12, seed, or [I] for our reconstruction.
SOURCE_ID = re.compile(r"\[(?:S\d+b?|seed|I)(?:[,;] ?(?:S\d+b?|seed|I))*\]")


class TestDigitalWasteQuestionnaire(QuestionnaireContract):
    """The contract every questionnaire passes."""

    @pytest.fixture
    def questionnaire(self) -> Questionnaire:
        return QUESTIONNAIRE

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_digital_waste


def test_every_question_id_carries_the_plugin_prefix() -> None:
    assert all(question.id.startswith("dw-") for question in QUESTIONNAIRE.questions)


def test_every_question_has_help_in_english_and_dutch() -> None:
    assert all(question.help.complete for question in QUESTIONNAIRE.questions)


def test_every_help_text_cites_a_source_of_the_domain_reference_in_both_languages() -> None:
    for question in QUESTIONNAIRE.questions:
        for help_text in (question.help.en, question.help.nl):
            assert SOURCE_ID.search(help_text), f"{question.id}: {help_text!r}"


def test_the_double_entry_follow_up_is_asked_only_after_a_yes() -> None:
    follow_up = QUESTIONNAIRE.question(DOUBLE_ENTRY_TIMES)

    assert follow_up.condition is not None
    assert follow_up.condition.question == DOUBLE_ENTRY
    assert follow_up.condition.values == ("yes",)
    assert QUESTIONNAIRE.question(DOUBLE_ENTRY).kind is QuestionKind.YES_NO


def test_the_answers_fill_the_waste_block_and_the_end_customer_waste() -> None:
    bound = {q.binding.target for q in QUESTIONNAIRE.questions if q.binding is not None}

    assert bound == {
        "waste.baseline",
        "waste.baseline_share",
        "waste.expected_saving",
        "waste.basis",
        "notes.waste_reduction",
        "end_customer.waste",
    }
    assert bound <= binding_targets()


def test_the_shares_are_asked_as_percentages() -> None:
    kinds = {q.binding.target: q.kind for q in QUESTIONNAIRE.questions if q.binding is not None}

    assert kinds["waste.baseline_share"] is QuestionKind.PERCENTAGE
    assert kinds["waste.expected_saving"] is QuestionKind.PERCENTAGE


def test_every_question_belongs_to_a_canvas_block() -> None:
    blocks = {key.value for key in BlockKey}

    assert all(question.block in blocks for question in QUESTIONNAIRE.questions)
