"""The score card: every dimension's score, band and reasons, and a weighted overall score.

:func:`score_canvas` runs scorers over a canvas. The scorers of one run share one
:class:`~cmc_core.scoring.ScoreContext`, so what several of them need on a large canvas (the
flow counts, the network analysis) is computed once. Pure model: no I/O, no plugin loading;
the command line gets the scorers from the plugins and passes them in.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Diagnostic, Severity
from cmc_core.errors import CmcError
from cmc_core.gctools import gc_paused
from cmc_core.plugin_config import PluginConfig
from cmc_core.scoring.bands import DEFAULT_BANDS, Band, Bands
from cmc_core.scoring.contract import Reason, ScoreContext, Scorer
from cmc_core.translation import N_, Messages

_ = Messages("cmc_core", "scores")

__all__ = [
    "DimensionScore",
    "DuplicateScorerError",
    "InvalidWeightError",
    "ScoreCard",
    "UnknownScorerError",
    "check_weights",
    "error_cap",
    "reason_to_dict",
    "score_canvas",
]


class UnknownScorerError(CmcError, LookupError):
    """No scorer of the card has this name.

    :param name: the name asked for.
    :param known: the names there are.
    """

    def __init__(self, name: str, known: Iterable[str], what: str = "scorer") -> None:
        self.name = name
        self.known = tuple(known)
        close = difflib.get_close_matches(name, self.known, n=1)
        if close and what == "dimension":
            text = N_(
                "there is no dimension {name}; did you mean {close}? The scorers are: {known}."
            )
        elif close:
            text = N_("there is no scorer {name}; did you mean {close}? The scorers are: {known}.")
        elif what == "dimension":
            text = N_("there is no dimension {name}. The scorers are: {known}.")
        else:
            text = N_("there is no scorer {name}. The scorers are: {known}.")
        super().__init__(
            _.translate(
                text,
                name=repr(name),
                close=repr(close[0]) if close else "",
                known=", ".join(self.known) or _("none"),
            )
        )


class InvalidWeightError(CmcError, ValueError):
    """A weight is not a finite number of at least 0."""


class DuplicateScorerError(CmcError, ValueError):
    """Two scorers of one card have the same name."""


def reason_to_dict(reason: Reason) -> dict[str, Any]:
    """A reason as JSON-ready data."""
    return {"text": reason.text, "path": reason.path, "effect": reason.effect}


@attrs.frozen
class DimensionScore:
    """One dimension on the card.

    :param name: the scorer's name, such as ``market-balance``.
    :param title: its one-line title.
    :param score: from 0 to 100 (0 when not applicable).
    :param band: the band of the score; ``None`` when the dimension does not apply.
    :param weight: its weight in the overall score.
    :param reasons: the facts that produced the score, most important first.
    :param applicable: whether the dimension says anything about this canvas.
    """

    name: str
    title: str
    score: float
    band: Band | None
    weight: float
    reasons: tuple[Reason, ...] = ()
    applicable: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The dimension as JSON-ready data."""
        return {
            "name": self.name,
            "title": self.title,
            "score": self.score,
            "band": None if self.band is None else self.band.value,
            "weight": self.weight,
            "applicable": self.applicable,
            "reasons": [reason_to_dict(reason) for reason in self.reasons],
        }


@attrs.frozen
class ScoreCard:
    """Every dimension of one canvas, in the order the scorers were given, and the overall score.

    :param dimensions: one per scorer.
    :param overall: the weighted mean of the applicable dimensions' scores; ``None`` when no
        applicable dimension has a weight above 0.
    :param band: the band of the overall score (``None`` with it).
    :param bands: the cut-offs the bands were read with.
    :param notes: facts about the overall score itself, such as the cap an error put on it.
    """

    dimensions: tuple[DimensionScore, ...]
    overall: float | None
    band: Band | None
    bands: Bands = DEFAULT_BANDS
    notes: tuple[Reason, ...] = ()

    def names(self) -> tuple[str, ...]:
        """The dimensions' names, in card order."""
        return tuple(dimension.name for dimension in self.dimensions)

    def dimension(self, name: str) -> DimensionScore:
        """The dimension of this name.

        :raises UnknownScorerError: when the card has none (with a suggestion).
        """
        for dimension in self.dimensions:
            if dimension.name == name:
                return dimension
        raise UnknownScorerError(name, self.names(), "dimension")

    @property
    def reasons(self) -> dict[str, tuple[Reason, ...]]:
        """The reasons per dimension name, in card order."""
        return {dimension.name: dimension.reasons for dimension in self.dimensions}

    def to_dict(self) -> dict[str, Any]:
        """The card as JSON-ready data."""
        return {
            "overall": self.overall,
            "band": None if self.band is None else self.band.value,
            "bands": self.bands.to_dict(),
            "notes": [reason_to_dict(reason) for reason in self.notes],
            "dimensions": [dimension.to_dict() for dimension in self.dimensions],
        }


def check_weights(scorers: Iterable[Scorer], weights: Mapping[str, float] | None) -> None:
    """Refuse weights that name no scorer of the card or are no finite number of at least 0.

    :raises UnknownScorerError: a weight names no scorer (with a suggestion).
    :raises InvalidWeightError: a weight is negative or not a finite number.
    """
    _weights(tuple(scorers), weights)


def _weights(scorers: tuple[Scorer, ...], weights: Mapping[str, float] | None) -> list[float]:
    names = [scorer.name for scorer in scorers]
    chosen = dict(weights or {})
    for name, weight in chosen.items():
        if name not in names:
            raise UnknownScorerError(name, names)
        if not (isinstance(weight, int | float) and math.isfinite(weight) and weight >= 0):
            raise InvalidWeightError(
                _(
                    "the weight of {name} must be a finite number of at least 0, got {weight}",
                    name=repr(name),
                    weight=repr(weight),
                )
            )
    return [float(chosen.get(scorer.name, scorer.weight)) for scorer in scorers]


def _overall(dimensions: Iterable[DimensionScore]) -> float | None:
    counted = [d for d in dimensions if d.applicable and d.weight > 0]
    total = math.fsum(d.weight for d in counted)
    if not total:
        return None
    mean = math.fsum(d.weight * d.score for d in counted) / total
    return min(100.0, max(0.0, mean))


def error_cap(bands: Bands) -> float:
    """The highest score a dimension (or the overall score) may have while the canvas has an
    error it concerns: one point below the strong cut-off, so never in the top band.

    An error-level diagnostic means the canvas does not describe a business community (domain
    reference 3.4); a score card that calls it strong would contradict the report.
    """
    return max(0.0, bands.strong - 1.0)


def _cap_reason(errors: list[Diagnostic], cap: float, overall: bool) -> Reason:
    fields = {
        "cap": f"{cap:g}",
        "codes": ", ".join(sorted({error.code for error in errors})),
        "message": errors[0].message,
    }
    if overall:
        text = _.plural(
            "The overall score is capped at {cap} because the canvas has an error ({codes}): "
            "{message}",
            "The overall score is capped at {cap} because the canvas has {count} errors "
            "({codes}): {message}",
            len(errors),
            **fields,
        )
    else:
        text = _.plural(
            "This dimension is capped at {cap} because the canvas has an error ({codes}): "
            "{message}",
            "This dimension is capped at {cap} because the canvas has {count} errors "
            "({codes}): {message}",
            len(errors),
            **fields,
        )
    return Reason(text=text, path=errors[0].path)


def _capped(
    score: float, reasons: tuple[Reason, ...], errors: list[Diagnostic], cap: float, overall: bool
) -> tuple[float, tuple[Reason, ...]]:
    if not errors or score <= cap:
        return score, reasons
    return cap, (_cap_reason(errors, cap, overall), *reasons)


def score_canvas(
    canvas: Canvas,
    scorers: Iterable[Scorer] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    extras: Mapping[str, Any] | None = None,
    bands: Bands = DEFAULT_BANDS,
    errors: Iterable[Diagnostic] = (),
    plugin_config: PluginConfig | None = None,
) -> ScoreCard:
    """Score a canvas on every dimension and make the card.

    :param scorers: the dimensions, in card order; the built-ins
        (:data:`~cmc_core.scoring.builtin.BUILTIN_SCORERS`) when ``None``.
    :param weights: weights by scorer name, replacing the scorers' own.
    :param extras: further inputs for the scorers, such as ``{"quickscan": answers}``.
    :param bands: the cut-offs between weak, adequate and strong.
    :param errors: the canvas's validation diagnostics (a report's, as
        :func:`~cmc_core.assess` passes them); those of error level cap the overall score and
        every dimension whose scorer lists the rule (:attr:`Scorer.rules`) at
        :func:`error_cap`, with a reason first that says so. Other levels are ignored.
    :param plugin_config: the plugins' settings from the configuration, which a plugin's scorer
        reads with :meth:`ScoreContext.plugin_config`.
    :raises UnknownScorerError: when ``weights`` names no scorer (with a suggestion).
    :raises InvalidWeightError: when a weight is negative or not a finite number.
    :raises DuplicateScorerError: when two scorers share a name.
    """
    if scorers is None:
        # The built-in dimensions (and the rules and questionnaires they read) load on first
        # use, so that importing cmc_core.scoring for its contract stays light.
        from cmc_core.scoring.builtin import BUILTIN_SCORERS  # noqa: PLC0415

        scorers = BUILTIN_SCORERS
    chosen = tuple(scorers)
    seen: set[str] = set()
    for scorer in chosen:
        if scorer.name in seen:
            raise DuplicateScorerError(_("two scorers are named {name}", name=repr(scorer.name)))
        seen.add(scorer.name)
    effective = _weights(chosen, weights)
    context = ScoreContext(canvas, extras or {}, plugins=plugin_config or PluginConfig())
    with gc_paused():  # the scorers build many small objects on a large canvas; no cycles
        scores = [scorer(canvas, context) for scorer in chosen]
    found = [error for error in errors if error.severity is Severity.ERROR]
    cap = error_cap(bands)
    dimensions = []
    for scorer, weight, score in zip(chosen, effective, scores, strict=True):
        concern = [error for error in found if error.code in scorer.rules]
        value, reasons = _capped(float(score.value), score.reasons, concern, cap, overall=False)
        dimensions.append(
            DimensionScore(
                name=scorer.name,
                # in the current language, from the scorer's own catalog (a plugin's) or ours
                title=(scorer.messages or _).translate(scorer.title) if scorer.title else "",
                score=value,
                band=bands.band(value) if score.applicable else None,
                weight=weight,
                reasons=reasons,
                applicable=score.applicable,
            )
        )
    overall = _overall(dimensions)
    notes: tuple[Reason, ...] = ()
    if overall is not None:
        overall, notes = _capped(overall, (), found, cap, overall=True)
    return ScoreCard(
        dimensions=tuple(dimensions),
        overall=overall,
        band=None if overall is None else bands.band(overall),
        bands=bands,
        notes=notes,
    )
