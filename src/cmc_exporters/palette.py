"""The one colour scheme of cmc's posters and decks: the html page, the svg poster and the
PowerPoint deck (the ``cmc-pptx`` plugin) all take their colours from here.

Each zone of the canvas has a light colour (:attr:`ZoneColours.fill`, the zone's background)
and a dark one (:attr:`ZoneColours.edge`, its border, headings and labels; white text on it
reads well enough for a heading). Colours are ``#rrggbb`` strings; :func:`hex_digits` gives the
six digits a library such as python-pptx wants.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

import attrs

from cmc_core.blueprint import ZoneKey

__all__ = [
    "BANDS",
    "CHANGE_STATES",
    "INK",
    "LINE",
    "MUTED",
    "PAPER",
    "SOFT",
    "ZONES",
    "ZoneColours",
    "css_variables",
    "hex_digits",
    "zone_colours",
]


@attrs.frozen
class ZoneColours:
    """The two colours of a zone: ``fill`` (light, its background) and ``edge`` (dark, its
    border and headings)."""

    fill: str
    edge: str


#: Text.
INK: Final = "#1f2933"
#: Secondary text: facts, notes, questions of an empty block.
MUTED: Final = "#5f6b7a"
#: Thin rules: table cells, block borders.
LINE: Final = "#d5dae1"
#: Table headings and empty bars.
SOFT: Final = "#f3f5f8"
#: The sheet, and the inside of a block.
PAPER: Final = "#ffffff"

#: Each zone's colours, by zone key (``"direction"``).
ZONES: Final = MappingProxyType(
    {
        ZoneKey.DIRECTION.value: ZoneColours("#fdf1e4", "#b8621b"),
        ZoneKey.MARKET.value: ZoneColours("#e8f1fb", "#2f5f96"),
        ZoneKey.ORGANISING.value: ZoneColours("#e6f5ea", "#2f7442"),
        ZoneKey.CHANGE.value: ZoneColours("#f3ecfa", "#6b4391"),
    }
)
#: A score band's colour, by band (``"weak"``).
BANDS: Final = MappingProxyType({"weak": "#b03a2e", "adequate": "#8a5a00", "strong": "#2f7442"})
#: The tint of a line added, changed or removed since an earlier version.
CHANGE_STATES: Final = MappingProxyType(
    {"added": "#dff3e4", "changed": "#fff1cc", "removed": "#fde2e2"}
)


def zone_colours(zone: ZoneKey | str) -> ZoneColours:
    """The colours of ``zone`` (a :class:`~cmc_core.blueprint.ZoneKey` or its value)."""
    return ZONES[zone.value if isinstance(zone, ZoneKey) else zone]


def hex_digits(colour: str) -> str:
    """``#2f5f96`` as ``2F5F96``, as python-pptx's ``RGBColor.from_string`` wants it."""
    return colour.removeprefix("#").upper()


def css_variables() -> tuple[tuple[str, str], ...]:
    """The palette as CSS custom properties (name without ``--``, value), in a fixed order:
    what the html page's style sheet declares on ``:root``."""
    variables = [("ink", INK), ("muted", MUTED), ("line", LINE), ("soft", SOFT)]
    for key, colours in ZONES.items():
        variables += [(key, colours.fill), (f"{key}-edge", colours.edge)]
    variables += list(CHANGE_STATES.items())
    variables += list(BANDS.items())
    return tuple(variables)
