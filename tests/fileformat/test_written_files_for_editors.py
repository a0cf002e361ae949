"""What cmc writes for people and their editors: no YAML line ends in a space, the ``$schema`` a
canvas names is there beside it, and generated ids end at a word."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from cmc_core.cli import cli
from cmc_core.examples import example_text, names, starter_text
from cmc_core.fileformat import dumps, json_schema, loads, write_schema_beside
from cmc_core.fileformat.layout import SCHEMA_FILE_NAME
from cmc_core.fileformat.yaml_merge import updated_yaml_text
from cmc_core.naming import cut_at_word

#: Texts that tempt a YAML writer to fold a line or to end one in a space.
TEMPTING = (
    "a sentence ending in a space ",
    "line one \nline two  \n\nthird line",
    "para one\n\npara two\n\n\n",
    " leading space and a long run of words " + "word " * 60,
    "tab\tand trailing\t",
)


def lines_ending_in_a_space(text: str) -> list[str]:
    return [line for line in text.splitlines() if line != line.rstrip(" \t")]


def tempted(canvas_name: str, text: str) -> str:
    """An example with ``text`` as its description and its first party's name, written."""
    canvas = loads(example_text(canvas_name), "yaml").canvas
    party = attrs.evolve(canvas.parties[0], name=text.strip() or "x", notes=text)
    canvas = attrs.evolve(
        canvas,
        meta=attrs.evolve(canvas.meta, description=text),
        parties=(party, *canvas.parties[1:]),
    )
    return dumps(canvas, "yaml")


@pytest.mark.parametrize("name", names())
@pytest.mark.parametrize("text", TEMPTING)
def test_no_written_yaml_line_ends_in_a_space(name: str, text: str) -> None:
    written = tempted(name, text)
    assert lines_ending_in_a_space(written) == []
    assert loads(written, "yaml").canvas.meta.description == text  # and nothing was lost


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_starter_filled_in_keeps_its_comments_and_ends_no_line_in_a_space(language: str) -> None:
    document = loads(starter_text(language), "yaml")
    assert lines_ending_in_a_space(starter_text(language)) == []
    filled = loads(tempted("regional-healthcare", TEMPTING[1]), "yaml").canvas
    written = document.with_canvas(filled).dumps()
    assert lines_ending_in_a_space(written) == []
    assert "# " in written  # the guiding questions stay


def test_an_updated_answers_file_ends_no_line_in_a_space() -> None:
    previous = "# my answers\nqs-name: Haven  # the name\n"
    written = updated_yaml_text(previous, {"qs-name": TEMPTING[1], "qs-more": TEMPTING[0]})
    assert lines_ending_in_a_space(written) == []


def test_commands_that_write_yaml_end_no_line_in_a_space(tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (
        ["new", str(tmp_path / "nl.cmc.yaml"), "--lang", "nl"],
        ["new", str(tmp_path / "en.cmc.yaml")],
        ["export", "--example", "port-logistics", "--to", "yaml", "-o", str(tmp_path / "e.yaml")],
        ["convert", "example:regional-healthcare", str(tmp_path / "c.cmc.yaml")],
    ):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code in (0, 1), result.output
    for written in tmp_path.glob("*.yaml"):
        assert lines_ending_in_a_space(written.read_text(encoding="utf-8")) == [], written


# -- $schema --------------------------------------------------------------------------------------


def test_every_bundled_canvas_names_its_schema_for_both_kinds_of_editor() -> None:
    for text in (*(example_text(name) for name in names()), starter_text("nl"), starter_text("en")):
        lines = text.splitlines()
        at = lines.index(f"$schema: {SCHEMA_FILE_NAME}")
        assert lines[at - 1] == f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}"


def test_cmc_new_writes_the_schema_its_canvas_names_beside_it(tmp_path: Path) -> None:
    canvas = tmp_path / "work" / "canvas.cmc.yaml"
    canvas.parent.mkdir()
    result = CliRunner().invoke(cli, ["new", str(canvas)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    named = canvas.read_text(encoding="utf-8").split("$schema: ", 1)[1].split("\n", 1)[0]
    schema = canvas.parent / named
    assert json.loads(schema.read_text(encoding="utf-8")) == json_schema()
    assert lines_ending_in_a_space(schema.read_text(encoding="utf-8")) == []


def test_the_schema_beside_a_canvas_is_written_when_missing_or_stale_only(tmp_path: Path) -> None:
    canvas = tmp_path / "a.cmc.yaml"
    assert write_schema_beside(canvas) == tmp_path / SCHEMA_FILE_NAME
    assert write_schema_beside(canvas) is None  # already there, the same
    (tmp_path / SCHEMA_FILE_NAME).write_text("{}", encoding="utf-8")
    assert write_schema_beside(canvas) == tmp_path / SCHEMA_FILE_NAME
    assert json.loads((tmp_path / SCHEMA_FILE_NAME).read_text(encoding="utf-8")) == json_schema()


# -- ids ------------------------------------------------------------------------------------------


RIVERSIDE_CUT = "p-riverside-gp-practice-p-st-annes"


@pytest.mark.parametrize(
    ("slug", "limit", "cut"),
    [
        ("p-riverside-gp-practice-p-st-annes-hospital-v-letter", 40, RIVERSIDE_CUT),
        ("short-one", 40, "short-one"),
        ("exactly-ten", 11, "exactly-ten"),
        ("exactly-ten", 10, "exactly"),
        ("a" * 50, 40, "a" * 40),
        ("-dashes-", 40, "dashes"),
    ],
)  # fmt: skip
def test_an_id_is_cut_at_a_word_boundary(slug: str, limit: int, cut: str) -> None:
    assert cut_at_word(slug, limit) == cut
    assert len(cut_at_word(slug, limit)) <= limit


def test_a_generated_flow_id_ends_with_a_whole_word() -> None:
    from cmc_core.questionnaires.apply import _new_id

    entry = {"from": "p-riverside-gp-practice", "to": "p-st-annes-hospital", "value": "v-letter"}
    flow_id = _new_id("flows", entry, set())
    assert flow_id == "f-p-riverside-gp-practice-p-st-annes"
    assert "p-riverside-gp-practice-p-st-annes-hospital-v-letter".startswith(flow_id[2:] + "-")
