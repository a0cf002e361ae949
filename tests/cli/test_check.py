"""``cmc check``: exit statuses, output formats, rule selection and colour."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import jsonschema
import pytest

from cmc_core.examples import EXAMPLES, Example, example_text
from cmc_core.rules import BUILTIN_RULES

from .conftest import Invoke, assert_no_traceback
from .sarif_schema import SARIF_2_1_0_SUBSET

Write = Callable[[str, str | bytes], str]
ESC = "\x1b["
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>CMC\d{3}) (?P<sev>\w+) ")
FLAWED = "single-owner-platform"


@pytest.fixture
def flawed_file(write: Write) -> str:
    """The flawed example as a file on disk, so that diagnostics carry line and column."""
    return write("platform.cmc.yaml", example_text(FLAWED))


# -- examples and exit statuses ------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_each_bundled_example_gives_its_documented_exit_status_and_codes(
    invoke: Invoke, example: Example
) -> None:
    result = invoke("check", "--example", example.name)
    assert result.exit_code == example.exit_code, result.output
    error_codes = {
        match[1]
        for line in result.stdout.splitlines()
        if (match := re.search(r" (CMC\d{3}) error ", line))
    }
    assert sorted(error_codes) == list(example.expected_codes)


def test_the_flawed_platform_fails_naming_suppliers_concentration_and_leader_codes(
    invoke: Invoke,
) -> None:
    result = invoke("check", "--example", FLAWED)
    assert result.exit_code == 1
    for code in ("CMC001", "CMC003", "CMC004", "CMC024", "CMC025"):
        assert f" {code} " in result.stdout
    assert result.stdout.splitlines()[0].startswith(f"example:{FLAWED}:")
    assert result.stdout.splitlines()[-1].startswith("Found ")


def test_all_examples_are_checked_together_and_the_worst_status_wins(invoke: Invoke) -> None:
    result = invoke("check", "--all-examples", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["files_checked"] == len(EXAMPLES)


def test_exit_zero_reports_errors_but_exits_0(invoke: Invoke) -> None:
    result = invoke("check", "--example", FLAWED, "--exit-zero")
    assert result.exit_code == 0
    assert " CMC001 error " in result.stdout


def test_a_file_on_disk_gets_file_line_and_column_in_every_line(
    invoke: Invoke, flawed_file: str
) -> None:
    result = invoke("check", flawed_file)
    assert result.exit_code == 1
    diagnostic_lines = result.stdout.splitlines()[:-1]
    assert diagnostic_lines
    located = [LINE.match(line) for line in diagnostic_lines]
    assert all(m and m["file"] == flawed_file for m in located), diagnostic_lines


def test_an_unknown_example_is_a_usage_error_naming_the_examples(invoke: Invoke) -> None:
    result = invoke("check", "--example", "port-logistic")
    assert result.exit_code == 2
    assert "port-logistics" in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


def test_nothing_to_check_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("check")
    assert result.exit_code == 2
    assert "name at least one FILE" in result.stderr


def test_a_missing_file_is_reported_on_stderr_with_exit_2(invoke: Invoke) -> None:
    result = invoke("check", "missing.cmc.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "missing.cmc.yaml: cannot read the file: No such file or directory"
    )
    assert result.stdout.splitlines()[-1] == "No file was checked. 1 file could not be loaded."


def test_a_directory_is_reported_as_such(invoke: Invoke, write: Write) -> None:
    write("folder.cmc.yaml/x.txt", "")
    result = invoke("check", "folder.cmc.yaml")
    assert result.exit_code == 2
    assert "folder.cmc.yaml: cannot read the file: Is a directory" in result.stderr
    assert_no_traceback(result)


def test_a_good_and_a_missing_file_report_both_and_exit_2(invoke: Invoke, write: Write) -> None:
    good = write("port.cmc.yaml", example_text("port-logistics"))
    result = invoke("check", "--lang", "en", good, "missing.cmc.yaml")
    assert result.exit_code == 2
    assert "missing.cmc.yaml: cannot read the file: No such file" in result.stderr
    assert "in 1 file. 1 file could not be loaded." in result.stdout


# -- formats -------------------------------------------------------------------------------------


def test_json_output_parses_and_has_the_documented_fields(invoke: Invoke, flawed_file: str) -> None:
    result = invoke("check", flawed_file, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["diagnostics"]
    for item in data["diagnostics"]:
        assert {"code", "severity", "message", "path", "file"} <= item.keys()
        assert item["file"] == flawed_file
        assert item["severity"] in {"error", "warning", "info"}
    assert any("line" in item and "column" in item for item in data["diagnostics"])
    summary = data["summary"]
    assert summary["errors"] == sum(d["severity"] == "error" for d in data["diagnostics"])
    assert summary["files_checked"] == 1


def test_sarif_output_is_valid_and_names_every_rule_that_ran(
    invoke: Invoke, flawed_file: str
) -> None:
    result = invoke("check", flawed_file, "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_2_1_0_SUBSET)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len(BUILTIN_RULES) == 29
    assert run["results"]
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == flawed_file
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_lists_only_the_selected_rules(invoke: Invoke, flawed_file: str) -> None:
    result = invoke("check", flawed_file, "--format", "sarif", "--select", "CMC00")
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [f"CMC00{i}" for i in range(1, 10)]


def test_github_output_is_one_workflow_command_per_diagnostic(
    invoke: Invoke, flawed_file: str
) -> None:
    result = invoke("check", flawed_file, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    pattern = re.compile(
        rf"^::(error|warning|notice) file={re.escape(flawed_file)}(,line=\d+(,col=\d+)?)?"
        r",title=CMC\d{3}::\S"
    )
    assert lines
    assert all(pattern.match(line) for line in lines), lines
    assert any(line.startswith("::error ") and "title=CMC001::" in line for line in lines)


# -- selection -----------------------------------------------------------------------------------


def codes_in(text: str) -> set[str]:
    return set(re.findall(r" (CMC\d{3}) (?:error|warning|info) ", text))


def test_select_runs_only_the_named_rules_and_prefixes(invoke: Invoke) -> None:
    result = invoke("check", "--example", FLAWED, "--select", "CMC001,CMC02")
    assert codes_in(result.stdout) <= {
        "CMC001", "CMC020", "CMC021", "CMC022", "CMC023", "CMC024", "CMC025", "CMC026", "CMC027",
    }  # fmt: skip
    assert "CMC001" in codes_in(result.stdout)


def test_ignore_drops_a_rule(invoke: Invoke) -> None:
    result = invoke("check", "--example", FLAWED, "--ignore", "CMC001", "--ignore", "CMC025")
    assert codes_in(result.stdout).isdisjoint({"CMC001", "CMC025"})
    assert "CMC003" in codes_in(result.stdout)


def test_severity_relevels_a_rule_and_changes_the_exit_status(invoke: Invoke) -> None:
    result = invoke(
        "check", "--example", FLAWED, "--select", "CMC001", "--severity", "cmc001=warning"
    )
    assert result.exit_code == 0
    assert " CMC001 warning " in result.stdout
    assert " CMC001 error " not in result.stdout


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (("--select", "CMC999"), "'CMC999' names no rule"),
        (("--ignore", "CMC0011"), "'CMC0011' names no rule"),
        (("--severity", "CMC001"), "is not CODE=LEVEL"),
        (("--severity", "CMC001=fatal"), "'fatal' in 'CMC001=fatal' is not one of"),
        (("--severity", "CMC01=info"), "'CMC01' names no rule"),
        (("--format", "xml"), "'xml' is not one of"),
    ],
)
def test_bad_options_are_usage_errors(
    invoke: Invoke, args: tuple[str, ...], complaint: str
) -> None:
    result = invoke("check", "--example", FLAWED, *args)
    assert result.exit_code == 2
    assert complaint in result.stderr
    assert result.stdout == ""


def test_a_mistyped_code_gets_a_suggestion(invoke: Invoke) -> None:
    result = invoke("check", "--example", FLAWED, "--select", "CMC0001")
    assert result.exit_code == 2
    assert "Did you mean 'CMC001'?" in result.stderr


# -- colour --------------------------------------------------------------------------------------


def test_output_has_no_colour_when_not_a_terminal(invoke: Invoke) -> None:
    assert ESC not in invoke("check", "--example", FLAWED).stdout


def test_color_flag_forces_colour_and_no_color_flag_removes_it(invoke: Invoke) -> None:
    assert ESC in invoke("check", "--example", FLAWED, "--color").stdout
    forced = invoke("check", "--example", FLAWED, "--no-color", env={"FORCE_COLOR": "1"})
    assert ESC not in forced.stdout


def test_no_color_environment_wins_over_force_color(invoke: Invoke) -> None:
    assert ESC in invoke("check", "--example", FLAWED, env={"FORCE_COLOR": "1"}).stdout
    both = invoke("check", "--example", FLAWED, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ESC not in both.stdout
    dumb = invoke("check", "--example", FLAWED, env={"FORCE_COLOR": "1", "TERM": "dumb"})
    assert ESC not in dumb.stdout


def test_machine_formats_never_have_colour(invoke: Invoke) -> None:
    for output_format in ("json", "sarif", "github"):
        result = invoke("check", "--example", FLAWED, "--color", "--format", output_format)
        assert ESC not in result.stdout
