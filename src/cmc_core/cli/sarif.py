"""SARIF 2.1.0 output of ``cmc check``, written as plain dicts.

One run per invocation. ``tool.driver.rules`` describes the rules that ran; each result points at
its rule by id and index, at the file (``physicalLocation``) and at the logical path in the canvas
(``logicalLocations``). Files that could not be loaded become tool execution notifications, and
the invocation is then not successful. Columns are counted in Unicode code points, as the YAML
parser counts them, so the run says ``columnKind: unicodeCodePoints``. The rules' texts and the
messages speak the language of the moment; ids, levels and the structure never change.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from cmc_core.cli.output import EXAMPLE_PREFIX, CheckResult, FileProblem
from cmc_core.diagnostics import Diagnostic, Severity
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.rules.engine import Rule

__all__ = ["SARIF_SCHEMA_URI", "SARIF_VERSION", "format_sarif", "sarif_log"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

JsonObject = dict[str, object]

_ = Messages("cmc_core", "check")


def artifact_uri(file: str) -> str:
    """The SARIF ``uri`` of a file as the user named it.

    Relative paths stay relative (with forward slashes, percent-encoded), so code scanning
    services resolve them against the repository root; absolute paths become ``file:`` URIs;
    a bundled example keeps its ``example:NAME`` label, which is already a URI.
    """
    if file.startswith(EXAMPLE_PREFIX):
        return EXAMPLE_PREFIX + quote(file.removeprefix(EXAMPLE_PREFIX), safe="")
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def _rule_descriptor(rule: Rule) -> JsonObject:
    title, rationale = rule.title_in(), rule.rationale_in()
    source = _("Source: {source}", source=rule.source)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": rationale},
        "help": {"text": f"{title}\n\n{rationale}\n\n{source}"},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"source": rule.source},
    }


def _physical_location(file: str | None, line: int | None, column: int | None) -> JsonObject:
    location: JsonObject = {"artifactLocation": {"uri": artifact_uri(file or "")}}
    if line is not None:
        region: JsonObject = {"startLine": line}
        if column is not None:
            region["startColumn"] = column
        location["region"] = region
    return location


def _logical_name(path: str) -> str:
    """The last segment of a logical path: ``to`` for ``flows[3].to``, ``flows[3]`` for
    ``flows[3]``."""
    return path.rsplit(".", 1)[-1]


def _result(diagnostic: Diagnostic, rule_index: dict[str, int]) -> JsonObject:
    location: JsonObject = {}
    if diagnostic.file:
        location["physicalLocation"] = _physical_location(
            diagnostic.file, diagnostic.line, diagnostic.column
        )
    if diagnostic.path:
        location["logicalLocations"] = [
            {"name": _logical_name(diagnostic.path), "fullyQualifiedName": diagnostic.path}
        ]
    result: JsonObject = {
        "ruleId": diagnostic.code,
        "level": _LEVELS[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [location] if location else [],
    }
    if diagnostic.code in rule_index:
        result["ruleIndex"] = rule_index[diagnostic.code]
    properties: JsonObject = {}
    if diagnostic.subject is not None:
        properties["subject"] = diagnostic.subject
    if diagnostic.figures:
        properties["figures"] = dict(diagnostic.figures)
    if properties:
        result["properties"] = properties
    return result


def _notification(problem: FileProblem) -> JsonObject:
    return {
        "level": "error",
        "message": {"text": problem.message},
        "locations": [
            {"physicalLocation": _physical_location(problem.file, problem.line, problem.column)}
        ],
        "properties": {"kind": problem.kind},
    }


def sarif_log(result: CheckResult, rules: Sequence[Rule], tool_version: str) -> JsonObject:
    """The SARIF log of a check run.

    :param rules: the rules that ran, described in ``tool.driver.rules`` in this order.
    :param tool_version: the version of cmc, for ``tool.driver.version``.
    """
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    notifications = [_notification(p) for p in result.problems()]
    invocation: JsonObject = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cmc",
                        "version": tool_version,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, rule_index) for d in result.diagnostics()],
            }
        ],
    }


def format_sarif(result: CheckResult, rules: Sequence[Rule], tool_version: str) -> str:
    """The SARIF log as indented JSON text."""
    return json.dumps(sarif_log(result, rules, tool_version), indent=2, ensure_ascii=False)
