"""The value flows of a canvas as columns of party numbers, read once per scoring run.

Why numbers: a canvas may hold a million flows over a hundred thousand parties. Every step that
looks a party up by its id string misses the CPU caches at that size (``shared/performance.md``
section 3), so the flows are read once, each ``from`` and ``to`` turned into the position of its
party in ``canvas.parties``, and everything after that (counts per party and per organisation,
the value network of :mod:`cmc_core.scoring.network`) works on those small integers, with
C-level loops (``map``, ``compress``, ``Counter``) wherever one will do.

Which flows count where:

* the **network** links two parties by any flow, counter-flows (``counter_of``) included: a
  payment is a relationship too;
* the **market flows**, which every share and concentration is a share of, are the primary flows
  (without ``counter_of``, as rule CMC021 counts them) of kind ``market`` between two different
  known parties: a counter-flow runs back along a flow already counted, a fee or a report is no
  trade, and a flow with a missing or unknown party, or from a party to itself, says nothing
  about the market (the rules report those);
* the **volumes**: when every market flow gives its volume in one unit per one period,
  :attr:`FlowTable.sent` and :attr:`FlowTable.received` hold volumes instead of numbers of
  flows, and :meth:`FlowTable.over_commonality` weighs by them too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import compress, repeat
from operator import and_, attrgetter, eq, is_, ne, not_
from typing import TYPE_CHECKING

from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import Messages, current_language
from cmc_core.vocabulary import FlowKind, label

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas

__all__ = ["FlowTable", "flow_table"]

_ = Messages("cmc_core", "scores")

_get_from = attrgetter("from_party")
_get_to = attrgetter("to_party")
_get_counter_of = attrgetter("counter_of")
_get_kind = attrgetter("kind")
_get_via = attrgetter("via_commonality")


class FlowTable:
    """The flows of one canvas as party numbers, with the market flows counted per party.

    A party's number is its position in ``canvas.parties``; when several parties share an id,
    the one rule CMC023 treats as canonical stands for all of them. :attr:`unknown` stands for a
    missing or unknown party.

    :ivar party_position: each party id and the position of the party it names.
    :ivar party_numbers: the number of every distinct party, in document order.
    :ivar unknown: the number that stands for a missing or unknown party (``len(parties)``).
    :ivar froms: the ``from`` party number of every flow, in document order.
    :ivar tos: the ``to`` party number of every flow, in document order.
    :ivar market_flows: the number of market flows (see the module notes).
    :ivar sent: market flows (or their volume) per sending party number.
    :ivar received: market flows (or their volume) per receiving party number.
    :ivar sent_flows: market flows per sending party number, counted even when :attr:`sent`
        holds volumes (a hub is a party in more than half of the flows, as rule CMC025 counts).
    :ivar received_flows: the same per receiving party number.
    :ivar total: the number of market flows, or their total volume.
    :ivar unit: the unit of the volumes when the shares are of volumes, else ``None``.
    :ivar unweighed: why the shares are of flows although some market flow gives a volume
        (``None`` when they are of volumes, or no market flow gives one).
    :ivar organisation_of: each party number's organisation number.
    :ivar organisation_ids: the organisation id of each organisation number.
    """

    __slots__ = (
        "_market_positions",
        "_member_lists",
        "_weights",
        "canvas",
        "froms",
        "market_flows",
        "organisation_ids",
        "organisation_of",
        "party_numbers",
        "party_position",
        "received",
        "received_flows",
        "sent",
        "sent_flows",
        "tos",
        "total",
        "unit",
        "unknown",
        "unweighed",
    )

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.party_position: dict[str, int] = CanvasIndex(canvas).party_position
        self.unknown = len(canvas.parties)
        self._read_flows()
        self._number_organisations()

    def _read_flows(self) -> None:
        flows = self.canvas.flows
        lookup, unknown = self.party_position.get, self.unknown
        self.froms: list[int] = list(map(lookup, map(_get_from, flows), repeat(unknown)))
        self.tos: list[int] = list(map(lookup, map(_get_to, flows), repeat(unknown)))
        counter_of = list(map(_get_counter_of, flows))
        froms, tos = self.froms, self.tos
        kinds = list(map(_get_kind, flows))
        market_only = kinds.count(FlowKind.MARKET) == len(kinds)
        positions: list[int] | range = range(len(flows))
        if any(counter_of) or not market_only:
            primary = list(map(not_, counter_of))
            if not market_only:
                primary = list(map(and_, primary, map(is_, kinds, repeat(FlowKind.MARKET))))
            froms, tos = list(compress(froms, primary)), list(compress(tos, primary))
            positions = list(compress(positions, primary))
        # On a sound canvas no flow has an unknown party or runs to itself: prove that with two
        # quick scans before paying for a mask.
        if unknown in froms or unknown in tos or any(map(eq, froms, tos)):
            market = list(
                map(
                    and_,
                    map(ne, froms, tos),
                    map(and_, map(ne, froms, repeat(unknown)), map(ne, tos, repeat(unknown))),
                )
            )
            froms, tos = list(compress(froms, market)), list(compress(tos, market))
            positions = list(compress(positions, market))
        self.market_flows = len(froms)
        self._market_positions: Sequence[int] = positions
        self._weights: list[float] | None = None
        self.unit: str | None = None
        self.unweighed: str | None = None
        self.total: float = float(len(froms))
        self.sent: Counter[int] = Counter(froms)
        self.received: Counter[int] = Counter(tos)
        self.sent_flows, self.received_flows = self.sent, self.received
        self._weigh(positions, froms, tos)

    def _weigh(self, positions: Sequence[int], froms: list[int], tos: list[int]) -> None:
        """Volumes instead of counts, when every market flow gives one in one unit."""
        flows = self.canvas.flows
        if not froms or flows[positions[0]].volume is None:
            return  # the common case, proved on the first market flow
        volumes = [flows[position].volume for position in positions]
        units = {flows[position].unit.strip() for position in positions}
        periods = {flows[position].period for position in positions}
        if None in volumes:
            self.unweighed = _("not every market flow gives its volume")
            return
        if len(units) != 1 or len(periods) != 1:
            self.unweighed = (
                _("the market flows give their volumes in several units")
                if len(units) != 1
                else _("the market flows give their volumes in several periods")
            )
            return  # volumes in several units or periods are not comparable
        weights = [float(volume or 0.0) for volume in volumes]
        total = sum(weights)  # not fsum: a total too large for a float is inf, not an error
        if not 0 < total < math.inf:
            return
        sent: Counter[int] = Counter()
        received: Counter[int] = Counter()
        for source, target, weight in zip(froms, tos, weights, strict=True):
            sent[source] += weight  # type: ignore[assignment]
            received[target] += weight  # type: ignore[assignment]
        self.sent, self.received, self.total = sent, received, total
        self._weights = weights
        unit, period = units.pop() or _("volume"), periods.pop()
        if period is not None:
            unit = _("{unit} per {period}", unit=unit, period=label(period, current_language()))
        self.unit = unit

    def _number_organisations(self) -> None:
        parties = self.canvas.parties
        numbers: dict[str, int] = {}
        organisation_of: dict[int, int] = {}
        self.party_numbers: list[int] = sorted(set(self.party_position.values()))
        for position in self.party_numbers:
            key = parties[position].organisation_id
            organisation_of[position] = numbers.setdefault(key, len(numbers))
        self.organisation_of = organisation_of
        self.organisation_ids: list[str] = list(numbers)
        self._member_lists: dict[int, list[int]] | None = None

    # -- reading ------------------------------------------------------------------------------

    def over_commonality(self) -> float:
        """The market flows (or their volume, as :attr:`total` counts) that run over the
        commonality: with :attr:`total`, how much of the trade uses it and how much bypasses it."""
        flows = self.canvas.flows
        positions = self._market_positions
        market = flows if isinstance(positions, range) else map(flows.__getitem__, positions)
        via = map(_get_via, market)
        if self._weights is None:
            return float(sum(via))
        return sum(compress(self._weights, via))

    def takes_part(self, number: int) -> int:
        """The number of market flows the party takes part in (a market flow has two parties)."""
        return self.sent_flows.get(number, 0) + self.received_flows.get(number, 0)

    @property
    def basis(self) -> str:
        """What the shares are of, for messages: ``market flows`` or ``traded volume (EUR)``."""
        if self.unit is None:
            return _("market flows")
        return _("traded volume ({unit})", unit=self.unit)

    def by_organisation(self, counts: Counter[int]) -> Counter[int]:
        """Per-party counts added up per organisation number."""
        totals: Counter[int] = Counter()
        organisation_of = self.organisation_of
        for number, count in counts.items():
            totals[organisation_of[number]] += count
        return totals

    def members(self, organisation: int) -> list[int]:
        """The party numbers of an organisation, in document order."""
        if self._member_lists is None:
            lists: dict[int, list[int]] = {}
            for number, key in self.organisation_of.items():  # in document order
                lists.setdefault(key, []).append(number)
            self._member_lists = lists
        return self._member_lists[organisation]


def flow_table(canvas: Canvas) -> FlowTable:
    """The :class:`FlowTable` of a canvas: the flows read once as party numbers."""
    return FlowTable(canvas)
