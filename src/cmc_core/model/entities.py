"""The entities a canvas holds in its collections: parties with their owners and sources,
values and the flows between parties, process areas, commonalities and their governance.

Part of :mod:`cmc_core.model`, which re-exports every name; import them from there.
"""

from __future__ import annotations

import attrs

from cmc_core.fields import (
    COMMONALITY,
    DECISION_RIGHT,
    FLOW,
    ORGANISATION,
    PARTY,
    PROCESS_AREA,
    PROCESS_STEP,
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
    FlowKind,
    LegalForm,
    Mode,
    Period,
    ProcessKind,
    Provenance,
    Role,
    ValueKind,
    ValueLevel,
)

__all__ = [
    "Commonality",
    "DecisionRight",
    "Governance",
    "Party",
    "ProcessArea",
    "Source",
    "Stake",
    "Value",
    "ValueFlow",
]


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
