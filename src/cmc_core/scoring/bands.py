"""Bands: a score from 0 to 100 read as weak, adequate or strong.

The default cut-offs are weak below 40, adequate from 40 and below 70, strong from 70. They are
a workshop convention, not a measurement: a band says where to look first, the reasons say what
to do. Every caller can pass its own :class:`Bands`.
"""

from __future__ import annotations

import enum
import math

import attrs

from cmc_core.scoring.contract import MAXIMUM_SCORE
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language

_ = Messages("cmc_core", "scores")

__all__ = ["DEFAULT_BANDS", "Band", "Bands"]


class Band(enum.StrEnum):
    """How a score reads, from weak to strong."""

    WEAK = "weak"
    ADEQUATE = "adequate"
    STRONG = "strong"

    def label(self, language: Language | None = None) -> str:
        """The band as a person reads it, in ``language`` (default: the current language);
        its value (``weak``) stays the key in JSON."""
        return _.translate(_LABELS[self], language)


#: The bands' labels, translated when shown.
_LABELS = {Band.WEAK: N_("weak"), Band.ADEQUATE: N_("adequate"), Band.STRONG: N_("strong")}


def _check_cut(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (isinstance(value, int | float) and math.isfinite(value)):
        raise ValueError(f"{attribute.name} must be a finite number, got {value!r}")
    if not 0 <= value <= MAXIMUM_SCORE:
        raise ValueError(
            f"{attribute.name} must lie between 0 and {MAXIMUM_SCORE:g}, got {value!r}"
        )


@attrs.frozen
class Bands:
    """The cut-offs between the bands: a score below ``adequate`` is weak, one from ``adequate``
    up to (not including) ``strong`` is adequate, one from ``strong`` is strong.

    :param adequate: the lowest adequate score (default 40).
    :param strong: the lowest strong score (default 70).
    :raises ValueError: when a cut-off is outside 0-100 or ``adequate`` exceeds ``strong``.
    """

    adequate: float = attrs.field(default=40.0, validator=_check_cut)
    strong: float = attrs.field(default=70.0, validator=_check_cut)

    def __attrs_post_init__(self) -> None:
        if self.adequate > self.strong:
            raise ValueError(
                f"the adequate cut-off {self.adequate:g} lies above the strong one {self.strong:g}"
            )

    def band(self, score: float) -> Band:
        """The band a score falls in."""
        if score >= self.strong:
            return Band.STRONG
        if score >= self.adequate:
            return Band.ADEQUATE
        return Band.WEAK

    def to_dict(self) -> dict[str, float]:
        """The cut-offs as JSON-ready data."""
        return {"adequate": self.adequate, "strong": self.strong}


#: Weak below 40, adequate from 40, strong from 70.
DEFAULT_BANDS = Bands()
