"""What validation reports: severities, findings, diagnostics and the report that collects them.

A severity's value (``error``, ``warning``, ``info``) is an id, the same in every language and
in JSON and SARIF; the word a person reads (``fout`` in Dutch) is
:func:`cmc_core.analysis.severity_label`'s, a layer up, where the catalogs are.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator

import attrs

__all__ = ["Diagnostic", "Finding", "Location", "Report", "Severity"]


class Severity(enum.StrEnum):
    """How bad a diagnostic is. An error means the canvas does not describe a business community."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for errors, 1 for warnings, 0 for infos: higher is worse."""
        return {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}[self]


@attrs.frozen
class Location:
    """Where in a file a part of the canvas was written (1-based line and column)."""

    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file or "<canvas>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def prefix(self) -> str:
        """``file:line:col: `` to start a message with, or ``""`` when the file is unknown."""
        return f"{self}: " if self.file is not None else ""


@attrs.frozen
class Finding:
    """What a rule's check yields: a message about one place in the canvas.

    ``path`` is a logical path in file keys, such as ``flows[3].to``. ``subject`` is the id of the
    entity concerned, which stays the same when lists are reordered. ``figures`` carries measured
    numbers (an HHI, a share) for machine readers. ``severity`` is left ``None`` to use the
    rule's; a rule may raise it for a worse case of the same problem (V03, V04).
    """

    message: str
    path: str = ""
    subject: str | None = None
    figures: tuple[tuple[str, float], ...] = ()
    severity: Severity | None = None


@attrs.frozen
class Diagnostic:
    """A finding stamped with its rule's code and effective severity, and its file location."""

    code: str
    severity: Severity
    message: str
    path: str = ""
    subject: str | None = None
    figures: tuple[tuple[str, float], ...] = ()
    location: Location | None = None

    @property
    def file(self) -> str | None:
        """The file the canvas came from, when known."""
        return self.location.file if self.location else None

    @property
    def line(self) -> int | None:
        """The 1-based line of ``path`` in the file, when known."""
        return self.location.line if self.location else None

    @property
    def column(self) -> int | None:
        """The 1-based column of ``path`` in the file, when known."""
        return self.location.column if self.location else None

    def sort_key(self) -> tuple[str, str, str, str, str]:
        """Order by file position first, then by code, path and message: stable across runs."""
        loc = self.location
        where = f"{loc.file or ''}:{loc.line or 0:09d}:{loc.column or 0:09d}" if loc else ""
        return (where, self.code, self.path, self.subject or "", self.message)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict; file, line and column appear only when known."""
        data: dict[str, object] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.path,
        }
        if self.subject is not None:
            data["subject"] = self.subject
        if self.figures:
            data["figures"] = dict(self.figures)
        if self.location is not None:
            for key in ("file", "line", "column"):
                value = getattr(self.location, key)
                if value is not None:
                    data[key] = value
        return data


def _sorted(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=Diagnostic.sort_key))


@attrs.frozen
class Report:
    """Every diagnostic of one validation run, in a stable order."""

    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_sorted)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def with_severity(self, severity: Severity) -> tuple[Diagnostic, ...]:
        """The diagnostics of one severity."""
        return tuple(d for d in self.diagnostics if d.severity is severity)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The error-level diagnostics."""
        return self.with_severity(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The warning-level diagnostics."""
        return self.with_severity(Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        """Whether any diagnostic is an error."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def codes(self) -> set[str]:
        """The distinct codes reported."""
        return {d.code for d in self.diagnostics}

    @classmethod
    def merge(cls, reports: Iterable[Report]) -> Report:
        """One report holding the diagnostics of several."""
        return cls(tuple(d for r in reports for d in r.diagnostics))
