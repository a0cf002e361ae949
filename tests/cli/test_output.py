"""The check formatters, fed with hand-made diagnostics: text, JSON and GitHub workflow commands."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest

from cmc_core.cli._support import did_you_mean, use_color
from cmc_core.cli.output import (
    CheckedFile,
    CheckResult,
    FileProblem,
    format_github,
    format_json,
    format_text,
    problem_line,
)
from cmc_core.diagnostics import Diagnostic, Location, Report, Severity

from .conftest import Invoke

Write = Callable[[str, str | bytes], str]

ESC = "\x1b["
HERE = Location("a.cmc.yaml", 4, 3)


def diagnostic(
    code: str = "CMC001",
    severity: Severity = Severity.ERROR,
    message: str = "Only one supplier organisation.",
    path: str = "parties",
    location: Location | None = HERE,
    **extra: object,
) -> Diagnostic:
    return Diagnostic(code, severity, message, path, location=location, **extra)  # type: ignore[arg-type]


def result_of(*diagnostics: Diagnostic, problems: tuple[FileProblem, ...] = ()) -> CheckResult:
    files = [CheckedFile("a.cmc.yaml", report=Report(diagnostics))]
    if problems:
        files.append(CheckedFile(problems[0].file, problems=problems))
    return CheckResult(tuple(files))


def test_text_lines_read_file_line_col_code_severity_message_and_path() -> None:
    text = format_text(result_of(diagnostic()))
    assert text.splitlines()[0] == (
        "a.cmc.yaml:4:3: CMC001 error Only one supplier organisation. [parties]"
    )


def test_text_omits_unknown_line_and_column_and_an_empty_path() -> None:
    lonely = diagnostic(path="", location=Location("a.cmc.yaml"))
    assert format_text(result_of(lonely)).splitlines()[0] == (
        "a.cmc.yaml: CMC001 error Only one supplier organisation."
    )


def test_text_summary_counts_each_severity_and_the_files() -> None:
    result = result_of(
        diagnostic(),
        diagnostic(code="CMC016", severity=Severity.WARNING, message="Has an owner."),
        diagnostic(code="CMC018", severity=Severity.INFO, message="No baseline."),
        diagnostic(code="CMC020", severity=Severity.INFO, message="Not assessed."),
    )
    assert format_text(result).splitlines()[-1] == "Found 1 error, 1 warning, 2 infos in 1 file."


def test_text_summary_says_no_problems_and_counts_files_that_failed_to_load() -> None:
    broken = FileProblem("b.cmc.yaml", "unknown key 'nmae'", 2, 3)
    assert format_text(result_of(problems=(broken,))) == (
        "No problems found in 1 file. 1 file could not be loaded."
    )


def test_text_has_no_escape_codes_without_colour_and_has_them_with_colour() -> None:
    result = result_of(diagnostic())
    assert ESC not in format_text(result, color=False)
    coloured = format_text(result, color=True)
    assert ESC in coloured
    assert "\x1b[31m" in coloured  # errors are red


def test_json_has_the_documented_fields_per_diagnostic_and_a_summary() -> None:
    hhi = diagnostic(
        code="CMC021",
        severity=Severity.WARNING,
        message="Supply is concentrated.",
        path="flows",
        subject="p-port",
        figures=(("hhi", 0.5), ("largest_share", 0.7)),
    )
    data = json.loads(format_json(result_of(diagnostic(), hhi)))
    first, second = data["diagnostics"]
    assert first == {
        "code": "CMC001",
        "severity": "error",
        "message": "Only one supplier organisation.",
        "path": "parties",
        "file": "a.cmc.yaml",
        "line": 4,
        "column": 3,
    }
    assert second["figures"] == {"hhi": 0.5, "largest_share": 0.7}
    assert second["subject"] == "p-port"
    assert data["summary"] == {
        "files_checked": 1,
        "files_failed": 0,
        "errors": 1,
        "warnings": 1,
        "infos": 0,
    }
    assert data["load_errors"] == []


def test_json_lists_load_errors_with_their_position() -> None:
    broken = FileProblem("b.cmc.yaml", "expected a mapping", 1, 1, path="meta", kind="wrong-type")
    data = json.loads(format_json(result_of(problems=(broken,))))
    assert data["load_errors"] == [
        {
            "file": "b.cmc.yaml",
            "kind": "wrong-type",
            "message": "expected a mapping",
            "line": 1,
            "column": 1,
            "path": "meta",
        }
    ]
    assert data["summary"]["files_failed"] == 1


def test_github_writes_one_workflow_command_per_diagnostic_by_severity() -> None:
    result = result_of(
        diagnostic(),
        diagnostic(code="CMC016", severity=Severity.WARNING, message="Has an owner."),
        diagnostic(code="CMC018", severity=Severity.INFO, message="No baseline.", location=None),
    )
    assert sorted(format_github(result).splitlines()) == [
        "::error file=a.cmc.yaml,line=4,col=3,title=CMC001::Only one supplier organisation.",
        "::notice title=CMC018::No baseline.",
        "::warning file=a.cmc.yaml,line=4,col=3,title=CMC016::Has an owner.",
    ]


def test_github_escapes_newlines_percent_signs_and_separators() -> None:
    odd = diagnostic(message="50% share,\nsecond line", location=Location("dir,x/a:b.yaml", 1, 2))
    (line,) = format_github(result_of(odd)).splitlines()
    assert line == (
        "::error file=dir%2Cx/a%3Ab.yaml,line=1,col=2,title=CMC001::50%25 share,%0Asecond line"
    )


def test_github_reports_files_that_could_not_be_loaded_as_errors() -> None:
    broken = FileProblem("b.cmc.yaml", "unknown key 'nmae'", 2, 3)
    assert format_github(result_of(problems=(broken,))) == (
        "::error file=b.cmc.yaml,line=2,col=3,title=cmc%3A cannot load::unknown key 'nmae'"
    )


def test_a_problem_line_is_file_line_col_and_message() -> None:
    assert problem_line(FileProblem("b.yaml", "bad", 7, 9)) == "b.yaml:7:9: bad"
    assert problem_line(FileProblem("b.yaml", "No such file or directory")) == (
        "b.yaml: No such file or directory"
    )


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("override", "environ", "terminal", "expected"),
    [
        (None, {}, True, True),
        (None, {}, False, False),
        (None, {"NO_COLOR": "1"}, True, False),
        (None, {"NO_COLOR": ""}, True, True),  # set but empty does not count (no-color.org)
        (None, {"TERM": "dumb"}, True, False),
        (None, {"FORCE_COLOR": "1"}, False, True),
        (None, {"FORCE_COLOR": "0"}, True, True),
        (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        (True, {"NO_COLOR": "1"}, False, True),
        (False, {}, True, False),
    ],
)
def test_colour_follows_the_flag_then_no_color_term_force_color_and_the_terminal(
    override: bool | None, environ: dict[str, str], terminal: bool, expected: bool
) -> None:
    stream = FakeTerminal() if terminal else io.StringIO()
    assert use_color(override, stream, environ) is expected


def test_did_you_mean_suggests_the_closest_choice_ignoring_case() -> None:
    assert did_you_mean("cmc-001", ["CMC001", "CMC016"]) == " Did you mean 'CMC001'?"
    assert did_you_mean("zzz", ["CMC001"]) == ""


HOSTILE_TEXTS = [
    "\x1b]0;owned title\x07",  # OSC: the window title
    "\x1b]8;;https://example.invalid\x1b\\link\x1b]8;;\x1b\\",  # OSC 8: a hyperlink
    "\x1b]52;c;QUJD\x07",  # OSC 52: a clipboard write
    "\x1b[2J",  # CSI: clear the screen
    "\x9b31m",  # C1 CSI
    "abc\u202egnp.exe",  # a bidi override
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
@pytest.mark.parametrize("output_format", ["text", "github"])
def test_canvas_text_never_reaches_the_terminal_as_control_sequences(
    invoke: Invoke, write: Write, text: str, output_format: str
) -> None:
    name = write(
        "hostile.cmc.json",
        json.dumps(
            {
                "schema_version": 2,
                "meta": {"name": "x"},
                "parties": [{"id": "p-1", "name": text, "roles": ["supplier"]}],
                "flows": [{"id": "f-1", "value": "v-x", "from": "p-1", "to": "p-1"}],
            }
        ),
    )
    result = invoke("check", name, "--format", output_format)
    assert result.exit_code == 1
    shown = result.stdout + result.stderr
    for raw in ("\x1b", "\x9b", "\u202e"):
        assert raw not in shown
    assert any(shown_as in shown for shown_as in ("\\u001b", "\\u009b", "\\u202e"))


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_score_cards_and_timelines_escape_control_sequences_too(
    invoke: Invoke, write: Write, text: str
) -> None:
    files = []
    for n, as_of in enumerate(["2023", "2024", "2025"]):
        files.append(
            write(
                f"s{n}.cmc.json",
                json.dumps(
                    {
                        "schema_version": 2,
                        "meta": {"name": "x", "as_of": as_of + text if n == 0 else as_of},
                        "parties": [{"id": "p-1", "name": text, "roles": ["supplier"]}],
                        "flows": [{"id": "f-1", "value": "v-x", "from": "p-1", "to": "p-2"}],
                    }
                ),
            )
        )
    for args in ([files[0]], files[:2], files):
        result = invoke("score", *args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout
        assert "\x9b" not in result.stdout
        assert "\u202e" not in result.stdout
