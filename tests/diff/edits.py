"""A Hypothesis strategy of edited canvases: a valid canvas, a copy with random edits made
through the model's own editing helpers, and the changes each edit must show in a diff.

Every edit touches its own place (one entity, one field, one factor, principle or note, one
collection's order), so that the expected diff is simply the union of what each edit says.
The expectations are written from the meaning of an edit ("the party was renamed"), not
computed by a second diff algorithm.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from cmc_core import Canvas
from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.diffing import Change, ChangeKind, Reordering, id_segment
from cmc_core.model import DecisionRight, Development, Party, Resistance, Value, ValueFlow
from cmc_core.strategies import awkward_text, valid_canvases
from cmc_core.vocabulary import FactorKey, PrincipleKey, PrincipleStatus, Role, Status

__all__ = ["Edited", "edited_canvases"]

#: The block of each collection (parties are placed by their roles, see ``party_block``).
COLLECTION_BLOCKS: dict[str, BlockKey] = {
    "values": BlockKey.VALUES_EXCHANGED,
    "flows": BlockKey.VALUES_EXCHANGED,
    "process_areas": BlockKey.COOPERATION_COMPETITION,
    "commonalities": BlockKey.COMMONALITY,
    "developments": BlockKey.DEVELOPMENTS,
    "resistances": BlockKey.RESISTANCES,
    "governance.decision_rights": BlockKey.GOVERNANCE,
}
RECORD_BLOCKS: dict[str, BlockKey | None] = {
    "meta": None,
    "end_customer": BlockKey.END_CUSTOMER_VALUE,
    "boundary": BlockKey.BOUNDARY,
    "governance": BlockKey.GOVERNANCE,
    "waste": BlockKey.WASTE_REDUCTION,
}
FACTOR_BLOCKS = {block.factor: block.key for block in BLOCKS if block.factor is not None}


def party_block(party: Party) -> BlockKey:
    """Where the docs say a party belongs: Suppliers, else Demanders, else Stakeholders."""
    if Role.SUPPLIER in party.roles:
        return BlockKey.SUPPLIERS
    return BlockKey.DEMANDERS if Role.DEMANDER in party.roles else BlockKey.STAKEHOLDERS


@attrs.frozen
class Edited:
    """An original canvas, its edited copy, and what a diff between them must report."""

    old: Canvas
    new: Canvas
    changes: frozenset[Change]
    reordered: frozenset[Reordering]
    edits: tuple[str, ...]  # a description of each edit, for failure messages


class _Editor:
    """Applies edits to a canvas, one place at most once, recording the expected changes."""

    def __init__(self, draw: st.DrawFn, canvas: Canvas) -> None:
        self.draw, self.original, self.canvas = draw, canvas, canvas
        self.changes: set[Change] = set()
        self.reordered: set[Reordering] = set()
        self.edits: list[str] = []
        self.taken: set[object] = set()
        self.fresh = 0

    # -- helpers ---------------------------------------------------------------------------

    def text_unlike(self, old: str) -> str:
        new = self.draw(awkward_text())
        return new if new != old else old + " (edited)"

    def expect(
        self, kind: ChangeKind, path: str, block: BlockKey | None, old: Any, new: Any
    ) -> None:
        self.changes.add(Change(kind, path, block, old, new))

    def entities(self, collection: str) -> tuple[Any, ...]:
        if collection == "governance.decision_rights":
            return self.canvas.governance.decision_rights
        items: tuple[Any, ...] = getattr(self.canvas, collection)
        return items

    def set_entities(self, collection: str, items: tuple[Any, ...]) -> None:
        if collection == "governance.decision_rights":
            governance = attrs.evolve(self.canvas.governance, decision_rights=items)
            self.canvas = self.canvas.evolve(governance=governance)
        else:
            self.canvas = self.canvas.evolve(**{collection: items})

    def untouched(self, collection: str) -> list[Any]:
        return [
            item for item in self.entities(collection) if (collection, item.id) not in self.taken
        ]

    def block_of(self, collection: str, entity: Any) -> BlockKey:
        return party_block(entity) if collection == "parties" else COLLECTION_BLOCKS[collection]

    # -- the edits -------------------------------------------------------------------------

    def change_entity_text(self, collection: str) -> None:
        """Change one text field of one entity (a party's name, a flow's friction...)."""
        candidates = self.untouched(collection)
        if not candidates:
            return
        entity = self.draw(st.sampled_from(candidates))
        fields = [
            f for f in attrs.fields(type(entity)) if f.name != "id" and f.type in ("str", str)
        ]
        field = self.draw(st.sampled_from(fields))
        old = getattr(entity, field.name)
        new = self.text_unlike(old)
        edited = attrs.evolve(entity, **{field.name: new})
        if collection == "governance.decision_rights":
            items = tuple(
                edited if item.id == entity.id else item for item in self.entities(collection)
            )
            self.set_entities(collection, items)
        else:
            self.canvas = self.canvas.replace(edited)
        self.taken.add((collection, entity.id))
        path = f"{collection}{id_segment(entity.id)}.{field.name}"
        self.expect(ChangeKind.CHANGED, path, self.block_of(collection, entity), old, new)
        self.edits.append(f"set {path} to {new!r}")

    def remove_entity(self, collection: str) -> None:
        candidates = self.untouched(collection)
        if not candidates:
            return
        entity = self.draw(st.sampled_from(candidates))
        if collection == "governance.decision_rights":
            self.set_entities(
                collection, tuple(i for i in self.entities(collection) if i is not entity)
            )
        else:
            self.canvas = self.canvas.remove(entity.id)
        self.taken.add((collection, entity.id))
        self.taken.add(("membership", collection))
        path = f"{collection}{id_segment(entity.id)}"
        self.expect(ChangeKind.REMOVED, path, self.block_of(collection, entity), entity, None)
        self.edits.append(f"remove {path}")

    def add_entity(self, collection: str) -> None:
        self.fresh += 1
        new_id = f"added-{self.fresh}"
        text = self.draw(awkward_text())
        makers: dict[str, Callable[[], Any]] = {
            "parties": lambda: Party(new_id, text, (self.draw(st.sampled_from(list(Role))),)),
            "values": lambda: Value(new_id, text),
            "flows": lambda: ValueFlow(new_id, friction=text, via_commonality=True),
            "developments": lambda: Development(new_id, description=text),
            "resistances": lambda: Resistance(new_id, description=text),
            "governance.decision_rights": lambda: DecisionRight(new_id, text),
        }
        entity = makers[collection]()
        if collection == "governance.decision_rights":
            self.set_entities(collection, (*self.entities(collection), entity))
        else:
            self.canvas = self.canvas.add(entity)
        self.taken.add((collection, new_id))
        self.taken.add(("membership", collection))
        path = f"{collection}{id_segment(new_id)}"
        self.expect(ChangeKind.ADDED, path, self.block_of(collection, entity), None, entity)
        self.edits.append(f"add {path}")

    def change_record_text(self, record: str) -> None:
        """Change one text field of meta, end_customer, boundary, governance or waste."""
        value = getattr(self.canvas, record)
        fields = [
            f
            for f in attrs.fields(type(value))
            if f.type in ("str", str) and (record, f.name) not in self.taken
        ]
        if not fields:
            return
        field = self.draw(st.sampled_from(fields))
        old = getattr(value, field.name)
        new = self.text_unlike(old)
        self.canvas = self.canvas.evolve(**{record: attrs.evolve(value, **{field.name: new})})
        self.taken.add((record, field.name))
        path = f"{record}.{field.name}"
        self.expect(ChangeKind.CHANGED, path, RECORD_BLOCKS[record], old, new)
        self.edits.append(f"set {path} to {new!r}")

    def flip_status(self) -> None:
        if ("meta", "status") in self.taken:
            return
        old = self.canvas.meta.status
        new = Status.FINAL if old is Status.DRAFT else Status.DRAFT
        self.canvas = self.canvas.evolve(meta=attrs.evolve(self.canvas.meta, status=new))
        self.taken.add(("meta", "status"))
        self.expect(ChangeKind.CHANGED, "meta.status", None, old, new)
        self.edits.append(f"set meta.status to {new}")

    def write_note(self) -> None:
        key = self.draw(st.sampled_from(list(BlockKey)))
        if ("notes", key) in self.taken:
            return
        before = next((note for note in self.canvas.notes if note.key is key), None)
        old = "" if before is None else before.text
        new = "" if before is not None and self.draw(st.booleans()) else self.text_unlike(old)
        self.canvas = self.canvas.with_note(key, new)
        self.taken.add(("notes", key))
        path = f"notes.{key.value}"
        if before is None:
            self.expect(ChangeKind.ADDED, path, key, None, new)
        elif not new:
            self.expect(ChangeKind.REMOVED, path, key, old, None)
        else:
            self.expect(ChangeKind.CHANGED, path, key, old, new)
        self.edits.append(f"write {path}: {new!r}")

    def answer_factor(self) -> None:
        key = self.draw(st.sampled_from(list(FactorKey)))
        if ("factors", key) in self.taken:
            return
        before = next((f for f in self.canvas.factors if f.key is key), None)
        answer = self.text_unlike(before.answer if before else "")
        maturity = self.draw(st.none() | st.integers(0, 3))
        self.canvas = self.canvas.with_factor(key, answer, maturity)
        after = self.canvas.factor(key)
        self.taken.add(("factors", key))
        path, block = f"factors.{key.value}", FACTOR_BLOCKS[key]
        if before is None:
            self.expect(ChangeKind.ADDED, path, block, None, after)
        else:
            self.expect(ChangeKind.CHANGED, f"{path}.answer", block, before.answer, answer)
            if before.maturity != maturity:
                self.expect(
                    ChangeKind.CHANGED, f"{path}.maturity", block, before.maturity, maturity
                )
        self.edits.append(f"answer {path}: {answer!r}, maturity {maturity}")

    def assess_principle(self) -> None:
        key = self.draw(st.sampled_from(list(PrincipleKey)))
        if ("principles", key) in self.taken:
            return
        before = next((p for p in self.canvas.principles if p.key is key), None)
        status = self.draw(st.sampled_from(list(PrincipleStatus)))
        notes = self.text_unlike(before.notes if before else "")
        self.canvas = self.canvas.with_principle(key, status, notes)
        self.taken.add(("principles", key))
        path = f"principles.{key.value}"
        if before is None:
            self.expect(ChangeKind.ADDED, path, None, None, self.canvas.principle(key))
        else:
            if before.status is not status:
                self.expect(ChangeKind.CHANGED, f"{path}.status", None, before.status, status)
            self.expect(ChangeKind.CHANGED, f"{path}.notes", None, before.notes, notes)
        self.edits.append(f"assess {path}: {status}")

    def extend_process_steps(self) -> None:
        if "process_steps" in self.taken:
            return
        old = self.canvas.process_steps
        new = (*old, f"step-{len(old) + 1}")
        self.canvas = self.canvas.evolve(process_steps=new)
        self.taken.add("process_steps")
        self.expect(ChangeKind.CHANGED, "process_steps", BlockKey.COORDINATION, old, new)
        self.edits.append("add a process step")

    def reorder(self, collection: str) -> None:
        """Shuffle a collection no other edit added to or removed from: a note, no change."""
        if ("membership", collection) in self.taken or ("order", collection) in self.taken:
            return
        items = self.entities(collection)
        shuffled = tuple(self.draw(st.permutations(items)))
        self.set_entities(collection, shuffled)
        self.taken.add(("order", collection))
        old, new = tuple(i.id for i in items), tuple(i.id for i in shuffled)
        if old != new:
            block = None if collection == "parties" else COLLECTION_BLOCKS[collection]
            self.reordered.add(Reordering(collection, block, old, new))
        self.edits.append(f"reorder {collection}")

    def reorder_roles(self) -> None:
        """Swap the roles of a party that has several: a note, no change."""
        candidates = [p for p in self.untouched("parties") if len(set(p.roles)) > 1]
        if not candidates:
            return
        party = self.draw(st.sampled_from(candidates))
        roles = tuple(reversed(party.roles))
        self.canvas = self.canvas.replace(attrs.evolve(party, roles=roles))
        self.taken.add(("parties", party.id))
        path = f"parties{id_segment(party.id)}.roles"
        if roles != party.roles:  # a palindrome such as (supplier, demander, supplier) stays
            self.reordered.add(Reordering(path, party_block(party), party.roles, roles))
        self.edits.append(f"reverse {path}")


_ENTITY_COLLECTIONS = (
    "parties",
    "values",
    "flows",
    "process_areas",
    "commonalities",
    "developments",
    "resistances",
    "governance.decision_rights",
)
_ADDABLE = (
    "parties",
    "values",
    "flows",
    "developments",
    "resistances",
    "governance.decision_rights",
)
_RECORDS = ("meta", "end_customer", "boundary", "governance", "waste")


def _edit(editor: _Editor, draw: st.DrawFn) -> None:
    """One random edit of the kinds a workshop makes."""
    kind = draw(
        st.sampled_from(
            ["text", "remove", "add", "record", "status", "note", "factor", "principle", "steps"]
        )
    )
    if kind == "text":
        editor.change_entity_text(draw(st.sampled_from(_ENTITY_COLLECTIONS)))
    elif kind == "remove":
        editor.remove_entity(draw(st.sampled_from(_ENTITY_COLLECTIONS)))
    elif kind == "add":
        editor.add_entity(draw(st.sampled_from(_ADDABLE)))
    elif kind == "record":
        editor.change_record_text(draw(st.sampled_from(_RECORDS)))
    elif kind == "status":
        editor.flip_status()
    elif kind == "note":
        editor.write_note()
    elif kind == "factor":
        editor.answer_factor()
    elif kind == "principle":
        editor.assess_principle()
    else:
        editor.extend_process_steps()


@st.composite
def edited_canvases(draw: st.DrawFn, max_edits: int = 8) -> Edited:
    """A valid canvas and a copy with up to ``max_edits`` edits (and perhaps reorderings)."""
    original = draw(valid_canvases(max_parties=8, max_flows=10))
    editor = _Editor(draw, original)
    for _ in range(draw(st.integers(0, max_edits))):
        _edit(editor, draw)
    if draw(st.booleans()):
        editor.reorder_roles()
    for collection in draw(st.lists(st.sampled_from(_ENTITY_COLLECTIONS), max_size=2)):
        editor.reorder(collection)
    return Edited(
        original,
        editor.canvas,
        frozenset(editor.changes),
        frozenset(editor.reordered),
        tuple(editor.edits),
    )
