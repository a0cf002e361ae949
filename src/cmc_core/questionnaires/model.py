"""The questionnaire contract: questions that fill a canvas, in Dutch and English.

A :class:`Questionnaire` is a named, ordered set of :class:`Question` objects. Each question has a
stable id, text and help in both languages, a :class:`QuestionKind`, and optionally a
:class:`Condition` (ask only when an earlier answer says so) and a :class:`Binding` (which canvas
field its answer fills). Plugins register questionnaires through ``cmc_register_questionnaires``;
:meth:`Questionnaire.problems` says what is wrong with one, and :mod:`cmc_core.testing` asserts
there is nothing.

How the contract may evolve: new fields always come with defaults and new question kinds may be
added; a consumer that meets a kind it does not know treats the question as long text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from cmc_core.canvas import Canvas
from cmc_core.naming import check_name
from cmc_core.questionnaires.bindings import ENTITY_COLLECTIONS, LIST_TARGETS, is_binding_target
from cmc_core.shape import collections
from cmc_core.vocabulary import Language, Role

__all__ = [
    "QUESTIONNAIRE_API_VERSION",
    "Binding",
    "Choice",
    "Condition",
    "Question",
    "QuestionKind",
    "Questionnaire",
    "Text",
]

QUESTIONNAIRE_API_VERSION = 1


class QuestionKind(enum.StrEnum):
    """The type of answer a question takes."""

    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    NUMBER = "number"
    PERCENTAGE = "percentage"
    YES_NO = "yes_no"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SCALE = "scale"  #: a whole number from 1 to 5 (or the question's own minimum and maximum)
    TEXT_LIST = "text_list"  #: a list of short texts (criteria, agreements, authors ...)
    PARTIES = "parties"  #: a list of parties with their roles
    VALUES = "values"  #: a list of values
    FLOWS = "flows"  #: a list of value flows
    PROCESS_AREAS = "process_areas"  #: a list of process areas
    COMMONALITIES = "commonalities"  #: a list of commonalities
    DEVELOPMENTS = "developments"  #: a list of developments, problems and opportunities
    RESISTANCES = "resistances"  #: a list of resistances
    DECISION_RIGHTS = "decision_rights"  #: a list of decision rights
    SOURCES = "sources"  #: a list of sources (reports, articles, interviews)


def _entity_kinds() -> dict[QuestionKind, str]:
    """Each collection of the canvas (read from the model, :mod:`cmc_core.shape`) that a kind of
    question fills: the kind named as the collection's field. A collection with no such kind
    is filled by no question; a questionnaire binding one is refused when it loads."""
    kinds = {kind.value: kind for kind in QuestionKind}
    return {
        kinds[collection.path[-1]]: collection.name
        for collection in collections(Canvas)
        if collection.path[-1] in kinds
    }


#: Kinds whose answer is a list of entities, and the canvas collection each one fills. An
#: entity in an answer has the shape it has in a canvas file (``from`` and ``to`` for flows).
ENTITY_KINDS: dict[QuestionKind, str] = _entity_kinds()
CHOICE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE})
NUMERIC_KINDS = frozenset({QuestionKind.NUMBER, QuestionKind.PERCENTAGE, QuestionKind.SCALE})
_DEFAULT_BOUNDS: dict[QuestionKind, tuple[float, float]] = {
    QuestionKind.PERCENTAGE: (0, 100),
    QuestionKind.SCALE: (1, 5),
}


@attrs.frozen
class Text:
    """A piece of text in English and Dutch."""

    en: str = ""
    nl: str = ""

    def in_language(self, language: Language) -> str:
        """The text in ``language``, falling back to the other one when it is missing."""
        first, second = (self.nl, self.en) if language is Language.NL else (self.en, self.nl)
        return first or second

    @property
    def complete(self) -> bool:
        """Whether both languages are filled in."""
        return bool(self.en.strip() and self.nl.strip())


@attrs.frozen
class Choice:
    """One allowed answer of a choice question: a stable value and its label."""

    value: str
    label: Text


@attrs.frozen
class Condition:
    """Ask a question only when an earlier answer is one of ``values``.

    Answers are compared as text: yes/no answers as ``"yes"`` and ``"no"``, choices by value.
    For a multiple-choice question, the condition holds when any chosen value is listed.
    """

    question: str
    values: tuple[str, ...]


def _pairs(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(key), item) for key, item in items)


@attrs.frozen
class Binding:
    """Which canvas field an answer fills.

    :param target: a binding target (see :func:`~cmc_core.questionnaires.binding_targets`),
        such as ``end_customer.customer``, ``notes.boundary`` or ``parties``.
    :param role: for a list of parties, the role each listed party gets when the answer does not
        say (the suppliers question gives ``supplier``).
    :param defaults: for a list of entities, fields each listed entity gets when the answer does
        not say, in the file's form (``{"mode": "cooperate", "kind": "information"}``).
    """

    target: str
    role: Role | None = None
    defaults: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_pairs)


@attrs.frozen
class Question:
    """One question.

    :param id: stable id, unique within the questionnaire (``qs-suppliers``).
    :param kind: the type of answer.
    :param text: the question itself.
    :param help: what the facilitator can say to explain it.
    :param required: whether the questionnaire is incomplete without an answer.
    :param choices: the allowed answers of a choice question.
    :param condition: ask only when an earlier answer says so.
    :param binding: the canvas field the answer fills; ``None`` for a question that only informs
        a verdict or a score.
    :param block: the canvas block the question belongs to, for progress per block.
    :param minimum: the smallest number a number or scale answer may be.
    :param maximum: the largest number a number or scale answer may be.
    """

    id: str
    kind: QuestionKind
    text: Text
    help: Text = Text()
    required: bool = False
    choices: tuple[Choice, ...] = ()
    condition: Condition | None = None
    binding: Binding | None = None
    block: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """The allowed range of a numeric answer: the question's own, else its kind's."""
        default_low, default_high = _DEFAULT_BOUNDS.get(self.kind, (None, None))
        low = self.minimum if self.minimum is not None else default_low
        high = self.maximum if self.maximum is not None else default_high
        return low, high


@attrs.frozen
class Questionnaire:
    """A named, ordered set of questions.

    :param name: stable name, such as ``quickscan`` or ``digital-waste``.
    :param title: the title shown to people.
    :param questions: in the order they are asked.
    :param description: what it is for and when to use it.
    :param api_version: the version of this contract it was written for.
    """

    name: str = attrs.field(validator=check_name)
    title: Text
    questions: tuple[Question, ...]
    description: Text = Text()
    api_version: int = QUESTIONNAIRE_API_VERSION

    def question(self, question_id: str) -> Question:
        """The question with this id.

        :raises KeyError: when there is none.
        """
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def problems(self) -> tuple[str, ...]:
        """Everything wrong with this questionnaire, one sentence each; empty when it is sound."""
        return tuple(self._problems())

    def _problems(self) -> Iterator[str]:
        if not self.title.complete:
            yield f"questionnaire {self.name!r}: the title needs both English and Dutch"
        seen: dict[str, Question] = {}
        for question in self.questions:
            where = f"questionnaire {self.name!r}, question {question.id!r}"
            if question.id in seen:
                yield f"{where}: the id is used twice"
            yield from (f"{where}: {problem}" for problem in _question_problems(question, seen))
            seen[question.id] = question


def _question_problems(question: Question, earlier: dict[str, Question]) -> Iterator[str]:
    if not question.id.strip():
        yield "the id is empty"
    if not question.text.complete:
        yield "the text needs both English and Dutch"
    if (question.help.en or question.help.nl) and not question.help.complete:
        yield "the help needs both English and Dutch"
    yield from _choice_problems(question)
    yield from _binding_problems(question)
    low, high = question.bounds
    if (question.minimum is not None or question.maximum is not None) and (
        question.kind not in NUMERIC_KINDS
    ):
        yield f"a {question.kind} question takes no minimum or maximum"
    elif low is not None and high is not None and low > high:
        yield f"the minimum {low:g} is larger than the maximum {high:g}"
    condition = question.condition
    if condition is not None:
        source = earlier.get(condition.question)
        if source is None:
            yield (
                f"the condition refers to {condition.question!r}, which is not an earlier "
                "question of this questionnaire"
            )
        elif source.kind in CHOICE_KINDS:
            allowed = {choice.value for choice in source.choices}
            for value in condition.values:
                if value not in allowed:
                    yield f"the condition value {value!r} is not a choice of {source.id!r}"
        elif source.kind is QuestionKind.YES_NO:
            for value in condition.values:
                if value not in ("yes", "no"):
                    yield f"the condition value {value!r} must be 'yes' or 'no'"


def _choice_problems(question: Question) -> Iterator[str]:
    if question.kind in CHOICE_KINDS:
        if not question.choices:
            yield f"a {question.kind} question needs choices"
        values = [choice.value for choice in question.choices]
        if len(set(values)) != len(values):
            yield "two choices have the same value"
        for choice in question.choices:
            if not choice.label.complete:
                yield f"the label of choice {choice.value!r} needs both English and Dutch"
    elif question.choices:
        yield f"a {question.kind} question takes no choices"


def _binding_problems(question: Question) -> Iterator[str]:
    binding = question.binding
    if binding is None:
        return
    if not is_binding_target(binding.target):
        yield f"the binding {binding.target!r} is not a field of the canvas"
        return
    collection = ENTITY_KINDS.get(question.kind)
    if collection is not None and binding.target != collection:
        yield f"a {question.kind} answer can only fill {collection!r}, not {binding.target!r}"
    if collection is None and binding.target in ENTITY_COLLECTIONS:
        yield f"a {question.kind} answer cannot fill the entity list {binding.target!r}"
    if binding.role is not None and question.kind is not QuestionKind.PARTIES:
        yield "only a parties question can give a role"
    if binding.defaults and collection is None:
        yield "only a question with a list of entities can give defaults"
    if question.kind is QuestionKind.TEXT_LIST and binding.target not in LIST_TARGETS:
        yield f"a text_list answer can only fill a list field, not {binding.target!r}"
