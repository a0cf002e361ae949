"""The canvas's single blocks and keyed items: its meta data, the end customer's value, the
boundary, the connecting factors, developments, resistances, principles, the waste block and the
block notes; and the quickscan's record, which belongs to no block.

Part of :mod:`cmc_core.model`, which re-exports every name; import them from there.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TypeVar

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.fields import (
    DEVELOPMENT,
    PARTY,
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
    DevelopmentKind,
    FactorKey,
    Language,
    Level,
    Period,
    PrincipleKey,
    PrincipleStatus,
    Provenance,
    Role,
    SavingStatus,
    Status,
)

__all__ = [
    "DEFAULT_PROCESS_STEPS",
    "BlockNote",
    "Boundary",
    "Development",
    "EndCustomerValue",
    "Factor",
    "Meta",
    "Principle",
    "Quickscan",
    "Resistance",
    "Waste",
    "canonical_by_key",
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
class Quickscan:
    """What the quickscan that made or filled the canvas answered, as far as its verdict reads.

    ``cmc quickscan`` writes it, so that ``cmc score`` and every export show the quickscan's
    suitability without its answers file; explicit answers given to them win. Each field keeps
    one answer: the counts of question ``qs-suppliers-count`` and ``qs-demanders-count``, the
    names of the processes to cooperate on (``qs-cooperate``) and of the shared facilities
    (``qs-commonality``), and whether a budget and a group are ready for a kick-off
    (``qs-kickoff-ready``). The rules ignore it: it records an intake, not the design.
    """

    suppliers_count: int | None = bounded(0, 10**9, unit="a number of suppliers")
    demanders_count: int | None = bounded(0, 10**9, unit="a number of demanders")
    cooperate: tuple[str, ...] = ()
    commonality: tuple[str, ...] = ()
    kickoff_ready: bool | None = None

    @property
    def is_answered(self) -> bool:
        """Whether the quickscan answered anything here (else there was no quickscan)."""
        return self != Quickscan()


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
