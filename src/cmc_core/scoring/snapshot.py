"""One snapshot of a community: a canvas's verdict and scores, for a timeline.

A :class:`Snapshot` is read from an assessment (:func:`cmc_core.assessment.assess`): its
validation report gives the verdict and the rule codes found, its score card the dimensions.
:mod:`cmc_core.scoring.timeline` lines snapshots up over time.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal, Protocol

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Report, Severity
from cmc_core.scoring.bands import Band
from cmc_core.scoring.card import DimensionScore, ScoreCard

__all__ = ["Assessed", "CodeSummary", "Snapshot", "score_of"]


class Assessed(Protocol):
    """What a snapshot is made from: a canvas with its report and score card, made together.

    :class:`cmc_core.assessment.Assessment` is one (from :func:`cmc_core.assessment.assess`);
    any object with these three attributes will do.
    """

    @property
    def canvas(self) -> Canvas:
        """The canvas (its ``meta.as_of`` dates the snapshot)."""
        ...

    @property
    def report(self) -> Report:
        """The canvas's validation report."""
        ...

    @property
    def scores(self) -> ScoreCard:
        """The canvas's score card."""
        ...


@attrs.frozen
class CodeSummary:
    """What one rule code reported on a snapshot.

    :param code: the rule code, such as ``CMC006``.
    :param severity: the worst severity among its diagnostics.
    :param count: how many diagnostics it reported.
    :param message: the message of its first diagnostic of that severity, as an example.
    """

    code: str
    severity: Severity
    count: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "count": self.count,
            "message": self.message,
        }


def _summaries(report: Report) -> tuple[CodeSummary, ...]:
    """One summary per code of the report, in code order."""
    counts = Counter(diagnostic.code for diagnostic in report)
    worst: dict[str, tuple[Severity, str]] = {}
    for diagnostic in report:  # in the report's stable order, so the example is stable too
        known = worst.get(diagnostic.code)
        if known is None or diagnostic.severity.rank > known[0].rank:
            worst[diagnostic.code] = (diagnostic.severity, diagnostic.message)
    return tuple(
        CodeSummary(code, worst[code][0], counts[code], worst[code][1]) for code in sorted(worst)
    )


@attrs.frozen
class Snapshot:
    """One canvas of the community at one moment: its verdict and its score card.

    :param label: what the snapshot is called in a timeline: ``meta.as_of`` when it is set,
        else the name it was given (its file), else the canvas's ``meta.name``; in a timeline
        no two snapshots have one label (see :func:`cmc_core.scoring.build_timeline`).
    :param name: the name it was given (a file name, ``example:NAME``), or ``""``.
    :param as_of: the canvas's ``meta.as_of``, ``None`` when not set.
    :param errors: how many error-level diagnostics its report has.
    :param warnings: how many warnings.
    :param infos: how many infos.
    :param codes: what each rule code reported, in code order.
    :param card: its score card.
    """

    label: str
    name: str
    as_of: str | None
    errors: int
    warnings: int
    infos: int
    codes: tuple[CodeSummary, ...]
    card: ScoreCard

    @classmethod
    def of(cls, assessment: Assessed, name: str = "", label: str | None = None) -> Snapshot:
        """The snapshot of one assessment.

        :param name: the name the canvas was given (its file), shown when it has no date.
        :param label: the label to use; by default ``meta.as_of``, else ``name``, else the
            canvas's name.
        """
        canvas, report = assessment.canvas, assessment.report
        as_of = (canvas.meta.as_of or "").strip() or None
        if label is None:
            label = as_of or name or canvas.meta.name.strip()
        return cls(
            label=label,
            name=name,
            as_of=as_of,
            errors=len(report.errors),
            warnings=len(report.warnings),
            infos=len(report.with_severity(Severity.INFO)),
            codes=_summaries(report),
            card=assessment.scores,
        )

    @property
    def passed(self) -> bool:
        """Whether the snapshot passes the rules: no error-level diagnostic."""
        return self.errors == 0

    @property
    def verdict(self) -> Literal["pass", "fail"]:
        """``"pass"`` or ``"fail"``, as ``cmc check`` would exit (0 or 1)."""
        return "pass" if self.passed else "fail"

    @property
    def overall(self) -> float | None:
        """The overall score (``None`` when the card has none)."""
        return self.card.overall

    @property
    def band(self) -> Band | None:
        """The band of the overall score."""
        return self.card.band

    def code(self, code: str) -> CodeSummary | None:
        """What ``code`` reported on this snapshot, ``None`` when nothing."""
        return next((summary for summary in self.codes if summary.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        """The snapshot as JSON-ready data: verdict, counts, codes and scores (no reasons; the
        score card of one canvas, ``cmc score FILE --format json``, has them)."""
        return {
            "label": self.label,
            "name": self.name,
            "as_of": self.as_of,
            "verdict": self.verdict,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "codes": [summary.to_dict() for summary in self.codes],
            "overall": self.overall,
            "band": None if self.band is None else self.band.value,
            "dimensions": [
                {
                    "name": dimension.name,
                    "title": dimension.title,
                    "score": score_of(dimension),
                    "band": None if dimension.band is None else dimension.band.value,
                    "applicable": dimension.applicable,
                }
                for dimension in self.card.dimensions
            ],
        }


def score_of(dimension: DimensionScore | None) -> float | None:
    """The score of a dimension that applies, else ``None``."""
    return dimension.score if dimension is not None and dimension.applicable else None
