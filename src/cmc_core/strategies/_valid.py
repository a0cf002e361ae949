"""``valid_canvases()``: realistic business communities that no built-in rule calls an error.

The shape follows the domain reference: a network leader stewards the primary commonality and
is no market party; several supplier and demander organisations all use that commonality; they
cooperate on an information or transaction process and may compete on execution; value flows
run from suppliers to demanders over the commonality, some with a counter-flow back. Ids are
made structurally unique (a collection prefix plus a number), never filtered.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from cmc_core.blueprint import BlockKey
from cmc_core.canvas import Canvas
from cmc_core.model import (
    DEFAULT_PROCESS_STEPS,
    BlockNote,
    Boundary,
    EndCustomerValue,
    Meta,
    Party,
    Value,
    ValueFlow,
    Waste,
)
from cmc_core.rules.engine import RuleSettings
from cmc_core.strategies import _parts
from cmc_core.strategies._draws import (
    PERCENTAGES,
    TextCycle,
    flag,
    integer,
    maybe,
    permutation,
    pick,
    subset,
)
from cmc_core.strategies._parts import ID_SCHEMES, WORDS, Cast, IdScheme
from cmc_core.strategies._text import awkward_text
from cmc_core.vocabulary import (
    STAKEHOLDER_ROLES,
    Language,
    Role,
    Status,
    ValueKind,
    ValueLevel,
)

__all__ = ["DRAWN_FLOWS", "DRAWN_PARTIES", "valid_canvases"]

#: Parties beyond this many are laid out deterministically (alternately a supplier and a
#: demander, each its own organisation), for the same reason as :data:`DRAWN_FLOWS`.
DRAWN_PARTIES = 48

#: Flows beyond this many are laid out deterministically (round robin over suppliers and
#: demanders) instead of drawn one by one, so that a canvas of exactly N flows stays cheap for
#: any N while small canvases still shrink flow by flow.
DRAWN_FLOWS = 64

_EXTRA_KINDS = ("supplier", "demander", "trader", "stakeholder", "external")
_MARKET_ROLES: dict[str, tuple[Role, ...]] = {
    "supplier": (Role.SUPPLIER,),
    "demander": (Role.DEMANDER,),
    "trader": (Role.SUPPLIER, Role.DEMANDER),
}
_LAID_OUT = ("supplier", "demander")
_MARKET_EXTRA_ROLES = (Role.COMMUNITY_PARTNER, Role.EXPERT)
_STAKEHOLDER_ROLES: tuple[Role, ...] = (
    *sorted(STAKEHOLDER_ROLES),
    Role.DOMAIN_LEADER,
    Role.COMMUNITY_PARTNER,
)
_EXTERNAL_ROLES: tuple[Role, ...] = (*_STAKEHOLDER_ROLES, Role.END_CUSTOMER)


#: A share of the cost from 0 to 100: the waste today as a figure.
_SHARES = st.floats(min_value=0, max_value=100)


def valid_canvases(
    *,
    min_parties: int = 5,
    max_parties: int = 10,
    min_flows: int = 1,
    max_flows: int = 16,
    language: Language | str | None = None,
    settings: RuleSettings | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Canvas]:
    """Canvases of a realistic community with no error-level diagnostic under the built-in rules.

    Warnings and infos may remain (a few suppliers always give a concentrated market, for
    example). Ask for an exact size with equal bounds: ``valid_canvases(min_flows=50,
    max_flows=50)``. Flows after the first :data:`DRAWN_FLOWS` are laid out round robin, so large
    canvases are cheap, but use a plain loop for benchmark-sized canvases.

    :param min_parties: fewest parties in all (inside and external). Raised silently to the
        smallest community the thresholds allow (5 with the defaults: two supplier and two
        demander organisations and a steward).
    :param max_parties: most parties in all.
    :param min_flows: fewest value flows, counter-flows included (at least 1: rule CMC009 wants
        a flow that reaches the end customer).
    :param max_flows: most value flows.
    :param language: the canvas language (``"nl"`` or ``"en"``); drawn when ``None``.
    :param settings: the thresholds the canvas must pass (the defaults when ``None``).
    :param text: free text for names, descriptions and answers; fields the rules need filled
        get a word prepended when the drawn text is blank (default :func:`awkward_text`).
    :raises hypothesis.errors.InvalidArgument: for bounds no valid canvas can meet.
    """
    thresholds = settings or RuleSettings()
    smallest = _core_size(thresholds) + 1
    min_parties = max(min_parties, smallest)
    if max_parties < min_parties:
        raise InvalidArgument(
            f"max_parties={max_parties} is below the {min_parties} parties a valid canvas needs"
        )
    min_flows = max(min_flows, 1)
    if max_flows < min_flows:
        raise InvalidArgument(f"need 1 <= min_flows={min_flows} <= max_flows={max_flows}")
    fixed_language = None if language is None else Language(language)
    return _valid_canvases(
        min_parties=min_parties,
        max_parties=max_parties,
        min_flows=min_flows,
        max_flows=max_flows,
        language=fixed_language,
        settings=thresholds,
        text=text if text is not None else awkward_text(),
    )


def _core_counts(settings: RuleSettings) -> tuple[int, int, int]:
    """Suppliers, demanders and extra suppliers that each need an organisation of their own."""
    suppliers = max(settings.min_suppliers, 2)
    demanders = max(settings.min_demanders, 2)
    return suppliers, demanders, max(0, settings.min_organisations - suppliers - demanders)


def _core_size(settings: RuleSettings) -> int:
    return sum(_core_counts(settings))


@st.composite
def _valid_canvases(
    draw: st.DrawFn,
    *,
    min_parties: int,
    max_parties: int,
    min_flows: int,
    max_flows: int,
    language: Language | None,
    settings: RuleSettings,
    text: st.SearchStrategy[str],
) -> Canvas:
    lang = language or pick(draw, tuple(Language))
    words = WORDS[lang]
    scheme = pick(draw, ID_SCHEMES)
    say = TextCycle(draw, text)
    total = integer(draw, min_parties, max_parties)
    cast = _draw_cast(draw, scheme, words, say, settings=settings, total=total)
    values = _draw_values(draw, scheme, words, say)
    steps = pick(draw, (DEFAULT_PROCESS_STEPS, ("profile", "find", "match")))
    flow_count = integer(draw, min_flows, max_flows)
    flows = _draw_flows(draw, scheme, cast, values=values, steps=steps, count=flow_count)
    focal = maybe(draw, cast.market)
    return Canvas(
        meta=Meta(
            name=say.filled(words["canvas"]),
            language=lang,
            canvas_version=pick(draw, ("0.1", "1.0", "2")),
            status=pick(draw, tuple(Status)),
            description=say.next(),
            authors=say.several(draw, 2),
            date=maybe(draw, ("2024-05-01", "2025-11-30")),
            focal_party=focal.id if focal else None,
        ),
        end_customer=EndCustomerValue(
            customer=say.filled(words["customer"]),
            value=say.filled(words["value"]),
            problem=say.next(),
            waste=say.next(),
            measure=say.next(),
        ),
        boundary=Boundary(
            goal=say.filled(words["goal"]),
            target_group=say.filled(words["target"]),
            inclusion_criteria=say.several(draw, 2),
            exclusion_criteria=say.several(draw, 2),
            parent_domain=say.maybe(draw),
            instruments=tuple(subset(draw, [v.id for v in values], max_size=2)),
        ),
        parties=permutation(draw, cast.everyone),
        values=values,
        flows=flows,
        process_areas=_parts.process_areas(draw, scheme, cast, words, say),
        commonalities=_parts.commonalities(draw, scheme, cast, words, say),
        process_steps=steps,
        governance=_parts.governance(draw, scheme, cast, say),
        factors=_parts.factors(draw, say),
        developments=_parts.developments(draw, scheme, say),
        resistances=_parts.resistances(draw, scheme, cast, say),
        principles=_parts.principles(draw, say),
        # a baseline figure always: a saving without one is CMC018's error
        waste=Waste(say.next(), draw(_SHARES), draw(PERCENTAGES), say.next()),
        notes=[BlockNote(key, say.next()) for key in subset(draw, tuple(BlockKey), max_size=2)],
        quickscan=_parts.quickscan(draw, cast, say),
    )


def _draw_cast(
    draw: st.DrawFn,
    scheme: IdScheme,
    words: dict[str, str],
    say: TextCycle,
    *,
    settings: RuleSettings,
    total: int,
) -> Cast:
    """The parties: a core whose organisations are all distinct, then drawn extras."""
    core_suppliers, core_demanders, core_extra = _core_counts(settings)
    core_count = core_suppliers + core_extra + core_demanders
    first_demander = core_suppliers + core_extra
    kinds = [
        *(["supplier"] * first_demander),
        *(["demander"] * core_demanders),
        *(
            pick(draw, _EXTRA_KINDS) if position < DRAWN_PARTIES else _LAID_OUT[position % 2]
            for position in range(core_count, total - 1)
        ),
    ]
    steward = Party(
        id=scheme.party(1),
        name=say.filled(words["steward"]),
        roles=(Role.NETWORK_LEADER, *subset(draw, (Role.SOFTWARE_BUILDER,))),
        organisation=maybe(draw, (scheme.organisation(1),)),
        interest=say.next(),
    )
    market: list[Party] = []
    others: list[Party] = []
    shared: list[str] = []
    for position, kind in enumerate(kinds):
        number = position + 2
        if position >= DRAWN_PARTIES:
            roles = _MARKET_ROLES[kind]
            name = f"{words[kind]} {number}"
            serves = position == first_demander
            market.append(Party(scheme.party(number), name, roles, serves_end_customer=serves))
            continue
        if position == core_count:
            shared = [party.organisation_id for party in market]
        own = scheme.organisation(number)
        organisation = maybe(draw, (own,) if position < core_count else (own, *shared))
        name = say.filled(f"{words[kind]} {number}")
        if kind in _MARKET_ROLES:
            market.append(
                Party(
                    id=scheme.party(number),
                    name=name,
                    roles=(*_MARKET_ROLES[kind], *subset(draw, _MARKET_EXTRA_ROLES, max_size=1)),
                    organisation=organisation,
                    specialisation=say.next(),
                    # the first demander serves the end customer: rule CMC009 needs one
                    serves_end_customer=position == first_demander or flag(draw),
                    interest=say.next(),
                    notes=say.next(),
                )
            )
        else:
            pool = _EXTERNAL_ROLES if kind == "external" else _STAKEHOLDER_ROLES
            others.append(
                Party(
                    id=scheme.party(number),
                    name=name,
                    roles=tuple(subset(draw, pool, max_size=2)) or pool[:1],
                    organisation=organisation,
                    external=kind == "external",
                    interest=say.next(),
                )
            )
    return Cast(steward=steward, market=tuple(market), others=tuple(others))


def _draw_values(
    draw: st.DrawFn, scheme: IdScheme, words: dict[str, str], say: TextCycle
) -> tuple[Value, ...]:
    """Goods and services that flow forward, and money that flows back."""
    forward = integer(draw, 1, 4)
    goods = (ValueKind.SERVICE, ValueKind.PRODUCT, ValueKind.DATA)
    values = [
        Value(
            id=scheme.value(number),
            name=say.filled(words["value"]),
            kind=pick(draw, goods),
            level=maybe(draw, tuple(ValueLevel)),
            description=say.next(),
        )
        for number in range(1, forward + 1)
    ]
    values.append(Value(id=scheme.value(forward + 1), name=words["money"], kind=ValueKind.MONEY))
    return tuple(values)


def _draw_flows(
    draw: st.DrawFn,
    scheme: IdScheme,
    cast: Cast,
    *,
    values: tuple[Value, ...],
    steps: tuple[str, ...],
    count: int,
) -> tuple[ValueFlow, ...]:
    """Forward flows from suppliers to demanders; counter-flows of money run exactly back."""
    senders = [p.id for p in cast.market if p.has_role(Role.SUPPLIER)]
    receivers = [p.id for p in cast.market if p.has_role(Role.DEMANDER)]
    first_receiver = next(
        p.id for p in cast.market if p.has_role(Role.DEMANDER) and p.serves_end_customer
    )
    goods = [v.id for v in values[:-1]]
    money = values[-1].id
    flows: list[ValueFlow] = []
    forward: list[ValueFlow] = []
    for number in range(1, count + 1):
        if number > DRAWN_FLOWS:
            flows.append(_laid_out_flow(scheme, number, senders, receivers, goods))
            continue
        if forward and integer(draw, 0, 3) == 3:
            back = pick(draw, forward)
            flow = ValueFlow(
                id=scheme.flow(number),
                value=money,
                from_party=back.to_party,
                to_party=back.from_party,
                via_commonality=not flag(draw),
                step=maybe(draw, steps),
                counter_of=back.id,
            )
        else:
            sender = pick(draw, senders)
            receiver = (
                pick(draw, [r for r in receivers if r != sender]) if forward else first_receiver
            )
            flow = ValueFlow(
                id=scheme.flow(number),
                value=pick(draw, goods),
                from_party=sender,
                to_party=receiver,
                counter_value=maybe(draw, (money,)),
                via_commonality=not flag(draw),
                step=maybe(draw, steps),
            )
            forward.append(flow)
        flows.append(flow)
    return tuple(flows)


def _laid_out_flow(
    scheme: IdScheme, number: int, senders: list[str], receivers: list[str], goods: list[str]
) -> ValueFlow:
    sender = senders[number % len(senders)]
    turn = number // len(senders)
    receiver = receivers[turn % len(receivers)]
    if receiver == sender:  # a party with both roles: take the next receiver
        receiver = receivers[(turn + 1) % len(receivers)]
    return ValueFlow(
        id=scheme.flow(number),
        value=goods[number % len(goods)],
        from_party=sender,
        to_party=receiver,
        via_commonality=True,
    )
