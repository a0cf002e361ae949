"""An answer session: questionnaires answered one answer at a time, or in bulk, into a canvas.

::

    session = Session([quickscan])                       # or Session(block_questionnaires, canvas)
    session.answer("qs-name", "Port community", by="Alice")
    for question in session.pending(): ...               # what is still to ask, in order
    session.progress()                                   # {"boundary": (1, 3), ...}
    canvas = session.to_canvas()                         # at any moment

Each answer is checked when it is given: its type and range, its choice, and that it fits the
canvas (a flow must name a known party). A refused answer raises
:class:`~cmc_core.questionnaires.AnswerError` naming the question, and the session is unchanged.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.questionnaires.answers import Answer, AnswerError, AnswersError, AnswerSet
from cmc_core.questionnaires.apply import answers_from_canvas, applicable, apply_answers
from cmc_core.questionnaires.checking import check_value
from cmc_core.questionnaires.model import Question, Questionnaire
from cmc_core.translation import Messages
from cmc_core.vocabulary import Language

__all__ = ["Session"]

_ = Messages("cmc_core", "questionnaires")


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


class Session:
    """Questionnaires being answered, starting from a canvas.

    :param questionnaires: asked in this order.
    :param canvas: what the answers fill in; an empty canvas by default. It is never changed:
        :meth:`to_canvas` returns a new one.
    :param answers: answers given earlier (an answers file being resumed); checked in bulk.
    :param language: the language the questions are asked in.
    :raises AnswersError: when earlier answers do not fit.
    """

    def __init__(
        self,
        questionnaires: Sequence[Questionnaire],
        canvas: Canvas | None = None,
        answers: AnswerSet | None = None,
        language: Language | None = None,
    ) -> None:
        self.questionnaires = tuple(questionnaires)
        self.canvas = canvas if canvas is not None else Canvas()
        self.language = language or (answers.language if answers else None)
        self._questions: dict[str, Question] = {}
        self._blocks: dict[str, str] = {}
        for questionnaire in self.questionnaires:
            for question in questionnaire.questions:
                self._questions.setdefault(question.id, question)
                self._blocks.setdefault(question.id, question.block or questionnaire.name)
        self._answers = AnswerSet(language=self.language)
        if answers:
            self.answer_all(answers)

    @classmethod
    def from_canvas(cls, questionnaires: Sequence[Questionnaire], canvas: Canvas) -> Session:
        """A session whose answers are what ``canvas`` holds, applied to an empty canvas."""
        answers, _unbound = answers_from_canvas(canvas, questionnaires)
        return cls(questionnaires, Canvas(), answers, canvas.meta.language)

    @property
    def answers(self) -> AnswerSet:
        """Every answer given so far."""
        return self._answers

    def questions(self) -> tuple[Question, ...]:
        """Every question of the session, in order."""
        return tuple(self._questions.values())

    def question(self, question_id: str) -> Question:
        """The question with this id.

        :raises AnswerError: when there is none, with the closest id.
        """
        found = self._questions.get(question_id)
        if found is None:
            raise _unknown(question_id, self._questions)
        return found

    def answer(
        self, question_id: str, raw: Any, *, by: str | None = None, at: str | None = None
    ) -> Answer:
        """Give one answer; it replaces an earlier answer to the same question.

        :param by: who gave it.
        :param at: when (ISO 8601); now when ``by`` is given and ``at`` is not.
        :raises AnswerError: the answer does not fit; nothing changes.
        """
        question = self.question(question_id)
        if not applicable(question, self._answers):
            assert question.condition is not None
            raise AnswerError(
                question.id,
                _(
                    "is not asked: it depends on the answer to {question!r}",
                    question=question.condition.question,
                ),
            )
        stamp = at if at is not None or by is None else _now()
        answer = Answer(question.id, check_value(question, raw), by, stamp)
        trial = self._answers.with_answer(answer)
        try:
            apply_answers(self.canvas, self.questionnaires, trial)
        except AnswersError as error:
            raise next(
                (e for e in error.errors if e.question == question.id), error.errors[0]
            ) from None
        self._answers = trial
        return answer

    def answer_all(self, answers: AnswerSet | Mapping[str, Any]) -> None:
        """Give many answers at once, in question order (so parties come before the flows that
        name them). Answers to questions that are not asked are refused.

        :raises AnswersError: listing every refused answer; the session then keeps none of them.
        """
        given = answers if isinstance(answers, AnswerSet) else _as_set(answers)
        before = self._answers
        errors: list[AnswerError] = []
        unknown = [q for q in given.answers if q not in self._questions]
        errors += [_unknown(q, self._questions) for q in unknown]
        for question in self._questions.values():
            answer = given.get(question.id)
            if answer is None:
                continue
            try:
                self.answer(question.id, answer.value, by=answer.by, at=answer.at)
            except AnswerError as error:
                errors.append(error)
        if errors:
            self._answers = before
            raise AnswersError(tuple(errors))

    def forget(self, question_id: str) -> None:
        """Remove the answer to a question (a no-op when there is none)."""
        self._answers = self._answers.without(question_id)

    def pending(self) -> list[Question]:
        """The questions still to ask, in order: asked (conditions hold) and not answered."""
        return [
            question
            for question in self._questions.values()
            if question.id not in self._answers and applicable(question, self._answers)
        ]

    def next_question(self) -> Question | None:
        """The first pending question, or ``None`` when everything asked is answered."""
        pending = self.pending()
        return pending[0] if pending else None

    def missing_required(self) -> list[Question]:
        """Required questions that are asked but not answered yet."""
        return [question for question in self.pending() if question.required]

    def progress(self) -> dict[str, tuple[int, int]]:
        """Per block (or questionnaire, for questions without a block): answered and asked."""
        counts: dict[str, tuple[int, int]] = {}
        for question in self._questions.values():
            if not applicable(question, self._answers):
                continue
            block = self._blocks[question.id]
            answered, total = counts.get(block, (0, 0))
            counts[block] = (answered + (question.id in self._answers), total + 1)
        return counts

    def to_canvas(self) -> Canvas:
        """The canvas with every answer so far filled in."""
        return apply_answers(self.canvas, self.questionnaires, self._answers)


def _as_set(answers: Mapping[str, Any]) -> AnswerSet:
    return AnswerSet({str(q): Answer(str(q), value) for q, value in answers.items()})


def _unknown(question: str, known: Iterable[str]) -> AnswerError:
    close = difflib.get_close_matches(question, list(known), n=1)
    if close:
        return AnswerError(
            question, _("there is no such question; did you mean {close!r}?", close=close[0])
        )
    return AnswerError(question, _("there is no such question"))
