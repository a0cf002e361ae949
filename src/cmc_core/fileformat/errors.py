"""The errors of loading and saving canvas files.

A load error carries every problem found, each with its logical path (in file keys, such as
``flows[3].to``) and, when known, the file, line and column, so that a person can go straight to
the spot, and a kind (:data:`LoadProblemKind`) for programs that react to some problems and not
to others. ``str(error)`` is short: one ``FILE:LINE:COL: message`` line per problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

import attrs

from cmc_core.diagnostics import Location
from cmc_core.errors import CmcError
from cmc_core.translation import Messages

__all__ = [
    "CanvasLoadError",
    "CanvasSaveError",
    "LoadProblem",
    "LoadProblemKind",
    "SchemaVersionError",
    "UnsupportedFormatError",
]

_ = Messages("cmc_core", "files")

#: How many problems ``str(error)`` lists before it summarises the rest.
SHOWN_PROBLEMS = 20

#: What kind of problem a :class:`LoadProblem` is, for programs that react to some kinds (offer
#: an upgrade for ``"version"``, highlight the field for ``"wrong-type"``) without parsing
#: messages. ``"unreadable"``: the file cannot be read (an OS error, not a regular file, a name
#: with no known suffix). ``"too-large"``: over a size or count limit (the file's bytes, a
#: number beyond what can be read, more problems than are listed). ``"encoding"``: not UTF-8,
#: or a character YAML, JSON or TOML do not allow. ``"syntax"``: not valid YAML, JSON or TOML.
#: ``"unsafe"``: anchors and aliases, tags, nesting too deep. ``"empty"``: nothing but white
#: space or comments. ``"version"``: ``schema_version`` missing, not a whole number, newer than
#: this cmc reads or unknown. ``"unknown-key"``, ``"missing-key"``, ``"wrong-type"`` (a value of
#: the wrong type, such as text where a list belongs), ``"invalid-value"`` (the right type but
#: not allowed: an unknown choice, a number out of range) and ``"duplicate-key"`` (a key given
#: twice in one mapping).
LoadProblemKind = Literal[
    "unreadable",
    "too-large",
    "encoding",
    "syntax",
    "unsafe",
    "empty",
    "version",
    "unknown-key",
    "missing-key",
    "wrong-type",
    "invalid-value",
    "duplicate-key",
]

#: Every :data:`LoadProblemKind`, in the order of the file's life: read, parse, check.
LOAD_PROBLEM_KINDS: tuple[LoadProblemKind, ...] = get_args(LoadProblemKind)


@attrs.frozen
class LoadProblem:
    """One thing wrong with a canvas document.

    :param message: a plain sentence that names the path, what was expected and what was found.
    :param path: the logical path in file keys (``""`` for the document as a whole).
    :param location: where in the file, when known.
    :param kind: what kind of problem it is (:data:`LoadProblemKind`), for programs;
        ``"invalid-value"`` when not given, the most general kind.
    :raises ValueError: for a ``kind`` that is none of :data:`LoadProblemKind`.
    """

    message: str
    path: str = ""
    location: Location | None = None
    kind: LoadProblemKind = attrs.field(
        default="invalid-value", kw_only=True, validator=attrs.validators.in_(LOAD_PROBLEM_KINDS)
    )

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class CanvasLoadError(CmcError, ValueError):
    """A canvas document could not be read: bad syntax, unknown keys, wrong types, bad version.

    :param problems: every problem found, in file order when positions are known.
    :param source: the file the document came from, when known.
    """

    def __init__(self, problems: Iterable[LoadProblem], source: str | None = None) -> None:
        self.problems: tuple[LoadProblem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._summary())

    def _summary(self) -> str:
        lines = [str(problem) for problem in self.problems[:SHOWN_PROBLEMS]]
        hidden = len(self.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            lines.append(
                _.plural("... and {count} more problem", "... and {count} more problems", hidden)
            )
        return "\n".join(lines) or _("the canvas could not be loaded")

    def __str__(self) -> str:
        return self._summary()

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problems, self.source))


class SchemaVersionError(CanvasLoadError):
    """The document's ``schema_version`` is one this cmc cannot read (newer, or unknown).

    :param found: the version the document declares.
    :param supported: the version this cmc writes and reads.
    """

    def __init__(
        self,
        problems: Iterable[LoadProblem],
        source: str | None = None,
        *,
        found: int | None = None,
        supported: int | None = None,
    ) -> None:
        super().__init__(problems, source)
        self.found = found
        self.supported = supported

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_version_error, (self.problems, self.source, self.found, self.supported))


def _rebuild_version_error(
    problems: tuple[LoadProblem, ...], source: str | None, found: int | None, supported: int | None
) -> SchemaVersionError:
    return SchemaVersionError(problems, source, found=found, supported=supported)


class UnsupportedFormatError(CmcError, ValueError):
    """A file name or format argument names no format cmc reads or writes."""


class CanvasSaveError(CmcError, OSError):
    """A canvas could not be written; the file that was there before is left untouched."""
