"""How the model declares what a field means beyond its Python type.

The model (``cmc_core.model`` and ``cmc_core.canvas``) is the one place the shape of a
canvas is written down. A field's type says what it holds; the declarations here say what it
*means*: that a text names a party, that the order of a list carries nothing, that a number has
bounds, that the file calls the field by another name, which block of the canvas it fills. The
file format, the JSON Schema, the integrity rule, renaming ids, the questionnaire bindings, the
diff and the hypothesis strategies all read these declarations through :mod:`cmc_core.shape`;
none of them keeps a list of fields of its own, so a field added to the model reaches all of
them.

::

    SPONSOR = Kind("sponsor", (("sponsor", "sponsors"), ("sponsor", "sponsors")), id_prefix="s")

    @entity(SPONSOR)
    @attrs.frozen
    class Sponsor:
        id: str
        backer: str | None = reference(PARTY)        # an id of a party, or None
        members: tuple[str, ...] = references(PARTY)  # ids of parties; order carries nothing
        share: float | None = bounded(0, 100)         # checked when an instance is made

Nothing here does I/O or imports more than attrs and the vocabularies.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.vocabulary import Language

__all__ = [
    "COMMONALITY",
    "DECISION_RIGHT",
    "DEVELOPMENT",
    "FLOW",
    "METADATA_KEY",
    "ORGANISATION",
    "PARTY",
    "PROCESS_AREA",
    "PROCESS_STEP",
    "RESISTANCE",
    "SOURCE",
    "VALUE",
    "FieldMeaning",
    "Kind",
    "at_least",
    "bounded",
    "entity",
    "entity_kind",
    "keyed_by",
    "meaning",
    "names_of",
    "part_of",
    "reference",
    "references",
    "unordered",
    "within_bounds",
]

#: The key of the model's declarations in an attrs field's ``metadata``.
METADATA_KEY: Final = "cmc"

_Class = TypeVar("_Class", bound=type)
_Value = TypeVar("_Value")


@attrs.frozen
class Kind:
    """A kind of thing a reference can name: an entity kind (a party, a value ...) or one of the
    two kinds of name that are not entities (an organisation, a process step).

    :param name: a stable name for the kind, as messages and the docs use it (``party``).
    :param words: singular and plural, in English then Dutch, for messages.
    :param id_prefix: the prefix of generated ids (``p`` gives ``p-acme``); entity kinds only.
    :param is_id: whether the names are ids, renamed with every other id; a process step is a
        name the canvas lists, not an id.
    """

    name: str
    words: tuple[tuple[str, str], tuple[str, str]]
    id_prefix: str | None = None
    is_id: bool = True

    def singular(self, language: Language = Language.EN) -> str:
        """``party`` or ``partij``."""
        return self.words[language is Language.NL][0]

    def plural(self, language: Language = Language.EN) -> str:
        """``parties`` or ``partijen``."""
        return self.words[language is Language.NL][1]


PARTY: Final = Kind("party", (("party", "parties"), ("partij", "partijen")), "p")
VALUE: Final = Kind("value", (("value", "values"), ("waarde", "waarden")), "v")
FLOW: Final = Kind("flow", (("flow", "flows"), ("stroom", "stromen")), "f")
PROCESS_AREA: Final = Kind(
    "process_area", (("process area", "process areas"), ("procesgebied", "procesgebieden")), "pa"
)
COMMONALITY: Final = Kind(
    "commonality", (("commonality", "commonalities"), ("commonality", "commonalities")), "c"
)
DECISION_RIGHT: Final = Kind(
    "decision_right",
    (("decision right", "decision rights"), ("beslisrecht", "beslisrechten")),
    "dr",
)
DEVELOPMENT: Final = Kind(
    "development", (("development", "developments"), ("ontwikkeling", "ontwikkelingen")), "d"
)
RESISTANCE: Final = Kind(
    "resistance", (("resistance", "resistances"), ("weerstand", "weerstanden")), "r"
)
SOURCE: Final = Kind("source", (("source", "sources"), ("bron", "bronnen")), "src")
#: An organisation several parties share (``Party.organisation``); it is no entity of its own.
ORGANISATION: Final = Kind(
    "organisation", (("organisation", "organisations"), ("organisatie", "organisaties"))
)
#: A step of the coordination process, named in ``Canvas.process_steps``.
PROCESS_STEP: Final = Kind(
    "process_step",
    (("process step", "process steps"), ("processtap", "processtappen")),
    None,
    False,
)

_ENTITY_KIND = "__cmc_entity_kind__"


def entity(kind: Kind) -> Callable[[_Class], _Class]:
    """Class decorator: instances are entities of ``kind``, identified by their ``id`` field."""
    if kind.id_prefix is None:
        raise ValueError(f"{kind.name} names no entity: it has no id prefix")

    def declare(cls: _Class) -> _Class:
        if getattr(cls, "__attrs_attrs__", None) is None:  # not attrs.has: keeps cls's type
            raise TypeError(
                f"@entity({kind.name!r}) needs an attrs class: put it above @attrs.frozen "
                f"on {cls.__name__}"
            )
        if "id" not in attrs.fields_dict(cls):
            raise TypeError(f"{cls.__name__} is declared an entity but has no id field")
        setattr(cls, _ENTITY_KIND, kind)
        return cls

    return declare


def entity_kind(cls: type) -> Kind | None:
    """The entity kind ``cls`` was declared with (inherited by subclasses), or ``None``."""
    kind: Kind | None = getattr(cls, _ENTITY_KIND, None)
    return kind


@attrs.frozen
class FieldMeaning:
    """What the model declared about one field (all empty for a plain field).

    :param refers_to: the kind of thing a reference field names.
    :param names: the kind whose names this field lists (``process_steps`` lists the steps).
    :param file_key: the field's key in a file, when it differs from its name.
    :param bounds: the inclusive range of a number.
    :param unit: what the number is, for messages (``a percentage``).
    :param unordered: the list is a set: its order carries no meaning.
    :param keyed_by: the vocabulary that keys a list of keyed items, written as a mapping.
    :param text_only: for ``keyed_by``: a file holds each item's text, not a mapping.
    :param block: the block of the canvas the field fills.
    """

    refers_to: Kind | None = None
    names: Kind | None = None
    file_key: str | None = None
    bounds: tuple[float, float] | None = None
    unit: str | None = None
    unordered: bool = False
    keyed_by: type[enum.Enum] | None = None
    text_only: bool = False
    block: BlockKey | None = None


_PLAIN: Final = FieldMeaning()


def meaning(attribute: attrs.Attribute[Any]) -> FieldMeaning:
    """What the model declared about ``attribute``."""
    declared: FieldMeaning = attribute.metadata.get(METADATA_KEY, _PLAIN)
    return declared


def _metadata(**declared: Any) -> dict[str, FieldMeaning]:
    return {METADATA_KEY: FieldMeaning(**declared)}


def within_bounds(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """attrs validator: a number must lie within the bounds its field declares (or be None)."""
    declared = meaning(attribute)
    if value is None or declared.bounds is None:
        return
    low, high = declared.bounds
    if not (low <= value <= high and math.isfinite(value)):
        unit = f"{declared.unit} " if declared.unit else ""
        limits = f"of at least {low:g}" if high == math.inf else f"from {low:g} to {high:g}"
        raise ValueError(f"{attribute.name} must be {unit}{limits}, not {value!r}")


def reference(
    kind: Kind, *, file_key: str | None = None, block: BlockKey | None = None
) -> str | None:
    """An optional reference: the id (or name) of one thing of ``kind``, or ``None``.

    Typed as the field's value, so that a type checker refuses it on a field of another type.
    """
    declared = _metadata(refers_to=kind, file_key=file_key, block=block)
    return cast("str | None", attrs.field(default=None, metadata=declared))


def references(kind: Kind) -> tuple[str, ...]:
    """A list of references to things of ``kind``; its order carries no meaning."""
    declared = _metadata(refers_to=kind, unordered=True)
    return cast("tuple[str, ...]", attrs.field(default=(), metadata=declared))


def bounded(low: float, high: float, *, unit: str | None = None) -> Any:
    """An optional number from ``low`` to ``high`` inclusive, checked on construction.

    The check is an attrs converter that returns the number unchanged, not a validator:
    ``msgspec.convert``, which builds the records of a JSON document, runs validators but not
    converters, and the file format's mirrors check the same bounds already (a validator cost
    every flow with a ``volume`` a Python call as a million flows load). ``__init__`` and
    ``attrs.evolve`` run it as they would a validator.

    :param unit: what the number is, for messages (``a percentage``).
    """
    return attrs.field(
        default=None,
        converter=attrs.Converter(_bounds_check(low, high), takes_field=True),
        metadata=_metadata(bounds=(low, high), unit=unit),
    )


def _bounds_check(low: float, high: float) -> Callable[[Any, attrs.Attribute[Any]], Any]:
    def check(value: Any, attribute: attrs.Attribute[Any]) -> Any:
        # ``value - value == 0`` is false for infinity and NaN, which no bound admits.
        if value is not None and not (low <= value <= high and value - value == 0):
            within_bounds(None, attribute, value)
        return value

    return check


def at_least(low: float, *, unit: str | None = None) -> Any:
    """An optional number of at least ``low``, with no upper bound, checked on construction.

    :param unit: what the number is, for messages (``an amount``).
    """
    return bounded(low, math.inf, unit=unit)


def unordered(default: tuple[Any, ...] = ()) -> Any:
    """A list whose order carries no meaning, such as a party's roles."""
    return attrs.field(default=default, metadata=_metadata(unordered=True))


def names_of(
    kind: Kind, default: tuple[str, ...], *, block: BlockKey | None = None
) -> tuple[str, ...]:
    """The list of the names that references to ``kind`` resolve against (the process steps)."""
    declared = _metadata(names=kind, block=block)
    return attrs.field(default=default, metadata=declared)


def part_of(block: BlockKey, default: _Value) -> _Value:
    """A field of the canvas that fills ``block``, with its default."""
    return attrs.field(default=default, metadata=_metadata(block=block))


def keyed_by(
    key_type: type[enum.Enum], *, text_only: bool = False, block: BlockKey | None = None
) -> dict[str, FieldMeaning]:
    """The ``metadata`` of a list of keyed items, written in a file as a mapping by key.

    Given as ``metadata=`` to ``attrs.field`` (with the converter that orders the items), not as
    a field of its own: type checkers read a converter only from a direct ``attrs.field`` call.
    """
    return _metadata(keyed_by=key_type, text_only=text_only, block=block)
