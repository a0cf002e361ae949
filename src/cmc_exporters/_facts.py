"""Schema version 2's facts as the exporters write them, in Dutch and English.

Numbers, percentages, amounts in a unit per period, a party standing for a group of
organisations, owners with their shares and how a fact is known (provenance) are said the same
way in every export, by the functions here: the report exporters (markdown, html, svg) in their
blocks and tables, the diagram exporters (mermaid, dot) on their boxes and arrows.

Numbers follow the language: ``1,200.5`` in English, ``1.200,5`` in Dutch, whole numbers
without decimals, with up to 15 significant digits and never in exponent form, however large
or small (a volume of a million is ``1,000,000``, not ``1e+06``; ``1.23e-07`` is
``0.000000123``); :func:`plain` writes them without separators, as the csv exporter does. A
percentage is such a number and `` %`` (``12,5 %`` in Dutch). A fact known from a source is
the normal case and gets no marker; ``(inferred)`` and ``(unverified)`` mark the others, so a
reader sees what to check: the report exporters put the marker first, next to the name of
what it marks.

Everything returned is the canvas's raw text with fixed words around it: each exporter escapes
it for its format. The few fixed words are here rather than in :mod:`cmc_exporters._words`,
so that the diagram exporters, which load whenever the plugins do, stay light.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from decimal import ROUND_DOWN, Context, Decimal

from cmc_core.model import Stake
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language, Period, Provenance, label

__all__ = [
    "amount",
    "number",
    "owners",
    "percent",
    "plain",
    "provenance_marker",
    "represents",
]

_ = Messages("cmc_exporters", "exporters")

#: Swaps the thousands and the decimal separator: English ``1,200.5`` to Dutch ``1.200,5``.
_DUTCH_SEPARATORS = str.maketrans({",": ".", ".": ","})

_WORDS: dict[str, str] = {
    "per": N_("per"),
    "represents": N_("stands for {count} organisations"),
    "represents_one": N_("stands for 1 organisation"),
}


def _say(key: str, language: Language, **values: object) -> str:
    """A fixed word of the facts in ``language``, with ``{placeholders}`` filled."""
    return _.translate(_WORDS[key], language, **values)


def _tidy(text: str) -> str:
    """``text`` on one line with single spaces, as a unit or period is shown."""
    return " ".join(text.split())


#: The significant digits a number keeps: as many as a float holds exactly in decimal.
_DIGITS = 15
#: Above this, rounding to 15 digits may give more than the largest float (``1.79769313486232``
#: times 10^308 reads back as infinity), so the digits are cut off instead (:data:`_TRUNCATED`).
_LARGEST_ROUNDED = 1.7976931348623e308
_TRUNCATED = Context(prec=_DIGITS, rounding=ROUND_DOWN)


def _positional(value: float, separators: str) -> str:
    """``value`` in positional notation, never in exponent form: rounded to 15 significant
    digits, without trailing zeros; ``separators`` is ``","`` for thousands separators (English
    style) or ``""``. A whole number (an ``int``) keeps all its digits; infinity and NaN, which
    a canvas cannot hold, are written as Python writes them."""
    if isinstance(value, int):
        return format(value, f"{separators}d")
    if not math.isfinite(value):
        return format(value, "g")
    if value == 0:
        return "0"  # and not "-0"
    if abs(value) < _LARGEST_ROUNDED:
        # ``g`` rounds to 15 digits and drops trailing zeros, but writes a very large or small
        # number with an exponent: then a Decimal's ``f`` writes it out.
        text = format(value, f"{separators}.{_DIGITS}g")
        if "e" not in text:
            return text
        return format(Decimal(format(value, f".{_DIGITS}g")), f"{separators}f")
    # The largest floats would round up past the largest float: cut the digits off instead.
    return format(_TRUNCATED.create_decimal(value).normalize(), f"{separators}f")


def plain(value: float) -> str:
    """``value`` as a program reads it back: ``1200``, ``1500.5``, ``0.000000123`` (never
    ``1.23e-07``), with a ``.`` for the decimals and no thousands separators."""
    return _positional(value, "")


def number(value: float, language: Language) -> str:
    """``value`` as ``language`` writes it, with thousands separators (``1,200`` / ``1.200``),
    never in exponent form (``10,000,000,000,000,000,000,000``; ``0.000000123``)."""
    text = _positional(value, ",")
    return text.translate(_DUTCH_SEPARATORS) if language is Language.NL else text


def percent(value: float, language: Language) -> str:
    """A percentage as the blocks write it: ``12.5 %`` in English, ``12,5 %`` in Dutch."""
    return f"{number(value, language)} %"


def amount(value: float, unit: str, period: Period | None, language: Language) -> str:
    """How much, in ``unit`` per ``period`` (each when given): ``1,200 TEU per week``.

    ``unit: "%"`` (a share) is written as a percentage: ``24 %``.
    """
    unit = _tidy(unit)
    text = percent(value, language) if unit == "%" else number(value, language)
    if unit and unit != "%":
        text += f" {unit}"
    if period is not None:
        text += f" {_say('per', language)} {label(period, language)}"
    return text


def represents(count: int, language: Language) -> str:
    """What a party standing for ``count`` organisations is: ``stands for 2,000 organisations``."""
    if count == 1:
        return _say("represents_one", language)
    return _say("represents", language, count=number(count, language))


def owners(stakes: Iterable[Stake], name: Callable[[str | None], str], language: Language) -> str:
    """Owners with their shares, where given: ``Port Authority (60 %), City (40 %)``.

    :param name: the name shown for a party id (``?`` for none, the id for an unknown one).
    """
    return ", ".join(
        name(stake.party)
        + (f" ({percent(stake.share, language)})" if stake.share is not None else "")
        for stake in stakes
    )


def provenance_marker(provenance: Provenance | None, language: Language) -> str:
    """``(inferred)`` or ``(unverified)`` in ``language``; nothing for a sourced fact or none
    said, the normal case."""
    if provenance is None or provenance is Provenance.SOURCED:
        return ""
    return f"({label(provenance, language)})"
