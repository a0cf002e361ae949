"""``cmc diff OLD NEW``: exactly the edits made to an example, in text, JSON and Markdown, with
diff(1)'s exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cmc_core.cli import cli
from cmc_core.examples import example_text

#: Four edits to the port-logistics example, as a person makes them in its YAML file:
#: rename a party, remove a value, add a flow, raise a factor's maturity.
EDITS = [
    ("    name: Noordmonde Container Terminal\n", "    name: NCT Noordmonde\n"),
    (
        "  - id: v-vaarschema\n    name: Vaarschema en beschikbare ruimte\n"
        "    kind: information\n    level: instrument\n",
        "",
    ),
    (
        "    counter_of: f-16\n",
        "    counter_of: f-16\n  - id: f-24\n    value: v-zeevervoer\n    from: p-feeder\n"
        "    to: p-koffie\n    counter_value: v-betaling\n    via_commonality: true\n"
        "    step: transact\n",
    ),
    (
        "vaker voor binnenvaart en spoor.\n    maturity: 2\n",
        "vaker voor binnenvaart en spoor.\n    maturity: 3\n",
    ),
]

EXPECTED_CHANGES = [
    {
        "kind": "changed",
        "path": "parties[p-nct].name",
        "block": "suppliers",
        "old": "Noordmonde Container Terminal",
        "new": "NCT Noordmonde",
    },
    {
        "kind": "removed",
        "path": "values[v-vaarschema]",
        "block": "values_exchanged",
        "old": {
            "id": "v-vaarschema",
            "name": "Vaarschema en beschikbare ruimte",
            "kind": "information",
            "level": "instrument",
        },
        "new": None,
    },
    {
        "kind": "added",
        "path": "flows[f-24]",
        "block": "values_exchanged",
        "old": None,
        "new": {
            "id": "f-24",
            "value": "v-zeevervoer",
            "from": "p-feeder",
            "to": "p-koffie",
            "counter_value": "v-betaling",
            "via_commonality": True,
            "step": "transact",
        },
    },
    {
        "kind": "changed",
        "path": "factors.vision.maturity",
        "block": "vision",
        "old": 2,
        "new": 3,
    },
]


@pytest.fixture(autouse=True)
def in_an_empty_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["diff", *args], env=env, catch_exceptions=False)


def edited_example() -> str:
    """The port-logistics example with the four EDITS, saved as ``new.cmc.yaml``."""
    text = example_text("port-logistics")
    for before, after in EDITS:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    Path("new.cmc.yaml").write_text(text, encoding="utf-8")
    return "new.cmc.yaml"


def test_json_lists_exactly_the_edits_made_to_an_example() -> None:
    result = run("example:port-logistics", edited_example(), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["old"] == "example:port-logistics"
    assert document["new"] == "new.cmc.yaml"
    assert document["changes"] == EXPECTED_CHANGES
    assert document["summary"] == {"added": 1, "removed": 1, "changed": 2, "reordered": 0}
    assert document["reordered"] == []


def test_text_groups_the_edits_per_block_in_canvas_order_with_marks() -> None:
    result = run("example:port-logistics", edited_example())
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "--- example:port-logistics",
        "+++ new.cmc.yaml",
        "A4 Visie",
        "  ~ factors.vision.maturity: 2 -> 3",
        "B2 Aanbieders",
        '  ~ parties[p-nct].name: "Noordmonde Container Terminal" -> "NCT Noordmonde"',
        "B5 Uitgewisselde waarden",
        "  - values[v-vaarschema]",
        '      id: "v-vaarschema"',
        '      name: "Vaarschema en beschikbare ruimte"',
        '      kind: "information"',
        '      level: "instrument"',
        "  + flows[f-24]",
        '      id: "f-24"',
        '      value: "v-zeevervoer"',
        '      from: "p-feeder"',
        '      to: "p-koffie"',
        '      counter_value: "v-betaling"',
        "      via_commonality: true",
        '      step: "transact"',
        "4 wijzigingen: 1 toegevoegd, 1 verwijderd, 2 gewijzigd.",
    ]


def test_a_changed_list_shows_its_items_not_json() -> None:
    authors = (
        "  authors:\n    - Werkgroep Havencommunity Noordmonde\n"
        "    - Lectoraat Ketenlogistiek, Hogeschool Noordmonde (facilitatie)\n"
    )
    text = example_text("port-logistics")
    assert authors in text
    new = text.replace(authors, "  authors: [Anna, Bert]\n")
    Path("new.cmc.yaml").write_text(new, encoding="utf-8")
    result = run("example:port-logistics", "new.cmc.yaml", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[2:6] == [
        "Canvas details",
        "  ~ meta.authors",
        '      - "Werkgroep Havencommunity Noordmonde", '
        '"Lectoraat Ketenlogistiek, Hogeschool Noordmonde (facilitatie)"',
        '      + "Anna", "Bert"',
    ]


def test_text_headings_follow_lang() -> None:
    result = run("example:port-logistics", edited_example(), "--lang", "en")
    assert "B2 Suppliers" in result.output.splitlines()
    assert result.output.splitlines()[-1] == "4 changes: 1 added, 1 removed, 2 changed."


def test_markdown_is_a_table_per_block_with_user_text_escaped() -> None:
    text = example_text("port-logistics").replace(
        "    name: Noordmonde Container Terminal\n",
        "    name: '<b>x</b> | *y* [z](j:k) & $1_000'\n",
    )
    Path("new.cmc.yaml").write_text(text, encoding="utf-8")
    result = run("example:port-logistics", "new.cmc.yaml", "--format", "markdown", "--lang", "en")
    assert result.exit_code == 1
    # Only what Markdown reads as markup is escaped: '.', '-' and ':' inside a line stay.
    assert result.output.splitlines() == [
        "# Differences between two canvases",
        "",
        "example:port-logistics → new.cmc.yaml: 1 change: 1 changed.",
        "",
        "## B2 Suppliers",
        "",
        "| | Path | Old | New |",
        "|---|---|---|---|",
        '| \\~ | parties\\[p-nct\\].name | "Noordmonde Container Terminal" | '
        '"&lt;b>x&lt;/b> \\| \\*y\\* \\[z\\](j:k) &amp; \\$1\\_000" |',
    ]


def test_markdown_records_are_one_field_a_line_and_a_line_cannot_start_a_block() -> None:
    from cmc_core.cli.diff_values import markdown_text

    result = run("example:port-logistics", edited_example(), "--format", "markdown")
    row = next(line for line in result.output.splitlines() if "flows\\[f-24\\]" in line)
    assert 'id: "f-24"<br>value: "v-zeevervoer"<br>from: "p-feeder"' in row
    assert markdown_text("- not a list", line_start=True) == "\\- not a list"
    assert markdown_text("1. not a list", line_start=True) == "1\\. not a list"
    assert markdown_text("# not a heading", line_start=True) == "\\# not a heading"
    assert markdown_text("a - b. c#") == "a - b. c#"


def test_equal_canvases_exit_zero_and_say_so() -> None:
    result = run("example:port-logistics", "example:port-logistics", "--lang", "en")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "No changes of content."


GOOD_FOOD = (
    "  - id: v-good-food\n    name: Fresh, good food at stable prices\n"
    "    kind: product\n    level: added_value\n"
)
SEARCH_RESULTS = (
    "  - id: v-search-results\n    name: Search results and recommendations\n"
    "    kind: information\n    level: instrument\n"
)


def test_reordering_alone_exits_zero_with_a_note() -> None:
    text = example_text("single-owner-platform")
    moved = text.replace(GOOD_FOOD, "", 1).replace(SEARCH_RESULTS, SEARCH_RESULTS + GOOD_FOOD, 1)
    assert moved != text
    Path("moved.cmc.yaml").write_text(moved, encoding="utf-8")
    result = run("example:single-owner-platform", "moved.cmc.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-3:] == [
        "Order changed (not a change of content)",
        "  = values",
        "No changes of content.",
    ]


def test_colour_only_when_asked_or_forced() -> None:
    plain = run("example:port-logistics", edited_example())
    assert "\x1b[" not in plain.output
    forced = run("example:port-logistics", edited_example(), env={"FORCE_COLOR": "1"})
    assert "\x1b[33m~\x1b[0m" in forced.output
    assert "\x1b[" in run("example:port-logistics", edited_example(), "--color").output


def test_user_text_cannot_send_escape_sequences_to_the_terminal() -> None:
    text = example_text("port-logistics").replace(
        "    name: Noordmonde Container Terminal\n",
        '    name: "\\e[31mred\\u009b2J\\u202egnp.exe"\n',
    )
    Path("new.cmc.yaml").write_text(text, encoding="utf-8")
    result = run("example:port-logistics", "new.cmc.yaml")
    assert "\x1b" not in result.output
    assert "\x9b" not in result.output
    assert "\u202e" not in result.output
    assert '"\\u001b[31mred\\u009b2J\\u202egnp.exe"' in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.cmc.yaml", "example:port-logistics"), "missing.cmc.yaml"),
        (("example:port-logistic", "example:port-logistics"), "did you mean 'port-logistics'"),
        (("broken.cmc.yaml", "example:port-logistics"), "broken.cmc.yaml"),
        (("example:port-logistics",), "Missing argument 'NEW'"),
        (("example:port-logistics", "example:port-logistics", "--format", "xml"), "xml"),
    ],
)
def test_bad_input_exits_two_with_a_message_and_no_traceback(
    args: tuple[str, ...], message: str
) -> None:
    Path("broken.cmc.yaml").write_text("schema_version: 1\nparties: [\n", encoding="utf-8")
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
