"""From answers to a canvas and back: what the bindings of the questions mean.

Answers are applied to the canvas in its file form (:func:`cmc_core.fileformat.to_dict`), so the
file format's own checks and messages apply to them, and a canvas turned into answers
(:func:`answers_from_canvas`) and back gives the same canvas.

- A text, number or choice answer sets its field (``end_customer.customer``,
  ``factors.vision.maturity``, ``notes.boundary``).
- A ``text_list`` answer sets a list field (``boundary.inclusion_criteria``).
- An entity-list answer adds entities to its collection, or updates those with the same id; an
  entity without an id gets one from its name (``Alpha Shipping`` -> ``p-alpha-shipping``). A
  parties answer bound with a role gives every listed party that role. References to parties
  (a flow's ``from`` and ``to``, a commonality's ``steward`` ...) may use a party's name; they
  must name a party the canvas knows. In the same way a flow's ``value`` and ``counter_value``
  and the boundary's instruments may use a value's name, and must name a known value.

Which fields are references, to what, and how generated ids start, is read from the model's
declarations (:mod:`cmc_core.shape`): a reference inside an entity or in a list answer, to a kind
of entity that has names, may be given by name. A single reference outside the entities (the
canvas's ``meta.focal_party``) is taken as it is written: it may be answered before the party
it names is known.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.fields import Kind
from cmc_core.naming import cut_at_word
from cmc_core.questionnaires.answers import Answer, AnswerError, AnswersError, AnswerSet
from cmc_core.questionnaires.model import Question, Questionnaire
from cmc_core.shape import (
    Collection,
    Reference,
    collections,
    fields,
    label_field,
    per_type,
    references,
    singles,
)
from cmc_core.translation import Messages, current_language

_ = Messages("cmc_core", "questionnaires")

__all__ = ["answers_from_canvas", "applicable", "apply_answers", "bound_questions"]


@functools.cache
def _collections() -> dict[str, Collection]:
    return {collection.name: collection for collection in collections(Canvas)}


@functools.cache
def _named_collections() -> dict[str, Collection]:
    """The collections whose entities have names, by the name of their kind: references to
    them may be answered with a name."""
    return {
        c.kind.name: c
        for c in collections(Canvas)
        if any(f.name == "name" for f in fields(c.entity))
    }


@per_type
def _by_name(record: type) -> tuple[Reference, ...]:
    """The reference fields of ``record`` that may be answered with names."""
    return tuple(
        r for r in references(record) if r.kind.name in _named_collections() and r.part is None
    )


@functools.cache
def _list_references() -> dict[str, Reference]:
    """The list answers that hold references, by target (``boundary.instruments``)."""
    return {
        f"{single.name}.{reference.file_key}": reference
        for single in singles(Canvas)
        for reference in _by_name(single.record)
        if reference.many
    }


def applicable(question: Question, answers: AnswerSet) -> bool:
    """Whether a question is asked, given the answers so far (its condition holds)."""
    condition = question.condition
    if condition is None:
        return True
    given = answers.value(condition.question)
    if given is None:
        return False
    values = given if isinstance(given, list) else [given]
    spelled = {("yes" if v else "no") if isinstance(v, bool) else str(v) for v in values}
    return bool(spelled & set(condition.values))


def bound_questions(questionnaires: Iterable[Questionnaire]) -> Iterator[Question]:
    """Every question with a binding, in order."""
    for questionnaire in questionnaires:
        yield from (q for q in questionnaire.questions if q.binding is not None)


def apply_answers(
    canvas: Canvas, questionnaires: Sequence[Questionnaire], answers: AnswerSet
) -> Canvas:
    """The canvas with every applicable, bound answer filled in, in question order.

    :raises AnswersError: with one :class:`AnswerError` per answer that does not fit the canvas
        (an unknown party, a value the file format refuses).
    """
    from cmc_core.fileformat import CanvasLoadError, from_dict, to_dict

    document = to_dict(canvas)
    errors: list[AnswerError] = []
    owners: list[tuple[str, str]] = []  # (path prefix, question id) for the file format's errors
    for question in bound_questions(questionnaires):
        answer = answers.get(question.id)
        if answer is None or not applicable(question, answers):
            continue
        try:
            owners.append(_apply(document, question, answer))
        except AnswerError as error:
            errors.append(error)
    if errors:
        raise AnswersError(tuple(errors))
    try:
        return from_dict(document)
    except CanvasLoadError as error:
        raise AnswersError(
            tuple(_owner_error(problem.path, problem.message, owners) for problem in error.problems)
        ) from None


def _owner_error(path: str, message: str, owners: list[tuple[str, str]]) -> AnswerError:
    for prefix, question in reversed(owners):
        if path == prefix or path.startswith((prefix + ".", prefix + "[")):
            return AnswerError(question, message)
    return AnswerError("?", message)


def _apply(document: dict[str, Any], question: Question, answer: Answer) -> tuple[str, str]:
    assert question.binding is not None
    target = question.binding.target
    if target in _collections():
        _merge_entities(document, question, answer.value)
        return target, question.id
    value = answer.value
    listed = _list_references().get(target)
    if listed is not None:
        value = _resolve_list(question, value, _known(document, listed), listed.kind)
    *parents, last = target.split(".")
    node = document
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value
    return target, question.id


def _collection(document: dict[str, Any], target: str) -> list[dict[str, Any]]:
    """The entries of a collection in the document, made where missing."""
    *parents, last = _collections()[target].path
    node = document
    for key in parents:
        node = node.setdefault(key, {})
    entries: list[dict[str, Any]] = node.setdefault(last, [])
    return entries


def _known(document: dict[str, Any], reference: Reference) -> list[dict[str, Any]]:
    """The entries a reference may name, as the document holds them so far."""
    node: Any = document
    for key in _named_collections()[reference.kind.name].path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "item"


def _new_id(target: str, entry: dict[str, Any], taken: set[str]) -> str:
    """A readable id: from the entity's name (its label field: a decision right's subject, a
    development's description), a flow's from, to and value, else a number."""
    collection = _collections()[target]
    label = None
    if target != "flows":  # a flow is named by its ends
        field = label_field(collection.entity)
        label = (entry.get(field) if field else None) or entry.get("description")
    else:
        label = "-".join(str(entry.get(key) or "") for key in ("from", "to", "value"))
    prefix = _collections()[target].kind.id_prefix
    if not label or _slug(str(label)) == "item":
        number = len(taken) + 1
        while f"{prefix}-{number}" in taken:
            number += 1
        return f"{prefix}-{number}"
    base = f"{prefix}-{cut_at_word(_slug(str(label)), 40)}"  # whole words only
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _merge_entities(document: dict[str, Any], question: Question, entries: list[Any]) -> None:
    assert question.binding is not None
    target = question.binding.target
    collection = _collection(document, target)
    by_id = {str(entry.get("id")): entry for entry in collection}
    named = _by_name(_collections()[target].entity)
    for position, raw in enumerate(entries, start=1):
        entry = dict(raw)
        for reference in named:
            known = _known(document, reference)
            _resolve_field(question, position, entry, known, reference)
        identifier = entry.get("id")
        if identifier is None or identifier == "":
            identifier = _known_by_name(collection, entry) or _new_id(target, entry, set(by_id))
            entry["id"] = identifier
        for field, default in question.binding.defaults:
            entry.setdefault(field, default)
        role = question.binding.role
        if role is not None and str(role) not in entry.setdefault("roles", []):
            entry["roles"] = [*entry["roles"], str(role)]
        existing = by_id.get(str(identifier))
        if existing is None:
            collection.append(entry)
            by_id[str(identifier)] = entry
        else:
            roles = [*existing.get("roles", []), *entry.get("roles", [])]
            existing.update(entry)
            if roles:
                existing["roles"] = list(dict.fromkeys(roles))


def _known_by_name(collection: list[dict[str, Any]], entry: dict[str, Any]) -> str | None:
    name = entry.get("name")
    if not name:
        return None
    for existing in collection:
        if existing.get("name") == name:
            return str(existing["id"])
    return None


def _resolve_field(
    question: Question,
    position: int,
    entry: dict[str, Any],
    known: list[dict[str, Any]],
    reference: Reference,
) -> None:
    """Turn names into ids in one reference field of one entity."""
    field = reference.file_key
    if field not in entry or entry[field] is None:
        return
    many = isinstance(entry[field], list)
    try:
        resolved = [
            _resolve(question, str(name), known, reference.kind)
            for name in (entry[field] if many else [entry[field]])
        ]
    except AnswerError as error:
        raise AnswerError(
            question.id,
            _(
                "item {position}: {field} {reason}",
                position=position,
                field=field,
                reason=error.reason,
            ),
        ) from None
    entry[field] = resolved if many else resolved[0]


def _resolve_list(
    question: Question, items: list[Any], known: list[dict[str, Any]], kind: Kind
) -> list[str]:
    """A list answer of references (the boundary's instruments) with names turned into ids."""
    resolved = []
    for position, item in enumerate(items, start=1):
        try:
            resolved.append(_resolve(question, str(item), known, kind))
        except AnswerError as error:
            raise AnswerError(
                question.id, _("item {position} {reason}", position=position, reason=error.reason)
            ) from None
    return resolved


def _resolve(question: Question, text: str, known: list[dict[str, Any]], kind: Kind) -> str:
    """The id of the known entity with this id or (in any case) this name.

    :raises AnswerError: when no entity has it, listing the ids there are and naming the
        closest name (``Supercoop`` for ``SuperCoop Geldermalsen``).
    """
    ids = [str(entity.get("id")) for entity in known]
    if text in ids:
        return text
    wanted = text.casefold()
    for entity in known:
        if str(entity.get("name")).casefold() == wanted:
            return str(entity.get("id"))
    listed = ", ".join(sorted(set(ids))) or _("none yet")
    reason = _(
        "names the unknown {kind} {text!r}; the known {kinds} are: {listed}",
        kind=kind.singular(current_language()),
        text=text,
        kinds=kind.plural(current_language()),
        listed=listed,
    )
    close = _closest(text, [str(entity.get("name") or "") for entity in known])
    if close is not None:
        reason += ". " + _("Did you mean {close!r}?", close=close)
    raise AnswerError(question.id, reason)


def _closest(text: str, names: list[str]) -> str | None:
    """The known name that ``text`` probably means: one starts with the other when compared
    without case, spaces and punctuation, or they are alike but for a typo."""
    import difflib

    def folded(name: str) -> str:
        return re.sub(r"[^a-z0-9]+", "", _slug(name))

    short = folded(text)
    by_folded = {folded(name): name for name in names if name}
    for other, name in by_folded.items():
        shorter, longer = sorted((short, other), key=len)
        if len(shorter) >= 4 and longer.startswith(shorter):
            return name
    alike = [other for other in by_folded if abs(len(other) - len(short)) <= 2]
    close = difflib.get_close_matches(short, alike, n=1, cutoff=0.85)
    return by_folded[close[0]] if close else None


def answers_from_canvas(
    canvas: Canvas, questionnaires: Sequence[Questionnaire]
) -> tuple[AnswerSet, tuple[str, ...]]:
    """The answers that fill this canvas, and the paths of content no question covers.

    Each field goes to the first question bound to it without a role, defaults or condition, so
    that applying the answers gives the field back exactly; an entity collection goes whole to
    one question. Content with no such question is reported, not guessed.
    """
    from cmc_core.fileformat import to_dict

    document = to_dict(canvas)
    document.pop("$schema", None)
    document.pop("schema_version", None)
    chosen: dict[str, Question] = {}
    for question in bound_questions(questionnaires):
        assert question.binding is not None
        target = question.binding.target
        if target not in chosen and _plain(question):
            chosen[target] = question
    answers = AnswerSet(language=canvas.meta.language)
    for target, question in chosen.items():
        value = _take(document, target)
        if value is not None:
            answers = answers.with_answer(Answer(question.id, value))
    return answers, tuple(_leftover_paths(document))


def _plain(question: Question) -> bool:
    """Whether a question fills its field exactly as answered (no role, defaults or condition)."""
    binding = question.binding
    assert binding is not None
    return binding.role is None and not binding.defaults and question.condition is None


def _take(document: dict[str, Any], target: str) -> Any:
    *parents, last = target.split(".")
    node: Any = document
    for key in parents:
        node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return None
    if not isinstance(node, dict):
        return None
    return node.pop(last, None)


def _leftover_paths(document: dict[str, Any], prefix: str = "") -> Iterator[str]:
    for key, value in document.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from _leftover_paths(value, path)
        elif value not in (None, [], ""):
            yield path
