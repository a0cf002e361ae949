"""Questionnaires as data files: YAML that people can review, checked when loaded.

A questionnaire file looks like this (every text in English and Dutch)::

    name: quickscan
    title: {en: Quickscan, nl: Quickscan}
    questions:
      - id: qs-suppliers-count
        kind: number
        text: {en: Roughly how many suppliers are there?, nl: Hoeveel aanbieders zijn er ongeveer?}
        help: {en: ..., nl: ...}
        required: true
        minimum: 0
      - id: qs-suppliers
        kind: parties
        text: {en: Name some of them., nl: Noem er enkele.}
        binding: {target: parties, role: supplier}     # or just: binding: boundary.goal
        condition: {question: qs-has-suppliers, values: ['yes']}

Loading refuses unknown keys, a wrong type, an unknown kind, binding or role, a missing
translation and a condition on an unknown or later question, each with the file, the place in it
and the question's id.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from cmc_core.diagnostics import Location
from cmc_core.errors import CmcError
from cmc_core.questionnaires.model import (
    Binding,
    Choice,
    Condition,
    Question,
    QuestionKind,
    Questionnaire,
    Text,
)
from cmc_core.reading import input_limit, read_input
from cmc_core.vocabulary import Role

__all__ = ["QuestionnaireFileError", "load_questionnaire", "loads_questionnaire"]

Locate = Callable[[tuple[str | int, ...]], Location | None]


class QuestionnaireFileError(CmcError, ValueError):
    """A questionnaire file is wrong; every problem names the file, the place and the question.

    :param problems: one message per problem, each starting with ``file:line:column:``.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


class _ProblemError(Exception):
    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def _where(location: Location | None) -> str:
    return location.prefix() if location is not None else ""


def _mapping(value: Any, path: tuple[str | int, ...], keys: Sequence[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _ProblemError(path, f"expected a mapping with {', '.join(keys)}")
    for key in value:
        if key not in keys:
            close = difflib.get_close_matches(str(key), keys, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; expected {', '.join(keys)}"
            raise _ProblemError((*path, key), f"unknown key {key!r}{hint}")
    return value


def _text(value: Any, path: tuple[str | int, ...]) -> Text:
    data = _mapping(value, path, ("en", "nl"))
    for key in ("en", "nl"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise _ProblemError(
                (*path, key), f"expected the {'English' if key == 'en' else 'Dutch'} text"
            )
    return Text(en=data["en"], nl=data["nl"])


def _string(value: Any, path: tuple[str | int, ...], what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _ProblemError(path, f"expected {what} as text")
    return value


def _enum(kind: Any, value: Any, path: tuple[str | int, ...], what: str) -> Any:
    choices = [member.value for member in kind]
    if value in choices:
        return kind(value)
    close = difflib.get_close_matches(str(value), choices, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of {', '.join(choices)}"
    raise _ProblemError(path, f"unknown {what} {value!r}{hint}")


def _binding(value: Any, path: tuple[str | int, ...]) -> Binding:
    if isinstance(value, str):
        return Binding(value)
    data = _mapping(value, path, ("target", "role", "defaults"))
    role = data.get("role")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise _ProblemError((*path, "defaults"), "expected a mapping of entity fields")
    return Binding(
        _string(data.get("target"), (*path, "target"), "the target"),
        _enum(Role, role, (*path, "role"), "role") if role is not None else None,
        defaults,
    )


def _number(value: Any, path: tuple[str | int, ...]) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _ProblemError(path, f"expected a number, found {value!r}")
    return value


_QUESTION_KEYS = (
    "id", "kind", "text", "help", "required", "choices", "condition", "binding", "block",
    "minimum", "maximum",
)  # fmt: skip


def _question(value: Any, path: tuple[str | int, ...]) -> Question:
    data = _mapping(value, path, _QUESTION_KEYS)
    choices = data.get("choices", [])
    if not isinstance(choices, list):
        raise _ProblemError((*path, "choices"), "expected a list of choices")
    condition = data.get("condition")
    if condition is not None:
        condition_data = _mapping(condition, (*path, "condition"), ("question", "values"))
        values = condition_data.get("values")
        if not isinstance(values, list) or not values:
            raise _ProblemError((*path, "condition", "values"), "expected a list of answers")
        condition = Condition(
            _string(condition_data.get("question"), (*path, "condition", "question"), "an id"),
            tuple("yes" if v is True else "no" if v is False else str(v) for v in values),
        )
    required = data.get("required", False)
    if not isinstance(required, bool):
        raise _ProblemError((*path, "required"), "expected true or false")
    return Question(
        id=_string(data.get("id"), (*path, "id"), "an id"),
        kind=_enum(QuestionKind, data.get("kind"), (*path, "kind"), "question kind"),
        text=_text(data.get("text"), (*path, "text")),
        help=_text(data["help"], (*path, "help")) if "help" in data else Text(),
        required=required,
        choices=tuple(
            _choice(choice, (*path, "choices", index)) for index, choice in enumerate(choices)
        ),
        condition=condition,
        binding=_binding(data["binding"], (*path, "binding")) if "binding" in data else None,
        block=_string(data["block"], (*path, "block"), "a block") if "block" in data else None,
        minimum=_number(data.get("minimum"), (*path, "minimum")),
        maximum=_number(data.get("maximum"), (*path, "maximum")),
    )


def _choice(value: Any, path: tuple[str | int, ...]) -> Choice:
    data = _mapping(value, path, ("value", "label"))
    raw = data.get("value")
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise _ProblemError((*path, "value"), "expected the choice's value as text")
    return Choice(str(raw), _text(data.get("label"), (*path, "label")))


def _questionnaire(root: Any) -> Questionnaire:
    data = _mapping(root, (), ("name", "title", "description", "questions"))
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise _ProblemError(("questions",), "expected a list of questions")
    try:
        return Questionnaire(
            name=_string(data.get("name"), ("name",), "the name"),
            title=_text(data.get("title"), ("title",)),
            description=_text(data["description"], ("description",))
            if "description" in data
            else Text(),
            questions=tuple(_question(q, ("questions", i)) for i, q in enumerate(questions)),
        )
    except ValueError as error:  # the name pattern of the contract
        raise _ProblemError(("name",), str(error)) from None


def loads_questionnaire(data: bytes | str, source: str | None = None) -> Questionnaire:
    """A questionnaire from the text of a questionnaire file, checked.

    :raises QuestionnaireFileError: for the first structural problem, or every problem of
        :meth:`Questionnaire.problems`, each with the file, the place and the question id.
    """
    # `cmc --help` imports the questionnaires, never the file format: imported on use.
    from cmc_core.fileformat.yaml_io import read_yaml_data  # noqa: PLC0415

    root, locate = read_yaml_data(data, source)
    try:
        questionnaire = _questionnaire(root)
    except _ProblemError as problem:
        raise QuestionnaireFileError([_located(root, problem, locate)]) from None
    problems = questionnaire.problems()
    if problems:
        ids = [q.id for q in questionnaire.questions]
        raise QuestionnaireFileError([_locate_problem(p, ids, locate) for p in problems])
    return questionnaire


def _located(root: Any, problem: _ProblemError, locate: Locate) -> str:
    subject = ""
    if len(problem.path) >= 2 and problem.path[0] == "questions" and isinstance(root, dict):
        index = problem.path[1]
        questions = root.get("questions")
        if isinstance(index, int) and isinstance(questions, list) and index < len(questions):
            entry = questions[index]
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                subject = f"question {entry['id']!r}: "
    return f"{_where(locate(problem.path))}{subject}{problem.message}"


def _locate_problem(message: str, ids: list[str], locate: Locate) -> str:
    for index, question_id in enumerate(ids):
        if f"question {question_id!r}" in message:
            return f"{_where(locate(('questions', index)))}{message}"
    return f"{_where(locate(()))}{message}"


def load_questionnaire(path: str | os.PathLike[str]) -> Questionnaire:
    """The questionnaire in a file (see :func:`loads_questionnaire`)."""
    return loads_questionnaire(read_input(path, input_limit("questionnaire")), os.fspath(path))


def load_packaged(package: str, name: str) -> Questionnaire:
    """A questionnaire file shipped as package data (``package``'s resource ``name``)."""
    resource = resources.files(package).joinpath(name)
    return loads_questionnaire(resource.read_bytes(), f"{package}:{name}")
