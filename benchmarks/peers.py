"""The peers' models of the same file form: msgspec Structs and pydantic v2 models.

Both mirror the file form field for field, with cmc's own enums (a flow's closed words are
``Literal`` strings in the msgspec Structs, see below), the same renames (``from``,
``to``, ``$schema``), the same defaults (left out on encode), the same range checks (maturity
0-3, percentages 0-100) and the same strictness (unknown keys are errors), so that each decoder
does the same work as cmc's. Both are frozen. Sequences are tuples, like cmc's model; the
keyed blocks (``factors``, ``principles``, ``notes``) are mappings, as in the file.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
import pydantic
from msgspec import Meta, Struct, field

from cmc_core.blueprint import BlockKey
from cmc_core.vocabulary import (
    DevelopmentKind,
    FactorKey,
    FlowKind,
    Language,
    LegalForm,
    Level,
    Mode,
    Period,
    PrincipleKey,
    PrincipleStatus,
    ProcessKind,
    Provenance,
    Role,
    Status,
    ValueKind,
    ValueLevel,
)

__all__ = ["MCanvas", "PCanvas", "msgspec_decoder", "msgspec_encoder"]

_STEPS = ("profile", "find", "match", "transact")
_Maturity = Annotated[int, Meta(ge=0, le=3)]
_Percent = Annotated[float, Meta(ge=0, le=100)]
_Amount = Annotated[float, Meta(ge=0)]
# A flow's closed words as Literal strings, not enums: they validate the same, and a Struct whose
# fields are all strings and numbers stays untracked by the cyclic GC, the fastest form a msgspec
# user would choose (an enum member would make every flow a tracked object).
_FlowKindWord = Literal[tuple(kind.value for kind in FlowKind)]  # type: ignore[valid-type]
_PeriodWord = Literal[tuple(period.value for period in Period)]  # type: ignore[valid-type]
_ProvenanceWord = Literal[tuple(known.value for known in Provenance)]  # type: ignore[valid-type]


# -- msgspec -------------------------------------------------------------------------------------


class _M(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


class MMeta(_M, frozen=True):
    name: str = ""
    language: Language = Language.EN
    variant: str = "weconomics"
    canvas_version: str = "0.1"
    status: Status = Status.DRAFT
    description: str = ""
    authors: tuple[str, ...] = ()
    date: str | None = None
    owner: str | None = None
    focal_party: str | None = None
    as_of: str | None = None


class MSource(_M, frozen=True):
    id: str
    title: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""


class MEndCustomer(_M, frozen=True):
    customer: str = ""
    value: str = ""
    problem: str = ""
    waste: str = ""
    measure: str = ""


class MBoundary(_M, frozen=True):
    goal: str = ""
    target_group: str = ""
    inclusion_criteria: tuple[str, ...] = ()
    exclusion_criteria: tuple[str, ...] = ()
    parent_domain: str | None = None
    instruments: tuple[str, ...] = ()


class MParty(_M, frozen=True):
    id: str
    name: str = ""
    roles: tuple[Role, ...] = ()
    organisation: str | None = None
    external: bool = False
    specialisation: str = ""
    serves_end_customer: bool = False
    interest: str = ""
    notes: str = ""


class MValue(_M, frozen=True):
    id: str
    name: str = ""
    kind: ValueKind = ValueKind.OTHER
    level: ValueLevel | None = None
    description: str = ""


class MFlow(_M, frozen=True):
    id: str
    value: str | None = None
    from_party: str | None = field(default=None, name="from")
    to_party: str | None = field(default=None, name="to")
    counter_value: str | None = None
    via_commonality: bool = False
    step: str | None = None
    counter_of: str | None = None
    friction: str = ""
    kind: _FlowKindWord = "market"
    volume: _Amount | None = None
    unit: str = ""
    period: _PeriodWord | None = None
    provenance: _ProvenanceWord | None = None
    sources: tuple[str, ...] = ()


class MProcessArea(_M, frozen=True):
    id: str
    name: str = ""
    kind: ProcessKind = ProcessKind.OTHER
    mode: Mode | None = None
    parties: tuple[str, ...] = ()
    description: str = ""


class MCommonality(_M, frozen=True):
    id: str
    name: str = ""
    primary: bool = False
    description: str = ""
    capabilities: tuple[str, ...] = ()
    steward: str | None = None
    users: tuple[str, ...] = ()
    access_terms: str = ""
    exclusive_to: tuple[str, ...] = ()
    financing: str = ""


class MDecisionRight(_M, frozen=True):
    id: str
    subject: str = ""
    holders: tuple[str, ...] = ()
    over_transaction_rules: bool = False


class MGovernance(_M, frozen=True):
    decision_making: str = ""
    legal_form: LegalForm | None = None
    agreements: tuple[str, ...] = ()
    decision_rights: tuple[MDecisionRight, ...] = ()


class MFactor(_M, frozen=True):
    answer: str = ""
    maturity: _Maturity | None = None


class MDevelopment(_M, frozen=True):
    id: str
    kind: DevelopmentKind = DevelopmentKind.DEVELOPMENT
    description: str = ""
    affects_roles: tuple[Role, ...] = ()
    source: str = ""


class MResistance(_M, frozen=True):
    id: str
    description: str = ""
    holder: str | None = None
    holder_role: Role | None = None
    reason: str = ""
    severity: Level = Level.MEDIUM
    mitigation: str = ""


class MPrinciple(_M, frozen=True):
    status: PrincipleStatus = PrincipleStatus.NOT_ASSESSED
    notes: str = ""


class MWaste(_M, frozen=True):
    baseline: str = ""
    baseline_share: _Percent | None = None
    expected_saving: _Percent | None = None
    basis: str = ""


class MCanvas(_M, frozen=True, kw_only=True):
    """The whole document. ``$schema`` defaults to "" so that it is always written, as cmc does."""

    schema: str = field(default="", name="$schema")
    schema_version: int
    meta: MMeta = MMeta()
    end_customer: MEndCustomer = MEndCustomer()
    boundary: MBoundary = MBoundary()
    parties: tuple[MParty, ...] = ()
    values: tuple[MValue, ...] = ()
    flows: tuple[MFlow, ...] = ()
    process_areas: tuple[MProcessArea, ...] = ()
    commonalities: tuple[MCommonality, ...] = ()
    process_steps: tuple[str, ...] = _STEPS
    governance: MGovernance = MGovernance()
    factors: dict[FactorKey, MFactor] = field(default_factory=dict)
    developments: tuple[MDevelopment, ...] = ()
    resistances: tuple[MResistance, ...] = ()
    principles: dict[PrincipleKey, MPrinciple] = field(default_factory=dict)
    waste: MWaste = MWaste()
    sources: tuple[MSource, ...] = ()
    notes: dict[BlockKey, str] = field(default_factory=dict)


def msgspec_decoder() -> msgspec.json.Decoder[MCanvas]:
    """A reusable decoder for the whole document (msgspec's fast, recommended form)."""
    return msgspec.json.Decoder(MCanvas)


def msgspec_encoder() -> msgspec.json.Encoder:
    """A reusable encoder."""
    return msgspec.json.Encoder()


def msgspec_to_dict(canvas: MCanvas) -> Any:
    """The file form (defaults left out, lists as lists), to check equivalence with the others."""
    return msgspec.json.decode(msgspec.json.encode(canvas))


# -- pydantic v2 ---------------------------------------------------------------------------------


class _P(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class PMeta(_P):
    name: str = ""
    language: Language = Language.EN
    variant: str = "weconomics"
    canvas_version: str = "0.1"
    status: Status = Status.DRAFT
    description: str = ""
    authors: tuple[str, ...] = ()
    date: str | None = None
    owner: str | None = None
    focal_party: str | None = None
    as_of: str | None = None


class PSource(_P):
    id: str
    title: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""


class PEndCustomer(_P):
    customer: str = ""
    value: str = ""
    problem: str = ""
    waste: str = ""
    measure: str = ""


class PBoundary(_P):
    goal: str = ""
    target_group: str = ""
    inclusion_criteria: tuple[str, ...] = ()
    exclusion_criteria: tuple[str, ...] = ()
    parent_domain: str | None = None
    instruments: tuple[str, ...] = ()


class PParty(_P):
    id: str
    name: str = ""
    roles: tuple[Role, ...] = ()
    organisation: str | None = None
    external: bool = False
    specialisation: str = ""
    serves_end_customer: bool = False
    interest: str = ""
    notes: str = ""


class PValue(_P):
    id: str
    name: str = ""
    kind: ValueKind = ValueKind.OTHER
    level: ValueLevel | None = None
    description: str = ""


class PFlow(_P):
    id: str
    value: str | None = None
    from_party: str | None = pydantic.Field(default=None, alias="from")
    to_party: str | None = pydantic.Field(default=None, alias="to")
    counter_value: str | None = None
    via_commonality: bool = False
    step: str | None = None
    counter_of: str | None = None
    friction: str = ""
    kind: FlowKind = FlowKind.MARKET
    volume: float | None = pydantic.Field(default=None, ge=0)
    unit: str = ""
    period: Period | None = None
    provenance: Provenance | None = None
    sources: tuple[str, ...] = ()


class PProcessArea(_P):
    id: str
    name: str = ""
    kind: ProcessKind = ProcessKind.OTHER
    mode: Mode | None = None
    parties: tuple[str, ...] = ()
    description: str = ""


class PCommonality(_P):
    id: str
    name: str = ""
    primary: bool = False
    description: str = ""
    capabilities: tuple[str, ...] = ()
    steward: str | None = None
    users: tuple[str, ...] = ()
    access_terms: str = ""
    exclusive_to: tuple[str, ...] = ()
    financing: str = ""


class PDecisionRight(_P):
    id: str
    subject: str = ""
    holders: tuple[str, ...] = ()
    over_transaction_rules: bool = False


class PGovernance(_P):
    decision_making: str = ""
    legal_form: LegalForm | None = None
    agreements: tuple[str, ...] = ()
    decision_rights: tuple[PDecisionRight, ...] = ()


class PFactor(_P):
    answer: str = ""
    maturity: int | None = pydantic.Field(default=None, ge=0, le=3)


class PDevelopment(_P):
    id: str
    kind: DevelopmentKind = DevelopmentKind.DEVELOPMENT
    description: str = ""
    affects_roles: tuple[Role, ...] = ()
    source: str = ""


class PResistance(_P):
    id: str
    description: str = ""
    holder: str | None = None
    holder_role: Role | None = None
    reason: str = ""
    severity: Level = Level.MEDIUM
    mitigation: str = ""


class PPrinciple(_P):
    status: PrincipleStatus = PrincipleStatus.NOT_ASSESSED
    notes: str = ""


class PWaste(_P):
    baseline: str = ""
    baseline_share: float | None = pydantic.Field(default=None, ge=0, le=100)
    expected_saving: float | None = pydantic.Field(default=None, ge=0, le=100)
    basis: str = ""


class PCanvas(_P):
    """The whole document. ``$schema`` defaults to "" so that it is always written, as cmc does."""

    schema_: str = pydantic.Field(default="", alias="$schema")
    schema_version: int
    meta: PMeta = PMeta()
    end_customer: PEndCustomer = PEndCustomer()
    boundary: PBoundary = PBoundary()
    parties: tuple[PParty, ...] = ()
    values: tuple[PValue, ...] = ()
    flows: tuple[PFlow, ...] = ()
    process_areas: tuple[PProcessArea, ...] = ()
    commonalities: tuple[PCommonality, ...] = ()
    process_steps: tuple[str, ...] = _STEPS
    governance: PGovernance = PGovernance()
    factors: dict[FactorKey, PFactor] = pydantic.Field(default_factory=dict)
    developments: tuple[PDevelopment, ...] = ()
    resistances: tuple[PResistance, ...] = ()
    principles: dict[PrincipleKey, PPrinciple] = pydantic.Field(default_factory=dict)
    waste: PWaste = PWaste()
    sources: tuple[PSource, ...] = ()
    notes: dict[BlockKey, str] = pydantic.Field(default_factory=dict)


def pydantic_to_json(canvas: PCanvas, indent: int | None) -> str:
    """The file form as JSON: aliases, defaults left out."""
    return canvas.model_dump_json(by_alias=True, exclude_defaults=True, indent=indent)
