"""What each fuzz target does with one input; shared by the atheris scripts and the replay test.

A target feeds the bytes to a public loader. The errors the loader documents for bad input
(``CanvasLoadError`` and ``UnsupportedFormatError``; for an answers file ``AnswersFileError``)
are the expected outcome of most inputs, as long as their messages are written for a person.
What loads must then survive what a user does next: a round trip through every format
(``dumps`` then ``loads`` gives the same canvas), the document writing itself, validation and
the score card; for an answers file, writing it and reading it back, and answering the built-in
questionnaires with it. Any other exception, or a round trip that changes the canvas, is a
finding: the target raises and the fuzzer saves the input.

This module needs no atheris, so the normal test suite replays the corpus and the saved crash
inputs through exactly these functions (``test_replay.py``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

import attrs

from cmc_core.canvas import Canvas
from cmc_core.fileformat import (
    FORMATS,
    CanvasLoadError,
    UnsupportedFormatError,
    dumps,
    loads,
)
from cmc_core.model import Meta
from cmc_core.questionnaires import (
    AnswersError,
    AnswerSet,
    AnswersFileError,
    Questionnaire,
    Session,
    assess_quickscan,
    canvas_questionnaires,
    dumps_answers,
    loads_answers,
    quickscan,
)
from cmc_core.rules import Locator, validate
from cmc_core.scoring import score_canvas
from cmc_core.vocabulary import Language

__all__ = [
    "TARGETS",
    "BrokenPromiseError",
    "check_answers",
    "check_json",
    "check_toml",
    "check_yaml",
]

#: What a canvas loader may raise for bad input.
CANVAS_ERRORS: tuple[type[Exception], ...] = (CanvasLoadError, UnsupportedFormatError)
#: What the answers-file reader may raise for bad input (a YAML problem is a CanvasLoadError).
ANSWERS_ERRORS: tuple[type[Exception], ...] = (AnswersFileError, CanvasLoadError)


#: Words of Python's insides that a message for a person must not contain: each was, or would
#: be, an exception of the parser or of Python passed on as if it were an explanation.
INTERNALS = (
    "Traceback",
    "NoneType",
    "object has no attribute",
    "sys.set_int_max_str_digits",
    "int too large to convert",
    "TaggedScalar",
    "Commented",
    "ruamel",
    "cattrs",
    "msgspec",
    "<class ",
)


#: Known bugs to fuzz past, named in ``CMC_FUZZ_SKIP`` (comma-separated), so that a long run
#: finds the next bug instead of the same one again (tests/fuzz/test_replay.py lists their
#: inputs). ``folded-spaces``: YAML writing folds a long plain scalar at a run of spaces.
#: ``folded-escapes``: it folds a long double-quoted scalar right after an escape.
#: ``folded-keys``: it folds a key longer than a line (a question id of an answers file).
SKIP = frozenset(filter(None, os.environ.get("CMC_FUZZ_SKIP", "").split(",")))
#: An escape in ``repr`` of a text: what YAML writes double-quoted.
_ESCAPE = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|t|r)")


def _skipped(value: object) -> bool:
    """Whether ``value`` would only hit a known bug that ``CMC_FUZZ_SKIP`` names."""
    shown = repr(value)
    return ("folded-spaces" in SKIP and "  " in shown) or (
        "folded-escapes" in SKIP and _ESCAPE.search(shown) is not None
    )


class BrokenPromiseError(AssertionError):
    """The input loaded, but what followed broke a promise of the file format."""


def _check_message(message: str, data: bytes) -> None:
    """A message for a person: not empty, and free of Python's insides (unless the input
    itself says them, as in an unknown key ``NoneType``)."""
    if not message.strip():
        raise BrokenPromiseError("an error without a message")
    for word in INTERNALS:
        if word in message and word.encode() not in data:
            raise BrokenPromiseError(f"a message speaks of Python's insides ({word!r}): {message}")


def _check_load_error(error: CanvasLoadError, data: bytes) -> None:
    """A load error must say something: at least one problem, each a sentence for a person."""
    if not error.problems:
        raise BrokenPromiseError(f"a load error without problems: {error!r}")
    for problem in error.problems:
        if not isinstance(problem.message, str):
            raise BrokenPromiseError(f"a load problem without a message: {problem!r}")
        _check_message(problem.message, data)
    _check_message(str(error), data)


def _same_after_writing(canvas: Canvas, text: str, form: str, what: str) -> None:
    if form == "yaml" and _skipped(canvas):
        return
    try:
        again = loads(text, form, source=f"again.cmc.{form}").canvas
    except CanvasLoadError as error:
        raise BrokenPromiseError(f"{what} does not read back as {form}: {error}\n{text}") from error
    if again != canvas:
        fields = attrs.fields_dict(Canvas)
        changed = [name for name in fields if getattr(again, name) != getattr(canvas, name)]
        raise BrokenPromiseError(
            f"{what} reads back as another canvas in {form} ({', '.join(changed)} changed):\n{text}"
        )


def _after_loading(canvas: Canvas, locate: Locator | None = None) -> None:
    """What the command line does with a canvas: validate it and score it."""
    report = validate(canvas, locator=locate)
    for diagnostic in report:
        str(diagnostic)
    score_canvas(canvas, errors=report.errors)


def check_canvas(data: bytes, form: str) -> None:
    """Load ``data`` as a canvas document in ``form``; if it loads, write, reread and check it.

    :raises BrokenPromiseError: a promise of the file format was broken.
    :raises Exception: anything else the loader should not have raised (a crash).
    """
    try:
        document = loads(data, form, source=f"fuzz.cmc.{form}")
    except CanvasLoadError as error:
        _check_load_error(error, data)
        return
    except UnsupportedFormatError:  # documented; never expected for the three formats
        raise
    canvas = document.canvas
    for other in FORMATS:
        _same_after_writing(canvas, dumps(canvas, other), other, "the canvas")
    if form == "yaml":  # in JSON and TOML the document writes what dumps wrote
        _same_after_writing(canvas, document.dumps(), form, "the document")
    _after_loading(canvas, document.locate)


def check_json(data: bytes) -> None:
    """The JSON target."""
    check_canvas(data, "json")


def check_yaml(data: bytes) -> None:
    """The YAML target."""
    check_canvas(data, "yaml")


def check_toml(data: bytes) -> None:
    """The TOML target."""
    check_canvas(data, "toml")


def check_answers(data: bytes) -> None:
    """Read ``data`` as an answers file; if it reads, write and reread it, and answer the
    quickscan and the canvas questionnaires with it as ``cmc quickscan`` and ``cmc ask`` do.

    :raises BrokenPromiseError: the answers changed on a round trip.
    :raises Exception: anything else (a crash).
    """
    try:
        answers = loads_answers(data, source="fuzz.answers.yaml")
    except ANSWERS_ERRORS as error:
        if isinstance(error, CanvasLoadError):
            _check_load_error(error, data)
        _check_message(str(error), data)
        return
    long_key = any(len(question) > 60 for question in answers.answers)
    if not (_skipped(answers) or ("folded-keys" in SKIP and long_key)):
        _same_answers_after_writing(answers)
    for questionnaires in ((quickscan(),), canvas_questionnaires()):
        _answer(questionnaires, answers, data)


def _same_answers_after_writing(answers: AnswerSet) -> None:
    text = dumps_answers(answers)
    try:
        again = loads_answers(text, source="again.answers.yaml")
    except ANSWERS_ERRORS as error:
        raise BrokenPromiseError(f"written answers do not read back: {error}\n{text}") from error
    if again != answers:
        raise BrokenPromiseError(f"written answers read back differently:\n{text}")


def _answer(questionnaires: Sequence[Questionnaire], answers: AnswerSet, data: bytes) -> None:
    language = answers.language or Language.EN
    session = Session(questionnaires, Canvas(meta=Meta(language=language)), language=language)
    try:
        session.answer_all(AnswerSet(answers.answers, language))
    except AnswersError as error:
        _check_message(str(error), data)
        return
    canvas = session.to_canvas()
    if questionnaires[0] is quickscan():
        assess_quickscan(session.answers, canvas)
    _same_after_writing(canvas, dumps(canvas, "yaml"), "yaml", "the answered canvas")
    _after_loading(canvas)


#: Every target by name: the name of its script (``fuzz_<name>.py``) and corpus folder.
TARGETS: dict[str, Callable[[bytes], None]] = {
    "json": check_json,
    "yaml": check_yaml,
    "toml": check_toml,
    "answers": check_answers,
}
