"""Reading and writing answers files (plain YAML; see :mod:`cmc_core.questionnaires.answers`).

Writing is atomic: an interrupted run leaves the previous file whole, so a rerun resumes from it.

The command line imports the questionnaires to build ``cmc --help``; the file format (its YAML
reader and atomic writer) is imported inside the functions that read and write, so that
``cmc --help`` never loads it.
"""

from __future__ import annotations

import math
import os
from typing import Any

from cmc_core.diagnostics import Location
from cmc_core.errors import CmcError
from cmc_core.questionnaires.answers import Answer, AnswerSet
from cmc_core.reading import input_limit, read_input
from cmc_core.vocabulary import Language

__all__ = ["AnswersFileError", "dumps_answers", "load_answers", "loads_answers", "save_answers"]

_TOP_KEYS = ("language", "answers")
_ANSWER_KEYS = ("value", "by", "at")


class AnswersFileError(CmcError, ValueError):
    """An answers file is not in the expected shape; the message says where and what.

    :param location: where in the file, when known.
    """

    def __init__(self, message: str, location: Location | None) -> None:
        where = _where(location)
        super().__init__(f"{where}{message}" if where else message)
        self.location = location


def _where(location: Location | None) -> str:
    return location.prefix() if location is not None else ""


def loads_answers(data: bytes | str, source: str | None = None) -> AnswerSet:
    """An answer set from the text of an answers file.

    The values are not checked against any question here; a session does that.

    :raises AnswersFileError: the file is not a mapping with ``answers`` (and maybe
        ``language``).
    :raises CanvasLoadError: the text is not valid YAML, or is empty.
    """
    from cmc_core.fileformat.yaml_io import read_yaml_data  # noqa: PLC0415 (cmc --help)

    root, locate = read_yaml_data(data, source)
    if not isinstance(root, dict):
        raise AnswersFileError("expected a mapping with 'answers'", locate(()))
    unknown = [key for key in root if key not in _TOP_KEYS]
    if unknown:
        raise AnswersFileError(
            f"unknown key {unknown[0]!r}; expected {' and '.join(map(repr, _TOP_KEYS))}",
            locate((unknown[0],)),
        )
    language = _language(root.get("language"), locate)
    answers = root.get("answers", {})
    if not isinstance(answers, dict):
        raise AnswersFileError("'answers' must map question ids to answers", locate(("answers",)))
    return AnswerSet(
        {str(question): _answer(str(question), raw, locate) for question, raw in answers.items()},
        language,
    )


def _language(value: Any, locate: Any) -> Language | None:
    if value is None:
        return None
    try:
        return Language(value)
    except ValueError:
        raise AnswersFileError(
            f"language must be 'nl' or 'en', not {value!r}", locate(("language",))
        ) from None


def _finite(question: str, value: Any, where: tuple[str, ...], locate: Any) -> Any:
    """Refuse a number that is no number an answer can be (``.nan``, ``.inf``, ``1e999``), in
    a value or a list of values: every reader of answers, not only a session, gets the same."""
    values = value if isinstance(value, list) else [value]
    for item in values:
        if isinstance(item, float) and not math.isfinite(item):
            raise AnswersFileError(
                f"the answer to {question!r} is not a finite number ({item!r})", locate(where)
            )
    return value


def _answer(question: str, raw: Any, locate: Any) -> Answer:
    if not (isinstance(raw, dict) and "value" in raw):
        return Answer(question, _finite(question, raw, ("answers", question), locate))
    unknown = [key for key in raw if key not in _ANSWER_KEYS]
    if unknown:
        raise AnswersFileError(
            f"unknown key {unknown[0]!r} in the answer to {question!r}; "
            "expected 'value', 'by' and 'at'",
            locate(("answers", question, unknown[0])),
        )
    for key in ("by", "at"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise AnswersFileError(
                f"'{key}' of the answer to {question!r} must be text",
                locate(("answers", question, key)),
            )
    value = _finite(question, raw["value"], ("answers", question, "value"), locate)
    return Answer(question, value, raw.get("by"), raw.get("at"))


def load_answers(path: str | os.PathLike[str]) -> AnswerSet:
    """The answer set in an answers file (see :func:`loads_answers`)."""
    return loads_answers(read_input(path, input_limit("answers")), os.fspath(path))


def dumps_answers(answers: AnswerSet) -> str:
    """The YAML text of an answer set."""
    from cmc_core.fileformat.yaml_io import write_yaml_data  # noqa: PLC0415 (cmc --help)

    return write_yaml_data(answers.to_data())


def save_answers(answers: AnswerSet, path: str | os.PathLike[str]) -> None:
    """Write an answers file atomically: the old file stays whole if anything fails."""
    from cmc_core.fileformat.atomic import write_atomic  # noqa: PLC0415 (cmc --help)

    write_atomic(path, dumps_answers(answers).encode("utf-8"))
