"""Rules about referential integrity: every reference resolves and every id is unique.

CMC022 references-resolve and CMC023 unique-ids. A canvas half filled in during a workshop must
still load, so the model accepts dangling references and repeated ids; these rules report them.
The party and value references of the flows themselves are CMC011's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any, NamedTuple

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.fields import FLOW, Kind
from cmc_core.rules.builtin._common import describe, join_and, plural, quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex, IdUse
from cmc_core.shape import Reference, references, singles
from cmc_core.translation import N_, Messages, current_language
from cmc_core.vocabulary import Language

__all__ = ["references_resolve", "unique_ids"]

_ = Messages("cmc_core", "rules")

#: The flow fields rule CMC011 checks (a flow's value and its two ends); CMC022 checks the rest.
FLOW_FIELDS_OF_CMC011 = frozenset({"value", "from_party", "to_party"})

#: How a message names a record held once by the canvas (otherwise "The <field name>").
_SINGLE_WORDS = {
    "meta": N_("The canvas metadata"),
    "end_customer": N_("The end customer"),
    "boundary": N_("The boundary"),
    "governance": N_("The governance"),
    "waste": N_("The waste"),
}
#: How a message names what a reference field holds, where the field's name does not say it.
_ROLE_WORDS = {
    "exclusive_to": N_("the party it is exclusive to"),
    "counter_value": N_("its counter-value"),
    "step": N_("its process step"),
    "counter_of": N_("the flow it answers (counter_of)"),
    "access_set_by": N_("one who decides its access (access_set_by)"),
    "favours": N_("a party its terms favour"),
    "co_stewards": N_("a co-steward"),
    "owners": N_("an owner"),
    "sources": N_("a source"),
}
#: The other reference fields' words, for a language other than English, which names them
#: without the article English gives them ("its steward", "a holder").
_FIELD_WORDS = {
    "steward": N_("steward"),
    "users": N_("user"),
    "holders": N_("holder"),
    "holder": N_("holder"),
    "parties": N_("party"),
    "party": N_("party"),
    "instruments": N_("instrument"),
    "organisation": N_("organisation"),
    "focal_party": N_("focal party"),
    "owner": N_("owner"),
}


class _Referrer(NamedTuple):
    """Who refers, where, and to what kind of entity: the wording of a CMC022 finding."""

    owner: str  # "The commonality 'Port platform' (c-platform)"
    subject: str | None
    reference: Reference

    def finding(self, name: str, path: str) -> Finding:
        language = current_language()
        reference = self.reference
        role_words = _ROLE_WORDS.get(reference.name)
        if role_words is not None:
            what = _.translate(role_words)
        elif language is Language.EN:
            what = _role(reference)
        else:
            field = _FIELD_WORDS.get(reference.name)
            what = _.translate(field) if field is not None else reference.name
        if language is Language.EN:
            kind = _with_article(reference.kind.singular())
        else:
            kind = reference.kind.singular(language)
        return Finding(
            message=_(
                "{owner} names {name} as {what}, which is not {kind} of the canvas.",
                owner=self.owner,
                name=quote(name),
                what=what,
                kind=kind,
            ),
            path=path,
            subject=self.subject,
        )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _entity_owner(kind: Kind, entity: str) -> str:
    """``The party 'X' (p-x)`` (``Partij 'X' (p-x)`` in Dutch): who refers, as a message's
    subject."""
    language = current_language()
    return _capitalised(_("The {kind} {entity}", kind=kind.singular(language), entity=entity))


def _single_owner(name: str, words: str) -> str:
    """How a message names a record held once by the canvas, such as ``The boundary``."""
    known = _SINGLE_WORDS.get(name)
    return _.translate(known) if known is not None else f"The {words}"


def _with_article(words: str) -> str:
    return f"{'an' if words[:1] in 'aeio' else 'a'} {words}"  # 'a user', 'an instrument'


def _role(reference: Reference) -> str:
    """``its steward`` for a single reference, ``a holder`` for one of a list."""
    words = reference.name.replace("_", " ")
    if not reference.many:
        return f"its {words}"
    singular = words[:-3] + "y" if words.endswith("ies") else words.removesuffix("s")
    return _with_article(singular)


def _describe(entity: Any) -> str:
    """``'Name' (id)`` as other messages name entities, or ``'id'`` for a kind without names
    (a resistance, a decision right)."""
    return describe(entity) if isinstance(getattr(entity, "name", None), str) else quote(entity.id)


def _unresolved(
    referrer: _Referrer, record: object, path: str, index: CanvasIndex
) -> Iterator[Finding]:
    """A finding per reference of ``record`` in the referrer's field that resolves to nothing."""
    reference = referrer.reference
    given = reference.read(record)
    unknown = index.unknown(reference.kind, given) if given else frozenset()
    if not unknown:
        return
    for where, name in reference.located(record):
        if name in unknown:
            yield referrer.finding(name, f"{path}.{where}")


@rule(
    code="CMC022",
    name="references-resolve",
    severity=Severity.ERROR,
    title=N_("Every reference names a party, value, flow, source or process step of the canvas"),
    rationale=N_(
        'The canvas is a set of elements "en de relaties daartussen" (and the relations '
        "between them) [S1b]. Relations are written as ids, and a canvas may be saved half "
        "filled in, so validation checks that each one resolves: stewards, users, "
        "exclusivity, process-area parties, resistance holders, decision-right holders, "
        "boundary instruments, counter-values, counter-flows, process steps, owner and "
        "focal party, co-stewards, owners, favoured parties, those who decide access, and "
        "sources."
    ),
    source="domain.md 3.1, 3.3; [S1b]",
)
def references_resolve(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per reference that does not resolve.

    Every reference field the model declares is checked (:mod:`cmc_core.shape`), except the
    flow fields CMC011 checks; the flows are read through the index's columns.
    """
    index = context.index
    for single in singles(type(canvas)):
        record = single.read(canvas)
        owner = _single_owner(single.name, single.path[-1].replace("_", " "))
        for reference in _checked(index, type(record)):
            referrer = _Referrer(owner, None, reference)
            yield from _unresolved(referrer, record, single.name, index)
    for collection in index.collections:
        if collection.name == "flows":
            yield from _flow_references(canvas, index, collection.entity)
            continue
        entities = collection.read(canvas)
        declared = tuple(
            r for r in _checked(index, collection.entity) if _may_dangle(index, r, entities)
        )
        if not declared and all(type(entity) is collection.entity for entity in entities):
            continue  # every reference of every entity resolves: proved a field at a time
        checked: dict[type, tuple[Reference, ...]] = {collection.entity: declared}
        for position, entity in enumerate(entities):
            kind = type(entity)  # a subclass may add references
            fields = checked.get(kind)
            if fields is None:
                fields = checked[kind] = _checked(index, kind)
            if not fields:
                continue
            owner = _entity_owner(collection.kind, _describe(entity))
            path = f"{collection.name}[{position}]"
            for reference in fields:
                referrer = _Referrer(owner, entity.id, reference)
                yield from _unresolved(referrer, entity, path, index)


def _may_dangle(index: CanvasIndex, reference: Reference, entities: Sequence[Any]) -> bool:
    """Whether some entity's reference in this field may name nothing: the field's distinct
    names, gathered with C-level passes, include an unknown one."""
    values = map(attrgetter(reference.name), entities)
    if reference.part is not None:  # lists of items: the items' references
        names: Iterable[Any] = map(attrgetter(reference.part), chain.from_iterable(values))
    elif reference.many:
        names = chain.from_iterable(values)
    else:
        names = values
    given = frozenset(names) - {None, ""}
    return bool(given) and bool(index.unknown(reference.kind, given))


def _checked(index: CanvasIndex, record: type) -> tuple[Reference, ...]:
    """The reference fields of ``record`` that name something the canvas must hold."""
    return tuple(r for r in references(record) if index.resolves(r.kind))


def _flow_references(canvas: Canvas, index: CanvasIndex, declared: type) -> Iterator[Finding]:
    """The flows' references: a column at a time for the single references of the declared
    flow class (positions are read only for unknown ones); flow by flow for lists of references
    and for the fields a subclass adds, which only the flows of that subclass have."""
    flows = canvas.flows
    checked = [r for r in _checked(index, declared) if r.name not in FLOW_FIELDS_OF_CMC011]
    for reference in (r for r in checked if r.many):
        # Lists of references (a flow's sources): their distinct names in one C-level pass,
        # and the flows read one by one only when some name is unknown.
        named = frozenset(chain.from_iterable(map(attrgetter(reference.name), flows)))
        if named and index.unknown(reference.kind, named):
            yield from _each_flow(flows, index, reference, range(len(flows)))
    inherited = {reference.name for reference in references(declared)}
    for subclass in sorted(index.sweep.flow_types - {declared}, key=lambda t: t.__name__):
        own = [r for r in _checked(index, subclass) if r.name not in inherited]
        if own:
            of_subclass = [
                position for position, flow in enumerate(flows) if type(flow) is subclass
            ]
            for reference in own:
                yield from _each_flow(flows, index, reference, of_subclass)
    for reference in (r for r in checked if not r.many):
        unknown = index.unknown(reference.kind, index.flow_keys(reference.name))
        if not unknown:
            continue
        column = index.flow_column(reference.name)
        for position in index.positions(column, unknown):
            flow_id = canvas.flows[position].id
            referrer = _Referrer(_entity_owner(FLOW, quote(flow_id)), flow_id, reference)
            yield referrer.finding(str(column[position]), f"flows[{position}].{reference.file_key}")


def _each_flow(
    flows: Sequence[Any], index: CanvasIndex, reference: Reference, positions: Iterable[int]
) -> Iterator[Finding]:
    for position in positions:
        flow = flows[position]
        referrer = _Referrer(_entity_owner(FLOW, quote(flow.id)), flow.id, reference)
        yield from _unresolved(referrer, flow, f"flows[{position}]", index)


def _collection(use: IdUse) -> str:
    return use.path.rsplit("[", 1)[0]


def _words(index: CanvasIndex, collection: str) -> tuple[str, str]:
    kind: Kind = next(c.kind for c in index.collections if c.name == collection)
    language = current_language()
    return kind.singular(language), kind.plural(language)


@rule(
    code="CMC023",
    name="unique-ids",
    severity=Severity.ERROR,
    title=N_("Every id names one entity only"),
    rationale=N_(
        "Every entity of the canvas has a stable id, and references between entities are "
        "written as ids (issue 2, item 2; domain.md 3.3). An id used twice makes every "
        "reference to it ambiguous. Ids are unique across all collections and the decision "
        "rights."
    ),
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
        kinds = Counter(_words(index, _collection(use)) for use in uses)
        described = join_and(plural(number, *words) for words, number in sorted(kinds.items()))
        message = _(
            "The id {id} is used by {count} entities ({described}); an id must name one entity "
            "only.",
            id=quote(entity_id),
            count=len(uses),
            described=described,
        )
        for use in uses[1:]:
            yield Finding(message=message, path=f"{use.path}.id", subject=entity_id)
