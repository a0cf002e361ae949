"""The text of ``cmc score A B C``: a timeline of one community's snapshots as a table.

One column per snapshot, headed by its label (``meta.as_of``, else its file); one row per
dimension, the overall score and the verdict; with two snapshots or more, a last column with
the change from the first snapshot to the last. Then, per step from one snapshot to the next,
the rule codes that appeared (``+``), disappeared (``-``) or changed severity (``~``), each with
the message of its first diagnostic. When a label is too long for a column, or is more than a
date or a file (snapshots of one date, one file given twice), the columns are numbered and the
list above the table gives each one's date and file, aligned; a file given more than once is
said so. Long titles and messages are cut short, so that the columns stay aligned.
``--format json`` has everything in full.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cmc_core.diagnostics import Severity
from cmc_core.translation import N_, Messages

if TYPE_CHECKING:
    from cmc_core.scoring import Band, CodeSummary, DimensionScore, Snapshot, Timeline

__all__ = ["render_timeline"]

_ = Messages("cmc_core", "scores")

#: The severities as the list of changes names them.
_SEVERITIES = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}

#: The widest a column's label may be; when one is wider, the columns are numbered instead and
#: the list above the table gives the labels.
LABEL_WIDTH = 16
#: The widest the first column (the dimensions' titles) may be.
TITLE_WIDTH = 36
#: The widest a line of the list of changes may be (its message is cut short to fit).
LINE_WIDTH = 100


def _shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, ending in ``...`` when it was longer."""
    return text if len(text) <= width else text[: max(0, width - 3)].rstrip() + "..."


def _cell(score: float | None, band: Band | None) -> str:
    """``89.4 strong``; ``n/a`` for a dimension that does not apply or is missing."""
    if score is None:
        return f"{_('n/a'):>5}"
    return f"{score:5.1f} {'' if band is None else band.label()}".rstrip()


def _dimension_cell(dimension: DimensionScore | None) -> str:
    if dimension is None or not dimension.applicable:
        return _cell(None, None)
    return _cell(dimension.score, dimension.band)


def _verdict(snapshot: Snapshot) -> str:
    """``pass``, ``pass (2 warnings)`` or ``fail (3 errors)``."""
    if snapshot.errors:
        return _.plural("fail ({count} error)", "fail ({count} errors)", snapshot.errors)
    if snapshot.warnings:
        return _.plural("pass ({count} warning)", "pass ({count} warnings)", snapshot.warnings)
    return _("pass")


def _change(delta: float | None) -> str:
    return f"{_('n/a'):>6}" if delta is None else f"{delta:+6.1f}"


def _row(title: str, cells: list[str], widths: list[int], change: str = "") -> str:
    parts = [f"{_shorten(title, TITLE_WIDTH):<{TITLE_WIDTH}}"]
    parts += [f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=True)]
    return ("  ".join(parts) + ("  " + change if change else "")).rstrip()


def _plain(snapshot: Snapshot) -> bool:
    """Whether the snapshot's label is just its date or its file (not made unique with more)."""
    return snapshot.label == (snapshot.as_of or snapshot.name or snapshot.label)


def _headers(timeline: Timeline) -> list[str]:
    """The column headers: the labels when each fits in :data:`LABEL_WIDTH` and is just a date
    or a file, else ``#1``, ``#2`` ... (the list above the table gives the dates and files)."""
    snapshots = timeline.snapshots
    if all(len(snapshot.label) <= LABEL_WIDTH and _plain(snapshot) for snapshot in snapshots):
        labels = timeline.labels
        if len(set(labels)) == len(labels):
            return list(labels)
    return [f"#{number}" for number in range(1, len(snapshots) + 1)]


def _columns(rows: list[list[str]]) -> list[str]:
    """The rows as aligned columns, leaving out a column that is empty on every row."""
    kept = [column for column in zip(*rows, strict=True) if any(column)]
    widths = [max(len(cell) for cell in column) for column in kept]
    lines = []
    for row in zip(*kept, strict=True):
        cells = [f"{cell:<{width}}" for cell, width in zip(row, widths, strict=True)]
        lines.append(("  " + "  ".join(cells)).rstrip())
    return lines


def _legend(timeline: Timeline, heads: list[str]) -> list[str]:
    """The snapshots in order: each column's header, its date and its file, aligned; then the
    files given more than once."""
    count = len(timeline.snapshots)
    if timeline.ordered_by == "as_of":
        heading = _.plural(
            "Timeline of {count} snapshot, in the order of meta.as_of:",
            "Timeline of {count} snapshots, in the order of meta.as_of:",
            count,
        )
    else:
        heading = _.plural(
            "Timeline of {count} snapshot, in the order given (not every snapshot has an ISO "
            "date in meta.as_of):",
            "Timeline of {count} snapshots, in the order given (not every snapshot has an ISO "
            "date in meta.as_of):",
            count,
        )
    lines = [heading]
    rows = []
    for head, snapshot in zip(heads, timeline.snapshots, strict=True):
        # Without a date or a file (a timeline made without names), the label says what it is.
        date = snapshot.as_of or ("" if snapshot.name else snapshot.label)
        rows.append([head, *("" if text == head else text for text in (date, snapshot.name))])
    lines += _columns(rows)
    given: dict[str, list[str]] = {}
    for head, snapshot in zip(heads, timeline.snapshots, strict=True):
        if snapshot.name:
            given.setdefault(snapshot.name, []).append(head)
    for name, where in given.items():
        if len(where) > 1:
            fields = {"name": name, "columns": ", ".join(where[:-1]), "last": where[-1]}
            if len(where) == 2:
                given_text = _("({name} is given twice: {columns} and {last})", **fields)
            else:
                given_text = _(
                    "({name} is given {count} times: {columns} and {last})",
                    count=len(where),
                    **fields,
                )
            lines.append(f"  {given_text}")
    return lines


def _table(timeline: Timeline, heads: list[str]) -> list[str]:
    snapshots = timeline.snapshots
    series = timeline.dimensions
    rows: list[tuple[str, list[str], str]] = [
        (line.title, [_dimension_cell(point) for point in line.points], _change(line.change))
        for line in series
    ]
    overall = [_cell(snapshot.overall, snapshot.band) for snapshot in snapshots]
    verdicts = [_verdict(snapshot) for snapshot in snapshots]
    widths = [
        max(len(heads[index]), len(verdicts[index]), len(overall[index]), 5)
        for index in range(len(snapshots))
    ]
    for _title, cells, _delta in rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, cells, strict=True)]
    overall_change = _change(timeline.overall_change)
    heading = _("change")
    if len(snapshots) < 2:  # nothing to change from: no change column
        rows = [(title, cells, "") for title, cells, _delta in rows]
        heading = overall_change = ""
    lines = [_row("", heads, widths, heading)]
    lines += [_row(title, cells, widths, change) for title, cells, change in rows]
    lines.append("")
    lines.append(_row(_("Overall (weighted)"), overall, widths, overall_change))
    lines.append(_row(_("Verdict"), verdicts, widths))
    return lines


def _code_line(mark: str, summary: CodeSummary, severity: str) -> str:
    count = f" ({summary.count}x)" if summary.count > 1 else ""
    start = f"    {mark} {summary.code} {severity}{count}: "
    return start + _shorten(summary.message, max(30, LINE_WIDTH - len(start)))


def _severity(severity: Severity) -> str:
    return _.translate(_SEVERITIES[severity])


def _steps(timeline: Timeline, heads: list[str]) -> list[str]:
    lines = [
        _(
            "Rule codes from one snapshot to the next (+ appeared, - disappeared, ~ changed "
            "severity):"
        )
    ]
    for step in timeline.steps:
        lines.append(f"  {heads[step.before]} -> {heads[step.after]}")
        if not step.changes:
            lines.append("    " + _("no change in rule codes"))
        for change in step.changes:
            old, new = change.before, change.after
            if new is None and old is not None:  # as the earlier snapshot reported it
                lines.append(_code_line("-", old, _severity(old.severity)))
            elif new is not None and old is None:
                lines.append(_code_line("+", new, _severity(new.severity)))
            elif new is not None and old is not None:
                severities = f"{_severity(old.severity)} -> {_severity(new.severity)}"
                lines.append(_code_line("~", new, severities))
    return lines


def render_timeline(timeline: Timeline) -> str:
    """The text of a timeline: the snapshots, the table of scores and verdicts, the steps."""
    heads = _headers(timeline)
    lines = [*_legend(timeline, heads), "", *_table(timeline, heads)]
    if timeline.steps:
        lines += ["", *_steps(timeline, heads)]
    return "\n".join(lines)
