"""A timeline: how one community's verdict and scores change over its snapshots.

A community is designed in steps (a pilot, the launch, a later state), and each step can be a
canvas of its own, dated by ``meta.as_of``. :func:`build_timeline` reads the assessment of each
snapshot (its validation report and its score card, made once, see
:func:`cmc_core.assessment.assess`) and lines them up:

- per snapshot its verdict (it fails when the report has an error-level diagnostic), how many
  errors, warnings and infos it has, and every dimension's score and band;
- per dimension, and for the overall score, the series of scores and the change from the first
  snapshot to the last;
- per step between two consecutive snapshots, the rule codes that appeared, disappeared or
  changed severity: that is what a changed verdict means to a practitioner.

**Order.** When every snapshot has an ISO date in ``meta.as_of`` (``2018``, ``2018-04``,
``2018-04-15``, possibly with a time), the snapshots are put in the order of those dates; a
year comes before its months, and snapshots of the same date keep the order they were given
in. Otherwise (one snapshot has no date, or a date in another form, such as ``spring 2019``,
that text order would put in the wrong place) they stay in the order given.
:attr:`Timeline.ordered_by` says which.

Pure model, like the rest of :mod:`cmc_core.scoring`: it reads assessments made elsewhere and
never validates, scores or loads anything itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from cmc_core.scoring.bands import Band
from cmc_core.scoring.card import DimensionScore
from cmc_core.scoring.snapshot import Assessed, CodeSummary, Snapshot, score_of

__all__ = [
    "Assessed",
    "CodeChange",
    "CodeSummary",
    "DimensionSeries",
    "Snapshot",
    "Step",
    "Timeline",
    "build_timeline",
]

#: An ISO date (year, month or day precision), possibly with a local time: text order is time
#: order, and a year comes before its months.
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?")


def _change(scores: Sequence[float | None]) -> float | None:
    """Last minus first; ``None`` unless both have a score."""
    if not scores or scores[0] is None or scores[-1] is None:
        return None
    return scores[-1] - scores[0]


@attrs.frozen
class DimensionSeries:
    """One dimension over the snapshots of a timeline.

    :param name: the dimension's name.
    :param title: its title (from the last snapshot that has it).
    :param points: the dimension on each snapshot, in timeline order; ``None`` where the
        snapshot's card lacks it (a plugin's scorer that was not installed then).
    """

    name: str
    title: str
    points: tuple[DimensionScore | None, ...]

    @property
    def scores(self) -> tuple[float | None, ...]:
        """The score on each snapshot; ``None`` where it is missing or does not apply."""
        return tuple(score_of(point) for point in self.points)

    @property
    def bands(self) -> tuple[Band | None, ...]:
        """The band on each snapshot; ``None`` where it is missing or does not apply."""
        return tuple(None if point is None else point.band for point in self.points)

    @property
    def change(self) -> float | None:
        """The last score minus the first; ``None`` unless both snapshots have one."""
        return _change(self.scores)

    def to_dict(self) -> dict[str, Any]:
        """The series as JSON-ready data."""
        return {
            "name": self.name,
            "title": self.title,
            "scores": list(self.scores),
            "bands": [None if band is None else band.value for band in self.bands],
            "change": self.change,
        }


@attrs.frozen
class CodeChange:
    """How one rule code changed from one snapshot to the next.

    :param code: the rule code.
    :param before: what it reported on the earlier snapshot, ``None`` when nothing.
    :param after: what it reported on the later snapshot, ``None`` when nothing.
    """

    code: str
    before: CodeSummary | None
    after: CodeSummary | None

    @property
    def kind(self) -> Literal["appeared", "disappeared", "changed"]:
        """``appeared`` (new on the later snapshot), ``disappeared`` (gone from it) or
        ``changed`` (reported on both, at another severity)."""
        if self.before is None:
            return "appeared"
        if self.after is None:
            return "disappeared"
        return "changed"

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data."""
        return {
            "code": self.code,
            "kind": self.kind,
            "before": _summary(self.before),
            "after": _summary(self.after),
        }


@attrs.frozen
class Step:
    """From one snapshot of a timeline to the next: the rule codes whose verdict changed.

    A code reported on both snapshots at the same severity is no change, however often it
    reported (the counts are on the snapshots).

    :param before: the index of the earlier snapshot in the timeline.
    :param after: the index of the later one (``before + 1``).
    :param changes: one per code that appeared, disappeared or changed severity, in code order.
    """

    before: int
    after: int
    changes: tuple[CodeChange, ...]

    @property
    def appeared(self) -> tuple[CodeChange, ...]:
        """Codes the later snapshot reports and the earlier one did not."""
        return tuple(change for change in self.changes if change.kind == "appeared")

    @property
    def disappeared(self) -> tuple[CodeChange, ...]:
        """Codes the earlier snapshot reported and the later one does not."""
        return tuple(change for change in self.changes if change.kind == "disappeared")

    @property
    def changed(self) -> tuple[CodeChange, ...]:
        """Codes both report, at another severity (a warning that became an error)."""
        return tuple(change for change in self.changes if change.kind == "changed")

    def to_dict(self) -> dict[str, Any]:
        """The step as JSON-ready data: what appeared (as the later snapshot reports it), what
        disappeared (as the earlier one reported it) and what changed severity."""
        return {
            "before": self.before,
            "after": self.after,
            "appeared": [_summary(change.after) for change in self.appeared],
            "disappeared": [_summary(change.before) for change in self.disappeared],
            "changed": [change.to_dict() for change in self.changed],
        }


def _summary(summary: CodeSummary | None) -> dict[str, Any] | None:
    return None if summary is None else summary.to_dict()


def _step(index: int, before: Snapshot, after: Snapshot) -> Step:
    first = {summary.code: summary for summary in before.codes}
    second = {summary.code: summary for summary in after.codes}
    changes = []
    for code in sorted(first.keys() | second.keys()):
        old, new = first.get(code), second.get(code)
        if old is not None and new is not None and old.severity is new.severity:
            continue
        changes.append(CodeChange(code, old, new))
    return Step(index, index + 1, tuple(changes))


@attrs.frozen
class Timeline:
    """Snapshots of one community in order, with how their scores and verdicts changed.

    Make one with :func:`build_timeline`.

    :param snapshots: in timeline order (see the module's documentation).
    :param ordered_by: ``"as_of"`` when the snapshots were put in the order of their
        ``meta.as_of`` dates, ``"given"`` when they are in the order given.
    """

    snapshots: tuple[Snapshot, ...]
    ordered_by: Literal["as_of", "given"] = "given"

    @property
    def labels(self) -> tuple[str, ...]:
        """The snapshots' labels, in order."""
        return tuple(snapshot.label for snapshot in self.snapshots)

    @property
    def dimensions(self) -> tuple[DimensionSeries, ...]:
        """A series per dimension: in the order of the first card that has each."""
        names: dict[str, str] = {}
        for snapshot in self.snapshots:
            for dimension in snapshot.card.dimensions:
                names[dimension.name] = dimension.title  # the latest title wins
        cards = [
            {dimension.name: dimension for dimension in snapshot.card.dimensions}
            for snapshot in self.snapshots
        ]
        return tuple(
            DimensionSeries(name, title, tuple(card.get(name) for card in cards))
            for name, title in names.items()
        )

    @property
    def overall(self) -> tuple[float | None, ...]:
        """The overall score of each snapshot."""
        return tuple(snapshot.overall for snapshot in self.snapshots)

    @property
    def overall_change(self) -> float | None:
        """The last overall score minus the first; ``None`` unless both have one."""
        return _change(self.overall)

    @property
    def steps(self) -> tuple[Step, ...]:
        """One step per pair of consecutive snapshots."""
        pairs = zip(self.snapshots, self.snapshots[1:], strict=False)
        return tuple(_step(index, before, after) for index, (before, after) in enumerate(pairs))

    def to_dict(self) -> dict[str, Any]:
        """The timeline as JSON-ready data: the snapshots, the series and the steps."""
        return {
            "ordered_by": self.ordered_by,
            "snapshots": [snapshot.to_dict() for snapshot in self.snapshots],
            "overall": {
                "scores": list(self.overall),
                "bands": [
                    None if snapshot.band is None else snapshot.band.value
                    for snapshot in self.snapshots
                ],
                "change": self.overall_change,
            },
            "dimensions": [series.to_dict() for series in self.dimensions],
            "steps": [
                {
                    "from": self.snapshots[step.before].label,
                    "to": self.snapshots[step.after].label,
                    **step.to_dict(),
                }
                for step in self.steps
            ],
        }


def _unique_labels(snapshots: list[Snapshot]) -> list[Snapshot]:
    """The snapshots, a date shared by several followed by each one's name: ``2024 (a.yaml)``."""
    counts = Counter(snapshot.label for snapshot in snapshots)
    return [
        attrs.evolve(snapshot, label=f"{snapshot.label} ({snapshot.name})")
        if counts[snapshot.label] > 1 and snapshot.name and snapshot.name != snapshot.label
        else snapshot
        for snapshot in snapshots
    ]


def build_timeline(assessments: Iterable[Assessed], names: Iterable[str] | None = None) -> Timeline:
    """The timeline of snapshots of one community.

    :param assessments: one per snapshot, such as ``assess(canvas)`` of each canvas; made with
        the same rules, scorers and configuration, so that a change is the canvas's.
    :param names: the name of each snapshot (its file), in the same order; a snapshot without
        ``meta.as_of`` is labelled with it. When several snapshots have the same date, each
        label adds the name.
    :returns: the snapshots in the order of their dates when each has an ISO date in
        ``meta.as_of``, else in the order given (:attr:`Timeline.ordered_by` says which).
    :raises ValueError: when ``names`` has another length than ``assessments``.
    """
    given = list(assessments)
    labels = [""] * len(given) if names is None else list(names)
    if len(labels) != len(given):
        raise ValueError(f"{len(labels)} names for {len(given)} snapshots")
    snapshots = _unique_labels(
        [Snapshot.of(assessment, name) for assessment, name in zip(given, labels, strict=True)]
    )
    dated = all(
        snapshot.as_of is not None and _ISO_DATE.fullmatch(snapshot.as_of) for snapshot in snapshots
    )
    if dated and snapshots:
        ordered = sorted(snapshots, key=lambda snapshot: snapshot.as_of or "")  # stable
        return Timeline(tuple(ordered), "as_of")
    return Timeline(tuple(snapshots), "given")
