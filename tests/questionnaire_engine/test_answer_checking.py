"""Raw answers become canonical values, or are refused naming the question."""

from __future__ import annotations

import pytest

from cmc_core.questionnaires import AnswerError, Questionnaire, check_value


@pytest.mark.parametrize(
    ("question", "raw", "expected"),
    [
        ("m-has-flows", "ja", True),
        ("m-has-flows", "No", False),
        ("m-has-flows", True, True),
        ("m-maturity", "2", 2),
        ("m-maturity", 3.0, 3),
        ("m-share", "12,5%", 12.5),
        ("m-legal", "Stichting", "foundation"),
        ("m-legal", "COOPERATIVE", "cooperative"),
        ("m-criteria", "in the port\n\nships calling\n", ["in the port", "ships calling"]),
        ("m-parties", ["Alpha", {"name": "Beta"}], [{"name": "Alpha"}, {"name": "Beta"}]),
        ("m-name", 2026, "2026"),
    ],
)
def test_obvious_spellings_become_one_canonical_value(
    mini: Questionnaire, question: str, raw: object, expected: object
) -> None:
    assert check_value(mini.question(question), raw) == expected


@pytest.mark.parametrize(
    ("question", "raw", "reason"),
    [
        ("m-has-flows", "maybe", "expected yes or no, found the text 'maybe'"),
        ("m-maturity", 4, "4 is out of range: expected a number from 0 to 3"),
        ("m-maturity", 1.5, "expected a whole number, found 1.5"),
        ("m-share", 120, "120 is out of range: expected a number from 0 to 100"),
        ("m-share", True, "expected a number, found the yes value True"),
        ("m-share", "nan", "expected a finite number, found nan"),
        ("m-legal", "cooperativ", "'cooperativ' is not one of the choices; did you mean"),
        ("m-name", "two\nlines", "expected one line of text, found several lines"),
        ("m-name", ["a"], "expected text, found a list"),
        ("m-parties", "Alpha", "expected a list, found the text 'Alpha'"),
        ("m-parties", [3], "item 1: expected a mapping of fields, found the number 3"),
        ("m-maturity", "", "the answer is empty"),
    ],
)
def test_an_answer_that_does_not_fit_is_refused_naming_the_question(
    mini: Questionnaire, question: str, raw: object, reason: str
) -> None:
    with pytest.raises(AnswerError) as caught:
        check_value(mini.question(question), raw)
    assert caught.value.question == question
    assert str(caught.value).startswith(f"question {question!r}: {reason}")
