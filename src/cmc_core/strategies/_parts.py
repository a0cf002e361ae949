"""Building blocks of a valid canvas: id schemes, the cast of parties, words, and the blocks
whose content depends on the cast (process areas, commonalities, governance...)."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from cmc_core.model import (
    Commonality,
    DecisionRight,
    Development,
    Factor,
    Governance,
    Party,
    Principle,
    ProcessArea,
    Quickscan,
    Resistance,
)
from cmc_core.strategies._draws import (
    TextCycle,
    flag,
    integer,
    maybe,
    permutation,
    pick,
    subset,
)
from cmc_core.vocabulary import (
    DevelopmentKind,
    FactorKey,
    Language,
    LegalForm,
    Level,
    Mode,
    PrincipleKey,
    PrincipleStatus,
    ProcessKind,
    Role,
)

__all__ = ["ID_SCHEMES", "WORDS", "Cast", "IdScheme"]


@attrs.frozen
class IdScheme:
    """One prefix per collection. Every prefix ends in a non-digit and no two are equal, so
    ``prefix + number`` ids never collide, within or across collections."""

    party_prefix: str = "p-"
    organisation_prefix: str = "org-"
    value_prefix: str = "v-"
    flow_prefix: str = "f-"
    area_prefix: str = "pa-"
    commonality_prefix: str = "c-"
    right_prefix: str = "dr-"
    development_prefix: str = "dev-"
    resistance_prefix: str = "r-"

    def party(self, number: int) -> str:
        """The id of party ``number``."""
        return f"{self.party_prefix}{number}"

    def organisation(self, number: int) -> str:
        """The id of organisation ``number``."""
        return f"{self.organisation_prefix}{number}"

    def value(self, number: int) -> str:
        """The id of value ``number``."""
        return f"{self.value_prefix}{number}"

    def flow(self, number: int) -> str:
        """The id of flow ``number``."""
        return f"{self.flow_prefix}{number}"

    def area(self, number: int) -> str:
        """The id of process area ``number``."""
        return f"{self.area_prefix}{number}"

    def commonality(self, number: int) -> str:
        """The id of commonality ``number``."""
        return f"{self.commonality_prefix}{number}"

    def right(self, number: int) -> str:
        """The id of decision right ``number``."""
        return f"{self.right_prefix}{number}"

    def development(self, number: int) -> str:
        """The id of development ``number``."""
        return f"{self.development_prefix}{number}"

    def resistance(self, number: int) -> str:
        """The id of resistance ``number``."""
        return f"{self.resistance_prefix}{number}"


#: Candidate prefixes per collection; the first is the plain one shrinking goes to. The others
#: make ids a YAML or TOML reader could mistake for numbers, comments or tags ("1e3", "0x1",
#: "#1", "~1", "-p1").
_PREFIXES: dict[str, tuple[str, ...]] = {
    "party_prefix": ("p-", "party_", "Partij.", "ü-", "-p", "yes-"),
    "organisation_prefix": ("org-", "Org_", "bv.", "null-"),
    "value_prefix": ("v-", "value_", "Waarde.", "1e"),
    "flow_prefix": ("f-", "flow_", "Stroom.", "0x"),
    "area_prefix": ("pa-", "area_", "Proces."),
    "commonality_prefix": ("c-", "common_", "Gemeenschappelijk.", "~"),
    "right_prefix": ("dr-", "right_", "Besluit."),
    "development_prefix": ("dev-", "trend_", "Ontwikkeling."),
    "resistance_prefix": ("r-", "resist_", "Weerstand.", "#"),
}


#: Whole schemes, one per candidate position; the first is the plain one.
ID_SCHEMES: tuple[IdScheme, ...] = tuple(
    IdScheme(**{field: options[k % len(options)] for field, options in _PREFIXES.items()})
    for k in range(max(len(options) for options in _PREFIXES.values()))
)


@attrs.frozen
class Cast:
    """The parties of a valid canvas by part: the steward, the (inside) market parties, others.

    Core market parties come first in ``market``: suppliers, then demanders, each with an
    organisation of its own.
    """

    steward: Party
    market: tuple[Party, ...]
    others: tuple[Party, ...]

    @property
    def everyone(self) -> tuple[Party, ...]:
        """All parties, steward first."""
        return (self.steward, *self.market, *self.others)

    @property
    def market_ids(self) -> list[str]:
        """The ids of the market parties."""
        return [party.id for party in self.market]


WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "canvas": "Regional care chain",
        "customer": "Patient at home",
        "value": "Care at home",
        "goal": "Care at home without waiting lists",
        "target": "Elderly patients in the region",
        "steward": "Care network cooperative",
        "supplier": "Home care provider",
        "demander": "Care purchaser",
        "trader": "Care broker",
        "stakeholder": "Health insurer",
        "external": "National regulator",
        "money": "Payment",
        "commonality": "Care exchange platform",
        "access": "Open to every accredited provider on the same terms",
        "information": "Care profiles",
        "transaction": "Matching and booking",
        "execution": "Delivering care",
        "other": "Training",
        "right": "Transaction rules",
        "reason": "Fear of losing clients",
    },
    Language.NL: {
        "canvas": "Havenlogistiek",
        "customer": "Verlader",
        "value": "Containervervoer",
        "goal": "Containers sneller door de haven",
        "target": "Verladers en vervoerders in de regio",
        "steward": "Havencoöperatie",
        "supplier": "Vervoerder",
        "demander": "Expediteur",
        "trader": "Makelaar",
        "stakeholder": "Gemeente",
        "external": "Douane",
        "money": "Betaling",
        "commonality": "Havenplatform",
        "access": "Open voor elke vervoerder op dezelfde voorwaarden",
        "information": "Profielen en beschikbaarheid",
        "transaction": "Matchen en boeken",
        "execution": "Vervoer uitvoeren",
        "other": "Opleiding",
        "right": "Transactieregels",
        "reason": "Angst om klanten te verliezen",
    },
}


_COOPERATIVE: tuple[Mode | None, ...] = (None, Mode.COOPERATE)
_EXPECTED_MODES: dict[ProcessKind, tuple[Mode | None, ...]] = {
    ProcessKind.INFORMATION: _COOPERATIVE,
    ProcessKind.TRANSACTION: _COOPERATIVE,
    ProcessKind.EXECUTION: (None, Mode.COMPETE),
    ProcessKind.OTHER: (None, Mode.COOPERATE, Mode.COMPETE),
}


def process_areas(
    draw: st.DrawFn, scheme: IdScheme, cast: Cast, words: dict[str, str], say: TextCycle
) -> tuple[ProcessArea, ...]:
    """One cooperative information or transaction area every market party joins (CMC007,
    CMC019), plus drawn areas with their kind's expected mode. Names end in the area's number,
    so no two areas share a name (CMC008)."""
    market = cast.market_ids
    first = pick(draw, (ProcessKind.INFORMATION, ProcessKind.TRANSACTION))
    kinds = [first, *(pick(draw, tuple(ProcessKind)) for _ in range(integer(draw, 0, 3)))]
    areas = [
        ProcessArea(
            id=scheme.area(number),
            name=f"{say.filled(words[kind])} #{number}",
            kind=kind,
            mode=pick(draw, _EXPECTED_MODES[kind]),
            parties=(
                permutation(draw, market)
                if number == 1
                else tuple(subset(draw, market, max_size=6))
            ),
            description=say.next(),
        )
        for number, kind in enumerate(kinds, start=1)
    ]
    return permutation(draw, areas)


def commonalities(
    draw: st.DrawFn, scheme: IdScheme, cast: Cast, words: dict[str, str], say: TextCycle
) -> tuple[Commonality, ...]:
    """The primary commonality, stewarded by the network leader and used by every market party
    on non-empty access terms (CMC003, CMC005, CMC006), plus optional secondary ones that are
    exclusive, if at all, only to parties outside the market."""
    everyone = [party.id for party in cast.everyone]
    non_market = [cast.steward.id, *(party.id for party in cast.others)]
    users = [*cast.market_ids, *subset(draw, non_market, max_size=2)]
    found = [
        Commonality(
            id=scheme.commonality(1),
            name=say.filled(words["commonality"]),
            primary=True,
            description=say.next(),
            capabilities=say.several(draw, 3),
            steward=cast.steward.id,
            users=permutation(draw, users),
            access_terms=say.filled(words["access"]),
            financing=say.next(),
        )
    ]
    found.extend(
        Commonality(
            id=scheme.commonality(number),
            name=say.next(),
            description=say.next(),
            capabilities=say.several(draw, 2),
            steward=maybe(draw, non_market),
            users=tuple(subset(draw, everyone, max_size=4)),
            access_terms=say.next(),
            exclusive_to=tuple(subset(draw, non_market, max_size=2)),
            financing=say.next(),
        )
        for number in range(2, integer(draw, 1, 3) + 1)
    )
    return permutation(draw, found)


def governance(draw: st.DrawFn, scheme: IdScheme, cast: Cast, say: TextCycle) -> Governance:
    """Decision rights held by the steward, alone or with stakeholders outside the market:
    market parties holding votes would tie the canvas's validity to how the breaking mutations
    regroup organisations (CMC024 reads sides per organisation), and no hub may be a sole
    holder (CMC025)."""
    trading = {party.organisation_id for party in cast.market}
    others = [
        party.id
        for party in cast.others
        if not party.external and party.organisation_id not in trading
    ]

    def holders() -> tuple[str, ...]:
        return (cast.steward.id, *subset(draw, others, max_size=2))

    rights = tuple(
        DecisionRight(scheme.right(number), say.next(), holders(), flag(draw))
        for number in range(1, integer(draw, 0, 3) + 1)
    )
    return Governance(
        decision_making=say.next(),
        legal_form=maybe(draw, tuple(LegalForm)),
        agreements=say.several(draw, 2),
        decision_rights=rights,
    )


def factors(draw: st.DrawFn, say: TextCycle) -> list[Factor]:
    """Some connecting factors, answered or not."""
    return [
        Factor(key, say.next(), maybe(draw, (0, 1, 2, 3))) for key in subset(draw, tuple(FactorKey))
    ]


def principles(draw: st.DrawFn, say: TextCycle) -> list[Principle]:
    """Some principles, assessed or not."""
    return [
        Principle(key, pick(draw, tuple(PrincipleStatus)), say.next())
        for key in subset(draw, tuple(PrincipleKey))
    ]


def developments(draw: st.DrawFn, scheme: IdScheme, say: TextCycle) -> tuple[Development, ...]:
    """Up to two developments, problems, opportunities or threats."""
    return tuple(
        Development(
            id=scheme.development(number),
            kind=pick(draw, tuple(DevelopmentKind)),
            description=say.next(),
            affects_roles=tuple(subset(draw, tuple(Role), max_size=2)),
            source=say.next(),
        )
        for number in range(1, integer(draw, 0, 2) + 1)
    )


def resistances(
    draw: st.DrawFn, scheme: IdScheme, cast: Cast, say: TextCycle
) -> tuple[Resistance, ...]:
    """Up to two resistances held by known parties (the reason may be blank: a warning)."""
    everyone = [party.id for party in cast.everyone]
    return tuple(
        Resistance(
            id=scheme.resistance(number),
            description=say.next(),
            holder=maybe(draw, everyone),
            holder_role=maybe(draw, tuple(Role)),
            reason=say.next(),
            severity=pick(draw, tuple(Level)),
            mitigation=say.next(),
        )
        for number in range(1, integer(draw, 0, 2) + 1)
    )


def quickscan(draw: st.DrawFn, cast: Cast, say: TextCycle) -> Quickscan:
    """What a quickscan answered, or nothing (a canvas made by hand): the counts those of the
    cast or estimates, some processes and facilities by name, the kick-off ready or not."""
    if not flag(draw):
        return Quickscan()
    suppliers = sum(Role.SUPPLIER in party.roles for party in cast.market)
    demanders = sum(Role.DEMANDER in party.roles for party in cast.market)
    return Quickscan(
        suppliers_count=maybe(draw, (suppliers, suppliers * 10)),
        demanders_count=maybe(draw, (demanders, demanders * 10)),
        cooperate=say.several(draw, 2),
        commonality=say.several(draw, 1),
        kickoff_ready=maybe(draw, (False, True)),
    )
