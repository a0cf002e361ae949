"""``cmc score A B C``: a timeline of one community's snapshots, as a table or as JSON.

The snapshots are the bundled port-logistics example at three moments, made with the model
API: a pilot whose commonality is stewarded by a terminal that trades in the market (errors),
a launch without a steward (a warning), and the example as it is (no problems).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import Result

from cmc_core import save
from cmc_core.canvas import Canvas
from cmc_core.examples import example_text
from cmc_core.fileformat import CanvasDocument, loads

from .conftest import Invoke, assert_no_traceback

#: A terminal operator of the example: a supplier, so no neutral steward.
TERMINAL = "p-nct"


def _example() -> CanvasDocument:
    return loads(example_text("port-logistics"), "yaml")


def _steward(canvas: Canvas, steward: str | None) -> Canvas:
    commonalities = tuple(attrs.evolve(c, steward=steward) for c in canvas.commonalities)
    return canvas.evolve(commonalities=commonalities)


def _write(path: Path, canvas: Canvas, as_of: str | None) -> str:
    document = _example()
    save(document.with_canvas(canvas.evolve(meta=attrs.evolve(canvas.meta, as_of=as_of))), path)
    return str(path.relative_to(Path.cwd()))  # as a user in that folder would type it


@pytest.fixture
def invoke(invoke: Invoke) -> Invoke:
    """``cmc`` in English: the snapshots are of a Dutch example, which ``cmc score`` would speak,
    and these tests read the English table (tests/cli/test_score_language.py reads the Dutch)."""

    def english(*args: str, env: dict[str, str] | None = None) -> Result:
        return invoke(*args, "--lang", "en", env=env)

    return english


@pytest.fixture
def snapshots(tmp_path: Path) -> list[str]:
    """later, pilot, launch: three files given out of their order in time."""
    canvas = _example().canvas
    return [
        _write(tmp_path / "later.cmc.yaml", canvas, "2024-06"),
        _write(tmp_path / "pilot.cmc.yaml", _steward(canvas, TERMINAL), "2023-01"),
        _write(tmp_path / "launch.cmc.yaml", _steward(canvas, None), "2023-09"),
    ]


def _json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("score", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_three_snapshots_print_a_column_each_in_the_order_of_their_dates(
    invoke: Invoke, snapshots: list[str]
) -> None:
    result = invoke("score", *snapshots)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Timeline of 3 snapshots, in the order of meta.as_of:"
    assert lines[1:4] == [
        "  2023-01  pilot.cmc.yaml",
        "  2023-09  launch.cmc.yaml",
        "  2024-06  later.cmc.yaml",
    ]
    header = lines[5]
    assert header.split() == ["2023-01", "2023-09", "2024-06", "change"]
    data = _json(invoke, *snapshots)
    errors = [snapshot["errors"] for snapshot in data["snapshots"]]
    assert errors[0] > 0  # the trading steward fails the rules
    assert errors[1:] == [0, 0]
    verdict = next(line for line in lines if line.startswith("Verdict"))
    noun = "error" if errors[0] == 1 else "errors"
    assert f"fail ({errors[0]} {noun})" in verdict
    assert verdict.rstrip().endswith("pass")
    # Every score cell sits under its column's label.
    columns = [header.index(label) for label in ("2023-01", "2023-09", "2024-06")]
    overall = next(line for line in lines if line.startswith("Overall (weighted)"))
    for column, score in zip(columns, data["overall"]["scores"], strict=True):
        assert overall[column:].startswith(f"{score:5.1f}")
    assert verdict[columns[0] :].startswith("fail (")


def test_the_steps_name_the_codes_that_appeared_disappeared_or_changed(
    invoke: Invoke, snapshots: list[str]
) -> None:
    output = invoke("score", *snapshots).stdout
    data = _json(invoke, *snapshots)
    first, second = data["steps"]
    assert (first["from"], first["to"]) == ("2023-01", "2023-09")
    # The steward that trades is an error, no steward at all a warning, a neutral one neither.
    changed = [
        (c["code"], c["before"]["severity"], c["after"]["severity"]) for c in first["changed"]
    ]
    assert ("CMC006", "error", "warning") in changed
    assert "~ CMC006 error -> warning: " in output
    assert [entry["code"] for entry in second["disappeared"]] == ["CMC006"]
    assert "  2023-09 -> 2024-06\n    - CMC006 warning: " in output
    for entry in first["disappeared"]:
        assert f"- {entry['code']} {entry['severity']}" in output


def test_json_has_every_snapshot_series_and_step(invoke: Invoke, snapshots: list[str]) -> None:
    data = _json(invoke, *snapshots)
    assert data["ordered_by"] == "as_of"
    assert [s["label"] for s in data["snapshots"]] == ["2023-01", "2023-09", "2024-06"]
    assert [s["name"] for s in data["snapshots"]] == [snapshots[1], snapshots[2], snapshots[0]]
    assert [s["verdict"] for s in data["snapshots"]] == ["fail", "pass", "pass"]
    # The same canvas scored alone gives the same numbers: one evaluation per snapshot.
    alone = _json(invoke, snapshots[0])
    assert data["snapshots"][2]["overall"] == alone["overall"]
    market = next(s for s in data["dimensions"] if s["name"] == "market-balance")
    assert len(market["scores"]) == 3
    assert market["change"] == pytest.approx(market["scores"][2] - market["scores"][0])


def test_timeline_works_for_two_files_and_two_files_alone_still_compare(
    invoke: Invoke, snapshots: list[str]
) -> None:
    pilot, launch = snapshots[1], snapshots[2]
    compared = invoke("score", pilot, launch)
    assert compared.stdout.startswith(f"Score card of {launch} against {pilot}")
    timeline = invoke("score", "--timeline", launch, pilot)
    assert timeline.exit_code == 0
    assert timeline.stdout.startswith("Timeline of 2 snapshots, in the order of meta.as_of:")
    assert len(_json(invoke, "--timeline", pilot, launch)["steps"]) == 1


def test_long_names_without_dates_number_the_columns_and_keep_them_aligned(
    invoke: Invoke, tmp_path: Path
) -> None:
    folder = tmp_path / "snapshots" / "community-westmere-port-2023"
    folder.mkdir(parents=True)
    canvas = _example().canvas
    names = [
        _write(folder / f"westmere-port-community-{step}-version.cmc.yaml", edit, None)
        for step, edit in (
            ("pilot", _steward(canvas, TERMINAL)),
            ("launch", _steward(canvas, None)),
            ("later", canvas),
        )
    ]
    result = invoke("score", *names, "example:port-logistics")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Timeline of 4 snapshots, in the order given")
    for number, name in enumerate([*names, "example:port-logistics"], start=1):
        assert f"  #{number}  {name}" in lines
    header = next(line for line in lines if line.endswith("change"))
    assert header.split() == ["#1", "#2", "#3", "#4", "change"]
    table = lines[lines.index(header) : lines.index(header) + 14]
    assert max(len(line) for line in table) < 120
    overall = next(line for line in lines if line.startswith("Overall (weighted)"))
    cells = [header.index(f"#{number}") for number in range(1, 5)]
    for cell in cells:  # each score, as 5.1f, right under its column's number
        assert re.fullmatch(r"[ \d]{2}\d\.\d", overall[cell : cell + 5]), overall
    assert "  #1 -> #2" in lines


def test_a_file_that_does_not_load_stops_the_timeline_with_status_2(
    invoke: Invoke, snapshots: list[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.cmc.yaml"
    broken.write_text("meta:\n  name: [unclosed\n", encoding="utf-8")
    result = invoke("score", snapshots[0], "broken.cmc.yaml", snapshots[1])
    assert result.exit_code == 2
    assert "broken.cmc.yaml:" in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)
    missing = invoke("score", *snapshots, "nowhere.cmc.yaml", "--format", "json")
    assert missing.exit_code == 2
    assert "nowhere.cmc.yaml: cannot read the file" in missing.stderr
    assert missing.stdout == ""


def test_weights_apply_to_every_snapshot(invoke: Invoke, snapshots: list[str]) -> None:
    plain = _json(invoke, *snapshots)["overall"]["scores"]
    weighted = _json(invoke, *snapshots, "--weight", "market-balance=10")["overall"]["scores"]
    assert weighted != plain
    assert invoke("score", *snapshots, "--weight", "market-balanse=1").exit_code == 2


def test_one_canvas_twice_numbers_the_columns_and_changes_nothing(invoke: Invoke) -> None:
    args = ("--timeline", "example:port-logistics", "example:port-logistics")
    result = invoke("score", *args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1:4] == [
        "  #1  example:port-logistics",
        "  #2  example:port-logistics",
        "  (example:port-logistics is given twice: #1 and #2)",
    ]
    overall = next(line for line in lines if line.startswith("Overall (weighted)"))
    assert overall.endswith("+0.0")
    assert lines[-2:] == ["  #1 -> #2", "    no change in rule codes"]
    data = _json(invoke, *args)  # the labels are unique, so JSON tells the two apart
    labels = ["example:port-logistics #1", "example:port-logistics #2"]
    assert [s["label"] for s in data["snapshots"]] == labels
    assert (data["steps"][0]["from"], data["steps"][0]["to"]) == tuple(labels)


def test_snapshots_of_one_date_list_each_date_and_file_once(invoke: Invoke, tmp_path: Path) -> None:
    canvas = _example().canvas
    names = [
        _write(tmp_path / "d1.cmc.yaml", _steward(canvas, TERMINAL), "2023-09"),
        _write(tmp_path / "d2.cmc.yaml", _steward(canvas, None), "2023-09"),
        _write(tmp_path / "d3.cmc.yaml", canvas, "2023-10"),
    ]
    result = invoke("score", *names)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:4] == [
        "Timeline of 3 snapshots, in the order of meta.as_of:",
        "  #1  2023-09  d1.cmc.yaml",
        "  #2  2023-09  d2.cmc.yaml",
        "  #3  2023-10  d3.cmc.yaml",
    ]
    labels = [s["label"] for s in _json(invoke, *names)["snapshots"]]
    assert labels == ["2023-09 (d1.cmc.yaml)", "2023-09 (d2.cmc.yaml)", "2023-10"]


def test_the_numbered_list_is_aligned_in_columns(invoke: Invoke, tmp_path: Path) -> None:
    canvas = _example().canvas
    dates = ["2023-09-15T10:00+02:00", "2023", "2023-09-15 09:00", None]
    names = [
        _write(tmp_path / f"{'s' * (index + 1)}.cmc.yaml", canvas, date)
        for index, date in enumerate(dates)
    ]
    names += ["example:port-logistics"] * 7  # ten snapshots and more: #10 is wider than #9
    lines = invoke("score", *names).stdout.splitlines()
    assert lines[0].startswith("Timeline of 11 snapshots, in the order given")
    listing = lines[1:12]
    assert listing[:4] == [
        "  #1   2023-09-15T10:00+02:00  s.cmc.yaml",
        "  #2   2023                    ss.cmc.yaml",
        "  #3   2023-09-15 09:00        sss.cmc.yaml",
        "  #4                           ssss.cmc.yaml",
    ]
    files = {line.index(name) for line, name in zip(listing, names, strict=True)}
    assert files == {31}
    assert lines[12] == (
        "  (example:port-logistics is given 7 times: #5, #6, #7, #8, #9, #10 and #11)"
    )
    assert max(len(line) for line in lines[:13]) <= 100


def test_one_snapshot_has_no_change_column(invoke: Invoke, snapshots: list[str]) -> None:
    result = invoke("score", "--timeline", snapshots[0])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "Timeline of 1 snapshot, in the order of meta.as_of:",
        "  2024-06  later.cmc.yaml",
    ]
    assert lines[3].split() == ["2024-06"]
    assert "change" not in result.stdout
    assert not any(re.search(r"[+-]\d+\.\d$|n/a\s+n/a$", line) for line in lines), lines
    overall = next(line for line in lines if line.startswith("Overall (weighted)"))
    data = _json(invoke, "--timeline", snapshots[0])
    assert overall.split()[2:] == [
        f"{data['overall']['scores'][0]:.1f}",
        data["overall"]["bands"][0],
    ]
    assert data["overall"]["change"] is None  # one snapshot: no change, not +0.0
    assert {series["change"] for series in data["dimensions"]} == {None}
    assert "Rule codes" not in result.stdout


def test_every_example_counts_so_three_make_a_timeline(
    invoke: Invoke, snapshots: list[str]
) -> None:
    examples = ("single-owner-platform", "port-logistics", "single-owner-platform")
    args = [arg for name in examples for arg in ("--example", name)]
    result = invoke("score", *args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1:4] == [
        "  #1  example:single-owner-platform",
        "  #2  example:port-logistics",
        "  #3  example:single-owner-platform",
    ]
    # FILEs come first, the examples after them, in the order given.
    data = _json(invoke, "--example", "port-logistics", snapshots[1], "--timeline")
    assert [s["name"] for s in data["snapshots"]] == [snapshots[1], "example:port-logistics"]
    two = invoke("score", "--example", "single-owner-platform", "--example", "port-logistics")
    assert two.stdout.startswith(
        "Score card of example:port-logistics against example:single-owner-platform"
    )
    assert "--example NAME" in invoke("score", "--help").stdout
    assert "repeatable" in invoke("score", "--help").stdout
