"""Rules about referential integrity: every reference resolves and every id is unique.

CMC022 references-resolve and CMC023 unique-ids. A canvas half filled in during a workshop must
still load, so the model accepts dangling references and repeated ids; these rules report them.
The party and value references of the flows themselves are CMC011's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.rules.builtin._common import describe, plural, quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import MISSING, CanvasIndex, IdUse

__all__ = ["references_resolve", "unique_ids"]

#: The singular of each id-carrying collection, for messages.
_ENTITY_WORDS = {
    "parties": ("party", "parties"),
    "values": ("value", "values"),
    "flows": ("flow", "flows"),
    "process_areas": ("process area", "process areas"),
    "commonalities": ("commonality", "commonalities"),
    "developments": ("development", "developments"),
    "resistances": ("resistance", "resistances"),
    "governance.decision_rights": ("decision right", "decision rights"),
}


class _Referrer(NamedTuple):
    """Who refers, where, and to what kind of entity: the wording of a CMC022 finding."""

    owner: str  # "The commonality 'Port platform' (c-platform)"
    path: str  # "commonalities[0].users"
    subject: str | None
    what: str  # "a user"
    kind: str  # "a party"

    def finding(self, reference: str, path: str) -> Finding:
        return Finding(
            message=(
                f"{self.owner} names {quote(reference)} as {self.what}, which is not {self.kind} "
                "of the canvas."
            ),
            path=path,
            subject=self.subject,
        )


#: Gives the references, among some, that resolve to nothing.
Resolver = Callable[[Iterable[str]], AbstractSet[str]]


def _unresolved(
    referrer: _Referrer, references: Sequence[str], unknown_of: Resolver
) -> Iterator[Finding]:
    """A finding per reference in a list (at ``path[slot]``) that resolves to nothing."""
    unknown = unknown_of(references)
    if unknown:
        for slot, reference in enumerate(references):
            if reference in unknown:
                yield referrer.finding(reference, f"{referrer.path}[{slot}]")


def _unresolved_one(
    referrer: _Referrer, reference: str | None, unknown_of: Resolver
) -> Iterator[Finding]:
    """A finding when a single optional reference is set but resolves to nothing."""
    if reference and unknown_of((reference,)):
        yield referrer.finding(reference, referrer.path)


@rule(
    code="CMC022",
    name="references-resolve",
    severity=Severity.ERROR,
    title="Every reference names a party, value, flow or process step of the canvas",
    rationale="""The canvas is a set of elements "en de relaties daartussen" (and the relations
        between them) [S1b]. Relations are written as ids, and a canvas may be saved half
        filled in, so validation checks that each one resolves: stewards, users, exclusivity,
        process-area parties, resistance holders, decision-right holders, boundary
        instruments, counter-values, counter-flows, process steps, owner and focal party.""",
    source="domain.md 3.1, 3.3; [S1b]",
)
def references_resolve(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per reference that does not resolve."""
    index = context.index
    parties = index.unknown_parties
    for position, commonality in enumerate(canvas.commonalities):
        owner = f"The commonality {describe(commonality)}"
        path = f"commonalities[{position}]"
        steward = _Referrer(owner, f"{path}.steward", commonality.id, "its steward", "a party")
        yield from _unresolved_one(steward, commonality.steward, parties)
        if not index.lists_every_inside_market_party(commonality.users):
            users = _Referrer(owner, f"{path}.users", commonality.id, "a user", "a party")
            yield from _unresolved(users, commonality.users, parties)
        exclusive = _Referrer(
            owner, f"{path}.exclusive_to", commonality.id, "the party it is exclusive to", "a party"
        )
        yield from _unresolved(exclusive, commonality.exclusive_to, parties)
    for position, area in enumerate(canvas.process_areas):
        owner = f"The process area {describe(area)}"
        members = _Referrer(
            owner, f"process_areas[{position}].parties", area.id, "a party", "a party"
        )
        yield from _unresolved(members, area.parties, parties)
    for position, resistance in enumerate(canvas.resistances):
        owner = f"The resistance {quote(resistance.id)}"
        holder = _Referrer(
            owner, f"resistances[{position}].holder", resistance.id, "its holder", "a party"
        )
        yield from _unresolved_one(holder, resistance.holder, parties)
    for position, right in enumerate(canvas.governance.decision_rights):
        owner = f"The decision right {quote(right.id)}"
        path = f"governance.decision_rights[{position}].holders"
        yield from _unresolved(
            _Referrer(owner, path, right.id, "a holder", "a party"), right.holders, parties
        )
    instruments = _Referrer(
        "The boundary", "boundary.instruments", None, "an instrument", "a value"
    )
    yield from _unresolved(instruments, canvas.boundary.instruments, index.unknown_values)
    for field in ("owner", "focal_party"):
        what = f"its {field.replace('_', ' ')}"
        referrer = _Referrer("The canvas metadata", f"meta.{field}", None, what, "a party")
        yield from _unresolved_one(referrer, getattr(canvas.meta, field), parties)
    yield from _flow_references(canvas, index)


def _flow_references(canvas: Canvas, index: CanvasIndex) -> Iterator[Finding]:
    checks = (
        (
            "counter_value",
            index.counter_value_keys - index.value_ids,
            "its counter-value",
            "a value",
        ),
        ("step", index.step_keys - set(canvas.process_steps), "its process step", "a process step"),
    )
    for field, unresolved, what, kind in checks:
        unknown = unresolved - MISSING
        if not unknown:
            continue
        column = index.flow_column(field)
        for position in index.positions(column, unknown):
            flow_id = canvas.flows[position].id
            referrer = _Referrer(f"The flow {quote(flow_id)}", "", flow_id, what, kind)
            yield referrer.finding(str(column[position]), f"flows[{position}].{field}")
    repeated = index.flow_id_column.duplicates
    for position, forward in index.forward_flow_positions.items():
        flow = canvas.flows[position]
        if forward is None and flow.counter_of not in repeated:
            what = "the flow it answers (counter_of)"
            referrer = _Referrer(f"The flow {quote(flow.id)}", "", flow.id, what, "a flow")
            yield referrer.finding(flow.counter_of or "", f"flows[{position}].counter_of")


def _collection(use: IdUse) -> str:
    return use.path.rsplit("[", 1)[0]


@rule(
    code="CMC023",
    name="unique-ids",
    severity=Severity.ERROR,
    title="Every id names one entity only",
    rationale="""Every entity of the canvas has a stable id, and references between entities are
        written as ids (issue 2, item 2; domain.md 3.3). An id used twice makes every reference
        to it ambiguous. Ids are unique across all collections and the decision rights.""",
    source="domain.md 3.3; issue 2 item 2",
)
def unique_ids(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding for every use of an id after its first, in document order."""
    index = context.index
    repeated = index.repeated_ids
    if not repeated:
        return
    by_id: dict[str, list[IdUse]] = {}
    for use in index.id_uses(repeated):
        by_id.setdefault(use.id, []).append(use)
    for entity_id, uses in by_id.items():
        kinds = Counter(_ENTITY_WORDS[_collection(use)] for use in uses)
        described = " and ".join(plural(number, *words) for words, number in sorted(kinds.items()))
        message = (
            f"The id {quote(entity_id)} is used by {len(uses)} entities ({described}); an id "
            "must name one entity only."
        )
        for use in uses[1:]:
            yield Finding(message=message, path=f"{use.path}.id", subject=entity_id)
