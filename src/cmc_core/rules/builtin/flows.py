"""Rules about the value flows: they reach the end customer, run from supply to demand, and
connect two known parties with a known value.

CMC009 end-customer-value, CMC010 supply-to-demand and CMC011 flow-integrity. Each works on the
distinct references of the index and walks the flows again only when those show a problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count
from operator import eq

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.rules.builtin._common import describe, quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import MISSING, CanvasIndex, Side
from cmc_core.translation import N_, Messages

__all__ = ["end_customer_value", "flow_integrity", "supply_to_demand"]

_ = Messages("cmc_core", "rules")


def _party_text(index: CanvasIndex, party_id: str) -> str:
    party = index.party(party_id)
    return describe(party) if party is not None else quote(party_id)


@rule(
    code="CMC009",
    name="end-customer-value",
    severity=Severity.ERROR,
    title=N_("The end customer and their added value are named, and a flow reaches them"),
    rationale=N_(
        'The CMC "redeneert vanuit het leveren van toegevoegde waarde voor de eindklant" '
        "(reasons from delivering added value to the end customer) [S1]. The canvas names "
        "the end customer and the value they receive, and at least one value flow reaches "
        "an end customer or a demander that serves one."
    ),
    source="domain.md 3.4 V09; [S1]",
)
def end_customer_value(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield findings for an unnamed end-customer value and for flows that never reach one."""
    if not canvas.end_customer.is_filled:
        missing = [
            field
            for field, text in (
                ("customer", canvas.end_customer.customer),
                ("value", canvas.end_customer.value),
            )
            if not text.strip()
        ]
        if len(missing) == 2:
            text = _(
                "The end-customer block does not name the customer and the value; the canvas "
                "reasons from the added value the end customer receives."
            )
        elif missing == ["customer"]:
            text = _(
                "The end-customer block does not name the customer; the canvas reasons from the "
                "added value the end customer receives."
            )
        else:
            text = _(
                "The end-customer block does not name the value; the canvas reasons from the "
                "added value the end customer receives."
            )
        yield Finding(
            message=text,
            path="end_customer",
        )
    index = context.index
    if not index.refers_to("to", index.serving_end_customer_ids):
        yield Finding(
            message=_(
                "No value flow reaches an end customer or a demander that serves one "
                "(serves_end_customer); the added value must arrive somewhere."
            ),
            path="flows",
        )


@rule(
    code="CMC010",
    name="supply-to-demand",
    severity=Severity.WARNING,
    title=N_("Primary flows run from a supplier to a demander; counter-flows run back"),
    rationale=N_(
        'Added value flows "van aanbod naar vraag" (from supply to demand) as '
        "frictionlessly as possible [S1b]. A primary flow runs from a supplier to a "
        "demander or an end customer; a flow the other way is allowed only as the declared "
        "counter-flow (counter_of) of a forward flow, running exactly in reverse."
    ),
    source="domain.md 3.4 V10; [S1b]",
)
def supply_to_demand(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield findings for primary flows against the market direction and crooked counter-flows."""
    index = context.index
    senders = index.outside_keys("from") - MISSING
    not_suppliers = senders - index.unknown_parties(senders)
    receivers = index.outside_keys("to") - index.end_customer_ids - MISSING
    not_receivers = receivers - index.unknown_parties(receivers)
    checks: tuple[tuple[Side, frozenset[str | None]], ...] = (
        ("from", not_suppliers),
        ("to", not_receivers),
    )
    for side, bad in checks:
        if not bad:
            continue
        column = index.primary_column(side)
        for primary in index.positions(column, bad):
            position = index.primary_positions[primary]
            flow_id = canvas.flows[position].id
            fields = {"flow": quote(flow_id), "party": _party_text(index, column[primary] or "")}
            yield Finding(
                message=(
                    _(
                        "The flow {flow} runs from {party}, which is not a supplier; value flows "
                        "from supply to demand.",
                        **fields,
                    )
                    if side == "from"
                    else _(
                        "The flow {flow} runs to {party}, which is neither a demander nor an end "
                        "customer; value flows from supply to demand.",
                        **fields,
                    )
                ),
                path=f"flows[{position}].{side}",
                subject=flow_id,
            )
    yield from _crooked_counter_flows(canvas, index)


def _crooked_counter_flows(canvas: Canvas, index: CanvasIndex) -> Iterator[Finding]:
    flows = canvas.flows
    for position, forward in index.forward_flow_positions.items():
        if forward is None:
            continue  # an unknown flow is CMC022's business, an ambiguous id CMC023's
        flow, original = flows[position], flows[forward]
        if flow.from_party == original.to_party and flow.to_party == original.from_party:
            continue
        yield Finding(
            message=_(
                "The flow {flow} is the counter-flow of {original} but does not run the reverse "
                "way: it must run from {start} to {end}.",
                flow=quote(flow.id),
                original=quote(original.id),
                start=quote(original.to_party or "?"),
                end=quote(original.from_party or "?"),
            ),
            path=f"flows[{position}].counter_of",
            subject=flow.id,
        )


@rule(
    code="CMC011",
    name="flow-integrity",
    severity=Severity.ERROR,
    title=N_("Every flow carries a known value between two distinct known parties"),
    rationale=N_(
        "Basic integrity of the exchanged values (block B5, workshop topic 5 [seed]): a "
        "flow has a value, a party it comes from and a different party it goes to, and "
        "each of them is on the canvas, inside the boundary or explicitly external [S2]. A "
        "party that stands for a group of organisations (``represents``) may trade within "
        'itself: bank to bank inside "the issuing banks" is a flow between two '
        "organisations."
    ),
    source="domain.md 3.4 V11; [seed], [S2]",
)
def flow_integrity(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per flow field that is missing, unknown, or a flow to itself."""
    index = context.index
    sides: tuple[Side, ...] = ("from", "to")
    fields = [
        ("value", "value", index.value_keys & MISSING, index.unknown_values(index.value_keys))
    ]
    for side in sides:
        used = index.primary_keys(side), index.counter_keys(side)
        missing = frozenset(key for key in MISSING if key in used[0] or key in used[1])
        fields.append((side, f"{side}_party", missing, index.unknown_flow_parties(side)))
    for key, field, missing, unknown in fields:
        if not missing and not unknown:
            continue
        column = index.flow_column(field)
        for position in index.positions(column, missing | unknown):
            reference = column[position]
            flow_id = canvas.flows[position].id
            text = _flow_field_text(key, quote(flow_id), reference)
            yield Finding(message=text, path=f"flows[{position}].{key}", subject=flow_id)
    if index.may_have_self_loops:
        froms = index.flow_froms
        for position in compress(count(), map(eq, froms, index.flow_tos)):
            party_id = froms[position]
            party = index.party(party_id) if party_id else None
            if party_id not in MISSING and (party is None or party.organisations == 1):
                flow = canvas.flows[position]
                yield Finding(
                    message=_(
                        "The flow {flow} runs from {party} to itself; a flow connects two "
                        "distinct parties.",
                        flow=quote(flow.id),
                        party=_party_text(index, party_id or ""),
                    ),
                    path=f"flows[{position}].to",
                    subject=flow.id,
                )


def _flow_field_text(key: str, flow: str, reference: object) -> str:
    """Why a flow's value, ``from`` or ``to`` does not resolve: missing, or naming nothing."""
    if reference in MISSING:
        if key == "value":
            return _("The flow {flow} has no value.", flow=flow)
        if key == "from":
            return _("The flow {flow} has no from.", flow=flow)
        return _("The flow {flow} has no to.", flow=flow)
    named = quote(str(reference))
    if key == "value":
        return _(
            "The flow {flow} refers to {named} as its value, which is not a value of the canvas.",
            flow=flow,
            named=named,
        )
    if key == "from":
        return _(
            "The flow {flow} refers to {named} as its from, which is not a party of the canvas.",
            flow=flow,
            named=named,
        )
    return _(
        "The flow {flow} refers to {named} as its to, which is not a party of the canvas.",
        flow=flow,
        named=named,
    )
