"""cmc_core: the Community Model Canvas as a typed, immutable model with a file format and rules."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cmc_core._version import __version__
from cmc_core.blueprint import BLOCKS, ZONES, Block, BlockKey, Zone, ZoneKey
from cmc_core.canvas import SCHEMA_VERSION, Canvas, Entity
from cmc_core.diagnostics import Diagnostic, Finding, Location, Report, Severity
from cmc_core.errors import CmcError
from cmc_core.model import (
    DEFAULT_PROCESS_STEPS,
    BlockNote,
    Boundary,
    Commonality,
    DecisionRight,
    Development,
    EndCustomerValue,
    Factor,
    Governance,
    Meta,
    Party,
    Principle,
    ProcessArea,
    Resistance,
    Value,
    ValueFlow,
    Waste,
)
from cmc_core.vocabulary import (
    DevelopmentKind,
    FactorKey,
    FactorSide,
    Language,
    LegalForm,
    Level,
    Mode,
    PrincipleKey,
    PrincipleStatus,
    ProcessKind,
    Role,
    Status,
    ValueKind,
    ValueLevel,
)

# The file format and the rules are imported on first use, so that `import cmc_core` (and
# `cmc --help`) stay fast; type checkers see them through the TYPE_CHECKING imports.
if TYPE_CHECKING:
    from cmc_core.diffing import CanvasDiff, diff_canvases
    from cmc_core.exporting import Exporter, ExportOptions
    from cmc_core.fileformat import (
        CanvasDocument,
        CanvasLoadError,
        CanvasSaveError,
        LoadProblem,
        SchemaVersionError,
        UnsupportedFormatError,
        dumps,
        format_for_path,
        from_dict,
        json_schema,
        load,
        loads,
        read_canvas,
        save,
        to_dict,
    )
    from cmc_core.hookspecs import hookimpl
    from cmc_core.plugins import PluginError, Plugins, load_plugins
    from cmc_core.questionnaires import AnswerSet, Questionnaire, Session
    from cmc_core.rules import (
        BUILTIN_RULES,
        Rule,
        RuleSelection,
        RuleSettings,
        ValidationConfig,
        get_rule,
        validate,
    )
    from cmc_core.scoring import Reason, Score, ScoreCard, Scorer, analyse_network, score_canvas

_LAZY: dict[str, str] = {
    "CanvasDocument": "cmc_core.fileformat",
    "CanvasLoadError": "cmc_core.fileformat",
    "CanvasSaveError": "cmc_core.fileformat",
    "LoadProblem": "cmc_core.fileformat",
    "SchemaVersionError": "cmc_core.fileformat",
    "UnsupportedFormatError": "cmc_core.fileformat",
    "dumps": "cmc_core.fileformat",
    "format_for_path": "cmc_core.fileformat",
    "from_dict": "cmc_core.fileformat",
    "json_schema": "cmc_core.fileformat",
    "load": "cmc_core.fileformat",
    "loads": "cmc_core.fileformat",
    "read_canvas": "cmc_core.fileformat",
    "save": "cmc_core.fileformat",
    "to_dict": "cmc_core.fileformat",
    "BUILTIN_RULES": "cmc_core.rules",
    "Rule": "cmc_core.rules",
    "RuleSelection": "cmc_core.rules",
    "RuleSettings": "cmc_core.rules",
    "ValidationConfig": "cmc_core.rules",
    "get_rule": "cmc_core.rules",
    "validate": "cmc_core.rules",
    "hookimpl": "cmc_core.hookspecs",
    "Exporter": "cmc_core.exporting",
    "ExportOptions": "cmc_core.exporting",
    "Scorer": "cmc_core.scoring",
    "Score": "cmc_core.scoring",
    "Reason": "cmc_core.scoring",
    "ScoreCard": "cmc_core.scoring",
    "score_canvas": "cmc_core.scoring",
    "analyse_network": "cmc_core.scoring",
    "CanvasDiff": "cmc_core.diffing",
    "diff_canvases": "cmc_core.diffing",
    "Session": "cmc_core.questionnaires",
    "AnswerSet": "cmc_core.questionnaires",
    "Questionnaire": "cmc_core.questionnaires",
    "Plugins": "cmc_core.plugins",
    "PluginError": "cmc_core.plugins",
    "load_plugins": "cmc_core.plugins",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cmc_core' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

__all__ = [
    "BLOCKS",
    "BUILTIN_RULES",
    "DEFAULT_PROCESS_STEPS",
    "SCHEMA_VERSION",
    "ZONES",
    "AnswerSet",
    "Block",
    "BlockKey",
    "BlockNote",
    "Boundary",
    "Canvas",
    "CanvasDiff",
    "CanvasDocument",
    "CanvasLoadError",
    "CanvasSaveError",
    "CmcError",
    "Commonality",
    "DecisionRight",
    "Development",
    "DevelopmentKind",
    "Diagnostic",
    "EndCustomerValue",
    "Entity",
    "ExportOptions",
    "Exporter",
    "Factor",
    "FactorKey",
    "FactorSide",
    "Finding",
    "Governance",
    "Language",
    "LegalForm",
    "Level",
    "LoadProblem",
    "Location",
    "Meta",
    "Mode",
    "Party",
    "PluginError",
    "Plugins",
    "Principle",
    "PrincipleKey",
    "PrincipleStatus",
    "ProcessArea",
    "ProcessKind",
    "Questionnaire",
    "Reason",
    "Report",
    "Resistance",
    "Role",
    "Rule",
    "RuleSelection",
    "RuleSettings",
    "SchemaVersionError",
    "Score",
    "ScoreCard",
    "Scorer",
    "Session",
    "Severity",
    "Status",
    "UnsupportedFormatError",
    "ValidationConfig",
    "Value",
    "ValueFlow",
    "ValueKind",
    "ValueLevel",
    "Waste",
    "Zone",
    "ZoneKey",
    "__version__",
    "analyse_network",
    "diff_canvases",
    "dumps",
    "format_for_path",
    "from_dict",
    "get_rule",
    "hookimpl",
    "json_schema",
    "load",
    "load_plugins",
    "loads",
    "read_canvas",
    "save",
    "score_canvas",
    "to_dict",
    "validate",
]
