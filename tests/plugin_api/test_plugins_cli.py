"""``cmc plugins``, ``cmc export`` and the plugin switches, with fake installed plugins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cmc_core.cli import cli

from .conftest import MakeDist, exporter_plugin

BROKEN_ON_IMPORT = "raise RuntimeError('database not reachable')\n"


def cmc(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def broken_plugin(make_dist: MakeDist) -> None:
    make_dist("cmc-broken", {"cmc_broken": BROKEN_ON_IMPORT}, {"broken": "cmc_broken"}, "0.3")


def test_plugins_lists_the_built_ins_and_installed_plugins_with_what_they_registered(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"}, "2.1")
    result = cmc("plugins")
    assert result.exit_code == 0
    assert "rules  [community-model-canvas " in result.stdout
    assert "(built-in)" in result.stdout
    assert "plain  [cmc-plain 2.1]\n    exporters: plain\n" in result.stdout


def test_plugins_as_json_carries_distribution_version_and_registered_names(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"}, "2.1")
    result = cmc("plugins", "--format", "json")
    document = json.loads(result.stdout)
    by_name = {plugin["name"]: plugin for plugin in document["plugins"]}
    assert by_name["plain"]["distribution"] == "cmc-plain"
    assert by_name["plain"]["version"] == "2.1"
    assert by_name["plain"]["exporters"] == ["plain"]
    assert by_name["rules"]["builtin"] is True
    assert "CMC001" in by_name["rules"]["rules"]


@pytest.mark.usefixtures("broken_plugin")
def test_check_still_works_with_a_plugin_broken_on_import_and_warns_once_naming_it() -> None:
    result = cmc("check", "--example", "port-logistics", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == "No problems found in 1 file.\n"
    warnings = result.stderr.splitlines()
    assert warnings == [
        "Warning: plugin 'broken' (entry point in cmc-broken 0.3) failed to load: "
        "RuntimeError: database not reachable; carrying on without it."
    ]


@pytest.mark.usefixtures("broken_plugin")
def test_quiet_leaves_out_the_warning_and_strict_quiet_still_says_the_error() -> None:
    quiet = cmc("--quiet", "check", "--example", "port-logistics", "--lang", "en")
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    assert quiet.stdout == "No problems found in 1 file.\n"
    strict = cmc("--quiet", "--strict-plugins", "check", "--example", "port-logistics")
    assert strict.exit_code == 2
    assert "plugin 'broken' (entry point in cmc-broken 0.3) failed to load" in strict.stderr
    verbose = cmc("--verbose", "export", "--list")
    left_out = next(line for line in verbose.stderr.splitlines() if "left out:" in line)
    assert left_out.startswith("Plugins left out: broken (failed)")


@pytest.mark.usefixtures("broken_plugin")
def test_strict_plugins_turn_the_broken_plugin_into_exit_2_with_the_same_message() -> None:
    result = cmc("check", "--example", "port-logistics", env={"CMC_STRICT_PLUGINS": "1"})
    assert result.exit_code == 2
    assert "plugin 'broken' (entry point in cmc-broken 0.3) failed to load" in result.stderr
    assert cmc("--strict-plugins", "check", "--example", "port-logistics").exit_code == 2


@pytest.mark.usefixtures("broken_plugin")
@pytest.mark.parametrize("strict", ["0", "1"])
def test_no_plugins_works_whether_or_not_plugins_are_strict(strict: str) -> None:
    env = {"CMC_STRICT_PLUGINS": strict}
    for args in (["--no-plugins"], ["--block-plugins", "cmc-broken"]):
        result = cmc(*args, "check", "--example", "port-logistics", env=env)
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
    assert (
        cmc("check", "--example", "port-logistics", env={**env, "CMC_NO_PLUGINS": "1"}).stderr == ""
    )


def test_two_plugins_with_one_exporter_name_leave_out_both_with_a_warning_naming_them(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-alpha", {"cmc_alpha": exporter_plugin("fancy", "alpha")}, {"alpha": "cmc_alpha"})
    make_dist("cmc-beta", {"cmc_beta": exporter_plugin("fancy", "beta")}, {"beta": "cmc_beta"})
    result = cmc("export", "--list")
    assert result.exit_code == 0
    assert "cmc-alpha 1.0" in result.stderr
    assert "cmc-beta 1.0" in result.stderr
    assert "carrying on without either exporter" in result.stderr
    assert not any(line.startswith("fancy ") for line in result.stdout.splitlines())
    assert any(line.startswith("html ") for line in result.stdout.splitlines())
    strict = cmc("--strict-plugins", "export", "--list")
    assert strict.exit_code == 2
    assert "registered by two plugins" in strict.stderr
    blocked = cmc("--block-plugins", "beta", "export", "--list")
    assert blocked.exit_code == 0
    assert "[cmc-alpha]" in next(line for line in blocked.stdout.splitlines() if "fancy" in line)


#: A plugin with one rule, ZZ001, that reports every canvas.
ZZ_RULE_PLUGIN = """
    from cmc_core import hookimpl
    from cmc_core.diagnostics import Finding, Severity
    from cmc_core.rules import Rule

    def check(canvas, context):
        yield Finding("the canvas has a name", "meta.name")

    @hookimpl
    def cmc_register_rules(register):
        register(Rule("ZZ001", "always", Severity.ERROR, "t", "r", "s", check))
"""


def test_a_third_party_rule_runs_next_to_the_built_in_ones_in_check(make_dist: MakeDist) -> None:
    make_dist("cmc-zz", {"cmc_zz": ZZ_RULE_PLUGIN}, {"zz": "cmc_zz"})
    result = cmc("check", "--example", "port-logistics", "--format", "json")
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert codes == {"ZZ001"}
    assert result.exit_code == 1
    assert cmc("check", "--example", "port-logistics", "--ignore", "ZZ").exit_code == 0
    assert "ZZ001" in cmc("rules").stdout


def test_a_plugin_rule_code_in_a_config_file_is_known_to_every_command(
    make_dist: MakeDist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_dist("cmc-zz", {"cmc_zz": ZZ_RULE_PLUGIN}, {"zz": "cmc_zz"})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cmc.toml").write_text('ignore = ["ZZ001"]\n', encoding="utf-8")
    assert cmc("check", "--example", "port-logistics").exit_code == 0
    assert cmc("score", "--example", "port-logistics").exit_code == 0
    (tmp_path / "cmc.toml").write_text('ignore = ["ZZ002"]\n', encoding="utf-8")
    refused = cmc("score", "--example", "port-logistics")
    assert refused.exit_code == 2
    assert "Did you mean 'ZZ001'?" in refused.output


def test_export_list_names_every_exporter_with_its_plugin(make_dist: MakeDist) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"})
    listing = cmc("export", "--list").stdout
    assert "plain" in listing
    assert "[cmc-plain]" in listing


def test_export_writes_the_output_file_atomically_and_text_goes_to_stdout_without_o(
    make_dist: MakeDist, tmp_path: Path
) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"})
    result = cmc("export", "--example", "port-logistics", "--to", "plain")
    assert result.exit_code == 0
    assert result.stdout.startswith("plain: ")
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    assert (
        cmc("export", "--example", "port-logistics", "--to", "plain", "-o", str(out)).exit_code == 0
    )
    assert out.read_text(encoding="utf-8") == result.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_with_an_unknown_exporter_suggests_the_closest(make_dist: MakeDist) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"})
    result = cmc("export", "--example", "port-logistics", "--to", "plian")
    assert result.exit_code == 2
    assert "there is no exporter 'plian'; did you mean 'plain'?" in result.stderr


def test_export_refuses_to_overwrite_the_canvas_it_reads(
    make_dist: MakeDist, tmp_path: Path
) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"})
    canvas = tmp_path / "c.cmc.yaml"
    canvas.write_text(cmc("examples", "port-logistics").stdout, encoding="utf-8")
    before = canvas.read_bytes()
    result = cmc("export", str(canvas), "--to", "plain", "-o", str(canvas))
    assert result.exit_code == 2
    # The canvas is Dutch, so the command speaks Dutch; --lang en makes it English.
    assert result.stderr.startswith("Fout: ")
    assert "is het canvas dat geëxporteerd wordt" in result.stderr
    english = cmc("export", str(canvas), "--to", "plain", "-o", str(canvas), "--lang", "en")
    assert english.exit_code == 2
    assert english.stderr.startswith("Error: ")
    assert "is the canvas being exported" in english.stderr
    assert canvas.read_bytes() == before


def test_export_of_a_broken_canvas_names_the_file_and_exits_2(
    make_dist: MakeDist, tmp_path: Path
) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"})
    canvas = tmp_path / "bad.cmc.yaml"
    canvas.write_text("schema_version: 1\nmeta: {nmae: x}\n", encoding="utf-8")
    result = cmc("export", str(canvas), "--to", "plain", "-o", str(tmp_path / "o.txt"))
    assert result.exit_code == 2
    assert "bad.cmc.yaml:2:" in result.stderr
    assert not (tmp_path / "o.txt").exists()
