"""Comparing two score cards: before and after an edit, or two variants of a design.

Dimensions are matched by name. A reason counts as the same in both cards when its text and
path are; one whose text changed (a new count, another share) shows as removed and added, which
is what a facilitator wants to see: the fact changed.
"""

from __future__ import annotations

from typing import Any

import attrs

from cmc_core.scoring.bands import Band
from cmc_core.scoring.card import DimensionScore, ScoreCard, UnknownScorerError, reason_to_dict
from cmc_core.scoring.contract import Reason

__all__ = ["DimensionChange", "ScoreComparison", "compare"]


def _key(reason: Reason) -> tuple[str, str]:
    return (reason.text, reason.path)


def _difference(first: tuple[Reason, ...], second: tuple[Reason, ...]) -> tuple[Reason, ...]:
    present = {_key(reason) for reason in second}
    return tuple(reason for reason in first if _key(reason) not in present)


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


@attrs.frozen
class DimensionChange:
    """How one dimension changed.

    :param name: the dimension's name.
    :param title: its title (from the later card when it has the dimension).
    :param before: the dimension in the first card, ``None`` when that card lacks it.
    :param after: the dimension in the second card, ``None`` when that card lacks it.
    """

    name: str
    title: str
    before: DimensionScore | None
    after: DimensionScore | None

    def _score(self, dimension: DimensionScore | None) -> float | None:
        return dimension.score if dimension is not None and dimension.applicable else None

    @property
    def delta(self) -> float | None:
        """After minus before; ``None`` unless the dimension applies in both cards."""
        return _delta(self._score(self.before), self._score(self.after))

    @property
    def band_before(self) -> Band | None:
        """The band in the first card."""
        return None if self.before is None else self.before.band

    @property
    def band_after(self) -> Band | None:
        """The band in the second card."""
        return None if self.after is None else self.after.band

    @property
    def band_changed(self) -> bool:
        """Whether the band differs between the cards."""
        return self.band_before != self.band_after

    @property
    def reasons_added(self) -> tuple[Reason, ...]:
        """Reasons of the second card that the first lacks."""
        before = () if self.before is None else self.before.reasons
        after = () if self.after is None else self.after.reasons
        return _difference(after, before)

    @property
    def reasons_removed(self) -> tuple[Reason, ...]:
        """Reasons of the first card that the second lacks."""
        before = () if self.before is None else self.before.reasons
        after = () if self.after is None else self.after.reasons
        return _difference(before, after)

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data."""
        band_before, band_after = self.band_before, self.band_after
        return {
            "name": self.name,
            "title": self.title,
            "before": self._score(self.before),
            "after": self._score(self.after),
            "delta": self.delta,
            "band_before": None if band_before is None else band_before.value,
            "band_after": None if band_after is None else band_after.value,
            "band_changed": self.band_changed,
            "reasons_added": [reason_to_dict(reason) for reason in self.reasons_added],
            "reasons_removed": [reason_to_dict(reason) for reason in self.reasons_removed],
        }


@attrs.frozen
class ScoreComparison:
    """Two score cards side by side.

    :param before: the first card.
    :param after: the second card.
    :param dimensions: a change per dimension: the second card's order, then dimensions only
        the first card has.
    """

    before: ScoreCard
    after: ScoreCard
    dimensions: tuple[DimensionChange, ...]

    @property
    def overall_delta(self) -> float | None:
        """After minus before of the overall scores; ``None`` when either has none."""
        return _delta(self.before.overall, self.after.overall)

    def dimension(self, name: str) -> DimensionChange:
        """The change of one dimension.

        :raises UnknownScorerError: when neither card has it.
        """
        for change in self.dimensions:
            if change.name == name:
                return change
        raise UnknownScorerError(name, [c.name for c in self.dimensions], "dimension")

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON-ready data."""
        before, after = self.before, self.after
        return {
            "overall": {
                "before": before.overall,
                "after": after.overall,
                "delta": self.overall_delta,
                "band_before": None if before.band is None else before.band.value,
                "band_after": None if after.band is None else after.band.value,
            },
            "dimensions": [change.to_dict() for change in self.dimensions],
        }


def compare(before: ScoreCard, after: ScoreCard) -> ScoreComparison:
    """Compare two score cards dimension by dimension."""
    first = {dimension.name: dimension for dimension in before.dimensions}
    second = {dimension.name: dimension for dimension in after.dimensions}
    names = list(second) + [name for name in first if name not in second]
    changes = tuple(
        DimensionChange(
            name=name,
            title=(second.get(name) or first[name]).title,
            before=first.get(name),
            after=second.get(name),
        )
        for name in names
    )
    return ScoreComparison(before=before, after=after, dimensions=changes)
