"""Reading the answers of a digital waste assessment, as the scorer receives them.

Answers arrive in ``ScoreContext.extras["digital-waste"]`` as a mapping from question id to
answer, typed by whoever collected them: a form gives text ("27", "yes"), a script gives numbers
and booleans. :func:`read_answers` accepts both, and never raises on bad input: an answer it
cannot use is left out and listed in :attr:`Assessment.ignored` with the reason, so that the
score can say why it was not counted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TypeVar

import attrs
from cmc_core.translation import Messages

from cmc_digital_waste.questionnaire import (
    CHANNEL,
    CHANNEL_CHOICES,
    COMMUNICATION_CONTROL_SHARE,
    DOUBLE_ENTRY,
    DOUBLE_ENTRY_TIMES,
    END_CUSTOMER_WASTE,
    EXPECTED_SAVING,
    FRICTION,
    PARTIES,
    QUESTIONNAIRE,
    SAVING_BASIS,
    SYSTEMS,
    TRUST_CHECKS,
    WASTE_BASELINE,
)

__all__ = ["Assessment", "IgnoredAnswer", "read_answers"]

_ = Messages("cmc_digital_waste", "cmc_digital_waste")

_T = TypeVar("_T")
_YES = frozenset({"yes", "ja", "true"})
_NO = frozenset({"no", "nee", "false"})
_CHANNELS = frozenset(choice.value for choice in CHANNEL_CHOICES)


@attrs.frozen
class IgnoredAnswer:
    """An answer the scorer could not use, and why (``"not a number"``, in the language of the
    moment: the answers are read while scoring)."""

    question: str
    why: str


@attrs.frozen
class Assessment:
    """The usable answers of one digital waste assessment; ``None`` or ``""`` when unanswered.

    ``double_entry_times`` is set only when ``double_entry`` is true, because the question is
    asked only then.
    """

    parties: int | None = None
    systems: float | None = None
    communication_control_share: float | None = None
    waste_baseline: str = ""
    double_entry: bool | None = None
    double_entry_times: float | None = None
    trust_checks: int | None = None
    channel: str | None = None
    friction: str = ""
    end_customer_waste: str = ""
    expected_saving: float | None = None
    saving_basis: str = ""
    ignored: tuple[IgnoredAnswer, ...] = ()


class _UnusableAnswerError(ValueError):
    """An answer of the wrong type or out of range; the message says what was expected."""


def read_answers(raw: object) -> Assessment:
    """The usable answers in ``raw``, a mapping from question id to answer.

    :param raw: what the caller put in ``extras["digital-waste"]``; ``None`` means no answers.
        Anything that is not a mapping is ignored as a whole.
    """
    if raw is None:
        return Assessment()
    if not isinstance(raw, Mapping):
        why = _(
            "the answers must be a mapping of question id to answer, not {kind}",
            kind=type(raw).__name__,
        )
        return Assessment(ignored=(IgnoredAnswer("", why),))
    answers = _Answers(raw)
    double_entry = answers.read(DOUBLE_ENTRY, _yes_no)
    times = answers.read(DOUBLE_ENTRY_TIMES, _at_least_one)
    if times is not None and double_entry is not True:
        times = None
        answers.ignore(
            DOUBLE_ENTRY_TIMES, _("asked only when {question} is yes", question=DOUBLE_ENTRY)
        )
    return Assessment(
        parties=answers.read(PARTIES, _whole_at_least_one),
        systems=answers.read(SYSTEMS, _at_least_one),
        communication_control_share=answers.read(COMMUNICATION_CONTROL_SHARE, _percentage),
        waste_baseline=answers.read(WASTE_BASELINE, _text) or "",
        double_entry=double_entry,
        double_entry_times=times,
        trust_checks=answers.read(TRUST_CHECKS, _scale),
        channel=answers.read(CHANNEL, _channel),
        friction=answers.read(FRICTION, _text) or "",
        end_customer_waste=answers.read(END_CUSTOMER_WASTE, _text) or "",
        expected_saving=answers.read(EXPECTED_SAVING, _percentage),
        saving_basis=answers.read(SAVING_BASIS, _text) or "",
        ignored=answers.ignored(),
    )


class _Answers:
    """The raw answers, read one question at a time, remembering what could not be used."""

    def __init__(self, raw: Mapping[object, object]) -> None:
        self._raw = raw
        self._ignored: list[IgnoredAnswer] = []
        known = {question.id for question in QUESTIONNAIRE.questions}
        for key in raw:
            if not isinstance(key, str) or key not in known:
                self.ignore(str(key), _("not a question of the digital-waste assessment"))

    def read(self, question: str, convert: Callable[[object], _T]) -> _T | None:
        """The answer to ``question`` converted, or ``None`` when unanswered or unusable."""
        answer = self._raw.get(question)
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            return None
        try:
            return convert(answer)
        except _UnusableAnswerError as problem:
            self.ignore(question, str(problem))
            return None

    def ignore(self, question: str, why: str) -> None:
        """Remember that the answer to ``question`` is not used, and why."""
        self._ignored.append(IgnoredAnswer(question, why))

    def ignored(self) -> tuple[IgnoredAnswer, ...]:
        """The unused answers, by question id, so that the order never depends on the input's."""
        return tuple(sorted(self._ignored, key=lambda item: (item.question, item.why)))


def _number(answer: object) -> float:
    if isinstance(answer, bool):
        raise _UnusableAnswerError(_("not a number"))
    if isinstance(answer, int | float):
        value = float(answer)
    elif isinstance(answer, str):
        text = answer.strip().removesuffix("%").strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise _UnusableAnswerError(_("not a number")) from None
    else:
        raise _UnusableAnswerError(_("not a number"))
    if not math.isfinite(value):
        raise _UnusableAnswerError(_("not a finite number"))
    return value


def _at_least_one(answer: object) -> float:
    value = _number(answer)
    if value < 1:
        raise _UnusableAnswerError(_("must be at least 1"))
    return value


def _whole_at_least_one(answer: object) -> int:
    value = _at_least_one(answer)
    if not value.is_integer():
        raise _UnusableAnswerError(_("must be a whole number"))
    return int(value)


def _percentage(answer: object) -> float:
    value = _number(answer)
    if not 0 <= value <= 100:
        raise _UnusableAnswerError(_("must be a percentage from 0 to 100"))
    return value


def _scale(answer: object) -> int:
    value = _number(answer)
    if not (value.is_integer() and 1 <= value <= 5):
        raise _UnusableAnswerError(_("must be a whole number from 1 to 5"))
    return int(value)


def _yes_no(answer: object) -> bool:
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, str):
        word = answer.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
    raise _UnusableAnswerError(_("must be yes or no"))


def _channel(answer: object) -> str:
    if isinstance(answer, str) and answer.strip() in _CHANNELS:
        return answer.strip()
    raise _UnusableAnswerError(_("must be one of {values}", values=", ".join(sorted(_CHANNELS))))


def _text(answer: object) -> str:
    if not isinstance(answer, str):
        raise _UnusableAnswerError(_("must be text"))
    return answer.strip()
