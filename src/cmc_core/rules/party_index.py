"""The party half of :class:`~cmc_core.rules.index.CanvasIndex`: roles, ids and lookups.

Every attribute is computed on first use, in C-level loops over the parties in document order
(masks built with ``map`` and applied with ``compress``), and kept for the rest of the run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from itertools import compress, count, repeat
from operator import and_, attrgetter, contains, not_, or_
from typing import TYPE_CHECKING

from cmc_core.model import Party
from cmc_core.rules.ids import IdColumn, positions
from cmc_core.vocabulary import Role

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas

__all__ = ["PartyIndex"]

_NONE: frozenset[str | None] = frozenset({None})

_get_id = attrgetter("id")
_get_roles = attrgetter("roles")
_get_external = attrgetter("external")


class PartyIndex:
    """Lookups over the parties of a canvas, each computed at most once.

    :param canvas: the canvas being validated.
    """

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._role_masks: dict[Role, list[bool]] = {}

    @cached_property
    def party_ids(self) -> list[str]:
        """The id of every party, in document order (repeats included)."""
        return list(map(_get_id, self.canvas.parties))

    @cached_property
    def party_position(self) -> dict[str, int]:
        """The position in ``canvas.parties`` of the party each id names.

        When several parties share an id (rule CMC023 reports that), the one chosen does not
        depend on their order: the first by (name, full content). Messages then name the same
        party however the list is ordered.
        """
        ids = self.party_ids
        found = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
        for party_id in self.party_id_column.duplicates:
            found[party_id] = self._canonical_position(party_id)
        return found

    def _canonical_position(self, party_id: str) -> int:
        parties = self.canvas.parties
        sharing = positions(self.party_ids, (party_id,))
        return min(sharing, key=lambda position: _party_order(parties[position]))

    @cached_property
    def party_by_id(self) -> dict[str, Party]:
        """Each party by its id (see :attr:`party_position` for ids that several parties share)."""
        parties = self.canvas.parties
        return {key: parties[position] for key, position in self.party_position.items()}

    def party(self, party_id: str) -> Party | None:
        """The party with this id, or ``None``; cheap for a single lookup."""
        if "party_by_id" in self.__dict__:
            return self.party_by_id.get(party_id)
        if party_id in self.party_id_column.duplicates:
            return self.canvas.parties[self._canonical_position(party_id)]
        try:
            return self.canvas.parties[self.party_ids.index(party_id)]
        except ValueError:
            return None

    def party_entries(self, party_ids: Iterable[str]) -> list[tuple[int, Party]]:
        """The position and party each known id names (see :attr:`party_position`), in document
        order; unknown ids are left out."""
        wanted = set(party_ids)
        if not wanted:
            return []
        where = self.party_position
        parties = self.canvas.parties
        found = sorted(where[key] for key in wanted if key in where)
        return [(position, parties[position]) for position in found]

    def parties_with_any_role(self, *roles: Role) -> list[tuple[int, Party]]:
        """The parties holding any of ``roles``, with their positions, in document order."""
        masks = [self._role_mask(role) for role in roles]
        holds = map(any, zip(*masks, strict=True)) if len(masks) > 1 else masks[0]
        parties = self.canvas.parties
        return [(position, parties[position]) for position in compress(count(), holds)]

    def party_path(self, party_id: str) -> str:
        """The logical path of a known party, such as ``parties[3]``."""
        return f"parties[{self.party_position[party_id]}]"

    @cached_property
    def _inside_mask(self) -> list[bool]:
        return list(map(not_, map(_get_external, self.canvas.parties)))

    def _role_mask(self, role: Role) -> list[bool]:
        masks = self._role_masks
        if role not in masks:
            masks[role] = list(map(contains, map(_get_roles, self.canvas.parties), repeat(role)))
        return masks[role]

    @cached_property
    def _supplier_mask(self) -> list[bool]:
        return self._role_mask(Role.SUPPLIER)

    @cached_property
    def _demander_mask(self) -> list[bool]:
        return self._role_mask(Role.DEMANDER)

    @cached_property
    def supplier_ids(self) -> frozenset[str]:
        """Ids of the parties with the supplier role, inside the boundary or not."""
        return frozenset(compress(self.party_ids, self._supplier_mask))

    @cached_property
    def demander_ids(self) -> frozenset[str]:
        """Ids of the parties with the demander role, inside the boundary or not."""
        return frozenset(compress(self.party_ids, self._demander_mask))

    @cached_property
    def known_party_ids(self) -> frozenset[str]:
        """The ids of all parties."""
        return frozenset(self.party_ids)

    def is_market_party(self, party_id: str | None) -> bool:
        """Whether some party with this id holds a market role (inside the boundary or not)."""
        return party_id in self.supplier_ids or party_id in self.demander_ids

    def unknown_parties(self, references: Iterable[str | None]) -> frozenset[str]:
        """The references among ``references`` that name no party (``None`` left out).

        Market parties are ruled out first, against sets the rules build anyway; the set of all
        party ids is built only when something else is left.
        """
        given = references if isinstance(references, AbstractSet) else frozenset(references)
        left = given - self.supplier_ids - self.demander_ids - _NONE
        if not left:
            return frozenset()
        return frozenset(str(reference) for reference in left - self.known_party_ids)

    @cached_property
    def end_customer_ids(self) -> frozenset[str]:
        """Ids of the parties with the end customer role."""
        return frozenset(compress(self.party_ids, self._role_mask(Role.END_CUSTOMER)))

    @cached_property
    def serving_end_customer_ids(self) -> tuple[str, ...]:
        """Ids of the end customers and of the demanders that serve one (rule V09)."""
        serves = map(attrgetter("serves_end_customer"), self.canvas.parties)
        ends = self._role_mask(Role.END_CUSTOMER)
        return tuple(
            compress(self.party_ids, map(or_, ends, map(and_, self._demander_mask, serves)))
        )

    def _inside_with(self, mask: Iterable[bool]) -> tuple[Party, ...]:
        return tuple(compress(self.canvas.parties, map(and_, self._inside_mask, mask)))

    @cached_property
    def inside_parties(self) -> tuple[Party, ...]:
        """The parties inside the boundary (not external), in document order."""
        return tuple(compress(self.canvas.parties, self._inside_mask))

    @cached_property
    def inside_suppliers(self) -> tuple[Party, ...]:
        """Inside parties with the supplier role."""
        return self._inside_with(self._supplier_mask)

    @cached_property
    def inside_demanders(self) -> tuple[Party, ...]:
        """Inside parties with the demander role."""
        return self._inside_with(self._demander_mask)

    @cached_property
    def inside_market_parties(self) -> tuple[Party, ...]:
        """Inside parties with a market role (supplier, demander or both)."""
        return self._inside_with(map(or_, self._supplier_mask, self._demander_mask))

    @cached_property
    def inside_market_ids(self) -> tuple[str, ...]:
        """Ids of the inside market parties, in document order."""
        return tuple(map(_get_id, self.inside_market_parties))

    def lists_every_inside_market_party(self, ids: Sequence[str]) -> bool:
        """Whether ``ids`` is the inside market parties' ids in document order, as a tool writes
        a commonality's users: one sequential comparison instead of two sets of 100k ids."""
        market = self.inside_market_ids
        return len(ids) == len(market) and tuple(ids) == market

    def missing_inside_market_ids(self, ids: Sequence[str]) -> set[str]:
        """The inside market parties whose ids are not among ``ids``."""
        if self.lists_every_inside_market_party(ids):
            return set()
        return set(self.inside_market_ids).difference(ids)

    @cached_property
    def _organisation_sizes(self) -> Counter[str]:
        return Counter(map(attrgetter("organisation_id"), self.canvas.parties))

    @cached_property
    def largest_organisation(self) -> int:
        """The most parties that share one organisation: 1 when every party is its own. A
        per-organisation count is at most this many times the largest per-party count."""
        return max(self._organisation_sizes.values(), default=1)

    @cached_property
    def shared_organisation_ids(self) -> frozenset[str]:
        """The ids of the parties whose organisation holds another party too."""
        sizes = self._organisation_sizes
        organisations = map(attrgetter("organisation_id"), self.canvas.parties)
        shared = map(lambda key: sizes[key] > 1, organisations)  # noqa: C417 - one pass
        return frozenset(compress(self.party_ids, shared))

    @cached_property
    def party_id_column(self) -> IdColumn:
        """The party ids."""
        return IdColumn(lambda: self.party_ids)


def _party_order(party: Party) -> tuple[str, str]:
    # A total order over parties that share an id: by name, then by everything else.
    return (party.name, repr(party))
