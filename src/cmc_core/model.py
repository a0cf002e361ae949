"""The entities of a Community Model Canvas: immutable attrs value objects with stable ids.

Nothing here does I/O or checks references between entities: a canvas half filled in during a
workshop must load, show and be fixed, so referential integrity is the job of the validation rules
(:mod:`cmc_core.rules`). What *is* enforced here is what no canvas can mean: a maturity outside
0-3, a percentage outside 0-100, the same factor twice. Field names are the Python names; the file
format renames a few (``from_party`` is ``from`` in a file), see :mod:`cmc_core.fileformat`.

What a field means beyond its type (it names a party, its order carries nothing, its bounds, its
name in a file) is declared here with :mod:`cmc_core.fields` and nowhere else; everything that
walks the model reads it through :mod:`cmc_core.shape`.

The records have no weakref slot (``weakref_slot=False``): nothing refers to one weakly, and on
a canvas of a million flows the slot costs 8 MB.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TypeVar

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.fields import (
    COMMONALITY,
    DECISION_RIGHT,
    DEVELOPMENT,
    FLOW,
    ORGANISATION,
    PARTY,
    PROCESS_AREA,
    PROCESS_STEP,
    RESISTANCE,
    SOURCE,
    VALUE,
    at_least,
    bounded,
    entity,
    reference,
    references,
    unordered,
)
from cmc_core.vocabulary import (
    MARKET_ROLES,
    Access,
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
    SavingStatus,
    Status,
    ValueKind,
    ValueLevel,
)

__all__ = [
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
    "Resistance",
    "Source",
    "Stake",
    "Value",
    "ValueFlow",
    "Waste",
]

#: The default coordination steps: profileren -> vinden -> matchen -> transacteren. The first two
#: are in the sources; the last two are our inference (domain reference 2.7), hence configurable.
DEFAULT_PROCESS_STEPS: tuple[str, ...] = ("profile", "find", "match", "transact")

_Keyed = TypeVar("_Keyed", "Factor", "Principle", "BlockNote")


@attrs.frozen(weakref_slot=False)
class Meta:
    """Document metadata: what the canvas is called, its language, version and status.

    ``owner`` exists only so that rule V16 can object to it: a community canvas has no owner.
    ``focal_party`` names the market party a BMC export is made for; validation ignores it.
    ``as_of`` is the moment the canvas describes (an ISO date such as ``2018-04``), so that
    snapshots of one community (pilot, launch, later) can be told apart and put in order;
    ``date`` is when the canvas was written.
    """

    name: str = ""
    language: Language = Language.EN
    variant: str = "weconomics"
    canvas_version: str = "0.1"
    status: Status = Status.DRAFT
    description: str = ""
    authors: tuple[str, ...] = ()
    date: str | None = None
    owner: str | None = reference(PARTY)
    focal_party: str | None = reference(PARTY)
    as_of: str | None = None


@attrs.frozen(weakref_slot=False)
class EndCustomerValue:
    """Block A1: the end customer and the added value the whole network delivers to them."""

    customer: str = ""
    value: str = ""
    problem: str = ""
    waste: str = ""
    measure: str = ""

    @property
    def is_filled(self) -> bool:
        """Whether both the end customer and their added value are named (rule V09)."""
        return bool(self.customer.strip() and self.value.strip())


@attrs.frozen(weakref_slot=False)
class Boundary:
    """Block B1: the domain as a goal plus a target group, with what is in and out."""

    goal: str = ""
    target_group: str = ""
    inclusion_criteria: tuple[str, ...] = ()
    exclusion_criteria: tuple[str, ...] = ()
    parent_domain: str | None = None
    instruments: tuple[str, ...] = references(VALUE)


@attrs.frozen(weakref_slot=False)
class Stake:
    """A share in something held by a party: an owner of a party's organisation (the steward's,
    say) or of a commonality.

    ``share`` is a percentage; ``None`` when it is not known (owners of unknown shares count as
    equal parts of what the known shares leave).
    """

    party: str | None = reference(PARTY)
    share: float | None = bounded(0, 100, unit="a percentage")


@entity(SOURCE)
@attrs.frozen(weakref_slot=False)
class Source:
    """Where a fact of the canvas comes from: a report, an article, an interview.

    Entities name their sources by id (``sources: [I1, I7]``) and say how they are known with
    ``provenance``.
    """

    id: str
    title: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""


@entity(PARTY)
@attrs.frozen(weakref_slot=False)
class Party:
    """An organisation's seat in the community, with its roles.

    Several parties may belong to one legal entity: they share ``organisation``. A party with no
    ``organisation`` is its own organisation. ``external`` marks a party outside the boundary.

    A party may stand for a group: ``represents`` is how many organisations it stands for
    ("about 2,000 forwarders"). It then counts as that many organisations, each with an even
    part of its flows, and trade within it (bank to bank) is no self-loop. ``owners`` are the
    owners of the party's organisation with their shares, which is how a steward owned by
    market parties is seen through.
    """

    id: str
    name: str = ""
    roles: tuple[Role, ...] = unordered()
    organisation: str | None = reference(ORGANISATION)
    external: bool = False
    specialisation: str = ""
    serves_end_customer: bool = False
    interest: str = ""
    notes: str = ""
    represents: int | None = bounded(1, 10**9, unit="a number of organisations")
    owners: tuple[Stake, ...] = unordered()
    provenance: Provenance | None = None
    sources: tuple[str, ...] = references(SOURCE)

    @property
    def organisations(self) -> int:
        """How many organisations the party stands for: 1, or ``represents`` for a group."""
        return self.represents or 1

    @property
    def organisation_id(self) -> str:
        """The legal entity this party belongs to (its own id when none is given)."""
        return self.organisation or self.id

    @property
    def is_market_party(self) -> bool:
        """Whether the party supplies or demands in the community's market."""
        return not MARKET_ROLES.isdisjoint(self.roles)

    def has_role(self, role: Role) -> bool:
        """Whether the party holds ``role``."""
        return role in self.roles


@entity(VALUE)
@attrs.frozen(weakref_slot=False)
class Value:
    """Something of worth that flows between parties: a product, a service, data, money..."""

    id: str
    name: str = ""
    kind: ValueKind = ValueKind.OTHER
    level: ValueLevel | None = None
    description: str = ""


@entity(FLOW)
@attrs.frozen(weakref_slot=False)
class ValueFlow:
    """A value moving from one party to another, possibly over the commonality.

    ``counter_value`` is what goes back (often money). A flow that runs against the market
    direction (demand to supply) is legitimate only as the counter-flow of a forward flow, which
    ``counter_of`` names (rule V10). ``kind`` says whether the flow is trade in the market or a
    fee, a regulatory report, a mandate, a delegation or plain information; only market flows
    count for direction, concentration and hubs. ``volume`` is how much goes over the flow in
    ``unit`` per ``period`` (``unit: "%"`` for a share); concentration weighs flows by it when
    the market flows give it in one unit per one period.
    """

    id: str
    value: str | None = reference(VALUE)
    from_party: str | None = reference(PARTY, file_key="from")
    to_party: str | None = reference(PARTY, file_key="to")
    counter_value: str | None = reference(VALUE)
    via_commonality: bool = False
    step: str | None = reference(PROCESS_STEP)
    counter_of: str | None = reference(FLOW)
    friction: str = ""
    kind: FlowKind = FlowKind.MARKET
    volume: float | None = at_least(0, unit="an amount")
    unit: str = ""
    period: Period | None = None
    provenance: Provenance | None = None
    sources: tuple[str, ...] = references(SOURCE)

    @property
    def is_market(self) -> bool:
        """Whether the flow is trade in the community's market."""
        return self.kind is FlowKind.MARKET


@entity(PROCESS_AREA)
@attrs.frozen(weakref_slot=False)
class ProcessArea:
    """A process the parties cooperate on or compete in (block B6).

    ``mode`` may be left open; then execution counts as competed and everything else as
    cooperated (rule V08).
    """

    id: str
    name: str = ""
    kind: ProcessKind = ProcessKind.OTHER
    mode: Mode | None = None
    parties: tuple[str, ...] = references(PARTY)
    description: str = ""

    @property
    def effective_mode(self) -> Mode:
        """The declared mode, or the default for the area's kind."""
        if self.mode is not None:
            return self.mode
        return Mode.COMPETE if self.kind is ProcessKind.EXECUTION else Mode.COOPERATE


@entity(COMMONALITY)
@attrs.frozen(weakref_slot=False)
class Commonality:
    """Shared capabilities every party uses (block B7); one of them is the primary commonality.

    ``steward`` runs it, with ``co_stewards`` when stewardship is joint (a monitoring trustee
    next to the owner, say); ``owners`` own it, with their shares. The access terms are
    structured: ``access`` (open, membership, licence or by invitation), ``access_set_by``
    (who decides who gets in: a data owner for its own data, the steward, one side), the
    parties the terms ``favour`` (better terms than others of their side), ``member_tariffs``
    (members pay less than non-members), ``exit_ban`` (a party that leaves may not come back
    for a while) and ``exclusive_to``; ``access_terms`` says it in words.
    """

    id: str
    name: str = ""
    primary: bool = False
    description: str = ""
    capabilities: tuple[str, ...] = ()
    steward: str | None = reference(PARTY)
    users: tuple[str, ...] = references(PARTY)
    access_terms: str = ""
    exclusive_to: tuple[str, ...] = references(PARTY)
    financing: str = ""
    co_stewards: tuple[str, ...] = references(PARTY)
    owners: tuple[Stake, ...] = unordered()
    access: Access | None = None
    access_set_by: tuple[str, ...] = references(PARTY)
    favours: tuple[str, ...] = references(PARTY)
    member_tariffs: bool = False
    exit_ban: bool = False
    provenance: Provenance | None = None
    sources: tuple[str, ...] = references(SOURCE)


@entity(DECISION_RIGHT)
@attrs.frozen(weakref_slot=False)
class DecisionRight:
    """Who decides on what; one market party deciding transaction rules alone breaks V03.

    ``weight`` is the holders' share of the votes on the subject, in percent (``None``: all of
    them). A subject split between several rights (one per holder, say) is decided by whoever
    holds more than half of its votes.
    """

    id: str
    subject: str = ""
    holders: tuple[str, ...] = references(PARTY)
    over_transaction_rules: bool = False
    weight: float | None = bounded(0, 100, unit="a percentage")
    provenance: Provenance | None = None
    sources: tuple[str, ...] = references(SOURCE)


@attrs.frozen(weakref_slot=False)
class Governance:
    """Block C1's structured part: how decisions are made, the legal form, the agreements."""

    decision_making: str = ""
    legal_form: LegalForm | None = None
    agreements: tuple[str, ...] = ()
    decision_rights: tuple[DecisionRight, ...] = ()


@attrs.frozen(weakref_slot=False)
class Factor:
    """The answer to one of the seven connecting factors, with a maturity from 0 to 3."""

    key: FactorKey
    answer: str = ""
    maturity: int | None = bounded(0, 3)

    @property
    def is_answered(self) -> bool:
        """Whether the factor has an answer."""
        return bool(self.answer.strip())


@entity(DEVELOPMENT)
@attrs.frozen(weakref_slot=False)
class Development:
    """A development, problem, opportunity or threat in the domain (block A2)."""

    id: str
    kind: DevelopmentKind = DevelopmentKind.DEVELOPMENT
    description: str = ""
    affects_roles: tuple[Role, ...] = unordered()
    source: str = ""


@entity(RESISTANCE)
@attrs.frozen(weakref_slot=False)
class Resistance:
    """An expected resistance to the community: who holds it, why, and what we do about it."""

    id: str
    description: str = ""
    holder: str | None = reference(PARTY)
    holder_role: Role | None = None
    reason: str = ""
    severity: Level = Level.MEDIUM
    mitigation: str = ""
    provenance: Provenance | None = None
    sources: tuple[str, ...] = references(SOURCE)


@attrs.frozen(weakref_slot=False)
class Principle:
    """The assessment of one of the five basic principles of organising."""

    key: PrincipleKey
    status: PrincipleStatus = PrincipleStatus.NOT_ASSESSED
    notes: str = ""


@attrs.frozen(weakref_slot=False)
class Waste:
    """Block D2: the waste today and the saving the community expects, with its basis.

    The waste today is ``baseline`` in words, ``baseline_amount`` in ``unit`` per ``period``
    (a currency code or a count: ``EUR``, ``truck trips``) and ``baseline_share`` as a
    percentage of the cost. The saving is ``expected_saving`` (a percentage) and
    ``saving_amount`` (in ``unit`` per ``period``), ``promised`` or ``realised``, on a
    ``basis``, from ``sources``.
    """

    baseline: str = ""
    baseline_share: float | None = bounded(0, 100, unit="a percentage")
    expected_saving: float | None = bounded(0, 100, unit="a percentage")
    basis: str = ""
    baseline_amount: float | None = at_least(0, unit="an amount")
    saving_amount: float | None = at_least(0, unit="an amount")
    unit: str = ""
    period: Period | None = None
    status: SavingStatus = SavingStatus.PROMISED
    provenance: Provenance | None = None
    sources: tuple[str, ...] = references(SOURCE)

    @property
    def claims_saving(self) -> bool:
        """Whether the block claims any saving, as a figure or in words."""
        return (
            self.expected_saving is not None
            or self.saving_amount is not None
            or bool(self.basis.strip())
        )

    @property
    def has_baseline(self) -> bool:
        """Whether the waste today is given as a figure (an amount or a share of the cost)."""
        return self.baseline_amount is not None or self.baseline_share is not None


@attrs.frozen(weakref_slot=False)
class BlockNote:
    """Free text the workshop wrote in a block, next to its structured content."""

    key: BlockKey
    text: str = ""


def canonical_by_key(items: Iterable[_Keyed], order: type[enum.Enum]) -> tuple[_Keyed, ...]:
    """Sort keyed items into their vocabulary's order; refuse a key given twice.

    Keeping one order makes equal canvases compare equal however they were built.
    """
    seen: dict[object, _Keyed] = {}
    for item in items:
        if item.key in seen:
            raise ValueError(f"{item.key!s} is given twice")
        seen[item.key] = item
    rank: dict[object, int] = {key: index for index, key in enumerate(order)}
    return tuple(sorted(seen.values(), key=lambda item: rank[item.key]))
