"""``canvases()``: any canvas the model can hold, however broken or half filled.

Every id is drawn from one small pool per canvas, so that references sometimes resolve and
sometimes dangle, and that the same id now and then names two entities: exactly the canvases a
workshop produces and validation must cope with.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from cmc_core.blueprint import BlockKey
from cmc_core.canvas import Canvas
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
from cmc_core.strategies._draws import (
    PERCENTAGES,
    TextCycle,
    flag,
    integer,
    maybe,
    pick,
    repeats,
    subset,
)
from cmc_core.strategies._text import awkward_text, entity_ids
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
    Status,
    ValueKind,
    ValueLevel,
)

__all__ = ["canvases"]

_ROLES = tuple(Role)


def canvases(
    *,
    min_parties: int = 0,
    max_parties: int = 6,
    min_flows: int = 0,
    max_flows: int = 8,
    max_items: int = 3,
    text: st.SearchStrategy[str] | None = None,
    ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Canvas]:
    """Any canvas the model accepts: possibly broken, half filled or empty.

    References (flow ends, users, holders, instruments...) are drawn from the same small pool of
    ids as the entities' own ids, so they resolve or dangle, and ids repeat across entities.
    Free text comes from a small pool per canvas (default: :func:`awkward_text`), so every
    field type meets YAML-special words, quotes, line breaks and odd Unicode. Use it for
    properties that must hold for every canvas: a file round trip, validation never crashing,
    order independence.

    :param min_parties: fewest parties.
    :param max_parties: most parties.
    :param min_flows: fewest value flows.
    :param max_flows: most value flows.
    :param max_items: most entries in every other list (values, areas, commonalities,
        developments, resistances, decision rights, references inside an entity, criteria...).
    :param text: free text for names, descriptions and answers.
    :param ids: non-empty ids (default :func:`entity_ids`).
    """
    for name, low, high in (
        ("parties", min_parties, max_parties),
        ("flows", min_flows, max_flows),
        ("items", 0, max_items),
    ):
        if not 0 <= low <= high:
            raise InvalidArgument(f"need 0 <= min_{name}={low} <= max_{name}={high}")
    return _canvases(
        min_parties=min_parties,
        max_parties=max_parties,
        min_flows=min_flows,
        max_flows=max_flows,
        max_items=max_items,
        text=text if text is not None else awkward_text(),
        ids=_id_pools(ids if ids is not None else entity_ids(), max(4, max_items + 2)),
    )


@lru_cache(maxsize=64)
def _id_pools(ids: st.SearchStrategy[str], size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids, min_size=1, max_size=size, unique=True)


@st.composite
def _canvases(
    draw: st.DrawFn,
    *,
    min_parties: int,
    max_parties: int,
    min_flows: int,
    max_flows: int,
    max_items: int,
    text: st.SearchStrategy[str],
    ids: st.SearchStrategy[list[str]],
) -> Canvas:
    pool = draw(ids)
    say = TextCycle(draw, text)
    steps = DEFAULT_PROCESS_STEPS if not flag(draw) else tuple(dict.fromkeys(say.several(draw, 3)))

    def ref() -> str:
        return pick(draw, pool)

    def refs() -> tuple[str, ...]:
        return repeats(draw, pool, max_size=max_items)

    def count(low: int = 0, high: int = max_items) -> range:
        return range(integer(draw, low, high))

    parties = tuple(
        Party(
            id=ref(),
            name=say.next(),
            roles=tuple(subset(draw, _ROLES, max_size=3)),
            organisation=maybe(draw, pool),
            external=flag(draw),
            specialisation=say.next(),
            serves_end_customer=flag(draw),
            privileged=flag(draw),
            interest=say.next(),
            notes=say.next(),
        )
        for _ in count(min_parties, max_parties)
    )
    flows = tuple(
        ValueFlow(
            id=ref(),
            value=maybe(draw, pool),
            from_party=maybe(draw, pool),
            to_party=maybe(draw, pool),
            counter_value=maybe(draw, pool),
            via_commonality=flag(draw),
            step=pick(draw, (None, *steps[:1], say.next())),
            counter_of=maybe(draw, pool),
            friction=say.next(),
        )
        for _ in count(min_flows, max_flows)
    )
    return Canvas(
        meta=Meta(
            name=say.next(),
            language=pick(draw, tuple(Language)),
            variant=pick(draw, ("weconomics", say.next())),
            canvas_version=pick(draw, ("0.1", say.next())),
            status=pick(draw, tuple(Status)),
            description=say.next(),
            authors=say.several(draw, max_items),
            date=say.maybe(draw),
            owner=maybe(draw, pool),
            focal_party=maybe(draw, pool),
        ),
        end_customer=EndCustomerValue(say.next(), say.next(), say.next(), say.next(), say.next()),
        boundary=Boundary(
            goal=say.next(),
            target_group=say.next(),
            inclusion_criteria=say.several(draw, max_items),
            exclusion_criteria=say.several(draw, max_items),
            parent_domain=say.maybe(draw),
            instruments=refs(),
        ),
        parties=parties,
        values=tuple(
            Value(
                id=ref(),
                name=say.next(),
                kind=pick(draw, tuple(ValueKind)),
                level=maybe(draw, tuple(ValueLevel)),
                description=say.next(),
            )
            for _ in count()
        ),
        flows=flows,
        process_areas=tuple(
            ProcessArea(
                id=ref(),
                name=say.next(),
                kind=pick(draw, tuple(ProcessKind)),
                mode=maybe(draw, tuple(Mode)),
                parties=refs(),
                description=say.next(),
            )
            for _ in count()
        ),
        commonalities=tuple(
            Commonality(
                id=ref(),
                name=say.next(),
                primary=flag(draw),
                description=say.next(),
                capabilities=say.several(draw, max_items),
                steward=maybe(draw, pool),
                users=refs(),
                access_terms=say.next(),
                exclusive_to=refs(),
                financing=say.next(),
            )
            for _ in count()
        ),
        process_steps=steps,
        governance=Governance(
            decision_making=say.next(),
            legal_form=maybe(draw, tuple(LegalForm)),
            agreements=say.several(draw, max_items),
            decision_rights=tuple(
                DecisionRight(ref(), say.next(), refs(), flag(draw)) for _ in count()
            ),
        ),
        factors=[
            Factor(key, say.next(), maybe(draw, (0, 1, 2, 3)))
            for key in subset(draw, tuple(FactorKey))
        ],
        developments=tuple(
            Development(
                id=ref(),
                kind=pick(draw, tuple(DevelopmentKind)),
                description=say.next(),
                affects_roles=tuple(subset(draw, _ROLES, max_size=max_items)),
                source=say.next(),
            )
            for _ in count()
        ),
        resistances=tuple(
            Resistance(
                id=ref(),
                description=say.next(),
                holder=maybe(draw, pool),
                holder_role=maybe(draw, _ROLES),
                reason=say.next(),
                severity=pick(draw, tuple(Level)),
                mitigation=say.next(),
            )
            for _ in count()
        ),
        principles=[
            Principle(key, pick(draw, tuple(PrincipleStatus)), say.next())
            for key in subset(draw, tuple(PrincipleKey))
        ],
        waste=Waste(say.next(), draw(PERCENTAGES), draw(PERCENTAGES), say.next()),
        notes=[
            BlockNote(key, say.next()) for key in subset(draw, tuple(BlockKey), max_size=max_items)
        ],
    )
