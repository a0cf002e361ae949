"""cmc_core: the Community Model Canvas as a typed, immutable model with a file format and rules.

The package root is the public API in one place: ``_PUBLIC`` lists every name it offers and
the module each comes from, and ``__all__`` and the attribute loader are made from that table.
The model is imported with the package; the file format, the rules and everything else load on
the first use of one of their names, so that ``import cmc_core`` (and ``cmc --help``) stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The imports below mirror _PUBLIC for type checkers (a test keeps them in step), one name a
# line, grouped by module; `X as X` marks a re-export under mypy --strict.
# isort: off

# The model, imported with the package: it is light and everything else uses it.
from cmc_core._version import __version__ as __version__
from cmc_core.blueprint import (
    BLOCKS as BLOCKS,
    ZONES as ZONES,
    Block as Block,
    BlockKey as BlockKey,
    Zone as Zone,
    ZoneKey as ZoneKey,
)
from cmc_core.canvas import (
    SCHEMA_VERSION as SCHEMA_VERSION,
    Canvas as Canvas,
    Entity as Entity,
)
from cmc_core.diagnostics import (
    Diagnostic as Diagnostic,
    Finding as Finding,
    Location as Location,
    Report as Report,
    Severity as Severity,
)
from cmc_core.errors import CmcError as CmcError
from cmc_core.model import (
    DEFAULT_PROCESS_STEPS as DEFAULT_PROCESS_STEPS,
    BlockNote as BlockNote,
    Boundary as Boundary,
    Commonality as Commonality,
    DecisionRight as DecisionRight,
    Development as Development,
    EndCustomerValue as EndCustomerValue,
    Factor as Factor,
    Governance as Governance,
    Meta as Meta,
    Party as Party,
    Principle as Principle,
    ProcessArea as ProcessArea,
    Quickscan as Quickscan,
    Resistance as Resistance,
    Source as Source,
    Stake as Stake,
    Value as Value,
    ValueFlow as ValueFlow,
    Waste as Waste,
)
from cmc_core.vocabulary import (
    Access as Access,
    DevelopmentKind as DevelopmentKind,
    FactorKey as FactorKey,
    FactorSide as FactorSide,
    FlowKind as FlowKind,
    Language as Language,
    LegalForm as LegalForm,
    Level as Level,
    Mode as Mode,
    PrincipleKey as PrincipleKey,
    Period as Period,
    PrincipleStatus as PrincipleStatus,
    ProcessKind as ProcessKind,
    Provenance as Provenance,
    Role as Role,
    SavingStatus as SavingStatus,
    Status as Status,
    ValueKind as ValueKind,
    ValueLevel as ValueLevel,
)

if TYPE_CHECKING:
    # Everything else, for type checkers only: at run time __getattr__ imports a module when one
    # of its names is first used.
    from cmc_core.fileformat import (
        CanvasDocument as CanvasDocument,
        CanvasLoadError as CanvasLoadError,
        CanvasSaveError as CanvasSaveError,
        LoadProblem as LoadProblem,
        SchemaVersionError as SchemaVersionError,
        UnsupportedFormatError as UnsupportedFormatError,
        dumps as dumps,
        format_for_path as format_for_path,
        from_dict as from_dict,
        json_schema as json_schema,
        load as load,
        loads as loads,
        read_canvas as read_canvas,
        save as save,
        to_dict as to_dict,
    )
    from cmc_core.rules import (
        BUILTIN_RULES as BUILTIN_RULES,
        Rule as Rule,
        RuleSelection as RuleSelection,
        RuleSettings as RuleSettings,
        ValidationConfig as ValidationConfig,
        get_rule as get_rule,
        validate as validate,
    )
    from cmc_core.hookspecs import hookimpl as hookimpl
    from cmc_core.exporting import (
        ExportError as ExportError,
        ExportOptions as ExportOptions,
        Exporter as Exporter,
    )
    from cmc_core.export_api import export as export
    from cmc_core.scoring import (
        Reason as Reason,
        Score as Score,
        ScoreCard as ScoreCard,
        Scorer as Scorer,
        analyse_network as analyse_network,
        score_canvas as score_canvas,
    )
    from cmc_core.diffing import (
        CanvasDiff as CanvasDiff,
        diff_canvases as diff_canvases,
    )
    from cmc_core.questionnaires import (
        AnswerSet as AnswerSet,
        Questionnaire as Questionnaire,
        Session as Session,
    )
    from cmc_core.plugins import (
        PluginError as PluginError,
        Plugins as Plugins,
        load_plugins as load_plugins,
    )
    from cmc_core.assessment import (
        Assessment as Assessment,
        assess as assess,
    )
# isort: on

#: Every public name of the package root, by the module it comes from: the one list ``__all__``
#: and the lazy loader are made from. Adding a name is a line here and, for type checkers, its
#: import above (the model's with the package, any other under TYPE_CHECKING); then document it
#: in docs/reference/api (tests/docs checks every name of this table is there).
_PUBLIC: dict[str, tuple[str, ...]] = {
    "cmc_core._version": ("__version__",),
    "cmc_core.blueprint": ("BLOCKS", "ZONES", "Block", "BlockKey", "Zone", "ZoneKey"),
    "cmc_core.canvas": ("SCHEMA_VERSION", "Canvas", "Entity"),
    "cmc_core.diagnostics": ("Diagnostic", "Finding", "Location", "Report", "Severity"),
    "cmc_core.errors": ("CmcError",),
    "cmc_core.model": (
        "DEFAULT_PROCESS_STEPS",
        "BlockNote",
        "Boundary",
        "Commonality",
        "DecisionRight",
        "Development",
        "EndCustomerValue",
        "Factor",
        "Governance",
        "Meta",
        "Party",
        "Principle",
        "ProcessArea",
        "Quickscan",
        "Resistance",
        "Source",
        "Stake",
        "Value",
        "ValueFlow",
        "Waste",
    ),
    "cmc_core.vocabulary": (
        "Access",
        "DevelopmentKind",
        "FactorKey",
        "FactorSide",
        "FlowKind",
        "Language",
        "LegalForm",
        "Level",
        "Mode",
        "Period",
        "PrincipleKey",
        "PrincipleStatus",
        "ProcessKind",
        "Provenance",
        "Role",
        "SavingStatus",
        "Status",
        "ValueKind",
        "ValueLevel",
    ),
    "cmc_core.fileformat": (
        "CanvasDocument",
        "CanvasLoadError",
        "CanvasSaveError",
        "LoadProblem",
        "SchemaVersionError",
        "UnsupportedFormatError",
        "dumps",
        "format_for_path",
        "from_dict",
        "json_schema",
        "load",
        "loads",
        "read_canvas",
        "save",
        "to_dict",
    ),
    "cmc_core.rules": (
        "BUILTIN_RULES",
        "Rule",
        "RuleSelection",
        "RuleSettings",
        "ValidationConfig",
        "get_rule",
        "validate",
    ),
    "cmc_core.hookspecs": ("hookimpl",),
    "cmc_core.exporting": ("ExportError", "ExportOptions", "Exporter"),
    "cmc_core.export_api": ("export",),
    "cmc_core.scoring": (
        "Reason",
        "Score",
        "ScoreCard",
        "Scorer",
        "analyse_network",
        "score_canvas",
    ),
    "cmc_core.diffing": ("CanvasDiff", "diff_canvases"),
    "cmc_core.questionnaires": ("AnswerSet", "Questionnaire", "Session"),
    "cmc_core.plugins": ("PluginError", "Plugins", "load_plugins"),
    "cmc_core.assessment": ("Assessment", "assess"),
}

#: Each public name and the module it comes from.
_HOME: dict[str, str] = {name: module for module, names in _PUBLIC.items() for name in names}

__all__ = list(_HOME)


def __getattr__(name: str) -> Any:
    """A public name not imported yet: import its module, keep the name, and return it."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'cmc_core' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
