"""Properties of the canvas's edit helpers: add, replace and remove round trip, and the
original canvas never changes."""

from __future__ import annotations

import pickle
import re

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cmc_core import (
    BlockKey,
    Canvas,
    Entity,
    FactorKey,
    PrincipleKey,
    PrincipleStatus,
)
from cmc_core.shape import collections, label_field
from cmc_core.strategies import SENTINEL, awkward_text, canvases, valid_canvases

#: The canvas's own collections, read from the model's one description of itself.
COLLECTION: dict[type[Entity], str] = {
    collection.entity: collection.name for collection in collections(Canvas)
    if len(collection.path) == 1
}  # fmt: skip
ENTITY_TYPES: tuple[type[Entity], ...] = tuple(COLLECTION)

#: A free-text field of each entity type that names or describes it in a line.
TEXT_FIELD: dict[type[Entity], str] = {kind: label_field(kind) or "id" for kind in COLLECTION}

any_canvas = st.one_of(canvases(), valid_canvases())


#: No generated id contains the sentinel, so this id is new in every collection.
FRESH_ID = f"{SENTINEL}new"


def entities_of(canvas: Canvas) -> list[Entity]:
    return list(canvas.entities())


@settings(deadline=None)
@given(canvas=any_canvas, kind=st.sampled_from(ENTITY_TYPES))
def test_adding_then_removing_a_new_entity_gives_the_canvas_back(
    canvas: Canvas, kind: type[Entity]
) -> None:
    before = pickle.dumps(canvas)
    entity = kind(FRESH_ID)
    grown = canvas.add(entity)
    name = COLLECTION[kind]
    assert getattr(grown, name) == (*getattr(canvas, name), entity)
    assert grown.get(entity.id) == entity
    assert grown.remove(entity.id) == canvas
    assert pickle.loads(before) == canvas


@settings(deadline=None)
@given(canvas=any_canvas, data=st.data())
def test_replacing_an_entity_keeps_its_place_and_leaves_the_rest(
    canvas: Canvas, data: st.DataObject
) -> None:
    entities = entities_of(canvas)
    assume(entities)
    target = data.draw(st.sampled_from(entities), label="target")
    name = COLLECTION[type(target)]
    items = getattr(canvas, name)
    first = next(i for i, item in enumerate(items) if item.id == target.id)
    original = items[first]
    before = pickle.dumps(canvas)
    changed_description = data.draw(awkward_text(), label="text")
    field = TEXT_FIELD[type(original)]
    replacement = attrs.evolve(original, **{field: changed_description})
    edited = canvas.replace(replacement)
    new_items = getattr(edited, name)
    assert len(new_items) == len(items)
    for old, new in zip(items, new_items, strict=True):
        assert new == (replacement if old.id == target.id else old)
    assert edited.evolve(**{name: items}) == canvas
    assert pickle.loads(before) == canvas
    if all(item.id != target.id for item in items[first + 1 :]):
        assert edited.replace(original) == canvas


@settings(deadline=None)
@given(canvas=any_canvas, data=st.data())
def test_removing_an_entity_drops_only_that_id_from_its_collection(
    canvas: Canvas, data: st.DataObject
) -> None:
    entities = entities_of(canvas)
    assume(entities)
    target = data.draw(st.sampled_from(entities), label="target")
    before = pickle.dumps(canvas)
    edited = canvas.remove(target.id)
    name = next(
        COLLECTION[kind]
        for kind in ENTITY_TYPES
        if any(item.id == target.id for item in getattr(canvas, COLLECTION[kind]))
    )
    assert getattr(edited, name) == tuple(i for i in getattr(canvas, name) if i.id != target.id)
    for other in set(COLLECTION.values()) - {name}:
        assert getattr(edited, other) == getattr(canvas, other)
    assert pickle.loads(before) == canvas


@settings(deadline=None)
@given(canvas=any_canvas, kind=st.sampled_from(ENTITY_TYPES))
def test_adding_an_id_its_collection_already_has_is_refused_without_change(
    canvas: Canvas, kind: type[Entity]
) -> None:
    items = getattr(canvas, COLLECTION[kind])
    assume(items)
    before = pickle.dumps(canvas)
    with pytest.raises(ValueError, match=re.escape(repr(items[0].id))):
        canvas.add(kind(items[0].id))
    assert pickle.loads(before) == canvas


@settings(deadline=None)
@given(
    canvas=any_canvas,
    block=st.sampled_from(BlockKey),
    factor=st.sampled_from(FactorKey),
    principle=st.sampled_from(PrincipleKey),
    status=st.sampled_from(PrincipleStatus),
    text=awkward_text(),
    maturity=st.none() | st.integers(0, 3),
)
def test_block_factor_and_principle_helpers_read_back_what_they_wrote(
    *,
    canvas: Canvas,
    block: BlockKey,
    factor: FactorKey,
    principle: PrincipleKey,
    status: PrincipleStatus,
    text: str,
    maturity: int | None,
) -> None:
    before = pickle.dumps(canvas)
    edited = (
        canvas.with_note(block, text)
        .with_factor(factor, text, maturity)
        .with_principle(principle, status, text)
    )
    assert edited.note(block) == text
    answered = edited.factor(factor)
    assert (answered.answer, answered.maturity) == (text, maturity)
    assert (edited.principle(principle).status, edited.principle(principle).notes) == (
        status,
        text,
    )
    assert edited.with_note(block, "").note(block) == ""
    assert [n.key for n in edited.notes] == sorted(
        (n.key for n in edited.notes), key=list(BlockKey).index
    )
    assert pickle.loads(before) == canvas
