"""The words of load messages: how a value, an expectation and a suggestion are put.

Shared by the detailed hooks (which raise :class:`MismatchError` and :class:`UnknownKeysError`)
and by the problem builder; free of cattrs, so that reading a good document never imports it.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Literal

from cmc_core.fileformat.layout import is_record, optional_inner, tuple_item

__all__ = [
    "LONG_NUMBER",
    "MismatchError",
    "UnknownKeysError",
    "describe_value",
    "expected_phrase",
    "is_tagged",
    "suggestion",
    "words",
]


class MismatchError(TypeError):
    """A value of the wrong type, or outside the values its field allows.

    :param kind: ``"wrong-type"``, or ``"invalid-value"`` for a value of the right type that the
        field does not allow (an unknown choice, a number out of range); the kind of the
        :class:`~cmc_core.fileformat.LoadProblem` it becomes. A value only a YAML tag makes
        (``!!binary``, ``!!set``, ``!custom``) is of kind ``"unsafe"`` wherever it is found.
    """

    def __init__(
        self,
        expected: str,
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
        return f"; did you mean {close[0]!r}?"
    return f"; expected one of: {', '.join(known)}" if known else ""


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


#: Python's int() refuses a number of more than 4,300 digits (a guard against slow conversions);
#: YAML, TOML and the configuration say so in these words.
LONG_NUMBER = "a whole number with more than 4,300 digits is too long to read"


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
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, int | float):
        try:
            return f"the number {value!r}"
        except ValueError:  # TOML's 0xfff... can be longer than the 4,300 digits Python prints
            return "a whole number with more than 4,300 digits"
    if isinstance(value, str):
        return f"the text {_short(value)!r}"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, bytes | bytearray):
        return "binary data (a !!binary value)"
    if isinstance(value, AbstractSet):
        return f"a set of {len(value)} item{'' if len(value) == 1 else 's'} (a !!set value)"
    tag = _tag(value)
    if isinstance(tag, str) and tag:
        return f"a value tagged {tag} (tags other than YAML's own are not read)"
    return "a value cmc cannot read here"


def expected_phrase(annotation: Any) -> str:
    """What a field of this type wants, in words: ``text``, ``one of: a, b``, ``a list of text``."""
    inner = optional_inner(annotation)
    if inner is not None:
        return expected_phrase(inner)
    if annotation is str:
        return "text"
    if annotation is bool:
        return "true or false"
    if annotation is int:
        return "a whole number"
    if annotation is float:
        return "a number"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "one of: " + ", ".join(str(member.value) for member in annotation)
    item = tuple_item(annotation)
    if item is not None:
        return "a list" if is_record(item) else f"a list of {_plural(item)}"
    return "a mapping"


def _plural(item: Any) -> str:
    if item is str:
        return "text"
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return f"{words(item.__name__)} values"
    return "items"


def words(name: str) -> str:
    """``ValueKind`` -> ``value kind``."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
