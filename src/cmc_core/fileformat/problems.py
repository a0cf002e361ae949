"""Load problems: how they are worded, and how the detailed converter's errors become them.

cattrs raises one ``ClassValidationError`` per record and one ``IterableValidationError`` per list
or keyed mapping; each child exception carries a note naming the attribute or index it failed on.
Walking the tree and collecting those notes gives each leaf problem its logical path. cattrs is
imported only when such a tree is walked, so that reading a good document never loads it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator

import attrs

from cmc_core.canvas import Canvas
from cmc_core.fileformat.errors import LoadProblem, LoadProblemKind
from cmc_core.fileformat.layout import entry_fields, file_key, known_keys
from cmc_core.fileformat.locate import Locator, Segments, format_path
from cmc_core.fileformat.reasons import validator_reason
from cmc_core.fileformat.wording import MismatchError, UnknownKeysError, suggestion
from cmc_core.translation import Messages

__all__ = [
    "MAX_PROBLEMS",
    "describe_path",
    "problem",
    "problems_from_error",
    "unknown_key_problem",
]

_ = Messages("cmc_core", "files")

#: How many problems a load error lists at most.
MAX_PROBLEMS = 1000


def describe_path(segments: Segments) -> str:
    """The path as a person reads it; the root is "the document"."""
    return format_path(segments) or _("the document")


def problem(
    message: str, segments: Segments, locate: Locator, kind: LoadProblemKind
) -> LoadProblem:
    """A problem of ``kind`` at ``segments``, located through ``locate``."""
    return LoadProblem(message, format_path(segments), locate(segments), kind=kind)


def _misplaced(record: type | None, key: str) -> str:
    """A hint when ``key`` is a field of one of ``record``'s nested records (``meta.name``)."""
    if record is None or not attrs.has(record):
        return ""
    for attribute in entry_fields(record):
        nested = attribute.type
        if isinstance(nested, type) and attrs.has(nested) and key in known_keys(nested):
            return _(
                "; did you mean to put it under {key}?", key=repr(file_key(record, attribute.name))
            )
    return ""


def unknown_key_problem(
    parent: Segments,
    key: object,
    known: list[str],
    locate: Locator,
    record: type | None = None,
) -> LoadProblem:
    """``parties[0] has an unknown key 'nmae'; did you mean 'name'?``"""
    where = describe_path(parent)
    hint = _misplaced(record, str(key)) or suggestion(str(key), known)
    message = _(
        "{where} has an unknown key {key}{hint}", where=where, key=repr(str(key)), hint=hint
    )
    return problem(message, (*parent, str(key)), locate, "unknown-key")


def _leaves(
    error: BaseException, segments: Segments, record: type
) -> Iterator[tuple[Segments, BaseException, type]]:
    """Every leaf problem of the tree with the path and the record type it belongs to."""
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        IterableValidationError,
        IterableValidationNote,
    )

    from cmc_core.fileformat.detailed import ENTRY_OF

    if isinstance(error, ClassValidationError | IterableValidationError):
        if isinstance(error, ClassValidationError):
            record = ENTRY_OF.get(error.cl, error.cl)
        for child in error.exceptions:
            child_segments = segments
            for note in reversed(getattr(child, "__notes__", [])):
                if isinstance(note, AttributeValidationNote):
                    child_segments = (*segments, file_key(record, note.name))
                    break
                if isinstance(note, IterableValidationNote):
                    child_segments = (*segments, note.index)
                    break
            yield from _leaves(child, child_segments, record)
    else:
        yield segments, error, record


def problems_from_error(error: BaseException, locate: Locator) -> list[LoadProblem]:
    """The problems in a detailed converter's error, each with its path and location.

    After :data:`MAX_PROBLEMS` the rest are only counted, in one closing problem: a document
    that is wrong everywhere needs fixing at its source, not a list of every spot.
    """
    from cattrs.errors import ForbiddenExtraKeysError

    from cmc_core.fileformat.detailed import ENTRY_OF

    problems: list[LoadProblem] = []
    unlisted = 0
    for segments, leaf, _record in _leaves(error, (), Canvas):
        if len(problems) >= MAX_PROBLEMS:
            unlisted += _count(leaf)
            continue
        where = describe_path(segments)
        if isinstance(leaf, MismatchError):
            message = leaf.sentence(where)
            problems.append(problem(message, segments, locate, leaf.kind))
        elif isinstance(leaf, UnknownKeysError):
            # Only the keys that will be listed are worded and located: a document may hold
            # a hundred thousand unknown keys, and each suggestion costs a fuzzy match.
            room = MAX_PROBLEMS - len(problems)
            unlisted += max(len(leaf.keys) - room, 0)
            for key in leaf.keys[:room]:
                problems.append(unknown_key_problem(segments, key, list(leaf.known), locate))
        elif isinstance(leaf, ForbiddenExtraKeysError):
            record = ENTRY_OF.get(leaf.cl, leaf.cl)
            known = known_keys(record)
            room = MAX_PROBLEMS - len(problems)
            unlisted += max(len(leaf.extra_fields) - room, 0)
            for key in heapq.nsmallest(room, leaf.extra_fields, key=str):
                problems.append(unknown_key_problem(segments, key, known, locate, record))
        elif isinstance(leaf, KeyError) and segments:
            # A required key is missing: the generated code's ``o['id']`` failed.
            parent = segments[:-1]
            message = _(
                "{where} lacks the required key {key}",
                where=describe_path(parent),
                key=repr(segments[-1]),
            )
            problems.append(problem(message, parent, locate, "missing-key"))
        else:  # a check of the model itself refused the value (attrs validators)
            reason = validator_reason(str(leaf))
            problems.append(problem(f"{where}: {reason}", segments, locate, "invalid-value"))
    if len(problems) > MAX_PROBLEMS:
        unlisted += len(problems) - MAX_PROBLEMS
        del problems[MAX_PROBLEMS:]
    # File order where positions are known; a stable sort keeps the rest in the order found.
    problems.sort(key=_position)
    if unlisted:
        summary = _.plural(
            "... and {count} more problem, not listed",
            "... and {count} more problems, not listed",
            unlisted,
        )
        problems.append(LoadProblem(summary, "", kind="too-large"))
    return problems


def _position(found: LoadProblem) -> tuple[int, int]:
    location = found.location
    return (location.line or 0, location.column or 0) if location else (0, 0)


def _count(leaf: BaseException) -> int:
    if isinstance(leaf, UnknownKeysError):
        return len(leaf.keys)
    extra_fields = getattr(leaf, "extra_fields", None)  # cattrs' ForbiddenExtraKeysError
    return len(extra_fields) if extra_fields is not None else 1
