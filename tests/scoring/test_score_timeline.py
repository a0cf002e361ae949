"""Timelines: snapshots of one community in order, their verdicts, scores and changed codes.

The snapshots are real canvases, assessed by the built-in rules and scorers: the balanced
community of ``score_builders`` and edits of it (a steward that trades in its own market, no
steward, no commonality). The expectations are read from the assessments themselves, so that
they hold whatever the scorers' formulas are.
"""

from __future__ import annotations

import json

import attrs
import pytest

from cmc_core.assessment import Assessment, assess
from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Report, Severity
from cmc_core.scoring import (
    Reason,
    Score,
    ScoreCard,
    ScoreContext,
    Scorer,
    Timeline,
    build_timeline,
    score_canvas,
)

from .score_builders import SUPPLIERS, community


def dated(canvas: Canvas, as_of: str | None) -> Canvas:
    """The canvas as a snapshot of ``as_of``."""
    return canvas.evolve(meta=attrs.evolve(canvas.meta, as_of=as_of))


def with_steward(canvas: Canvas, steward: str | None) -> Canvas:
    """The canvas with another steward of its commonalities (``None``: none)."""
    commonalities = tuple(attrs.evolve(c, steward=steward) for c in canvas.commonalities)
    return canvas.evolve(commonalities=commonalities)


def trading_steward() -> Canvas:
    """A supplier stewards the commonality: an error (it trades in the market it runs)."""
    return with_steward(community(), SUPPLIERS[0])


def no_steward() -> Canvas:
    """Nobody stewards the commonality: a warning, not an error."""
    return with_steward(community(), None)


def test_snapshots_are_put_in_the_order_of_their_dates_and_labelled_with_them() -> None:
    later = assess(dated(community(), "2024-06"))
    pilot = assess(dated(trading_steward(), "2023-01"))
    launch = assess(dated(no_steward(), "2023-09"))
    timeline = build_timeline([later, pilot, launch], ["later.yaml", "pilot.yaml", "launch.yaml"])
    assert timeline.ordered_by == "as_of"
    assert timeline.labels == ("2023-01", "2023-09", "2024-06")
    assert [s.name for s in timeline.snapshots] == ["pilot.yaml", "launch.yaml", "later.yaml"]
    assert [s.card for s in timeline.snapshots] == [pilot.scores, launch.scores, later.scores]


def test_a_year_comes_before_its_months_and_one_date_keeps_the_order_given() -> None:
    canvases = [
        dated(community(), "2023-06"),
        dated(no_steward(), "2023"),
        dated(trading_steward(), "2023-06"),
        dated(community(), "2022-12-31"),
    ]
    timeline = build_timeline([assess(c) for c in canvases], ["a", "b", "c", "d"])
    assert [s.name for s in timeline.snapshots] == ["d", "b", "a", "c"]
    # Two snapshots of one date are told apart by their names.
    assert timeline.labels == ("2022-12-31", "2023", "2023-06 (a)", "2023-06 (c)")


@pytest.mark.parametrize("odd", [None, "spring 2023", "2023-Q3", ""])
def test_without_an_iso_date_on_every_snapshot_the_order_given_stays(odd: str | None) -> None:
    canvases = [dated(community(), "2024"), dated(no_steward(), odd), dated(community(), "2022")]
    timeline = build_timeline([assess(c) for c in canvases], ["x.yaml", "y.yaml", "z.yaml"])
    assert timeline.ordered_by == "given"
    assert [s.name for s in timeline.snapshots] == ["x.yaml", "y.yaml", "z.yaml"]
    expected = odd.strip() if odd and odd.strip() else "y.yaml"  # no date: the file's name
    assert timeline.labels == ("2024", expected, "2022")


def test_a_snapshot_without_date_or_name_is_labelled_with_the_canvas_name() -> None:
    timeline = build_timeline([assess(community())])
    assert timeline.labels == (community().meta.name,)
    assert timeline.snapshots[0].name == ""


def test_the_verdict_and_counts_are_those_of_the_report() -> None:
    failing, passing = assess(trading_steward()), assess(community())
    timeline = build_timeline([failing, passing], ["pilot", "launch"])
    first, second = timeline.snapshots
    assert failing.report.has_errors
    assert not passing.report.has_errors
    assert (first.passed, first.verdict, second.passed, second.verdict) == (
        False,
        "fail",
        True,
        "pass",
    )
    for snapshot, assessment in ((first, failing), (second, passing)):
        report = assessment.report
        assert snapshot.errors == len(report.errors)
        assert snapshot.warnings == len(report.warnings)
        assert snapshot.infos == len(report.with_severity(Severity.INFO))
        assert {summary.code for summary in snapshot.codes} == report.codes()
        assert sum(summary.count for summary in snapshot.codes) == len(report)
        assert snapshot.overall == assessment.scores.overall
        assert snapshot.band == assessment.scores.band


def test_codes_that_appear_disappear_or_change_severity_make_each_step() -> None:
    canvases = [trading_steward(), no_steward(), community(), community().evolve(commonalities=())]
    assessments = [assess(canvas) for canvas in canvases]
    timeline = build_timeline(assessments, ["trading", "none", "fixed", "gone"])
    steps = timeline.steps
    assert [(step.before, step.after) for step in steps] == [(0, 1), (1, 2), (2, 3)]
    # Each step's appeared and disappeared codes are the difference of the two reports.
    for step in steps:
        before = assessments[step.before].report.codes()
        after = assessments[step.after].report.codes()
        assert {c.code for c in step.appeared} == after - before
        assert {c.code for c in step.disappeared} == before - after
    # The steward that trades is an error; no steward at all only a warning.
    changed = {change.code: change for change in steps[0].changed}
    assert "CMC006" in changed
    old, new = changed["CMC006"].before, changed["CMC006"].after
    assert old is not None
    assert new is not None
    assert (old.severity, new.severity) == (Severity.ERROR, Severity.WARNING)
    # Naming the steward makes its warning go; dropping the commonality brings CMC005.
    assert "CMC006" in {c.code for c in steps[1].disappeared}
    assert "CMC005" in {c.code for c in steps[2].appeared}
    # A code reported before and after at one severity is no change.
    kept = assessments[1].report.codes() & assessments[2].report.codes()
    assert kept
    assert not kept & {c.code for c in steps[1].changes}


def test_each_dimension_is_a_series_with_its_change_from_first_to_last() -> None:
    assessments = [assess(trading_steward()), assess(no_steward()), assess(community())]
    timeline = build_timeline(assessments)
    cards = [assessment.scores for assessment in assessments]
    assert [series.name for series in timeline.dimensions] == list(cards[0].names())
    for series in timeline.dimensions:
        dimensions = [card.dimension(series.name) for card in cards]
        expected = [d.score if d.applicable else None for d in dimensions]
        assert list(series.scores) == expected
        assert list(series.bands) == [d.band for d in dimensions]
        if expected[0] is None or expected[-1] is None:
            assert series.change is None
        else:
            assert series.change == pytest.approx(expected[-1] - expected[0])
    commonality = next(s for s in timeline.dimensions if s.name == "commonality-strength")
    first, last = commonality.scores[0], commonality.scores[-1]
    assert first is not None
    assert last is not None
    assert last > first  # a neutral steward helps
    assert timeline.overall == tuple(card.overall for card in cards)
    first_overall, last_overall = cards[0].overall, cards[-1].overall
    assert first_overall is not None
    assert last_overall is not None
    assert timeline.overall_change == pytest.approx(last_overall - first_overall)


@attrs.frozen
class Evaluated:
    """Any object with a canvas, a report and a score card makes a snapshot."""

    canvas: Canvas
    report: Report
    scores: ScoreCard


def fixed(name: str, value: float) -> Scorer:
    def give(canvas: Canvas, context: ScoreContext) -> Score:
        return Score(value, (Reason(f"{name} at {value}"),))

    return Scorer(name=name, title=name.title(), score=give)


def test_a_dimension_one_snapshot_lacks_has_no_score_there_and_no_change() -> None:
    canvas = community()
    early = Evaluated(canvas, Report(), score_canvas(canvas, [fixed("a", 40)]))
    late = Evaluated(canvas, Report(), score_canvas(canvas, [fixed("a", 60), fixed("b", 80)]))
    timeline = build_timeline([early, late])
    a, b = timeline.dimensions
    assert (a.scores, a.change) == ((40.0, 60.0), 20.0)
    assert (b.name, b.points[0], b.scores, b.change) == ("b", None, (None, 80.0), None)


def test_to_dict_is_json_ready_and_says_what_the_timeline_says() -> None:
    assessments = [assess(dated(trading_steward(), "2023")), assess(dated(community(), "2024"))]
    timeline = build_timeline(reversed(assessments), ["launch.yaml", "pilot.yaml"])
    data = json.loads(json.dumps(timeline.to_dict()))
    assert data["ordered_by"] == "as_of"
    assert [s["label"] for s in data["snapshots"]] == ["2023", "2024"]
    assert [s["name"] for s in data["snapshots"]] == ["pilot.yaml", "launch.yaml"]
    assert [s["verdict"] for s in data["snapshots"]] == ["fail", "pass"]
    assert data["snapshots"][0]["errors"] == len(assessments[0].report.errors)
    assert data["overall"]["scores"] == [a.scores.overall for a in assessments]
    assert data["overall"]["change"] == pytest.approx(timeline.overall_change)
    names = [series["name"] for series in data["dimensions"]]
    assert names == list(assessments[0].scores.names())
    (step,) = data["steps"]
    assert (step["from"], step["to"], step["before"], step["after"]) == ("2023", "2024", 0, 1)
    gone = assessments[0].report.codes() - assessments[1].report.codes()
    assert {entry["code"] for entry in step["disappeared"]} == gone
    assert all(entry["severity"] in ("error", "warning", "info") for entry in step["disappeared"])
    assert step["appeared"] == []


def test_a_timeline_is_immutable_and_names_must_match_the_snapshots() -> None:
    timeline = build_timeline([assess(community())], ["only.yaml"])
    assert isinstance(timeline, Timeline)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        timeline.snapshots = ()  # type: ignore[misc]
    with pytest.raises(ValueError, match="2 names for 1 snapshots"):
        build_timeline([assess(community())], ["a", "b"])


def test_an_assessment_is_what_a_snapshot_is_made_from() -> None:
    assessment: Assessment = assess(trading_steward())
    timeline = build_timeline([assessment])
    assert timeline.snapshots[0].card is assessment.scores
    assert timeline.steps == ()


def test_one_snapshot_has_no_change() -> None:
    timeline = build_timeline([assess(community())])
    assert timeline.overall[0] is not None
    assert timeline.overall_change is None
    assert all(series.change is None for series in timeline.dimensions)
    assert timeline.to_dict()["overall"]["change"] is None


def test_every_iso_shape_is_a_date_and_the_earliest_instant_orders_them() -> None:
    # A year, a month, a day and times with and without offsets (a time without one is UTC):
    # 10:00+02:00 is 08:00 UTC, before 08:30Z; on one instant the coarser date comes first.
    expected = [
        "2023",
        "2023-09",
        "2023-09-15",
        "2023-09-15T00:00Z",
        "2023-09-15T10:00+02:00",
        "2023-09-15T08:30Z",
        "2023-09-15 09:00",
        "2023-09-15T10:00:05.5",
        "2023-09-15T12:00-02:00",
        "2023-09-16",
    ]
    given = [expected[index] for index in (9, 6, 3, 0, 8, 4, 2, 7, 1, 5)]
    assessed = assess(community())
    timeline = build_timeline(
        [
            Evaluated(dated(assessed.canvas, date), assessed.report, assessed.scores)
            for date in given
        ]
    )
    assert timeline.ordered_by == "as_of"
    assert list(timeline.labels) == expected


def test_one_instant_written_two_ways_keeps_the_order_given() -> None:
    canvases = [
        dated(community(), "2023-09-15T10:00+02:00"),
        dated(community(), "2023-09-15T08:00Z"),
    ]
    timeline = build_timeline([assess(c) for c in canvases], ["a", "b"])
    assert (timeline.ordered_by, [s.name for s in timeline.snapshots]) == ("as_of", ["a", "b"])


@pytest.mark.parametrize(
    "impossible", ["2023-13", "2023-00", "2023-02-30", "2023-09-15T25:00", "0000", "2023-9"]
)
def test_an_impossible_date_is_no_date_and_the_order_given_stays(impossible: str) -> None:
    canvases = [
        dated(community(), "2024"),
        dated(community(), impossible),
        dated(community(), "2022"),
    ]
    timeline = build_timeline([assess(c) for c in canvases], ["x", "y", "z"])
    assert timeline.ordered_by == "given"
    assert timeline.labels == ("2024", impossible, "2022")


def test_one_file_given_twice_gets_labels_unique_by_their_place() -> None:
    undated = build_timeline([assess(community())] * 2, ["a.yaml", "a.yaml"])
    assert undated.labels == ("a.yaml #1", "a.yaml #2")
    canvases = [dated(community(), "2023"), dated(community(), "2022"), dated(community(), "2023")]
    twice = build_timeline([assess(c) for c in canvases], ["a.yaml", "b.yaml", "a.yaml"])
    assert twice.labels == ("2022", "2023 (a.yaml) #2", "2023 (a.yaml) #3")
    data = twice.to_dict()
    assert [(step["from"], step["to"]) for step in data["steps"]] == [
        ("2022", "2023 (a.yaml) #2"),
        ("2023 (a.yaml) #2", "2023 (a.yaml) #3"),
    ]


def test_without_names_the_canvas_name_labels_and_alike_labels_are_numbered() -> None:
    name = community().meta.name
    renamed = community().evolve(meta=attrs.evolve(community().meta, name="Later"))
    timeline = build_timeline([assess(community()), assess(renamed), assess(community())])
    assert timeline.labels == (f"{name} #1", "Later", f"{name} #3")
    assert [s.name for s in timeline.snapshots] == ["", "", ""]
    same_day = build_timeline([assess(dated(community(), "2024"))] * 2)
    assert same_day.labels == ("2024 #1", "2024 #2")


def test_a_numbered_label_like_another_label_makes_every_label_numbered() -> None:
    timeline = build_timeline([assess(community())] * 3, ["x", "x", "x #2"])
    assert timeline.labels == ("x #1 #1", "x #2 #2", "x #2 #3")
    assert len(set(timeline.labels)) == 3
