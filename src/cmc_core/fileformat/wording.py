"""The words of load messages: how a value, an expectation and a suggestion are put.

Shared by the detailed hooks (which raise :class:`MismatchError` and :class:`UnknownKeysError`)
and by the problem builder; free of cattrs, so that reading a good document never imports it.

The hooks are made once and kept, but a message must speak the language of the moment it is
shown in: what a hook expects is therefore a :class:`Phrase`, translated when it is put into
words (``str``), not when the hook is made.
"""

from __future__ import annotations

import difflib
import enum
import errno
import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Literal

from cmc_core.fileformat.layout import is_record, optional_inner, tuple_item
from cmc_core.translation import N_, Messages

__all__ = [
    "LONG_NUMBER",
    "MismatchError",
    "Phrase",
    "UnknownKeysError",
    "describe_value",
    "expected_phrase",
    "is_tagged",
    "os_reason",
    "suggestion",
    "words",
]

_ = Messages("cmc_core", "files")


class Phrase:
    """A text marked with :func:`~cmc_core.translation.N_`, translated each time it is shown,
    its fields (phrases too) filled in then."""

    __slots__ = ("fields", "text")

    def __init__(self, text: str, **fields: object) -> None:
        self.text = text
        self.fields = fields

    def __str__(self) -> str:
        text = _.translate(self.text)
        return text.format(**{name: str(value) for name, value in self.fields.items()})

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Phrase({self.text!r})"


#: What the errors of the file system say, in both languages (the system's own words are
#: English whatever the language).
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENAMETOOLONG: N_("File name too long"),
}


def os_reason(error: OSError) -> str:
    """Why the file system refused, in the current language where cmc knows the words."""
    known = _OS_REASONS.get(error.errno or 0)
    if known is not None and error.strerror:
        return _.translate(known)
    return error.strerror or str(error)


class MismatchError(TypeError):
    """A value of the wrong type, or outside the values its field allows.

    :param kind: ``"wrong-type"``, or ``"invalid-value"`` for a value of the right type that the
        field does not allow (an unknown choice, a number out of range); the kind of the
        :class:`~cmc_core.fileformat.LoadProblem` it becomes. A value only a YAML tag makes
        (``!!binary``, ``!!set``, ``!custom``) is of kind ``"unsafe"`` wherever it is found.
    """

    def __init__(
        self,
        expected: str | Phrase,
        value: object,
        hint: str = "",
        kind: Literal["wrong-type", "invalid-value"] = "wrong-type",
    ) -> None:
        self.expected = expected
        self.found = describe_value(value)
        self.hint = hint
        self.kind: Literal["wrong-type", "invalid-value", "unsafe"] = (
            "unsafe" if is_tagged(value) else kind
        )
        super().__init__(f"expected {expected}, found {self.found}{hint}")

    def sentence(self, where: str) -> str:
        """``WHERE: expected X, found Y`` in the current language, with the hint."""
        return _(
            "{where}: expected {expected}, found {found}{hint}",
            where=where,
            expected=self.expected,
            found=self.found,
            hint=self.hint,
        )


class UnknownKeysError(ValueError):
    """Keys that the mapping they appear in does not define.

    :param keys: the unknown keys, as written.
    :param known: the keys that would have been accepted there, for the suggestion.
    """

    def __init__(self, keys: Iterable[str], known: Sequence[str]) -> None:
        self.keys = tuple(sorted(keys, key=str))
        self.known = tuple(known)
        super().__init__(f"unknown keys: {', '.join(map(repr, self.keys))}")


def suggestion(word: str, known: Sequence[str]) -> str:
    """`` did you mean 'x'?`` for the closest known word, else the list of known words."""
    close = difflib.get_close_matches(str(word), known, n=1, cutoff=0.6)
    if close:
        return _("; did you mean {name}?", name=repr(close[0]))
    return _("; expected one of: {names}", names=", ".join(known)) if known else ""


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


#: Python's int() refuses a number of more than 4,300 digits (a guard against slow conversions);
#: YAML, TOML and the configuration say so in these words.
LONG_NUMBER = Phrase(N_("a whole number with more than 4,300 digits is too long to read"))


def _tag(value: object) -> object:
    return getattr(getattr(value, "tag", None), "value", None) or getattr(value, "tag", None)


def is_tagged(value: object) -> bool:
    """Whether a parsed value is one only a YAML tag makes: binary data, a set, or a value with
    a tag of its own (which the parser keeps, tag and all)."""
    if isinstance(value, bytes | bytearray | AbstractSet):
        return True
    tag = _tag(value)
    return isinstance(tag, str) and bool(tag)


def describe_value(value: object) -> str:
    """Name a raw value the way a person reads it in the file."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("the boolean {value}", value="true" if value else "false")
    if isinstance(value, int | float):
        try:
            return _("the number {value}", value=repr(value))
        except ValueError:  # TOML's 0xfff... can be longer than the 4,300 digits Python prints
            return _("a whole number with more than 4,300 digits")
    if isinstance(value, str):
        return _("the text {value}", value=repr(_short(value)))
    if isinstance(value, list | tuple):
        return _.plural("a list of {count} item", "a list of {count} items", len(value))
    if isinstance(value, Mapping):
        return _("a mapping")
    if isinstance(value, bytes | bytearray):
        return _("binary data (a !!binary value)")
    if isinstance(value, AbstractSet):
        return _.plural(
            "a set of {count} item (a !!set value)",
            "a set of {count} items (a !!set value)",
            len(value),
        )
    tag = _tag(value)
    if isinstance(tag, str) and tag:
        return _("a value tagged {tag} (tags other than YAML's own are not read)", tag=tag)
    return _("a value cmc cannot read here")


#: The words of what a field expects.
TEXT = Phrase(N_("text"))
TRUE_OR_FALSE = Phrase(N_("true or false"))
A_WHOLE_NUMBER = Phrase(N_("a whole number"))
A_NUMBER = Phrase(N_("a number"))
A_MAPPING = Phrase(N_("a mapping"))
A_LIST = Phrase(N_("a list"))

#: The model's choices by name, as a message names them ("a value kind").
_CHOICE_NAMES = {
    "language": N_("language"),
    "status": N_("status"),
    "role": N_("role"),
    "value kind": N_("value kind"),
    "value level": N_("value level"),
    "process kind": N_("process kind"),
    "mode": N_("mode"),
    "factor side": N_("factor side"),
    "factor key": N_("factor key"),
    "development kind": N_("development kind"),
    "level": N_("level"),
    "principle key": N_("principle key"),
    "principle status": N_("principle status"),
    "legal form": N_("legal form"),
    "flow kind": N_("flow kind"),
    "access": N_("access"),
    "provenance": N_("provenance"),
    "period": N_("period"),
    "saving status": N_("saving status"),
}


def choice_name(enum_type: type[enum.Enum]) -> Phrase:
    """``a value kind``: what a field of the enum ``enum_type`` expects, by name."""
    name = words(enum_type.__name__)
    return Phrase(N_("a {choice}"), choice=Phrase(_CHOICE_NAMES.get(name, name)))


def expected_phrase(annotation: Any) -> Phrase:
    """What a field of this type wants, in words: ``text``, ``one of: a, b``, ``a list of text``."""
    inner = optional_inner(annotation)
    if inner is not None:
        return expected_phrase(inner)
    if annotation is str:
        return TEXT
    if annotation is bool:
        return TRUE_OR_FALSE
    if annotation is int:
        return A_WHOLE_NUMBER
    if annotation is float:
        return A_NUMBER
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        choices = ", ".join(str(member.value) for member in annotation)
        return Phrase(N_("one of: {choices}"), choices=choices)
    item = tuple_item(annotation)
    if item is not None:
        return A_LIST if is_record(item) else _list_of(item)
    return A_MAPPING


def _list_of(item: Any) -> Phrase:
    if item is str:
        return Phrase(N_("a list of text"))
    if isinstance(item, type) and issubclass(item, enum.Enum):
        name = words(item.__name__)
        return Phrase(N_("a list of {choice} values"), choice=Phrase(_CHOICE_NAMES.get(name, name)))
    return Phrase(N_("a list of items"))


def words(name: str) -> str:
    """``ValueKind`` -> ``value kind``."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
