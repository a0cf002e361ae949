"""The plugin messages in Dutch: a run with ``CMC_LANG=nl`` says what went wrong without an
English sentence, while naming the plugin, its distribution and the hook as in English."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result
from tests.english import english_words

from cmc_core.cli import cli
from cmc_core.plugins.errors import DuplicateNameError, InvalidContributionError
from cmc_core.plugins.info import PluginInfo
from cmc_core.translation import using_language

from .conftest import MakeDist, exporter_plugin

#: The fake plugins' own words (an exception's text is the plugin's, not cmc's).
BROKEN_ON_IMPORT = "raise RuntimeError('databank onbereikbaar')\n"
WRONG_TYPE = """
    from cmc_core import hookimpl

    @hookimpl
    def cmc_register_exporters(register):
        register({"name": "dict-exporter"})
"""
SLOW_HOOK = """
    import time
    from cmc_core import hookimpl

    @hookimpl
    def cmc_register_exporters(register):
        time.sleep(0.6)
"""
OWN_CODE_RULE = """
    from cmc_core import hookimpl
    from cmc_core.diagnostics import Severity
    from cmc_core.rules import Rule

    def check(canvas, context):
        yield from ()

    @hookimpl
    def cmc_register_rules(register):
        register(Rule("CMC901", "mine", Severity.INFO, "t", "r", "s", check))
"""


def dutch(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        cli, list(args), env={"CMC_LANG": "nl", **(env or {})}, catch_exceptions=False
    )


def test_a_plugin_that_fails_to_load_is_left_out_with_a_dutch_warning(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-broken", {"cmc_broken": BROKEN_ON_IMPORT}, {"broken": "cmc_broken"}, "0.3")
    result = dutch("export", "--list")
    assert result.exit_code == 0
    # That it is said once is test_plugins_cli's business; here, what it says.
    (warning,) = set(result.stderr.splitlines())
    assert "'broken' (entry point in cmc-broken 0.3)" in warning
    assert "RuntimeError: databank onbereikbaar" in warning
    assert warning.endswith("; cmc gaat verder zonder deze plugin.")
    assert english_words(result.stderr) == []


def test_a_wrong_contribution_and_a_clash_are_told_in_dutch(make_dist: MakeDist) -> None:
    make_dist("cmc-wrong", {"cmc_wrong": WRONG_TYPE}, {"wrong": "cmc_wrong"})
    make_dist("cmc-alpha", {"cmc_alpha": exporter_plugin("fancy", "alpha")}, {"alpha": "cmc_alpha"})
    make_dist("cmc-beta", {"cmc_beta": exporter_plugin("fancy", "beta")}, {"beta": "cmc_beta"})
    result = dutch("export", "--list")
    assert result.exit_code == 0
    assert "registreerde in cmc_register_exporters: een object van het type dict" in result.stderr
    assert "exporter 'fancy' is door twee plugins geregistreerd" in result.stderr
    assert "cmc gaat verder zonder beide exporters." in result.stderr
    assert english_words(result.stderr) == []
    strict = dutch("--strict-plugins", "export", "--list")
    assert strict.exit_code == 2
    assert "door twee plugins geregistreerd" in strict.stderr
    assert english_words(strict.stderr) == []


def test_a_reserved_rule_code_is_refused_in_dutch(make_dist: MakeDist) -> None:
    make_dist("cmc-own", {"cmc_own": OWN_CODE_RULE}, {"own": "cmc_own"})
    result = dutch("--strict-plugins", "export", "--list")
    assert result.exit_code == 2
    assert "het voorvoegsel CMC is voorbehouden aan de ingebouwde regels" in result.stderr
    assert english_words(result.stderr) == []


def test_a_slow_hook_is_named_in_dutch_while_it_still_runs(make_dist: MakeDist) -> None:
    make_dist("cmc-slow", {"cmc_slow": SLOW_HOOK}, {"slow": "cmc_slow"})
    result = dutch("export", "--list", env={"CMC_SLOW_PLUGIN_SECONDS": "0.2"})
    assert result.exit_code == 0
    assert (
        "plugin 'slow' (entry point in cmc-slow 1.0) in cmc_register_exporters "
        "loopt al langer dan 0.2 s"
    ) in result.stderr
    assert english_words(result.stderr) == []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_clash_with_a_built_in_says_how_to_use_the_plugin_in_either_language(
    language: str,
) -> None:
    builtin = PluginInfo("exporters", "cmc_exporters", "community-model-canvas", "1.0")
    mine = PluginInfo("mine", "cmc_mine", "cmc-mine", "2.0")
    with using_language(language):
        message = str(DuplicateNameError("exporter", "html", builtin, mine))
        twice = str(DuplicateNameError("rule", "XY001", mine, mine))
        wrong = str(InvalidContributionError(mine, "cmc_register_rules", "x"))
    if language == "en":
        assert message == (
            "the exporter 'html' is registered by two plugins: 'exporters' (entry point in "
            "community-model-canvas 1.0) and 'mine' (entry point in cmc-mine 2.0); uninstall or "
            "block one "
            "(--block-plugins cmc-mine), or block the built-in exporters (--block-plugins "
            "exporters) to use the plugin's exporters instead of every built-in one"
        )
        assert (
            twice == "plugin 'mine' (entry point in cmc-mine 2.0) registered the rule 'XY001' twice"
        )
        assert (
            wrong
            == "plugin 'mine' (entry point in cmc-mine 2.0) registered x in cmc_register_rules"
        )
    else:
        assert "--block-plugins exporters" in message
        assert "regel 'XY001' twee keer" in twice
        assert english_words(message + "\n" + twice + "\n" + wrong) == []
