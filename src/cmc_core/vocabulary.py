"""The closed vocabularies of the canvas: roles, kinds, modes, factor and principle keys.

Every member is a ``str`` enum whose value is the stable English id used in files; the Dutch and
English labels live in :data:`LABELS` so that the values never change when a translation does.
The sources behind each list are in ``docs/domain.md`` (sections 2.3-2.7 and 3.3 of the domain
reference).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal

__all__ = [
    "LABELS",
    "MARKET_ROLES",
    "STAKEHOLDER_ROLES",
    "Access",
    "DevelopmentKind",
    "FactorKey",
    "FactorSide",
    "FlowKind",
    "Language",
    "LegalForm",
    "Level",
    "MemberLabels",
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
    "label",
]


class Language(enum.StrEnum):
    """The two languages a canvas and its labels come in."""

    NL = "nl"
    EN = "en"


class Status(enum.StrEnum):
    """Where a canvas is in the workshop: being filled in, or presented."""

    DRAFT = "draft"
    FINAL = "final"


class Role(enum.StrEnum):
    """What a party is in the community (domain reference 2.5); a party may hold several."""

    SUPPLIER = "supplier"
    DEMANDER = "demander"
    END_CUSTOMER = "end_customer"
    DOMAIN_LEADER = "domain_leader"
    NETWORK_LEADER = "network_leader"
    SOFTWARE_BUILDER = "software_builder"
    EXPERT = "expert"
    GOVERNMENT = "government"
    FINANCIER = "financier"
    NGO = "ngo"
    COMMUNITY_PARTNER = "community_partner"

    @property
    def is_market_role(self) -> bool:
        """Whether this role makes a party a market party (a supplier or a demander)."""
        return self in MARKET_ROLES


MARKET_ROLES: frozenset[Role] = frozenset({Role.SUPPLIER, Role.DEMANDER})
#: Roles that never count towards the "several suppliers and demanders" rule (V15).
STAKEHOLDER_ROLES: frozenset[Role] = frozenset(
    {Role.EXPERT, Role.GOVERNMENT, Role.FINANCIER, Role.NGO, Role.SOFTWARE_BUILDER}
)


class ValueKind(enum.StrEnum):
    """What sort of thing a value is."""

    PRODUCT = "product"
    SERVICE = "service"
    INSTRUMENT = "instrument"
    INFORMATION = "information"
    DATA = "data"
    MONEY = "money"
    KNOWLEDGE = "knowledge"
    TRUST_REPUTATION = "trust_reputation"
    OTHER = "other"


class ValueLevel(enum.StrEnum):
    """The three levels of a domain's market (domain reference 2.6)."""

    ADDED_VALUE = "added_value"
    INSTRUMENT = "instrument"
    CONCRETE = "concrete"


class ProcessKind(enum.StrEnum):
    """The kind of process an area covers; parties cooperate on the first two."""

    INFORMATION = "information"
    TRANSACTION = "transaction"
    EXECUTION = "execution"
    OTHER = "other"


class Mode(enum.StrEnum):
    """Whether the parties cooperate or compete in a process area."""

    COOPERATE = "cooperate"
    COMPETE = "compete"


class FactorSide(enum.StrEnum):
    """Which side of organising a connecting factor belongs to (domain reference 2.4)."""

    DEMAND = "demand"
    HINGE = "hinge"
    SUPPLY = "supply"


class FactorKey(enum.StrEnum):
    """The seven connecting factors, in their fixed order: 1-3 demand, 4 hinge, 5-7 supply."""

    PERSPECTIVE = "perspective"
    VISION = "vision"
    AMBITION = "ambition"
    COORDINATION = "coordination"
    GOVERNANCE = "governance"
    STRUCTURE = "structure"
    CULTURE = "culture"

    @property
    def number(self) -> int:
        """The factor's number, 1 to 7, as the sources count them."""
        return list(FactorKey).index(self) + 1

    @property
    def side(self) -> FactorSide:
        """The side of organising this factor belongs to."""
        if self.number <= 3:
            return FactorSide.DEMAND
        if self.number == 4:
            return FactorSide.HINGE
        return FactorSide.SUPPLY


class DevelopmentKind(enum.StrEnum):
    """What a development item describes (workshop topic 3)."""

    DEVELOPMENT = "development"
    PROBLEM = "problem"
    OPPORTUNITY = "opportunity"
    THREAT = "threat"


class Level(enum.StrEnum):
    """A three-step rating, used for the severity of a resistance."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class PrincipleKey(enum.StrEnum):
    """The five basic principles of organising (domain reference 2.3)."""

    SPECIALIZE_COORDINATE_FINALIZE = "specialize_coordinate_finalize"
    PROGRAMMABLE_INSTITUTIONS = "programmable_institutions"
    STRUCTURED_FLEXIBILITY = "structured_flexibility"
    APART_TOGETHER = "apart_together"
    BACK_TO_BASIC = "back_to_basic"


class PrincipleStatus(enum.StrEnum):
    """How well the design meets a principle."""

    NOT_ASSESSED = "not_assessed"
    WEAK = "weak"
    ADEQUATE = "adequate"
    STRONG = "strong"


class LegalForm(enum.StrEnum):
    """Legal forms named for a community's end state (quickscan Q16)."""

    FOUNDATION = "foundation"
    COOPERATIVE = "cooperative"
    PRIVATE_COMPANY = "private_company"
    ASSOCIATION = "association"
    OPEN = "open"


class FlowKind(enum.StrEnum):
    """What a value flow is: trade in the community's market, or something around it.

    Only market flows count for the market's direction, concentration and hubs; a fee to the
    steward, a report to a government or an authorisation given to a register is no trade.
    """

    MARKET = "market"
    FEE = "fee"
    REGULATORY = "regulatory"
    MANDATE = "mandate"
    DELEGATION = "delegation"
    INFORMATION = "information"


class Access(enum.StrEnum):
    """On what terms a party may use a commonality."""

    OPEN = "open"
    MEMBERSHIP = "membership"
    LICENCE = "licence"
    INVITATION = "invitation"


class Provenance(enum.StrEnum):
    """How a fact of the canvas is known: from a source, by inference, or not confirmed."""

    SOURCED = "sourced"
    INFERRED = "inferred"
    UNVERIFIED = "unverified"


class Period(enum.StrEnum):
    """The period a volume or an amount is counted over: ``1,200 TEU per week``.

    A closed list, so that volumes are comparable (two flows are weighed against each other
    only when they give their volume in one unit per one period) and a typo is refused.
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class SavingStatus(enum.StrEnum):
    """Whether a saving is promised or has been realised."""

    PROMISED = "promised"
    REALISED = "realised"


LanguageCode = Literal["nl", "en"]


class MemberLabels(Mapping[enum.Enum, tuple[str, str]]):
    """(Dutch, English) labels by vocabulary member.

    Keyed by the member's enum class *and* value: the vocabularies are string enums, so
    ``ValueKind.INFORMATION == ProcessKind.INFORMATION`` (both are ``"information"``), and a
    plain dict would give both the label of whichever came last.
    """

    def __init__(self, entries: Sequence[tuple[enum.Enum, tuple[str, str]]]) -> None:
        self._members = [member for member, _ in entries]
        self._labels = {(type(member), member.value): text for member, text in entries}

    def __getitem__(self, member: enum.Enum) -> tuple[str, str]:
        return self._labels[(type(member), member.value)]

    def __contains__(self, member: object) -> bool:
        if not isinstance(member, enum.Enum):
            return False
        return (type(member), member.value) in self._labels

    def __iter__(self) -> Iterator[enum.Enum]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)


#: Dutch and English labels of every vocabulary member.
LABELS = MemberLabels(
    (
        (Language.NL, ("Nederlands", "Dutch")),
        (Language.EN, ("Engels", "English")),
        (Status.DRAFT, ("concept", "draft")),
        (Status.FINAL, ("definitief", "final")),
        (Role.SUPPLIER, ("aanbieder", "supplier")),
        (Role.DEMANDER, ("afnemer (vrager)", "demander")),
        (Role.END_CUSTOMER, ("eindklant", "end customer")),
        (Role.DOMAIN_LEADER, ("domeinleider", "domain leader")),
        (Role.NETWORK_LEADER, ("netwerkleider", "network leader")),
        (Role.SOFTWARE_BUILDER, ("softwarebouwer", "software builder")),
        (Role.EXPERT, ("expert", "expert")),
        (Role.GOVERNMENT, ("overheid", "government")),
        (Role.FINANCIER, ("financier", "financier")),
        (Role.NGO, ("ngo", "NGO")),
        (Role.COMMUNITY_PARTNER, ("communitypartner", "community partner")),
        (ValueKind.PRODUCT, ("product", "product")),
        (ValueKind.SERVICE, ("dienst", "service")),
        (ValueKind.INSTRUMENT, ("instrument", "instrument")),
        (ValueKind.INFORMATION, ("informatie", "information")),
        (ValueKind.DATA, ("data", "data")),
        (ValueKind.MONEY, ("geld", "money")),
        (ValueKind.KNOWLEDGE, ("kennis", "knowledge")),
        (ValueKind.TRUST_REPUTATION, ("vertrouwen en reputatie", "trust and reputation")),
        (ValueKind.OTHER, ("overig", "other")),
        (ValueLevel.ADDED_VALUE, ("toegevoegde waarde", "added value")),
        (ValueLevel.INSTRUMENT, ("instrument", "instrument")),
        (ValueLevel.CONCRETE, ("concreet product", "concrete product")),
        (ProcessKind.INFORMATION, ("informatieproces", "information process")),
        (ProcessKind.TRANSACTION, ("transactieproces", "transaction process")),
        (ProcessKind.EXECUTION, ("uitvoering", "execution")),
        (ProcessKind.OTHER, ("overig", "other")),
        (Mode.COOPERATE, ("samenwerken", "cooperate")),
        (Mode.COMPETE, ("concurreren", "compete")),
        (FactorSide.DEMAND, ("vraagzijde", "demand side")),
        (FactorSide.HINGE, ("scharnierpunt", "hinge")),
        (FactorSide.SUPPLY, ("aanbodzijde", "supply side")),
        (FactorKey.PERSPECTIVE, ("Perspectief", "Perspective")),
        (FactorKey.VISION, ("Visie", "Vision")),
        (FactorKey.AMBITION, ("Ambitie", "Ambition")),
        (FactorKey.COORDINATION, ("Coördinatie", "Coordination")),
        (FactorKey.GOVERNANCE, ("Governance", "Governance")),
        (FactorKey.STRUCTURE, ("Structuur", "Structure")),
        (FactorKey.CULTURE, ("Cultuur", "Culture")),
        (DevelopmentKind.DEVELOPMENT, ("ontwikkeling", "development")),
        (DevelopmentKind.PROBLEM, ("probleem", "problem")),
        (DevelopmentKind.OPPORTUNITY, ("kans", "opportunity")),
        (DevelopmentKind.THREAT, ("bedreiging", "threat")),
        (Level.LOW, ("laag", "low")),
        (Level.MEDIUM, ("middel", "medium")),
        (Level.HIGH, ("hoog", "high")),
        (
            PrincipleKey.SPECIALIZE_COORDINATE_FINALIZE,
            (
                "specialiseren, coördineren, finaliseren",
                "specialize, coordinate, finalize",
            ),
        ),
        (
            PrincipleKey.PROGRAMMABLE_INSTITUTIONS,
            ("programmeerbare instituties", "programmable institutions"),
        ),
        (
            PrincipleKey.STRUCTURED_FLEXIBILITY,
            ("gestructureerde flexibiliteit", "structured flexibility"),
        ),
        (PrincipleKey.APART_TOGETHER, ("apart samen", "apart together")),
        (PrincipleKey.BACK_TO_BASIC, ("terug naar de basis", "back to basic")),
        (PrincipleStatus.NOT_ASSESSED, ("niet beoordeeld", "not assessed")),
        (PrincipleStatus.WEAK, ("zwak", "weak")),
        (PrincipleStatus.ADEQUATE, ("voldoende", "adequate")),
        (PrincipleStatus.STRONG, ("sterk", "strong")),
        (LegalForm.FOUNDATION, ("stichting", "foundation")),
        (LegalForm.COOPERATIVE, ("coöperatie", "cooperative")),
        (LegalForm.PRIVATE_COMPANY, ("BV", "private company")),
        (LegalForm.ASSOCIATION, ("vereniging", "association")),
        (LegalForm.OPEN, ("nog open", "still open")),
        (FlowKind.MARKET, ("marktstroom", "market flow")),
        (FlowKind.FEE, ("vergoeding", "fee")),
        (FlowKind.REGULATORY, ("verplichte melding", "regulatory report")),
        (FlowKind.MANDATE, ("opgelegde eis", "mandate")),
        (FlowKind.DELEGATION, ("machtiging", "delegation")),
        (FlowKind.INFORMATION, ("informatie", "information")),
        (Access.OPEN, ("open", "open")),
        (Access.MEMBERSHIP, ("lidmaatschap", "membership")),
        (Access.LICENCE, ("licentie", "licence")),
        (Access.INVITATION, ("op uitnodiging", "by invitation")),
        (Provenance.SOURCED, ("met bron", "sourced")),
        (Provenance.INFERRED, ("afgeleid", "inferred")),
        (Provenance.UNVERIFIED, ("niet bevestigd", "unverified")),
        (Period.DAY, ("dag", "day")),
        (Period.WEEK, ("week", "week")),
        (Period.MONTH, ("maand", "month")),
        (Period.QUARTER, ("kwartaal", "quarter")),
        (Period.YEAR, ("jaar", "year")),
        (SavingStatus.PROMISED, ("beloofd", "promised")),
        (SavingStatus.REALISED, ("gerealiseerd", "realised")),
    )
)


def label(member: enum.Enum, language: Language | LanguageCode = Language.EN) -> str:
    """Return the Dutch or English label of a vocabulary member."""
    dutch, english = LABELS[member]
    return dutch if Language(language) is Language.NL else english
