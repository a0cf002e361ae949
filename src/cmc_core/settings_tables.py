"""Checking a plugin's settings table against the attrs class that declares it.

The checks are those of cmc's own keys: an unknown key, a value of the wrong type and a value
the class's validators refuse each raise :class:`~cmc_core.config.ConfigError` naming the
key as written (``plugins.friction.max_share``) and the file and line it is on. TOML values are
taken strictly: ``3`` is no ``bool``, ``"3"`` no ``int``, ``true`` no number.
"""

from __future__ import annotations

import difflib
import enum
import math
import re
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar, Union

import attrs

from cmc_core.rules.configuration import ConfigError
from cmc_core.translation import Messages

__all__ = ["line_of", "settings_from_table"]

T = TypeVar("T")
_ = Messages("cmc_core", "files")


class _MismatchError(Exception):
    """A value is not of the declared type; ``expected`` says what would be."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def settings_from_table(
    settings_class: type[T],
    table: object,
    *,
    key_prefix: str,
    source: str | None = None,
    text: str = "",
    table_path: Sequence[str] = (),
) -> T:
    """An instance of ``settings_class`` from a configuration table.

    :param key_prefix: the table's key as messages name it (``plugins.friction``).
    :param source: the configuration file, named in errors with the line when ``text`` is given.
    :param text: the file's text, to find the line of a key.
    :param table_path: the table's full path in the file (``tool``, ``cmc``, ``plugins``, ...).
    :raises ConfigError: for an unknown key, a value of the wrong type, or one the class refuses.
    """

    def where(key: str | None) -> dict[str, Any]:
        """The ``source`` and ``line`` of a :class:`ConfigError` about ``key`` (or the table)."""
        if source is None:
            return {}
        return {"source": source, "line": line_of(text, (*table_path, *([key] if key else [])))}

    if not isinstance(table, Mapping):
        message = _("expected a table of settings, got {value}", value=_shown(table))
        raise ConfigError(message, key_prefix, **where(None))
    hints = typing.get_type_hints(settings_class)
    fields = {field.name: field for field in attrs.fields(settings_class)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = str(raw_key)
        name = key.replace("-", "_")
        shown_key = f"{key_prefix}.{key}"
        if name not in fields:
            raise ConfigError(_unknown(name, list(fields)), shown_key, **where(key))
        try:
            values[name] = _checked(value, hints.get(name, Any))
        except _MismatchError as mismatch:
            message = _(
                "expected {expected}, got {value}", expected=mismatch.expected, value=_shown(value)
            )
            raise ConfigError(message, shown_key, **where(key)) from None
    try:
        return settings_class(**values)
    except (ValueError, TypeError) as refusal:  # the class's own validators
        message = _("the plugin refuses these settings: {reason}", reason=refusal)
        raise ConfigError(message, key_prefix, **where(None)) from None


def _unknown(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return _("unknown key; did you mean {name}?", name=repr(close[0]))
    if not known:
        return _("unknown key; this plugin has no settings")
    return _("unknown key; the keys are {keys}", keys=", ".join(sorted(known)))


def _checked(value: object, annotation: Any) -> Any:
    """``value`` as the type ``annotation`` takes it, or :class:`_MismatchError`."""
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return value
    if annotation is bool:
        if isinstance(value, bool):
            return value
        raise _MismatchError(_("true or false"))
    if annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _MismatchError(_("a whole number"))
    if annotation is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value) if abs(value) < 1e308 else math.inf
            if math.isfinite(number):
                return number
        raise _MismatchError(_("a finite number"))
    if annotation is str:
        if isinstance(value, str):
            return value
        raise _MismatchError(_("text"))
    if origin is Literal:
        choices = typing.get_args(annotation)
        if value in choices and not isinstance(value, bool):
            return value
        raise _MismatchError(_("one of {choices}", choices=", ".join(map(repr, choices))))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        for member in annotation:
            if value in (member.value, member.name):
                return member
        members = ", ".join(repr(member.value) for member in annotation)
        raise _MismatchError(_("one of {choices}", choices=members))
    if origin in (tuple, list):
        arguments = typing.get_args(annotation)
        item_type = arguments[0] if arguments else Any
        if not isinstance(value, list):
            raise _MismatchError(_("a list"))
        items = [_checked(item, item_type) for item in value]
        return tuple(items) if origin is tuple else items
    if origin in (Union, types.UnionType):
        for arm in typing.get_args(annotation):
            try:
                return _checked(value, arm)
            except _MismatchError:
                continue
        raise _MismatchError(" | ".join(_name_of(arm) for arm in typing.get_args(annotation)))
    return value  # a type of the plugin's own: its validators decide


def _name_of(annotation: Any) -> str:
    return getattr(annotation, "__name__", str(annotation))


def _shown(value: object, limit: int = 60) -> str:
    if isinstance(value, bool):  # as TOML writes it, not as Python does
        return "true" if value else "false"
    try:
        text = repr(value)
    except ValueError:  # a whole number of more than 4,300 digits
        return _("a whole number of more than 4,300 digits")
    return text if len(text) <= limit else text[: limit - 3] + "..."


_HEADER = re.compile(r"^\s*\[\[?\s*(?P<path>[^\]]+?)\s*\]\]?\s*(#.*)?$")
_NAME = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^\s*(?P<key>{_NAME}(?:\s*\.\s*{_NAME})*)\s*=")
#: A dot outside quotes: what separates the parts of a dotted key.
_DOT = re.compile(r"""\.(?=(?:[^"']|"[^"]*"|'[^']*')*$)""")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in _DOT.split(dotted))


def line_of(text: str, path: Sequence[str]) -> int | None:
    """The 1-based line of the key or table at ``path`` in a TOML text, or of the deepest
    table or key above it that the text names (a key inside an inline table is on its table's
    line); ``None`` when the text names none of it.
    """
    wanted = tuple(path)
    current: tuple[str, ...] = ()
    best: tuple[int, int] | None = None  # (depth, line)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = _parts(header.group("path"))
            found = current
        else:
            key = _KEY.match(line)
            if key is None:
                continue
            found = (*current, *_parts(key.group("key")))
        if found == wanted:
            return number
        if wanted[: len(found)] == found and (best is None or len(found) > best[0]):
            best = (len(found), number)
    return best[1] if best is not None else None
