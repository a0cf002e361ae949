"""A wrong questionnaire file is refused with the file, the place and the question's id."""

from __future__ import annotations

import pytest

from cmc_core.questionnaires import QuestionnaireFileError, loads_questionnaire

from .conftest import MINI


def broken(old: str, new: str) -> str:
    assert old in MINI
    return MINI.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            broken("    kind: short_text\n", "    knd: short_text\n"),
            "mini.yaml:5:5: question 'm-name': unknown key 'knd'; did you mean 'kind'?",
        ),
        (
            broken("kind: yes_no", "kind: yes_or_no"),
            "mini.yaml:21:5: question 'm-has-flows': unknown question kind 'yes_or_no'; "
            "did you mean 'yes_no'?",
        ),
        (
            broken("text: {en: What is it called?, nl: Hoe heet het?}", "text: {en: What?}"),
            "mini.yaml:6:5: question 'm-name': expected the Dutch text",
        ),
        (
            broken("{en: What is it called?, nl: Hoe heet het?}", "{en: What?, nl: ''}"),
            "mini.yaml:6:23: question 'm-name': expected the Dutch text",
        ),
        (
            broken("binding: meta.name", "binding: meta.nmae"),
            "mini.yaml:4:5: questionnaire 'mini', question 'm-name': the binding 'meta.nmae' "
            "is not a field of the canvas",
        ),
        (
            broken("condition: {question: m-has-flows,", "condition: {question: m-later,"),
            "mini.yaml:24:5: questionnaire 'mini', question 'm-flows': the condition refers to "
            "'m-later', which is not an earlier question",
        ),
        (
            broken("role: supplier}", "role: suplier}"),
            "mini.yaml:18:32: question 'm-suppliers': unknown role 'suplier'; did you mean "
            "'supplier'?",
        ),
    ],
)
def test_each_mistake_is_named_with_file_line_column_and_question(text: str, message: str) -> None:
    with pytest.raises(QuestionnaireFileError) as caught:
        loads_questionnaire(text, "mini.yaml")
    assert str(caught.value).startswith(message), str(caught.value)
