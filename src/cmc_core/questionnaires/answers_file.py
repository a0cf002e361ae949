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
#: What a whole number of more than 4,300 digits (Python prints none; YAML can write one in
#: hexadecimal) is called in messages.
_LONG = "a whole number of more than 4,300 digits"


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
            f"language must be 'nl' or 'en', not {_shown(value)}", locate(("language",))
        ) from None


def _shown(value: Any) -> str:
    """A value as a message shows it; Python refuses to print a whole number of more than
    4,300 digits, which YAML can write in hexadecimal."""
    try:
        return repr(value)
    except ValueError:
        return _LONG


def _plain(question: str, value: Any, where: tuple[str, ...], locate: Any) -> Any:
    """The value of an answer as plain data, checked everywhere in it, at the answer: a number
    must be one an answer can be (not ``.nan``, ``.inf``, ``1e999`` or a whole number too long
    to print), and a value only a YAML tag makes (``!!binary``, ``!!set``, ``!custom``) is
    refused, in a list of values and in the fields of an entity too. Every reader of answers,
    not only a session, gets the same, and what is read can be written back."""
    if isinstance(value, list | tuple):  # a tuple: a pair of YAML's !!pairs
        return [_plain(question, item, where, locate) for item in value]
    if isinstance(value, dict):
        return {key: _plain(question, item, where, locate) for key, item in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        raise AnswersFileError(
            f"the answer to {question!r} is not a finite number ({value!r})", locate(where)
        )
    if isinstance(value, int) and _shown(value) == _LONG:
        raise AnswersFileError(
            f"the answer to {question!r} is {_LONG}, too long to read", locate(where)
        )
    if value is None or isinstance(value, str | int | float):
        return value
    from cmc_core.fileformat.wording import describe_value  # noqa: PLC0415 (cmc --help)

    raise AnswersFileError(
        f"the answer to {question!r} cannot be {describe_value(value)}; an answer is text, a "
        "number, yes or no, or a list of these or of entities",
        locate(where),
    )


def _answer(question: str, raw: Any, locate: Any) -> Answer:
    if not (isinstance(raw, dict) and "value" in raw):
        return Answer(question, _plain(question, raw, ("answers", question), locate))
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
    value = _plain(question, raw["value"], ("answers", question, "value"), locate)
    return Answer(question, value, raw.get("by"), raw.get("at"))


def load_answers(path: str | os.PathLike[str]) -> AnswerSet:
    """The answer set in an answers file (see :func:`loads_answers`)."""
    return loads_answers(read_input(path, input_limit("answers")), os.fspath(path))


def dumps_answers(answers: AnswerSet, previous: str | None = None) -> str:
    """The YAML text of an answer set.

    :param previous: the text of the answers file it replaces, if any: its comments, key order
        and styles are kept for everything that did not change, and new answers go at the end.
    """
    if previous is None:
        from cmc_core.fileformat.yaml_io import write_yaml_data  # noqa: PLC0415 (cmc --help)

        return write_yaml_data(answers.to_data())
    from cmc_core.fileformat.yaml_merge import updated_yaml_text  # noqa: PLC0415 (cmc --help)

    return updated_yaml_text(previous, answers.to_data())


def save_answers(answers: AnswerSet, path: str | os.PathLike[str]) -> None:
    """Write an answers file atomically: the old file stays whole if anything fails.

    A file that is there already is updated, not replaced: its comments and key order stay
    (see :func:`dumps_answers`).
    """
    from cmc_core.fileformat.atomic import write_atomic  # noqa: PLC0415 (cmc --help)

    write_atomic(path, dumps_answers(answers, _previous_text(path)).encode("utf-8"))


def _previous_text(path: str | os.PathLike[str]) -> str | None:
    """The text of the answers file about to be replaced, if there is a readable one."""
    try:
        return read_input(path, input_limit("answers")).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
