"""A subset of the SARIF 2.1.0 JSON Schema, written from the OASIS specification (section 3).

It covers the objects ``cmc check --format sarif`` writes and is stricter than the full schema in
one way: it also requires what our output promises (every result has ``ruleId``, ``level``,
``message.text`` and ``locations``). As in the official schema, the objects allow no properties
beyond those the specification defines, so a misspelt name fails validation.
"""

from __future__ import annotations

from typing import Any

_STRING = {"type": "string"}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}


def _object(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": required,
        "properties": {**properties, "properties": {"type": "object"}},
        "additionalProperties": False,
    }


SARIF_2_1_0_SUBSET: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": _STRING,
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/run"}},
    },
    "additionalProperties": False,
    "$defs": {
        "run": _object(
            ["tool"],
            {
                "tool": {"$ref": "#/$defs/tool"},
                "invocations": {"type": "array", "items": {"$ref": "#/$defs/invocation"}},
                "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
            },
        ),
        "tool": _object(["driver"], {"driver": {"$ref": "#/$defs/toolComponent"}}),
        "toolComponent": _object(
            ["name"],
            {
                "name": _STRING,
                "version": _STRING,
                "informationUri": _STRING,
                "rules": {"type": "array", "items": {"$ref": "#/$defs/reportingDescriptor"}},
            },
        ),
        "reportingDescriptor": _object(
            ["id"],
            {
                "id": _STRING,
                "name": _STRING,
                "shortDescription": {"$ref": "#/$defs/multiformatMessageString"},
                "fullDescription": {"$ref": "#/$defs/multiformatMessageString"},
                "help": {"$ref": "#/$defs/multiformatMessageString"},
                "helpUri": _STRING,
                "defaultConfiguration": _object(
                    [], {"level": _LEVEL, "enabled": {"type": "boolean"}}
                ),
            },
        ),
        "multiformatMessageString": _object(["text"], {"text": _STRING, "markdown": _STRING}),
        "message": _object(["text"], {"text": _STRING, "id": _STRING}),
        "invocation": _object(
            ["executionSuccessful"],
            {
                "executionSuccessful": {"type": "boolean"},
                "toolExecutionNotifications": {
                    "type": "array",
                    "items": {"$ref": "#/$defs/notification"},
                },
            },
        ),
        "notification": _object(
            ["message"],
            {
                "message": {"$ref": "#/$defs/message"},
                "level": _LEVEL,
                "locations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
            },
        ),
        "result": _object(
            ["ruleId", "level", "message", "locations"],
            {
                "ruleId": _STRING,
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": _LEVEL,
                "message": {"$ref": "#/$defs/message"},
                "locations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
            },
        ),
        "location": _object(
            [],
            {
                "physicalLocation": {"$ref": "#/$defs/physicalLocation"},
                "logicalLocations": {
                    "type": "array",
                    "items": {"$ref": "#/$defs/logicalLocation"},
                },
            },
        ),
        "physicalLocation": _object(
            ["artifactLocation"],
            {
                "artifactLocation": _object(["uri"], {"uri": _STRING, "uriBaseId": _STRING}),
                "region": {"$ref": "#/$defs/region"},
            },
        ),
        "region": _object(
            ["startLine"],
            {
                "startLine": {"type": "integer", "minimum": 1},
                "startColumn": {"type": "integer", "minimum": 1},
                "endLine": {"type": "integer", "minimum": 1},
                "endColumn": {"type": "integer", "minimum": 1},
            },
        ),
        "logicalLocation": _object(
            [],
            {
                "name": _STRING,
                "fullyQualifiedName": _STRING,
                "kind": _STRING,
            },
        ),
    },
}
