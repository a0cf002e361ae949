"""The questionnaire contract: sound questions whose answers land in real canvas fields."""

from __future__ import annotations

import difflib
from collections import Counter

import pytest

from cmc_core.naming import NAME_PATTERN
from cmc_core.questionnaires import binding_targets
from cmc_core.questionnaires.model import QUESTIONNAIRE_API_VERSION, Questionnaire
from cmc_core.testing._base import Contract

__all__ = ["QuestionnaireContract"]


class QuestionnaireContract(Contract):
    """Tests every questionnaire must pass. Subclass it and provide it as a fixture::

        class TestQuickscan(QuestionnaireContract):
            @pytest.fixture
            def questionnaire(self) -> Questionnaire:
                return QUICKSCAN

    It checks that :meth:`~cmc_core.questionnaires.Questionnaire.problems` finds nothing
    (texts in both languages, sound choices and conditions), that the name is valid and question
    ids are unique and not blank, and that every binding targets a field of the canvas
    (:func:`~cmc_core.questionnaires.binding_targets`).
    """

    @pytest.fixture
    def questionnaire(self) -> Questionnaire:
        """The questionnaire under test: override this fixture."""
        pytest.fail(f"{type(self).__name__} must define a fixture 'questionnaire' returning it")

    def test_questionnaire_has_no_problems(self, questionnaire: Questionnaire) -> None:
        problems = questionnaire.problems()
        if problems:
            pytest.fail("the questionnaire has problems:\n  " + "\n  ".join(problems))

    def test_name_and_title_are_valid(self, questionnaire: Questionnaire) -> None:
        if not isinstance(questionnaire, Questionnaire):
            pytest.fail(f"it is a {type(questionnaire).__name__}, not a cmc Questionnaire")
        if not NAME_PATTERN.match(questionnaire.name):
            pytest.fail(f"the name {questionnaire.name!r} must be lower-case words and hyphens")
        if not questionnaire.title.complete:
            pytest.fail("the title needs both English and Dutch")
        if not 1 <= questionnaire.api_version <= QUESTIONNAIRE_API_VERSION:
            pytest.fail(f"api_version {questionnaire.api_version} is not one this cmc knows")

    def test_question_ids_are_unique_and_not_blank(self, questionnaire: Questionnaire) -> None:
        ids = Counter(question.id for question in questionnaire.questions)
        twice = sorted(question_id for question_id, count in ids.items() if count > 1)
        blank = [question_id for question_id in ids if not question_id.strip()]
        spaced = [question_id for question_id in ids if question_id != question_id.strip()]
        if twice or blank or spaced:
            pytest.fail(f"ids used twice: {twice}; blank ids: {blank}; ids with spaces: {spaced}")

    def test_every_binding_targets_a_canvas_field(self, questionnaire: Questionnaire) -> None:
        targets = binding_targets()
        wrong: list[str] = []
        for question in questionnaire.questions:
            binding = question.binding
            if binding is None or binding.target in targets:
                continue
            close = difflib.get_close_matches(binding.target, sorted(targets), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            wrong.append(f"question {question.id!r} is bound to {binding.target!r}{hint}")
        if wrong:
            pytest.fail(
                "bindings that name no canvas field:\n  "
                + "\n  ".join(wrong)
                + "\nSee cmc_core.questionnaires.binding_targets() for every target."
            )

    def test_plugin_registers_the_questionnaire(
        self, questionnaire: Questionnaire, plugin: object
    ) -> None:
        self.check_registration(plugin, "questionnaires", questionnaire.name, questionnaire)
