"""``canvases()``: any canvas the model can hold, however broken or half filled.

Every id is drawn from one small pool per canvas, so that references sometimes resolve and
sometimes dangle, and that the same id now and then names two entities: exactly the canvases a
workshop produces and validation must cope with.
"""

from __future__ import annotations

import enum
from functools import lru_cache
from typing import Any, TypeGuard

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from cmc_core.canvas import Canvas
from cmc_core.fields import PROCESS_STEP, entity_kind, meaning
from cmc_core.model import DEFAULT_PROCESS_STEPS
from cmc_core.shape import (
    bounds,
    collections,
    fields,
    is_record,
    keyed_item_types,
    optional_inner,
    tuple_item,
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

__all__ = ["canvases", "records"]


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
    counts = {"parties": (min_parties, max_parties), "flows": (min_flows, max_flows)}
    drawer = _Drawer(draw, draw(ids), TextCycle(draw, text), max_items, counts)
    canvas: Canvas = drawer.record(Canvas)
    return canvas


def records(
    record: type,
    *,
    max_items: int = 3,
    text: st.SearchStrategy[str] | None = None,
    ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Any]:
    """Any instance of a record type of the model (an entity, a block, the canvas), drawn field
    by field from what the model declares: references and ids from one small pool, bounded
    numbers within their bounds, free text from :func:`awkward_text`. Works for subclasses: a
    field a subclass adds is drawn too.

    :param max_items: most entries in every list.
    :param text: free text for names, descriptions and answers.
    :param ids: non-empty ids (default :func:`entity_ids`).
    """
    pools = _id_pools(ids if ids is not None else entity_ids(), max(4, max_items + 2))
    words = text if text is not None else awkward_text()

    @st.composite
    def draw_record(draw: st.DrawFn) -> Any:
        return _Drawer(draw, draw(pools), TextCycle(draw, words), max_items, {}).record(record)

    return draw_record()


class _Drawer:
    """Draws one record after another for one canvas, sharing its id pool, texts and steps."""

    def __init__(
        self,
        draw: st.DrawFn,
        pool: list[str],
        say: TextCycle,
        max_items: int,
        counts: dict[str, tuple[int, int]],
    ) -> None:
        self.draw, self.pool, self.say, self.max_items = draw, pool, say, max_items
        self.counts = counts
        self.steps: tuple[str, ...] = DEFAULT_PROCESS_STEPS

    def record(self, record: type, **given: Any) -> Any:
        """An instance of ``record``, with the ``given`` field values and the rest drawn."""
        values: dict[str, Any] = dict(given)
        keyed = keyed_item_types(record)
        entities = {c.path[0]: c for c in collections(record) if len(c.path) == 1}
        for attribute in fields(record):
            name = attribute.name
            if name in given:
                continue
            if name == "id" and entity_kind(record) is not None:
                values[name] = pick(self.draw, self.pool)
            elif name in entities:
                low, high = self.counts.get(entities[name].name, (0, self.max_items))
                count = integer(self.draw, low, high)
                values[name] = tuple(self.record(entities[name].entity) for _ in range(count))
            elif (item := tuple_item(attribute.type)) in keyed:
                values[name] = self.keyed(item, keyed[item].key_type)
            else:
                values[name] = self.value(attribute)
        return record(**values)

    def keyed(self, item_type: Any, key_type: type[enum.Enum]) -> list[Any]:
        """Items for some keys of the vocabulary, in its order."""
        chosen = subset(self.draw, tuple(key_type), max_size=self.max_items * 6)
        return [self.record(item_type, key=key) for key in chosen]

    def value(self, attribute: Any) -> Any:
        declared, annotation = meaning(attribute), attribute.type
        draw, pool, say = self.draw, self.pool, self.say
        if declared.names is PROCESS_STEP:
            if flag(draw):
                self.steps = tuple(dict.fromkeys(say.several(draw, 3)))
            return self.steps
        if declared.refers_to is PROCESS_STEP:
            return pick(draw, (None, *self.steps[:1], say.next()))
        if declared.refers_to is not None:
            if tuple_item(annotation) is not None:
                return repeats(draw, pool, max_size=self.max_items)
            return maybe(draw, pool)
        limits = bounds(attribute)
        if limits is not None:
            low, high = limits
            optional = optional_inner(annotation) is not None
            if (optional_inner(annotation) or annotation) is int:
                if high - low <= 100:  # a small range: every value, shrinking to the first
                    whole = tuple(range(int(low), int(high) + 1))
                    return maybe(draw, whole) if optional else pick(draw, whole)
                wide = st.integers(int(low), int(high))
                return draw(st.none() | wide if optional else wide)
            if (low, high) == (0, 100) and optional:
                return draw(PERCENTAGES)
            numbers = st.floats(min_value=low, max_value=high, allow_infinity=False)
            return draw(st.none() | numbers if optional else numbers)
        return self.plain(annotation)

    def plain(self, annotation: Any) -> Any:
        draw, say = self.draw, self.say
        inner = optional_inner(annotation)
        item = tuple_item(annotation)
        if annotation is str:
            return say.next()
        if annotation is bool:
            return flag(draw)
        if inner is bool:  # a yes/no that may be unanswered, such as the quickscan's kick-off
            return maybe(draw, (False, True))
        if inner is str:
            return say.maybe(draw)
        if item is str:
            return say.several(draw, self.max_items)
        if _is_enum(annotation):
            return pick(draw, tuple(annotation))
        if _is_enum(inner):
            return maybe(draw, tuple(inner))
        if _is_enum(item):
            return tuple(subset(draw, tuple(item), max_size=self.max_items))
        if is_record(annotation):
            return self.record(annotation)
        if is_record(item):  # a list of items, such as a party's owners
            count = integer(draw, 0, self.max_items)
            return tuple(self.record(item) for _ in range(count))
        number = _NUMBERS.get(inner or annotation)
        if number is not None:
            return draw(st.none() | number) if inner is not None else draw(number)
        raise TypeError(f"no strategy for a field of type {annotation!r}")


#: Numbers without declared bounds: small and finite, which is what a canvas holds.
_NUMBERS: dict[Any, st.SearchStrategy[Any]] = {
    int: st.integers(-1000, 1000),
    float: st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
}


def _is_enum(annotation: Any) -> TypeGuard[type[enum.Enum]]:
    return isinstance(annotation, type) and issubclass(annotation, enum.Enum)
