"""The reference fields of a record, the kinds a root's references name, and where they resolve."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from cmc_core.fields import Kind, entity_kind, meaning
from cmc_core.records import is_record, optional_inner, per_type, tuple_item
from cmc_core.shape._fields import fields, file_key
from cmc_core.shape._layout import Collection, collections, record_types

# -- references ----------------------------------------------------------------------------------


@attrs.frozen
class Reference:
    """A field that names other things: one (``str | None``), several (``tuple[str, ...]``),
    or one per item of a list of items (``owners``: each :class:`~cmc_core.model.Stake` names
    its ``party``).

    :param record: the record type that has the field.
    :param name: the field's name in the model.
    :param file_key: the field's key in a file.
    :param kind: what the field names.
    :param many: whether the field holds a list of references (or of items).
    :param part: for a list of items, the item's field that holds the reference.
    :param part_key: that field's key in a file.
    :param item: for a list of items, the items' type.
    """

    record: type
    name: str
    file_key: str
    kind: Kind
    many: bool
    part: str | None = None
    part_key: str | None = None
    item: type | None = None

    def read(self, record: object) -> tuple[str, ...]:
        """The references ``record`` holds in this field, without a missing one."""
        value = getattr(record, self.name)
        if self.part is not None:
            return tuple(name for item in value if (name := getattr(item, self.part)) is not None)
        if self.many:
            return tuple(value)
        return () if value is None else (value,)

    def located(self, record: object) -> Iterator[tuple[str, str]]:
        """Each reference ``record`` holds here with its path below the record, in a file's
        keys: ``("steward", "p-x")``, ``("users[2]", "p-y")``, ``("owners[0].party", "p-z")``."""
        value = getattr(record, self.name)
        if self.part is not None:
            for slot, item in enumerate(value):
                name = getattr(item, self.part)
                if name is not None:
                    yield f"{self.file_key}[{slot}].{self.part_key}", name
        elif self.many:
            for slot, name in enumerate(value):
                yield f"{self.file_key}[{slot}]", name
        elif value is not None:
            yield self.file_key, value

    def added(self, record: object, name: str) -> Any:
        """The field's value in ``record`` with ``name`` referred to as well (set for a single
        reference, appended to a list, as a new item with nothing else in it)."""
        value = getattr(record, self.name)
        if self.part is not None and self.item is not None:
            return (*value, self.item(**{self.part: name}))
        return (*value, name) if self.many else name

    def mapped(self, record: object, change: Callable[[str], str]) -> Any:
        """The field's value in ``record`` with every reference passed through ``change``."""
        value = getattr(record, self.name)
        part = self.part
        if part is not None:
            return tuple(
                item
                if getattr(item, part) is None
                else attrs.evolve(item, **{part: change(getattr(item, part))})
                for item in value
            )
        if self.many:
            return tuple(change(name) for name in value)
        return None if value is None else change(value)


@per_type
def references(record: type) -> tuple[Reference, ...]:
    """The reference fields of one record type, in field order, those inside its lists of
    items included.

    :raises TypeError: a reference field of another type than ``str | None`` or
        ``tuple[str, ...]``, or an item with more than one reference.
    """
    found: list[Reference] = []
    for attribute in fields(record):
        item = tuple_item(attribute.type)
        if is_record(item) and entity_kind(item) is None:
            found.extend(_item_references(record, attribute.name, item))
            continue
        kind = meaning(attribute).refers_to
        if kind is None:
            continue
        many = tuple_item(attribute.type) is str
        if not many and optional_inner(attribute.type) is not str:
            raise TypeError(
                f"{record.__name__}.{attribute.name} refers to {kind.name} but is neither "
                "'str | None' nor 'tuple[str, ...]'"
            )
        found.append(
            Reference(record, attribute.name, file_key(record, attribute.name), kind, many)
        )
    return tuple(found)


def _item_references(record: type, name: str, item: type) -> Iterator[Reference]:
    inner = references(item)
    if len(inner) > 1:
        raise TypeError(
            f"{record.__name__}.{name}: an item of a list may hold one reference, "
            f"{item.__name__} holds {len(inner)}"
        )
    for reference in inner:
        if reference.many:
            raise TypeError(
                f"{record.__name__}.{name}: {item.__name__}.{reference.name} must name one "
                "thing ('str | None') to be a reference in a list of items"
            )
        yield Reference(
            record,
            name,
            file_key(record, name),
            reference.kind,
            many=True,
            part=reference.name,
            part_key=reference.file_key,
            item=item,
        )


@per_type
def kinds(root: type) -> dict[str, Kind]:
    """Every kind a reference of the root may name, by name.

    :raises TypeError: when a reference names a kind that is neither the kind of a collection
        nor listed by a field (``names_of``) nor a kind that names no entity of its own (an
        organisation).
    """
    found = {collection.kind.name: collection.kind for collection in collections(root)}
    for record in record_types(root):
        for attribute in fields(record):
            listed = meaning(attribute).names
            if listed is not None:
                found[listed.name] = listed
    for record in record_types(root):
        for reference in references(record):
            kind = reference.kind
            if kind.name not in found and _names_no_entity(kind):
                found[kind.name] = kind  # an organisation: a shared id with no entity
            if found.get(kind.name) is not kind:
                raise TypeError(
                    f"{record.__name__}.{reference.name} refers to {kind.name!r}, which no "
                    f"collection or list of names of {root.__name__} holds"
                )
    return found


def resolved_by(root: type, kind: Kind) -> Collection | str | None:
    """Where references to ``kind`` resolve: a collection of entities, the name of the root's
    field that lists the names (``process_steps``), or ``None`` (an organisation).

    :raises TypeError: no collection or list of names of the root holds ``kind`` (a subclass
        of an entity may refer to a kind the root does not hold), or a declaration of the root
        does not fit (see :func:`kinds`).
    """
    where = _resolutions(root).get(kind.name)
    if where is None and not _names_no_entity(kind):
        raise TypeError(
            f"a reference to {kind.name!r} resolves against nothing: no collection of "
            f"{root.__name__} holds {kind.plural()} and no field of it lists their names"
        )
    return where


def _names_no_entity(kind: Kind) -> bool:
    """Whether ``kind`` is an id with no entity of its own (an organisation)."""
    return kind.id_prefix is None and kind.is_id


@per_type
def _resolutions(root: type) -> dict[str, Collection | str]:
    kinds(root)  # the root's own declarations must fit before anything resolves against them
    found: dict[str, Collection | str] = {}
    for collection in collections(root):
        held = found.setdefault(collection.kind.name, collection)
        if held is not collection:
            raise TypeError(
                f"{root.__name__} holds {collection.kind.plural()} in two collections, "
                f"{held.name if isinstance(held, Collection) else held} and {collection.name}: "
                "a reference to one could not tell which"
            )
    for attribute in fields(root):
        listed = meaning(attribute).names
        if listed is not None:
            found.setdefault(listed.name, attribute.name)
    return found
