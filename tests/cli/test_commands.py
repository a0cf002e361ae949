"""``cmc new``, ``schema``, ``convert``, ``rules``, ``rule``, ``examples``, ``--version`` and
``--help``: output, files written and exit statuses."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.english import english_words

from cmc_core import __version__
from cmc_core.examples import EXAMPLES, example_text
from cmc_core.fileformat import json_schema, load, read_canvas
from cmc_core.rules import BUILTIN_RULES

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]


# -- new -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl"])
def test_new_writes_a_commented_starter_that_loads_and_lists_what_is_missing(
    invoke: Invoke, tmp_path: Path, language: str
) -> None:
    result = invoke("new", "--lang", language, "canvas.cmc.yaml")
    assert result.exit_code == 0, result.output
    written = (tmp_path / "canvas.cmc.yaml").read_text(encoding="utf-8")
    assert written.startswith("#")
    assert str(load(tmp_path / "canvas.cmc.yaml").canvas.meta.language) == language
    lines = result.stdout.splitlines()
    wrote, missing, run = {  # cmc new speaks the language of the starter it writes
        "en": ("Wrote canvas.cmc.yaml", "Still missing (", "Run `cmc check canvas.cmc.yaml` for"),
        "nl": (
            "canvas.cmc.yaml geschreven",
            "Ontbreekt nog (",
            "Voer `cmc check canvas.cmc.yaml` uit",
        ),
    }[language]
    assert lines[0].startswith(wrote)
    assert lines[1].startswith(missing)
    assert any(line.startswith("  CMC001 ") for line in lines)
    assert lines[-1].startswith(run)


@pytest.mark.parametrize(("environment", "language"), [({"CMC_LANG": "nl"}, "nl"), ({}, "en")])
def test_new_without_lang_writes_the_language_cmc_lang_asks_for(
    invoke: Invoke, tmp_path: Path, environment: dict[str, str], language: str
) -> None:
    # A Dutch team sets CMC_LANG=nl once; the starter and everything after it are then Dutch.
    result = invoke("new", "canvas.cmc.yaml", env={"CMC_LANG": "", "LANG": "C", **environment})
    assert result.exit_code == 0, result.output
    assert str(load(tmp_path / "canvas.cmc.yaml").canvas.meta.language) == language
    assert result.stdout.startswith(
        "canvas.cmc.yaml geschreven" if language == "nl" else "Wrote canvas.cmc.yaml"
    )


def test_new_help_says_it_exits_0_although_the_starter_misses_things(invoke: Invoke) -> None:
    # The starter misses most of a canvas on purpose; the help promised exit 1 for errors.
    result = invoke("new", "--help")
    assert "0    the starter canvas was written" in result.stdout
    assert "error-level diagnostics found" not in result.stdout
    assert invoke("new", "starter.cmc.yaml").exit_code == 0


def test_what_new_lists_is_what_check_reports_as_errors(invoke: Invoke) -> None:
    listed = {
        line.split()[0]
        for line in invoke("new", "canvas.cmc.yaml").stdout.splitlines()
        if line.startswith("  CMC")
    }
    checked = json.loads(invoke("check", "canvas.cmc.yaml", "--format", "json").stdout)
    assert listed == {d["code"] for d in checked["diagnostics"] if d["severity"] == "error"}


def test_new_refuses_to_overwrite_without_force(invoke: Invoke, write: Write) -> None:
    name = write("mine.cmc.yaml", "keep me\n")
    result = invoke("new", name)
    assert result.exit_code == 2
    assert "mine.cmc.yaml already exists; use --force" in result.stderr
    assert Path(name).read_text(encoding="utf-8") == "keep me\n"
    assert_no_traceback(result)


def test_new_with_force_overwrites(invoke: Invoke, write: Write) -> None:
    name = write("mine.cmc.yaml", "keep me\n")
    assert invoke("new", "--force", name).exit_code == 0
    assert Path(name).read_text(encoding="utf-8") != "keep me\n"


@pytest.mark.parametrize("suffix", ["json", "toml"])
def test_new_converts_the_starter_to_the_format_of_the_suffix(invoke: Invoke, suffix: str) -> None:
    assert invoke("new", f"canvas.cmc.{suffix}").exit_code == 0
    assert read_canvas(f"canvas.cmc.{suffix}") == load_starter()


def load_starter() -> object:
    from cmc_core.examples import starter_text
    from cmc_core.fileformat import loads

    return loads(starter_text("en"), "yaml").canvas


def test_new_refuses_a_name_without_a_canvas_suffix(invoke: Invoke) -> None:
    result = invoke("new", "canvas.txt")
    assert result.exit_code == 2
    assert "cannot tell the format of canvas.txt" in result.stderr
    assert not Path("canvas.txt").exists()


def test_new_into_a_missing_directory_is_an_io_error(invoke: Invoke) -> None:
    result = invoke("new", "no/such/dir/canvas.cmc.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot write no/such/dir/canvas.cmc.yaml")
    assert_no_traceback(result)


# -- schema --------------------------------------------------------------------------------------


def test_schema_prints_the_generated_json_schema_indented(invoke: Invoke) -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()
    assert result.stdout == json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def test_schema_output_file_gets_the_same_text(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("schema", "-o", "schema.json")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert (tmp_path / "schema.json").read_text(encoding="utf-8") == invoke("schema").stdout


# -- convert -------------------------------------------------------------------------------------


def test_convert_round_trips_yaml_json_toml_and_back_without_loss(
    invoke: Invoke, write: Write
) -> None:
    original = write("port.cmc.yaml", example_text("port-logistics"))
    chain = ["port.cmc.json", "port.cmc.toml", "again.cmc.yaml", "again.cmc.json"]
    previous = original
    for target in chain:
        result = invoke("convert", previous, target)
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        previous = target
    expected = read_canvas(original)
    for target in chain:
        assert read_canvas(target) == expected, target


def test_convert_yaml_to_yaml_keeps_the_comments(invoke: Invoke, write: Write) -> None:
    write("port.cmc.yaml", example_text("port-logistics"))
    assert invoke("convert", "port.cmc.yaml", "copy.cmc.yml").exit_code == 0
    copied = Path("copy.cmc.yml").read_text(encoding="utf-8")
    assert "# A1 -- Toegevoegde waarde voor de eindklant" in copied


@pytest.mark.parametrize("to", ["yaml", "json", "toml"])
def test_convert_to_stdout_needs_to_and_prints_that_format(
    invoke: Invoke, write: Write, to: str
) -> None:
    from cmc_core.fileformat import loads

    write("port.cmc.yaml", example_text("port-logistics"))
    result = invoke("convert", "port.cmc.yaml", "-", "--to", to)
    assert result.exit_code == 0
    assert loads(result.stdout, to).canvas == read_canvas("port.cmc.yaml")


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (("port.cmc.yaml", "-"), "say the format with --to"),
        (("port.cmc.yaml", "out.cmc.json", "--to", "toml"), "contradicts OUT's suffix"),
        (("port.cmc.yaml", "out.txt"), "cannot tell the format of out.txt"),
        (("missing.cmc.yaml", "out.cmc.json"), "missing.cmc.yaml: cannot read the file"),
    ],
)
def test_convert_refuses_what_it_cannot_do_with_exit_2(
    invoke: Invoke, write: Write, args: tuple[str, ...], complaint: str
) -> None:
    write("port.cmc.yaml", example_text("port-logistics"))
    result = invoke("convert", *args)
    assert result.exit_code == 2
    assert complaint in result.stderr
    assert not Path("out.cmc.json").exists()
    assert_no_traceback(result)


def test_convert_of_a_broken_file_prints_its_problems_and_writes_nothing(
    invoke: Invoke, write: Write
) -> None:
    write("bad.cmc.yaml", "schema_version: 1\nmeta:\n  nmae: x\n")
    result = invoke("convert", "bad.cmc.yaml", "out.cmc.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("bad.cmc.yaml:3:3: ")
    assert "did you mean 'name'?" in result.stderr
    assert not Path("out.cmc.json").exists()


# -- rules and rule ------------------------------------------------------------------------------


def test_rules_lists_every_rule_with_code_severity_name_and_title(invoke: Invoke) -> None:
    result = invoke("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(BUILTIN_RULES)
    for line, rule in zip(lines, BUILTIN_RULES, strict=True):
        assert line.split()[:3] == [rule.code, str(rule.severity), rule.name]
        assert line.endswith(rule.title)


def test_rules_as_json_have_code_severity_name_title_rationale_and_source(
    invoke: Invoke,
) -> None:
    data = json.loads(invoke("rules", "--format", "json").stdout)
    assert [r["code"] for r in data["rules"]] == [r.code for r in BUILTIN_RULES]
    first = data["rules"][0]
    assert set(first) == {"code", "severity", "name", "title", "rationale", "source"}


@pytest.mark.parametrize("key", ["CMC021", "cmc021", "concentration"])
def test_rule_explains_title_severity_rationale_and_source(invoke: Invoke, key: str) -> None:
    result = invoke("rule", key)
    assert result.exit_code == 0
    assert result.stdout.startswith("CMC021 concentration\n")
    assert "Default severity: warning" in result.stdout
    assert "HHI" in result.stdout
    assert "Source: " in result.stdout
    assert all(len(line) <= 88 for line in result.stdout.splitlines())


def test_an_unknown_rule_is_exit_2_with_a_suggestion(invoke: Invoke) -> None:
    result = invoke("rule", "equal-footng")
    assert result.exit_code == 2
    assert "'equal-footng'" in result.stderr
    assert "did you mean 'equal-footing'" in result.stderr
    assert result.stdout == ""
    assert_no_traceback(result)


# -- examples ------------------------------------------------------------------------------------


def test_examples_lists_name_language_expected_result_and_title(invoke: Invoke) -> None:
    result = invoke("examples", env={"CMC_LANG": "en"})
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["NAME", "LANG", "EXPECTED", "TITLE"]
    assert len(rows) == len(EXAMPLES)
    for row, example in zip(rows, EXAMPLES, strict=True):
        assert row.split()[:2] == [example.name, str(example.language)]
        assert example.expected in row
        assert row.endswith(example.title)


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--lang", "nl"), {"CMC_LANG": "en"}), ((), {"CMC_LANG": "nl"})],
    ids=["--lang", "CMC_LANG"],
)
def test_examples_lists_them_in_dutch(
    invoke: Invoke, args: tuple[str, ...], env: dict[str, str]
) -> None:
    result = invoke("examples", *args, env=env)
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["NAAM", "TAAL", "VERWACHT", "TITEL"]
    assert rows[0].split()[:3] == ["port-logistics", "nl", "slaagt"]
    assert rows[0].endswith("een community in de havenlogistiek (in het Nederlands)")
    assert rows[1].endswith("huisartsen, ziekenhuis, apotheken, thuiszorg en zorgverzekeraars")
    assert "faalt: CMC001, CMC003" in rows[2]
    assert rows[2].endswith("een marktplaats met één eigenaar die zichzelf een community noemt")
    assert english_words(result.stdout) == []


def test_an_unknown_example_is_said_in_dutch(invoke: Invoke) -> None:
    result = invoke("examples", "regional-healthcar", "--lang", "nl")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Fout: er is geen meegeleverd voorbeeld 'regional-healthcar'; "
        "bedoelde je 'regional-healthcare'? De voorbeelden zijn: port-logistics, "
    )
    assert english_words(result.stderr) == []
    assert result.stdout == ""


def test_the_yaml_of_an_example_is_the_same_in_any_language(invoke: Invoke) -> None:
    result = invoke("examples", "port-logistics", "--lang", "en")
    assert result.stdout == example_text("port-logistics")


def test_convert_says_its_mistakes_in_the_language(invoke: Invoke) -> None:
    result = invoke("convert", "example:nope", "out.cmc.json", "--lang", "nl")
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: er is geen meegeleverd voorbeeld 'nope'.")
    assert english_words(result.stderr) == []
    english = invoke("convert", "example:nope", "out.cmc.json", env={"CMC_LANG": "en"})
    assert english.stderr.startswith("Error: there is no bundled example 'nope'.")


def test_schema_says_its_mistakes_in_the_language(invoke: Invoke) -> None:
    result = invoke("schema", "-o", "missing/dir/schema.json", "--lang", "nl")
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: ")
    assert "missing/dir/schema.json" in result.stderr
    assert english_words(result.stderr) == []


def test_examples_name_prints_the_yaml_exactly(invoke: Invoke) -> None:
    result = invoke("examples", "regional-healthcare")
    assert result.exit_code == 0
    assert result.stdout == example_text("regional-healthcare")


def test_an_unknown_example_is_exit_2_with_a_suggestion(invoke: Invoke) -> None:
    result = invoke("examples", "regional-healthcar")
    assert result.exit_code == 2
    assert "did you mean 'regional-healthcare'?" in result.stderr
    assert result.stdout == ""


# -- version and help ----------------------------------------------------------------------------


def test_version_prints_the_version(invoke: Invoke) -> None:
    for option in ("--version", "-V"):
        result = invoke(option)
        assert result.exit_code == 0
        assert result.stdout == f"cmc {__version__}\n"


def test_help_lists_the_commands_and_the_exit_statuses(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("check", "new", "schema", "convert", "rules", "rule", "examples"):
        assert f"\n  {command} " in result.stdout
    assert "Exit status:" in result.stdout
    assert "2    usage, I/O, configuration or file-format error" in result.stdout


def test_check_help_shows_its_options_and_the_exit_statuses(invoke: Invoke) -> None:
    result = invoke("check", "-h")
    assert result.exit_code == 0
    for option in (
        "--format",
        "--select",
        "--ignore",
        "--severity",
        "--config",
        "--no-config",
        "--color / --no-color",
        "--example",
        "--all-examples",
        "--exit-zero",
    ):
        assert option in result.stdout
    assert "Exit status:" in result.stdout


def test_an_unknown_command_is_a_usage_error_with_a_suggestion(invoke: Invoke) -> None:
    result = invoke("chek")
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.stderr
    assert "Did you mean" in result.stderr
    assert "'check'" in result.stderr
    assert result.stderr.startswith("Usage: cmc ")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_an_unreadable_file_is_exit_2(invoke: Invoke, write: Write) -> None:
    name = write("secret.cmc.yaml", example_text("port-logistics"))
    Path(name).chmod(0)
    result = invoke("check", name)
    assert result.exit_code == 2
    assert "Permission denied" in result.stderr


# -- the top-level error handling ----------------------------------------------------------------


def test_a_file_system_error_anywhere_is_one_line_and_exit_2(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(name: str) -> str:
        raise PermissionError(13, "Permission denied", "examples/port.cmc.yaml")

    monkeypatch.setattr("cmc_core.examples.example_text", refuse)
    result = invoke("examples", "port-logistics")
    assert result.exit_code == 2
    assert result.stderr == "Error: examples/port.cmc.yaml: Permission denied\n"


def test_ctrl_c_exits_130_quietly(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted() -> dict[str, object]:
        raise KeyboardInterrupt

    monkeypatch.setattr("cmc_core.fileformat.json_schema", interrupted)
    result = invoke("schema")
    assert result.exit_code == 130
    assert result.output == ""


def test_a_bug_is_not_hidden_as_a_user_error(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> dict[str, object]:
        raise RuntimeError("a bug")

    monkeypatch.setattr("cmc_core.fileformat.json_schema", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        invoke("schema")
