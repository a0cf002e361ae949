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

**Order.** When every snapshot has a date in ``meta.as_of``, the snapshots are put in the order
of those dates. A date is a year (``2023``), a year and month (``2023-09``) or anything Python
3.11's :meth:`datetime.datetime.fromisoformat` reads: a day (``2023-09-15``), possibly with a
time (``2023-09-15T10:00``, ``2023-09-15 10:00:05.5``) and an offset (``2023-09-15T08:30Z``,
``2023-09-15T10:00+02:00``). Each date stands for the first instant it covers, and a date or
time without an offset is read as UTC, so that times with and without an offset compare; on
one instant a coarser date comes first (a year before its months, a month before its days, a
day before its times), and snapshots of one date keep the order they were given in. Otherwise
(one snapshot has no date, or text that is not one, such as ``spring 2019``, ``2023-Q3`` or an
impossible ``2023-13`` or ``2023-02-30``) they stay in the order given.
:attr:`Timeline.ordered_by` says which.

**Labels.** A snapshot is labelled with its ``meta.as_of``, else the name it was given (its
file), else its canvas's ``meta.name``. Labels are unique: snapshots of one date add their names
(``2023-09 (a.cmc.yaml)``), and any that are still alike (one file given twice, or snapshots
without names) add their place in the timeline (``2023-09 (a.cmc.yaml) #2``).

Pure model, like the rest of :mod:`cmc_core.scoring`: it reads assessments made elsewhere and
never validates, scores or loads anything itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
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

#: A year, or a year and month: the dates ``datetime.fromisoformat`` does not read.
_YEAR_MONTH = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")
#: How coarse a date is, for dates on one instant: a year before its months, a month before its
#: days, a day before its times.
_YEAR, _MONTH, _DAY, _TIME = range(4)


def _when(as_of: str | None) -> tuple[timedelta, int] | None:
    """Where ``as_of`` goes in time: the first instant it covers (from ``datetime.min`` in UTC;
    a date or time without an offset is read as UTC) and how coarse it is. ``None`` when it is
    no date: neither a year, a year and month, nor anything ``datetime.fromisoformat`` reads
    (``spring 2023``, ``2023-13``, ``2023-02-30``)."""
    if not as_of:
        return None
    year_month = _YEAR_MONTH.fullmatch(as_of)
    text = as_of[:-1] + "Z" if as_of.endswith("z") else as_of  # 3.11 reads only "Z"
    try:
        if year_month is not None:
            year, month = year_month.groups()
            start = datetime(int(year), int(month or 1), 1)
            return start - datetime.min, _YEAR if month is None else _MONTH
        moment = datetime.fromisoformat(text)
    except ValueError:  # month 13, day 30 of February, "spring 2023"
        return None
    try:
        date.fromisoformat(text)
        coarseness = _DAY
    except ValueError:
        coarseness = _TIME
    since = moment.replace(tzinfo=None) - datetime.min  # a timedelta: no overflow at year 1
    offset = moment.utcoffset()
    return (since if offset is None else since - offset), coarseness


def _change(scores: Sequence[float | None]) -> float | None:
    """Last minus first; ``None`` unless both have a score, and for one snapshot (nothing to
    change from)."""
    if len(scores) < 2 or scores[0] is None or scores[-1] is None:
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
        """The last score minus the first; ``None`` unless both snapshots have one, and on a
        timeline of one snapshot."""
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
        """The last overall score minus the first; ``None`` unless both have one, and on a
        timeline of one snapshot."""
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
    """The snapshots (in timeline order) with a label each that no other has.

    A label that several share (a date) adds each one's name: ``2024 (a.yaml)``. A label still
    shared (one file given twice, or no names) adds the snapshot's place in the timeline:
    ``2024 (a.yaml) #2``. In the rare case that makes a label like another's (a file called
    ``x #2``), every label adds its place, and those are unique (each ends in another number).
    """
    counts = Counter(snapshot.label for snapshot in snapshots)
    named = [
        attrs.evolve(snapshot, label=f"{snapshot.label} ({snapshot.name})")
        if counts[snapshot.label] > 1 and snapshot.name and snapshot.name != snapshot.label
        else snapshot
        for snapshot in snapshots
    ]
    for everyone in (False, True):
        counts = Counter(snapshot.label for snapshot in named)
        if len(counts) == len(named):
            break
        named = [
            attrs.evolve(snapshot, label=f"{snapshot.label} #{place}")
            if everyone or counts[snapshot.label] > 1
            else snapshot
            for place, snapshot in enumerate(named, start=1)
        ]
    return named


def build_timeline(assessments: Iterable[Assessed], names: Iterable[str] | None = None) -> Timeline:
    """The timeline of snapshots of one community.

    Each snapshot is labelled with its ``meta.as_of``; one without is labelled with its name
    (from ``names``), and one without either (``names`` not given) with its canvas's
    ``meta.name``. Labels are unique: when several snapshots would have one label, each adds
    its name (``2023-09 (b.cmc.yaml)``), and those still alike (one file given twice, or no
    ``names``) add their place in the timeline (``Port community #2``).

    :param assessments: one per snapshot, such as ``assess(canvas)`` of each canvas; made with
        the same rules, scorers and configuration, so that a change is the canvas's.
    :param names: the name of each snapshot (its file), in the same order; without them a
        snapshot has no name (``""``) and one without ``meta.as_of`` is labelled with its
        canvas's ``meta.name``.
    :returns: the snapshots in the order of their dates when each has a date in ``meta.as_of``
        (a year, a year and month, or what ``datetime.fromisoformat`` reads; see the module's
        documentation), else in the order given (:attr:`Timeline.ordered_by` says which).
    :raises ValueError: when ``names`` has another length than ``assessments``.
    """
    given = list(assessments)
    labels = [""] * len(given) if names is None else list(names)
    if len(labels) != len(given):
        raise ValueError(f"{len(labels)} names for {len(given)} snapshots")
    snapshots = [
        Snapshot.of(assessment, name) for assessment, name in zip(given, labels, strict=True)
    ]
    whens = [_when(snapshot.as_of) for snapshot in snapshots]
    dates = [when for when in whens if when is not None]
    if snapshots and len(dates) == len(snapshots):
        order = sorted(range(len(snapshots)), key=dates.__getitem__)  # stable: ties keep order
        return Timeline(tuple(_unique_labels([snapshots[index] for index in order])), "as_of")
    return Timeline(tuple(_unique_labels(snapshots)), "given")
