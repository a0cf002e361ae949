"""SARIF 2.1.0 output: valid against the specification's structure, and faithful to the run."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from cmc_core.cli.output import CheckedFile, CheckResult, FileProblem
from cmc_core.cli.sarif import artifact_uri, sarif_log
from cmc_core.diagnostics import Diagnostic, Location, Report, Severity
from cmc_core.rules import Rule

from .sarif_schema import SARIF_2_1_0_SUBSET


def make_rule(code: str, severity: Severity) -> Rule:
    return Rule(
        code=code,
        name=f"rule-{code.lower()}",
        severity=severity,
        title=f"Title of {code}",
        rationale=f"Why {code} matters.",
        source="V01",
        check=lambda canvas, context: (),
    )


RULES = [make_rule("CMC001", Severity.ERROR), make_rule("CMC018", Severity.INFO)]


def sample_log() -> dict[str, Any]:
    report = Report(
        (
            Diagnostic(
                "CMC001",
                Severity.ERROR,
                "Too few suppliers.",
                "parties",
                location=Location("canvases/port.cmc.yaml", 12, 3),
            ),
            Diagnostic(
                "CMC018",
                Severity.INFO,
                "No baseline.",
                "",
                location=Location("canvases/port.cmc.yaml"),
                figures=(("share", 0.25),),
            ),
            # re-levelled by configuration: the result's level follows the diagnostic
            Diagnostic(
                "CMC018",
                Severity.WARNING,
                "Again.",
                "waste.basis",
                location=Location("canvases/port.cmc.yaml", 40, 5),
            ),
        )
    )
    broken = FileProblem("other file.yaml", "unknown key 'nmae'", 3, 3, path="meta.nmae")
    result = CheckResult(
        (
            CheckedFile("canvases/port.cmc.yaml", report=report),
            CheckedFile("other file.yaml", problems=(broken,)),
        )
    )
    return sarif_log(result, RULES, "0.1.0")


def test_the_log_is_valid_against_the_sarif_subset_schema() -> None:
    jsonschema.validate(sample_log(), SARIF_2_1_0_SUBSET)


def test_the_subset_schema_rejects_a_result_without_a_level() -> None:
    log = sample_log()
    del log["runs"][0]["results"][0]["level"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SARIF_2_1_0_SUBSET)


def test_the_driver_describes_each_rule_that_ran() -> None:
    driver = sample_log()["runs"][0]["tool"]["driver"]
    assert driver["name"] == "cmc"
    assert driver["version"] == "0.1.0"
    first = driver["rules"][0]
    assert first == {
        "id": "CMC001",
        "name": "rule-cmc001",
        "shortDescription": {"text": "Title of CMC001"},
        "fullDescription": {"text": "Why CMC001 matters."},
        "help": {"text": "Title of CMC001\n\nWhy CMC001 matters.\n\nSource: V01"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"source": "V01"},
    }
    assert driver["rules"][1]["defaultConfiguration"] == {"level": "note"}


def test_results_point_at_their_rule_the_file_region_and_logical_path() -> None:
    results = sample_log()["runs"][0]["results"]
    rules = sample_log()["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first = next(r for r in results if r["ruleId"] == "CMC001")
    assert first["level"] == "error"
    assert first["message"] == {"text": "Too few suppliers."}
    (location,) = first["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "canvases/port.cmc.yaml"},
        "region": {"startLine": 12, "startColumn": 3},
    }
    assert location["logicalLocations"] == [{"name": "parties", "fullyQualifiedName": "parties"}]


def test_levels_map_info_to_note_and_follow_relevelling() -> None:
    levels = [r["level"] for r in sample_log()["runs"][0]["results"]]
    assert sorted(levels) == ["error", "note", "warning"]


def test_a_result_without_a_line_has_no_region_and_keeps_its_figures() -> None:
    results = sample_log()["runs"][0]["results"]
    info = next(r for r in results if r["level"] == "note")
    assert info["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "canvases/port.cmc.yaml"}
    }
    assert "logicalLocations" not in info["locations"][0]
    assert info["properties"] == {"figures": {"share": 0.25}}


def test_files_that_could_not_be_loaded_make_the_invocation_unsuccessful() -> None:
    (invocation,) = sample_log()["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "unknown key 'nmae'"
    region = notification["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 3}


def test_columns_are_declared_as_code_points() -> None:
    assert sample_log()["runs"][0]["columnKind"] == "unicodeCodePoints"


@pytest.mark.parametrize(
    ("file", "uri"),
    [
        ("canvas.cmc.yaml", "canvas.cmc.yaml"),
        ("sub dir/ä.yaml", "sub%20dir/%C3%A4.yaml"),
        ("/abs/c.yaml", "file:///abs/c.yaml"),
        ("example:port-logistics", "example:port-logistics"),
    ],
)
def test_artifact_uris_keep_relative_paths_relative_and_encode_them(file: str, uri: str) -> None:
    assert artifact_uri(file) == uri
