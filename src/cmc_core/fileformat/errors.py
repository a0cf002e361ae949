"""The errors of loading and saving canvas files.

A load error carries every problem found, each with its logical path (in file keys, such as
``flows[3].to``) and, when known, the file, line and column, so that a person can go straight to
the spot. ``str(error)`` is short: one ``FILE:LINE:COL: message`` line per problem.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from cmc_core.diagnostics import Location
from cmc_core.errors import CmcError

__all__ = [
    "CanvasLoadError",
    "CanvasSaveError",
    "LoadProblem",
    "SchemaVersionError",
    "UnsupportedFormatError",
]

#: How many problems ``str(error)`` lists before it summarises the rest.
SHOWN_PROBLEMS = 20


@attrs.frozen
class LoadProblem:
    """One thing wrong with a canvas document.

    :param message: a plain sentence that names the path, what was expected and what was found.
    :param path: the logical path in file keys (``""`` for the document as a whole).
    :param location: where in the file, when known.
    """

    message: str
    path: str = ""
    location: Location | None = None

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
            lines.append(f"... and {hidden} more problem{'s' if hidden > 1 else ''}")
        return "\n".join(lines) or "the canvas could not be loaded"

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
