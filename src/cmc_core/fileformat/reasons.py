"""Other libraries' reasons in the current language: the JSON and TOML parsers, dates, base64,
and the model's own checks.

A load problem frames a reason in cmc's words (``invalid JSON: ...``); the reason itself often
comes from a library that speaks only English: orjson, tomllib, :mod:`datetime`,
:mod:`binascii`, or the model's attrs validators (which may not import the catalogs: the model
knows nothing of languages). The reasons these give for the files people write are listed here,
as exact texts or as patterns with fields, so that a Dutch message says them in Dutch. A reason
not listed is shown as the library wrote it, inside the translated frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from cmc_core.translation import N_, Messages

__all__ = [
    "base64_reason",
    "date_reason",
    "json_reason",
    "toml_reason",
    "validator_reason",
]

_ = Messages("cmc_core", "files")

#: A reason of a library and the text that says it, its fields the pattern's named groups.
_Pattern = tuple[re.Pattern[str], str]

#: What orjson says about the JSON people write by hand.
_JSON_WORDS: Final = frozenset(
    (
        N_("input data is empty"),
        N_("unexpected end of data"),
        N_("trailing comma is not allowed"),
        N_("number with leading zero is not allowed"),
        N_("unexpected character, expected a JSON value"),
        N_("invalid escaped sequence in string"),
        N_("no low surrogate in string"),
        N_("invalid high surrogate in string"),
        N_("invalid low surrogate in string"),
        N_("unexpected control character in string"),
        N_("unexpected character, expected a string key"),
        N_("unexpected character, expected ':' after key"),
        N_("unexpected character, expected ',' or ']'"),
        N_("unexpected character, expected ',' or '}'"),
        N_("unexpected content after document"),
        N_("no digit after sign"),
        N_("no digit after decimal point"),
    )
)

_JSON_PATTERNS: Final[tuple[_Pattern, ...]] = (
    (
        re.compile(r"^invalid literal, expected (?P<word>'\w+')$"),
        N_("invalid literal, expected {word}"),
    ),
)

#: What tomllib says, as exact texts and as patterns (``Cannot declare ('a',) twice``).
_TOML_WORDS: Final = frozenset(
    (
        N_("Expected '=' after a key in a key/value pair"),
        N_("Invalid value"),
        N_("Cannot overwrite a value"),
        N_("Expected ']' at the end of a table declaration"),
        N_("Expected ']]' at the end of an array declaration"),
        N_("Unterminated string"),
        N_("Invalid initial character for a key part"),
        N_("Expected newline or end of document after a statement"),
        N_("Invalid statement"),
        N_("Escaped character is not a Unicode scalar value"),
        N_("Unescaped '\\' in a string"),
        N_('Expected "\'"'),
        N_("Unclosed array"),
        N_("Unclosed inline table"),
        N_("Invalid hex value"),
    )
)
_TOML_PATTERNS: Final[tuple[_Pattern, ...]] = (
    (re.compile(r"^Cannot declare (?P<key>.+) twice$"), N_("Cannot declare {key} twice")),
    (
        re.compile(r"^Cannot mutate immutable namespace (?P<key>.+)$"),
        N_("Cannot mutate immutable namespace {key}"),
    ),
    (re.compile(r"^Illegal character (?P<character>.+)$"), N_("Illegal character {character}")),
)
_AT_END = " (at end of document)"
_AT = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")

#: What :mod:`datetime` says about a date or a time that does not exist.
_DATE_WORDS: Final = frozenset(
    (
        N_("month must be in 1..12"),
        N_("day is out of range for month"),
        N_("hour must be in 0..23"),
        N_("minute must be in 0..59"),
        N_("second must be in 0..59"),
        N_("date value out of range"),
    )
)
_DATE_PATTERNS: Final[tuple[_Pattern, ...]] = (
    (re.compile(r"^year (?P<year>-?\d+) is out of range$"), N_("year {year} is out of range")),
    (re.compile(r"^offset must be a timedelta strictly between .*$"), N_("no such time zone")),
)

#: What :mod:`binascii` says about data that is no base64.
_BASE64_WORDS: Final = frozenset((N_("Incorrect padding"),))
_BASE64_PATTERNS: Final[tuple[_Pattern, ...]] = (
    (
        re.compile(
            r"^Invalid base64-encoded string: number of data characters \((?P<count>\d+)\) "
            r"cannot be 1 more than a multiple of 4$"
        ),
        N_("the number of base64 characters ({count}) cannot be 1 more than a multiple of 4"),
    ),
)

#: The units the model's bounded fields declare (``bounded(0, 100, unit="a percentage")``).
_UNITS: Final = {
    "a percentage": N_("a percentage"),
    "a number of organisations": N_("a number of organisations"),
    "a number of suppliers": N_("a number of suppliers"),
    "a number of demanders": N_("a number of demanders"),
    "an amount": N_("an amount"),
}
_BOUNDED = re.compile(
    r"^(?P<name>\w+) must be (?:(?P<unit>.+?) )?"
    r"(?:of at least (?P<least>\S+)|from (?P<low>\S+) to (?P<high>\S+)), not (?P<value>.+)$"
)
_TWICE = re.compile(r"^(?P<key>.+) is given twice$")


def _said(reason: str, words: Iterable[str], patterns: Iterable[_Pattern] = ()) -> str:
    """``reason`` in the current language when it is one of ``words`` or matches a pattern."""
    if reason in words:
        return _.translate(reason)
    for pattern, text in patterns:
        found = pattern.match(reason)
        if found is not None:
            fields: dict[str, object] = {
                name: value or "" for name, value in found.groupdict().items()
            }
            return _.translate(text, None, **fields)
    return reason


def json_reason(reason: str) -> str:
    """orjson's reason for refusing a document, in the current language where it is known."""
    return _said(reason, _JSON_WORDS, _JSON_PATTERNS)


def toml_reason(reason: str) -> str:
    """tomllib's reason, with or without its ``(at line L, column C)``, in the current
    language."""
    reason = reason.strip()
    at = _AT.search(reason)
    if at is not None:
        said = _said(reason[: at.start()], _TOML_WORDS, _TOML_PATTERNS)
        return _(
            "{reason} (at line {line}, column {column})",
            reason=said,
            line=at["line"],
            column=at["column"],
        )
    if reason.endswith(_AT_END):
        said = _said(reason.removesuffix(_AT_END), _TOML_WORDS, _TOML_PATTERNS)
        return _("{reason} (at end of document)", reason=said)
    return _said(reason, _TOML_WORDS, _TOML_PATTERNS)


def date_reason(reason: str) -> str:
    """Why :mod:`datetime` refused a date or a time, in the current language where known."""
    return _said(reason, _DATE_WORDS, _DATE_PATTERNS)


def base64_reason(reason: str) -> str:
    """Why :mod:`binascii` refused base64 data, in the current language where known."""
    return _said(reason, _BASE64_WORDS, _BASE64_PATTERNS)


def validator_reason(reason: str) -> str:
    """A message of the model's own checks (its attrs validators) in the current language.

    The model words them in English and cannot import the catalogs; the two it raises while a
    document is read are a number outside its field's bounds and a key given twice.
    """
    bounded = _BOUNDED.match(reason)
    if bounded is not None:
        fields = bounded.groupdict()
        unit = fields["unit"]
        if unit is not None and unit not in _UNITS:
            return reason
        shown = _.translate(_UNITS[unit]) if unit is not None else ""
        if fields["least"] is not None:
            if unit is None:
                return _(
                    "{name} must be at least {least}, not {value}",
                    name=fields["name"],
                    least=fields["least"],
                    value=fields["value"],
                )
            return _(
                "{name} must be {unit} of at least {least}, not {value}",
                name=fields["name"],
                unit=shown,
                least=fields["least"],
                value=fields["value"],
            )
        if unit is None:
            return _(
                "{name} must be from {low} to {high}, not {value}",
                name=fields["name"],
                low=fields["low"],
                high=fields["high"],
                value=fields["value"],
            )
        return _(
            "{name} must be {unit} from {low} to {high}, not {value}",
            name=fields["name"],
            unit=shown,
            low=fields["low"],
            high=fields["high"],
            value=fields["value"],
        )
    twice = _TWICE.match(reason)
    if twice is not None:
        return _("{key} is given twice", key=twice["key"])
    return reason
