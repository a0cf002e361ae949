"""What a YAML scalar means: YAML 1.2 as ruamel.yaml reads it (1.1 after ``%YAML 1.1``).

The fast reader (:mod:`cmc_core.fileformat.yaml_load`) gets each scalar's text from libyaml and
turns it into plain data here, so that a file means what it meant when every read went through
ruamel.yaml: ``yes``, ``no`` and ``on`` stay text, ``0777`` is 777 (not octal), ``1:20`` is text,
``.inf`` and ``.nan`` are floats, ``2024-05-01`` is a date, read as its ISO text (the model keeps
dates as text). The patterns are ruamel.yaml's resolver tables, the conversions those of its
round-trip constructor, without its types: a loaded value is a plain ``str``, ``int``, ``float``,
``bool`` or ``None``. Tests compare both readers on generated scalars.

Explicit tags: the core ones (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``,
``!!timestamp``) convert as YAML says; ``!!binary`` gives bytes and any other tag on a scalar a
:class:`Tagged` value, which the canvas reader refuses naming the tag. A value YAML allows but
Python cannot build (a date that does not exist, a whole number of more than 4,300 digits)
raises :class:`ScalarError`, which the reader reports at the scalar's line and column.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import re
import sys
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any, Final

import attrs

from cmc_core.fileformat.errors import LoadProblemKind
from cmc_core.fileformat.reasons import base64_reason, date_reason
from cmc_core.fileformat.wording import LONG_NUMBER
from cmc_core.translation import Messages

__all__ = [
    "CORE",
    "MERGE",
    "Resolver",
    "ScalarError",
    "Tagged",
    "YamlSet",
    "explicit_key",
    "explicit_value",
    "key_text",
    "resolver",
    "short_tag",
]

_ = Messages("cmc_core", "files")

#: The prefix of YAML's own tags: ``!!int`` is ``tag:yaml.org,2002:int``.
CORE: Final = "tag:yaml.org,2002:"


class ScalarError(ValueError):
    """A scalar YAML allows that cannot become a value; the message is in the file's words.

    :param kind: the kind of load problem it is: ``"invalid-value"`` (a date that does not
        exist, ``!!int abc``), ``"too-large"`` (a number too long to read) or ``"unsafe"`` (bad
        ``!!binary`` data).
    """

    def __init__(self, message: str, kind: LoadProblemKind = "invalid-value") -> None:
        super().__init__(message)
        self.kind: LoadProblemKind = kind


class _Merge:
    """The merge key ``<<`` in key position: its mapping's members join the enclosing one."""

    def __repr__(self) -> str:
        return "MERGE"


#: What the key ``<<`` resolves to.
MERGE: Final = _Merge()


@attrs.frozen
class Tagged:
    """A scalar under a tag the canvas format does not read (``!foo x``, ``!!merge x``).

    :param tag: the tag as the file writes it (``!foo``, ``!!merge``).
    :param value: the scalar's text.
    """

    tag: str
    value: str

    def __str__(self) -> str:
        return self.value


class YamlSet(AbstractSet[Any]):
    """The members of a ``!!set``: a set the canvas format has no place for, kept as written."""

    def __init__(self, members: list[Any]) -> None:
        self._members = list(dict.fromkeys(members))

    def __contains__(self, member: object) -> bool:
        return member in self._members

    def __iter__(self) -> Iterator[Any]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def __repr__(self) -> str:
        return f"YamlSet({self._members!r})"


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:int`` as a person writes it: ``!!int``."""
    return "!!" + tag.removeprefix(CORE) if tag.startswith(CORE) else tag


# -- ruamel.yaml's resolver tables -------------------------------------------------------------

_FLOAT_12 = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_FLOAT_11 = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT_12 = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_INT_11 = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0?[0-7_]+
    |[-+]?(?:0|[1-9][0-9_]*)
    |[-+]?0x[0-9a-fA-F_]+
    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
    re.X,
)
_TIMESTAMP = re.compile(
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)
# The parts of a timestamp, as ruamel.yaml's constructor takes it apart.
_TIMESTAMP_PARTS = re.compile(
    r"""^(?P<year>[0-9][0-9][0-9][0-9])
    -(?P<month>[0-9][0-9]?)
    -(?P<day>[0-9][0-9]?)
    (?:((?P<t>[Tt])|[ \t]+)
    (?P<hour>[0-9][0-9]?)
    :(?P<minute>[0-9][0-9])
    :(?P<second>[0-9][0-9])
    (?:\.(?P<fraction>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
    (?::(?P<tz_minute>[0-9][0-9]))?))?)?$""",
    re.X,
)
_WORDS_12: Final[dict[str, bool | None]] = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("~", "null", "Null", "NULL"), None),
}
_BOOLS_11: Final = ("y", "Y", "yes", "Yes", "YES", "on", "On", "ON")
_WORDS_11: Final[dict[str, bool | None]] = {
    **_WORDS_12,
    **dict.fromkeys(_BOOLS_11, True),
    **dict.fromkeys(("n", "N", "no", "No", "NO", "off", "Off", "OFF"), False),
}
#: What ``!!bool`` takes, in any case (ruamel.yaml's table, for both versions).
_BOOL_WORDS: Final = {"yes": True, "no": False, "y": True, "n": False}
_BOOL_WORDS.update({"true": True, "false": False, "on": True, "off": False})


def _quoted(text: str) -> str:
    """A scalar's text as a message quotes it: no more than 40 characters."""
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _number_text(text: str) -> tuple[int, str]:
    """The sign and the digits of a number, underscores removed."""
    digits = text.replace("_", "")
    if digits[:1] in ("-", "+"):
        return (-1 if digits[0] == "-" else 1), digits[1:]
    return 1, digits


def _sexagesimal(parts: list[Any]) -> Any:
    """``1:20`` in YAML 1.1: base 60, for whole numbers and floats alike."""
    value, base = parts[0] * 0, 1
    for part in reversed(parts):
        value += part * base
        base *= 60
    return value


def _printable(number: int) -> int:
    """``number``, if Python can print it: it refuses more than 4,300 decimal digits, which
    binary, octal and hexadecimal numbers can reach without a limit of their own."""
    limit = sys.get_int_max_str_digits()
    if limit and number.bit_length() > limit * 3 and abs(number) >= 10**limit:
        raise ScalarError(str(LONG_NUMBER), "too-large")
    return number


def _to_int(text: str, version: str) -> int:
    sign, digits = _number_text(text)
    try:
        for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
            if digits.startswith(prefix):
                return _printable(sign * int(digits[2:], base))
        if version == "1.1" and len(digits) > 1 and digits[0] == "0":
            return _printable(sign * int(digits, 8))
        if version == "1.1" and ":" in digits:
            return sign * int(_sexagesimal([int(part) for part in digits.split(":")]))
        return sign * int(digits)
    except ScalarError:
        raise
    except ValueError as error:
        if "digits" in str(error) and len(digits) > 4300:
            raise ScalarError(str(LONG_NUMBER), "too-large") from None
        raise ScalarError(_("{text} is not a whole number", text=_quoted(text))) from None


def _to_float(text: str, version: str) -> float:
    sign, digits = _number_text(text.lower())
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    try:
        if version == "1.1" and ":" in digits:
            return sign * float(_sexagesimal([float(part) for part in digits.split(":")]))
        return sign * float(digits)
    except ValueError:
        raise ScalarError(_("{text} is not a number", text=_quoted(text))) from None


def _timestamp(text: str) -> tuple[str, str]:
    """The ISO text of a date or a time stamp, and its text as a mapping key.

    As ruamel.yaml builds it: a fraction is rounded to microseconds, ``Z`` and offsets become
    a time zone. A key is written as ruamel.yaml's time stamp prints itself: with a space
    between date and time unless the file had a ``T``.
    """
    parts = _TIMESTAMP_PARTS.match(text)
    if parts is None:
        raise ScalarError(_("{text} is not a date or a time", text=_quoted(text)))
    values = parts.groupdict()
    try:
        date = datetime.date(int(values["year"]), int(values["month"]), int(values["day"]))
        if values["hour"] is None:
            return date.isoformat(), date.isoformat()
        fraction, carry = 0, 0
        if values["fraction"]:
            digits = values["fraction"]
            fraction = int(digits[:6].ljust(6, "0"))
            if len(digits) > 6 and int(digits[6]) > 4:
                fraction += 1
            if fraction > 999_999:
                fraction, carry = 0, 1
        zone = None
        if values["tz_sign"]:
            offset = datetime.timedelta(
                hours=int(values["tz_hour"]), minutes=int(values["tz_minute"] or 0)
            )
            zone = datetime.timezone(-offset if values["tz_sign"] == "-" else offset)
        elif values["tz"] == "Z":
            zone = datetime.timezone(datetime.timedelta(0))
        stamp = datetime.datetime(
            date.year,
            date.month,
            date.day,
            int(values["hour"]),
            int(values["minute"]),
            int(values["second"]),
            fraction,
            zone,
        ) + datetime.timedelta(seconds=carry)
    except (ValueError, OverflowError) as error:
        message = _(
            "{text} is not a date that exists ({reason}); put it in quotes if it is text",
            text=repr(text),
            reason=date_reason(str(error)),
        )
        raise ScalarError(message) from None
    return stamp.isoformat(), stamp.isoformat("T" if values["t"] else " ")


# -- resolving plain scalars ----------------------------------------------------------------------

#: Resolves a plain (unquoted, untagged) scalar: to its value, or to its text as a key.
Resolver = Callable[[str], Any]


def _resolver(version: str, as_key: bool) -> Resolver:
    words = _WORDS_11 if version == "1.1" else _WORDS_12
    floats = _FLOAT_11 if version == "1.1" else _FLOAT_12
    ints = _INT_11 if version == "1.1" else _INT_12
    # What a scalar may be, by its first character: most text is none of these.
    number, word, other = 1, 2, 3
    kinds = dict.fromkeys("-+.0123456789", number)
    kinds.update(dict.fromkeys((key[0] for key in words if key), word))
    kinds.update({"<": other, "=": other})
    decimal = version == "1.2"  # in 1.1 a leading 0 makes a number octal
    missing = object()

    def resolve_number(text: str) -> Any:
        if decimal and text.isdigit() and text.isascii() and len(text) < 4300:
            return int(text)  # the most common number, without a regular expression
        if floats.match(text):
            return _to_float(text, version)
        if ints.match(text):
            return _to_int(text, version)
        if _TIMESTAMP.match(text):
            return _timestamp(text)[1 if as_key else 0]
        return text

    def resolve(text: str) -> Any:
        if not text:
            return None
        kind = kinds.get(text[0])
        if kind is None:
            return text
        if kind == number:
            return resolve_number(text)
        if kind == word:
            found = words.get(text, missing)
            return text if found is missing else found
        if text == "<<":
            return MERGE if as_key else Tagged("!!merge", text)
        if text == "=" and not as_key:
            return Tagged("!!value", text)
        return text

    return resolve


_RESOLVERS: Final = {
    (version, as_key): _resolver(version, as_key)
    for version in ("1.1", "1.2")
    for as_key in (False, True)
}


def resolver(version: tuple[int, int] | None, *, as_key: bool = False) -> Resolver:
    """The resolver of plain scalars for a document's ``%YAML`` version (1.2 without one)."""
    return _RESOLVERS["1.1" if version == (1, 1) else "1.2", as_key]


def key_text(value: Any) -> str:
    """A key that is not text, as text: the keys of the file form are text (``~`` for null)."""
    if value is None:
        return "~"
    return str(value)


# -- explicit tags --------------------------------------------------------------------------------


def explicit_value(tag: str, text: str, version: tuple[int, int] | None) -> Any:
    """A scalar under an explicit tag, as ruamel.yaml's round-trip constructor builds it.

    :raises ScalarError: the text is not a value of its tag.
    """
    name = tag.removeprefix(CORE) if tag.startswith(CORE) else None
    kind = "1.1" if version == (1, 1) else "1.2"
    if name == "str":
        return text
    if name == "int":
        return _to_int(text, kind)
    if name == "float":
        return _to_float(text, kind)
    if name == "null":
        return None
    if name == "bool":
        try:
            return _BOOL_WORDS[text.lower()]
        except KeyError:
            raise ScalarError(_("{text} is not true or false", text=_quoted(text))) from None
    if name == "timestamp":
        return _timestamp(text)[0]
    if name == "binary":
        return _binary(text)
    return Tagged(short_tag(tag), text)


def explicit_key(tag: str, text: str, version: tuple[int, int] | None) -> str:
    """A key under an explicit tag, as text.

    :raises ScalarError: the text is not a value of its tag.
    """
    if tag == CORE + "timestamp":
        return _timestamp(text)[1]
    value = explicit_value(tag, text, version)
    return value if isinstance(value, str) else key_text(value)


def _binary(text: str) -> bytes:
    try:
        data = text.encode("ascii")
    except UnicodeEncodeError:
        message = _("!!binary data must be base64 text (ASCII only)")
        raise ScalarError(message, "unsafe") from None
    try:
        return base64.decodebytes(data)
    except binascii.Error as error:
        message = _("!!binary data is not base64 ({reason})", reason=base64_reason(str(error)))
        raise ScalarError(message, "unsafe") from None
