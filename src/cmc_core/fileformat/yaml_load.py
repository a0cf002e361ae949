"""Reading YAML fast: libyaml's C parser, and the guards every YAML read gets.

Canvases, answers files and questionnaires are parsed by PyYAML's C parser (libyaml) into
events, which are built into plain data here in one pass, without recursion and without a node
tree: about as fast as PyYAML's own ``CSafeLoader`` and far leaner. The scalars mean what they
mean in YAML 1.2 as ruamel.yaml reads it (:mod:`cmc_core.fileformat.yaml_scalars`); ruamel.yaml
itself is used only to keep comments through an edit (:mod:`cmc_core.fileformat.yaml_io`).

The guards, each reported with its line and column: anchors and aliases are refused at the
first one, before anything could expand (a "billion laughs" fails at once); nesting is limited
to :data:`MAX_DEPTH` levels (libyaml itself stops at 1,000, so nothing deeper is ever parsed);
tabs, bad characters and syntax errors come from libyaml with its position; duplicate keys, a
mapping or a list as a key, dates that do not exist and whole numbers of more than 4,300 digits
are refused at the key or value. Like ruamel.yaml, which builds the whole tree before it
converts a value, a syntax, anchor or nesting problem anywhere wins over a value problem.

Positions of everything else (the canvas reader's unknown keys, wrong types) come from
:class:`YamlLocator`: while it builds, the reader records where each key and list item starts,
in two arrays of numbers, which locate any path of the data it built; a document kept after it
has been read (a :class:`~cmc_core.fileformat.CanvasDocument`) drops the data, and its locator
reads the text again when it is first asked (:mod:`cmc_core.fileformat.yaml_locate`).

PyYAML is imported inside the functions, so that ``import cmc_core`` never loads it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any, Final

from cmc_core.fileformat.errors import CanvasLoadError, LoadProblem, LoadProblemKind
from cmc_core.fileformat.text import decode_text, empty_problem
from cmc_core.fileformat.yaml_locate import RecordedPositions, YamlLocator
from cmc_core.fileformat.yaml_scalars import (
    CORE,
    MERGE,
    ScalarError,
    YamlSet,
    explicit_key,
    explicit_value,
    key_text,
    resolver,
    short_tag,
)
from cmc_core.fileformat.yaml_syntax import (
    ALIAS_MESSAGE,
    DEPTH_MESSAGE,
    MAX_DEPTH,
    location,
    say,
    syntax_problem,
)
from cmc_core.gctools import gc_paused
from cmc_core.translation import N_, Messages

__all__ = ["ALIAS_MESSAGE", "MAX_DEPTH", "YamlLocator", "load_yaml", "read_yaml_data"]

_ = Messages("cmc_core", "files")

_KEY_MESSAGE = N_("a mapping or a list cannot be a key; write the key as text")
_SCALAR_TAGS: Final = frozenset(
    CORE + name for name in ("int", "float", "bool", "null", "timestamp", "binary")
)
_PLAIN_TAGS: Final = frozenset((None, "!", CORE + "map", CORE + "seq"))


class _Missing:
    """No key read yet for the next mapping value; or a key that was refused."""


_NO_KEY: Final[Any] = _Missing()
_BAD_KEY: Final = _Missing()


class _Extra:
    """What a collection needs beyond its items, in the rare cases it needs anything: a tag, a
    place as a key, merged mappings, keys that are not text."""

    __slots__ = ("as_key", "merges", "others", "start", "tag")

    def __init__(self, start: Any, tag: str | None = None, as_key: bool = False) -> None:
        self.start = start
        self.tag = tag
        self.as_key = as_key
        self.merges: list[dict[str, Any]] | None = None
        self.others: dict[Any, str] = {}  # keys that are not text, and their text


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _.plural("a list of {count} item", "a list of {count} items", len(value))
    text = "null" if value is None else str(value)
    return f'"{text if len(text) <= 40 else text[:37] + "..."}"'


#: A place a problem was found: an event's or a node's mark (``line`` and ``column``, from 0).
Mark = Any


class _Builder:
    """Builds a document's plain data from its events, with the guards (see the module notes).

    The loop (:meth:`run`) keeps the collection being built in local variables; the rarer steps
    are methods: starting and finishing a collection, a key that is not plain text, problems.
    """

    def __init__(self, source: str | None, version: Any) -> None:
        self.source = source
        self.version = version
        self.value_of = resolver(version)
        self.key_of = resolver(version, as_key=True)
        self.deferred: list[LoadProblem] = []
        # Where each key and list item starts (the document itself first), in document order:
        # cheap to keep, and they locate the problems of a document the canvas reader refuses
        # without reading it again. Not when merges or tags make the data differ in shape.
        self.lines, self.columns = array("i"), array("i")
        self.regular = True

    def refuse(self, message: str, mark: Mark, kind: LoadProblemKind = "unsafe") -> CanvasLoadError:
        """A problem that ends reading at once: an anchor, an alias, too deep a nesting."""
        problem = LoadProblem(say(message), "", location(self.source, mark), kind=kind)
        return CanvasLoadError([problem], self.source)

    def defer(self, message: str, mark: Mark, kind: LoadProblemKind) -> None:
        """A value problem, reported once the whole document has parsed (as ruamel.yaml, which
        builds the whole tree before it converts a value); the first in document order."""
        if not self.deferred:
            where = location(self.source, mark)
            message = _("invalid YAML: {reason}", reason=message)
            self.deferred.append(LoadProblem(message, "", where, kind=kind))

    def check(self, event: Any, depth: int) -> None:
        """Refuse a node with an anchor, or one more than :data:`MAX_DEPTH` levels deep."""
        if event.anchor is not None:
            raise self.refuse(ALIAS_MESSAGE, event.start_mark)
        if depth >= MAX_DEPTH:
            raise self.refuse(DEPTH_MESSAGE, event.start_mark)

    def scalar(self, event: Any, as_key: bool) -> Any:
        """A scalar with a tag, or one whose value is refused (then ``None``, or a refused key)."""
        tag, text = event.tag, event.value
        try:
            if tag is None or tag == "!":  # "!" asks for the plain resolution, as in ruamel.yaml
                resolve = self.key_of if as_key else self.value_of
                return resolve(text) if event.implicit[0] else text
            return (explicit_key if as_key else explicit_value)(tag, text, self.version)
        except ScalarError as error:
            self.defer(str(error), event.start_mark, error.kind)
        return _BAD_KEY if as_key else None

    def start(self, event: Any, as_key: bool) -> _Extra | None:
        """What a new collection needs beyond its items: a tag to read, or a place as a key."""
        tag = event.tag
        return _Extra(event.start_mark, tag, as_key) if as_key or tag not in _PLAIN_TAGS else None

    def finish(self, value: Any, is_map: bool, extra: _Extra) -> Any:
        """A finished collection with its merges applied and its tag read."""
        if extra.as_key:
            self.defer(_.translate(_KEY_MESSAGE), extra.start, "wrong-type")
        if extra.merges:
            self.regular = False
            for merged in extra.merges:
                for key, item in merged.items():
                    value.setdefault(key, item)
        tag = extra.tag
        if tag is None or tag in _PLAIN_TAGS:
            return value
        self.regular = False
        shown = short_tag(tag)
        if tag in _SCALAR_TAGS:
            if is_map:
                message = _("{tag} tags a single value, not a mapping", tag=shown)
            else:
                message = _("{tag} tags a single value, not a list", tag=shown)
            self.defer(message, extra.start, "unsafe")
        elif tag == CORE + "set":
            if is_map:
                return YamlSet(list(value))
            message = _("!!set takes a mapping of its members ({a, b}), not a list")
            self.defer(message, extra.start, "unsafe")
        elif tag in (CORE + "omap", CORE + "pairs"):
            if is_map or not all(isinstance(item, dict) and len(item) == 1 for item in value):
                message = _("{tag} takes a list of mappings of one key each", tag=shown)
                self.defer(message, extra.start, "unsafe")
                return value
            pairs = [next(iter(item.items())) for item in value]
            return dict(pairs) if tag == CORE + "omap" else pairs
        return value  # other tags on a collection are ignored, as ruamel.yaml ignores them

    def attach(
        self, mapping: dict[str, Any], key: Any, value: Any, key_mark: Mark, extra: _Extra | None
    ) -> _Extra | None:
        """Put a member into a mapping whose key is not plain text: a merge (``<<``), a key of
        another type (``1``, ``true``, ``~``) or a refused key. Returns the mapping's extra."""
        if key is _BAD_KEY:
            return extra
        if extra is None:
            extra = _Extra(key_mark)
        if key is MERGE:
            maps = value if isinstance(value, list) else [value]
            if extra.merges is not None:
                self.defer(_('found duplicate merge key "<<"'), key_mark, "duplicate-key")
            elif not all(isinstance(item, dict) for item in maps):
                message = _("expected a mapping or list of mappings for merging")
                self.defer(message, key_mark, "wrong-type")
            else:
                extra.merges = maps
            return extra
        text = key_text(key)
        if text in mapping or key in extra.others:  # 1 and 1.0 are one key, as in ruamel.yaml
            original = mapping.get(extra.others.get(key, text))
            self.defer(_duplicate(text, value, original), key_mark, "duplicate-key")
        extra.others.setdefault(key, text)
        mapping[text] = value
        return extra

    def run(self, get_event: Callable[[], Any]) -> Any:  # noqa: PLR0915 - see below
        """The document's plain data, from its first node's event to its end.

        One loop with its state in local variables and the common cases inline (a plain or
        quoted scalar, a mapping, a list, a text key): it is the whole cost of reading.

        :raises CanvasLoadError: an anchor, an alias or too deep a nesting (at once); a value
            that cannot be built or a duplicate key (once the document has parsed).
        """
        from yaml.events import (
            AliasEvent,
            CollectionEndEvent,
            MappingStartEvent,
            ScalarEvent,
            SequenceStartEvent,
        )

        value_of, key_of = self.value_of, self.key_of
        at_line, at_column = self.lines.append, self.columns.append
        stack: list[tuple[Any, ...]] = []
        # The collection being built (at first a list to hold the document's root), what goes
        # into it next, and how many collections are open around it.
        top: list[Any] = []
        container: Any = top
        is_map, key, key_mark, extra, depth = False, _NO_KEY, None, None, 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None or depth >= MAX_DEPTH:
                    self.check(event, depth)
                if is_map and key is _NO_KEY:
                    key_mark = event.start_mark
                    at_line(key_mark.line)
                    at_column(key_mark.column)
                    if event.tag is not None:
                        key = self.scalar(event, True)
                    elif not event.implicit[0]:  # quoted
                        key = event.value
                    else:
                        try:
                            key = key_of(event.value)
                        except ScalarError:  # a date that does not exist...
                            key = self.scalar(event, True)
                    continue
                if event.tag is not None:
                    value = self.scalar(event, False)
                elif not event.implicit[0]:
                    value = event.value
                else:
                    try:
                        value = value_of(event.value)
                    except ScalarError:  # a date that does not exist, a number too long...
                        value = self.scalar(event, False)
                if not is_map:  # a list item (or the document): where it starts
                    mark = event.start_mark
                    at_line(mark.line)
                    at_column(mark.column)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or depth >= MAX_DEPTH:
                    self.check(event, depth)
                if not is_map:
                    mark = event.start_mark
                    at_line(mark.line)
                    at_column(mark.column)
                stack.append((container, is_map, key, key_mark, extra))
                as_key = is_map and key is _NO_KEY
                is_map, key, depth = kind is MappingStartEvent, _NO_KEY, depth + 1
                container = {} if is_map else []
                extra = None
                if as_key or event.tag is not None:
                    extra = self.start(event, as_key)
                continue
            elif isinstance(event, CollectionEndEvent):
                done = extra
                value = container if done is None else self.finish(container, is_map, done)
                container, is_map, key, key_mark, extra = stack.pop()
                depth -= 1
                if done is not None and done.as_key:
                    key, key_mark = _BAD_KEY, done.start
                    continue
            elif kind is AliasEvent:
                raise self.refuse(ALIAS_MESSAGE, event.start_mark)
            else:  # the document's end
                return top[0]
            if not is_map:
                container.append(value)
            elif type(key) is str:
                if key in container:
                    self.defer(_duplicate(key, value, container[key]), key_mark, "duplicate-key")
                container[key] = value
                key = _NO_KEY
            else:
                extra = self.attach(container, key, value, key_mark, extra)
                key = _NO_KEY


def _build(get_event: Callable[[], Any], source: str | None) -> tuple[Any, _Builder | None]:
    """The plain data of a document from its events, and the builder that read it (its
    ``%YAML`` version, the positions it recorded); ``None`` for an empty document.

    :raises CanvasLoadError: as :meth:`_Builder.run`, and for a second document.
    """
    from yaml.events import StreamEndEvent

    get_event()  # the stream's start
    event = get_event()
    if type(event) is StreamEndEvent:
        return None, None
    builder = _Builder(source, event.version)
    root = builder.run(get_event)
    event = get_event()
    if type(event) is not StreamEndEvent:
        message = _(
            "invalid YAML: but found another document (expected a single document in the stream)"
        )
        raise builder.refuse(message, event.start_mark, "syntax")
    if builder.deferred:
        raise CanvasLoadError(builder.deferred, source)
    return root, builder


def _duplicate(key: str, value: Any, original: Any) -> str:
    return _(
        'found duplicate key "{key}" with value {value} (original value: {original})',
        key=key,
        value=_shown(value),
        original=_shown(original),
    )


def load_yaml(text: str, source: str | None = None) -> tuple[Any, YamlLocator]:
    """The plain data of a YAML text (``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``,
    ``None``), and a locator for its paths.

    :raises CanvasLoadError: bad syntax, an anchor or alias, too deep a nesting, a value that
        cannot be built, a duplicate key, or nothing but comments.
    """
    from yaml import YAMLError
    from yaml._yaml import CParser

    try:
        with gc_paused():  # the data holds no cycles; the collector would only rescan it
            data, builder = _build(CParser(text).get_event, source)
    except (YAMLError, UnicodeEncodeError) as error:
        raise CanvasLoadError([syntax_problem(error, text, source)], source) from None
    if data is None or builder is None:  # nothing but comments, or a document that is just null
        raise CanvasLoadError([empty_problem(source)], source)
    recorded = None
    if builder.regular:
        recorded = RecordedPositions(data, builder.lines, builder.columns)
    return data, YamlLocator(text, source, builder.version, recorded)


def read_yaml_data(data: bytes | str, source: str | None = None) -> tuple[Any, YamlLocator]:
    """Any YAML document (answers, questionnaires) as plain data, with a locator for messages.

    The same guards as for canvases apply: no aliases, bounded nesting, UTF-8 only.

    :raises CanvasLoadError: bad bytes or syntax, unsafe constructs, or an empty document.
    """
    return load_yaml(decode_text(data, source), source)
