"""Formatters for the results of ``cmc check``: human text, JSON and GitHub workflow commands.

Each formatter is a pure function from a :class:`CheckResult` to the text for stdout, so it can
be tested without running a command. SARIF lives in :mod:`cmc_core.cli.sarif`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import attrs
import click

from cmc_core.analysis import severity_label
from cmc_core.cli._support import terminal_safe
from cmc_core.diagnostics import Diagnostic, Location, Report, Severity
from cmc_core.translation import Messages

__all__ = [
    "EXAMPLE_PREFIX",
    "CheckResult",
    "CheckedFile",
    "FileProblem",
    "format_github",
    "format_json",
    "format_text",
    "plural",
    "problem_line",
]

_ = Messages("cmc_core", "cli")

#: How a bundled example is named in output where a file name would be: ``example:NAME``.
EXAMPLE_PREFIX = "example:"

_SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


@attrs.frozen
class FileProblem:
    """Why a file could not be checked: a load error's problem, or an I/O error.

    :param file: the file as the user named it.
    :param path: the logical path of the problem in the document, when it has one.
    :param kind: the load problem's kind (:data:`~cmc_core.fileformat.LoadProblemKind`);
        ``"unreadable"`` for a file that could not be read at all (no such example).
    """

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    kind: str = "unreadable"

    @property
    def where(self) -> str:
        """``file:line:col`` with the parts that are known."""
        return str(Location(self.file, self.line, self.column))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict; line, column and path appear only when known."""
        data: dict[str, object] = {"file": self.file, "kind": self.kind, "message": self.message}
        if self.line is not None:
            data["line"] = self.line
            if self.column is not None:
                data["column"] = self.column
        if self.path:
            data["path"] = self.path
        return data


@attrs.frozen
class CheckedFile:
    """The outcome for one file: its report when it loaded, else why it did not."""

    name: str
    report: Report | None = None
    problems: tuple[FileProblem, ...] = ()

    @property
    def loaded(self) -> bool:
        """Whether the file loaded and was validated."""
        return self.report is not None


@attrs.frozen
class CheckResult:
    """Everything one ``cmc check`` run found, file by file in the order given."""

    files: tuple[CheckedFile, ...] = ()

    def diagnostics(self) -> Iterator[Diagnostic]:
        """Every diagnostic, file by file, each file's in the report's stable order."""
        for checked in self.files:
            if checked.report is not None:
                yield from checked.report

    def problems(self) -> Iterator[FileProblem]:
        """Every problem that kept a file from being checked."""
        for checked in self.files:
            yield from checked.problems

    def count(self, severity: Severity) -> int:
        """How many diagnostics have this severity."""
        return sum(1 for d in self.diagnostics() if d.severity is severity)

    @property
    def has_errors(self) -> bool:
        """Whether any error-level diagnostic was found."""
        return self.count(Severity.ERROR) > 0

    @property
    def failed_files(self) -> int:
        """How many files could not be loaded."""
        return sum(1 for checked in self.files if not checked.loaded)

    def summary(self) -> dict[str, int]:
        """Counts for machine readers: files checked and failed, diagnostics per severity."""
        return {
            "files_checked": len(self.files) - self.failed_files,
            "files_failed": self.failed_files,
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "infos": self.count(Severity.INFO),
        }


def problem_line(problem: FileProblem) -> str:
    """One ``file:line:col: message`` line for stderr."""
    return terminal_safe(f"{problem.where}: {problem.message}")


# -- text ----------------------------------------------------------------------------------------


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``: English only; a translated text uses ``_.plural``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _diagnostic_line(diagnostic: Diagnostic, color: bool) -> str:
    where = terminal_safe(str(diagnostic.location or Location()))
    code = terminal_safe(diagnostic.code)  # a plugin's rule names its own code
    severity = severity_label(diagnostic.severity)  # the word in the current language: fout
    message, path = terminal_safe(diagnostic.message), terminal_safe(diagnostic.path)
    if color:
        where = click.style(where, bold=True)
        code = click.style(code, bold=True)
        severity = click.style(severity, fg=_SEVERITY_COLOURS[diagnostic.severity])
    line = f"{where}: {code} {severity} {message}"
    if path:
        line += click.style(f" [{path}]", dim=True) if color else f" [{path}]"
    return line


def summary_line(result: CheckResult, color: bool = False) -> str:
    """One sentence: what was found in how many files, and how many could not be loaded."""
    checked = len(result.files) - result.failed_files
    errors = result.count(Severity.ERROR)
    files = _.plural("{count} file", "{count} files", checked)
    found = sum(1 for _diagnostic in result.diagnostics())
    if found:
        text = _(
            "Found {errors}, {warnings}, {infos} in {files}.",
            errors=_.plural("{count} error", "{count} errors", errors),
            warnings=_.plural(
                "{count} warning", "{count} warnings", result.count(Severity.WARNING)
            ),
            infos=_.plural("{count} info", "{count} infos", result.count(Severity.INFO)),
            files=files,
        )
    elif checked:
        text = _("No problems found in {files}.", files=files)
    else:
        text = _("No file was checked.")
    if result.failed_files:
        text += " " + _.plural(
            "{count} file could not be loaded.",
            "{count} files could not be loaded.",
            result.failed_files,
        )
    if color:
        bad = errors or result.failed_files
        text = click.style(text, fg="red" if bad else ("yellow" if found else "green"), bold=True)
    return text


def format_text(result: CheckResult, color: bool = False) -> str:
    """Human output: one ``file:line:col: CODE severity message [path]`` line per diagnostic,
    then the summary line. Load problems are not included: they go to stderr."""
    lines = [_diagnostic_line(d, color) for d in result.diagnostics()]
    lines.append(summary_line(result, color))
    return "\n".join(lines)


# -- JSON ----------------------------------------------------------------------------------------


def format_json(result: CheckResult) -> str:
    """An object with ``diagnostics`` (code, severity, message, path and file/line/column when
    known), ``load_errors`` (files that could not be checked) and a ``summary`` of counts."""
    document = {
        "diagnostics": [d.to_dict() for d in result.diagnostics()],
        "load_errors": [p.to_dict() for p in result.problems()],
        "summary": result.summary(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


# -- GitHub workflow commands --------------------------------------------------------------------

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    # GitHub's own escapes first; the log it shows is a terminal too.
    return terminal_safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_command(
    command: str,
    title: str,
    text: str,
    *,
    file: str | None,
    line: int | None,
    column: int | None,
) -> str:
    properties = []
    if file:
        properties.append(f"file={_escape_property(file)}")
        if line is not None:
            properties.append(f"line={line}")
            if column is not None:
                properties.append(f"col={column}")
    properties.append(f"title={_escape_property(title)}")
    return f"::{command} {','.join(properties)}::{_escape_data(text)}"


def format_github(result: CheckResult) -> str:
    """One GitHub Actions workflow command per diagnostic and per load problem:
    ``::error file=F,line=L,col=C,title=CODE::message`` (``notice`` for infos)."""
    lines = [
        _github_command(
            _GITHUB_COMMANDS[d.severity],
            d.code,
            d.message,
            file=d.file,
            line=d.line,
            column=d.column,
        )
        for d in result.diagnostics()
    ]
    lines.extend(
        _github_command(
            "error", "cmc: cannot load", p.message, file=p.file, line=p.line, column=p.column
        )
        for p in result.problems()
    )
    return "\n".join(lines)
