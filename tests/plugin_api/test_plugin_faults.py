"""The plugin fault suite: eight ways a plugin can break, each isolated and named by ``cmc``.

Every case installs one faulty fake distribution next to the built-ins and checks that the
command still does its job (or fails with exit status 2, a tool failure, never 1), that the
message names the plugin, and that no traceback reaches the user.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from cmc_core.cli import cli

from .conftest import MakeDist, exporter_plugin

#: A Dutch example, run in English: these tests read the English messages.
EXAMPLE = ("--example", "port-logistics", "--lang", "en")


def cmc(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


RAISING_RULE = """
    from cmc_core import hookimpl
    from cmc_core.diagnostics import Severity
    from cmc_core.rules import Rule

    def check(canvas, context):
        yield from ()
        raise KeyError("threshold")

    @hookimpl
    def cmc_register_rules(register):
        register(Rule("XY001", "broken-rule", Severity.INFO, "t", "r", "s", check))
"""

RAISING_EXPORTER = """
    from cmc_core import hookimpl
    from cmc_core.exporting import Exporter

    def export(canvas, options):
        raise ZeroDivisionError("no slides today")

    @hookimpl
    def cmc_register_exporters(register):
        register(Exporter(name="slides", title="Slides", media_type="text/plain",
                          extension=".txt", export=export))
"""

RAISING_SCORER = """
    from cmc_core import hookimpl
    from cmc_core.scoring import Scorer

    def score(canvas, context):
        raise ValueError("cannot weigh this")

    @hookimpl
    def cmc_register_scorers(register):
        register(Scorer(name="weight", title="Weight", description="d", score=score))
"""

PRINTING = """
    print("HELLO FROM IMPORT")
    from cmc_core import hookimpl
    from cmc_core.diagnostics import Finding, Severity
    from cmc_core.rules import Rule

    def check(canvas, context):
        print("HELLO FROM A RULE")
        yield Finding("printed something", "meta.name")

    @hookimpl
    def cmc_register_rules(register):
        print("HELLO FROM A HOOK")
        register(Rule("PR001", "printer", Severity.INFO, "t", "r", "s", check))
"""

SLOW_HOOK = """
    import time
    from cmc_core import hookimpl

    @hookimpl
    def cmc_register_exporters(register):
        time.sleep(0.8)
"""


# -- 1. a plugin that fails to import -------------------------------------------------------------


def test_1_an_import_error_is_a_warning_naming_the_plugin_and_the_check_still_runs(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-gone", {"cmc_gone": "import not_installed_anywhere\n"}, {"gone": "cmc_gone"})
    result = cmc("check", *EXAMPLE)
    assert result.exit_code == 0
    assert "'gone' (entry point in cmc-gone 1.0) failed to load" in result.stderr
    assert "No problems found" in result.stdout
    assert_no_traceback(result)


# -- 2. a hook that raises ------------------------------------------------------------------------


def test_2_a_raising_hook_is_a_warning_naming_plugin_and_hook(make_dist: MakeDist) -> None:
    source = """
        from cmc_core import hookimpl

        @hookimpl
        def cmc_register_rules(register):
            raise OSError("rules server down")
    """
    make_dist("cmc-down", {"cmc_down": source}, {"down": "cmc_down"})
    result = cmc("check", *EXAMPLE)
    assert result.exit_code == 0
    assert "'down' (entry point in cmc-down 1.0) raised in cmc_register_rules" in result.stderr
    assert_no_traceback(result)


# -- 3. an invalid registration -------------------------------------------------------------------


def test_3_registering_the_wrong_type_is_a_warning_naming_the_plugin(make_dist: MakeDist) -> None:
    source = """
        from cmc_core import hookimpl

        @hookimpl
        def cmc_register_exporters(register):
            register({"name": "dict-exporter"})
    """
    make_dist("cmc-wrong", {"cmc_wrong": source}, {"wrong": "cmc_wrong"})
    result = cmc("export", "--list")
    assert result.exit_code == 0
    assert "'wrong' (entry point in cmc-wrong 1.0) registered a dict object" in result.stderr
    assert "html" in result.stdout
    assert_no_traceback(result)


# -- 4. a duplicate name --------------------------------------------------------------------------


def test_4_a_clash_leaves_out_both_and_cmc_plugins_shows_it(make_dist: MakeDist) -> None:
    make_dist("cmc-alpha", {"cmc_alpha": exporter_plugin("pdf", "alpha")}, {"alpha": "cmc_alpha"})
    make_dist("cmc-beta", {"cmc_beta": exporter_plugin("pdf", "beta")}, {"beta": "cmc_beta"})
    listing = cmc("plugins")
    assert listing.exit_code == 0
    assert "clash: the exporter 'pdf' is registered by two plugins" in listing.stdout
    as_json = json.loads(cmc("plugins", "--format", "json").stdout)
    assert any("'pdf'" in problem for problem in as_json["problems"])
    exported = cmc("export", "--to", "pdf", *EXAMPLE)
    assert exported.exit_code == 2
    assert "there is no exporter 'pdf'" in exported.stderr
    assert_no_traceback(exported)


def test_4_a_clash_with_a_built_in_is_resolved_by_blocking_the_built_in(
    make_dist: MakeDist,
) -> None:
    make_dist(
        "cmc-myhtml", {"cmc_myhtml": exporter_plugin("html", "mine")}, {"myhtml": "cmc_myhtml"}
    )
    clash = cmc("export", "--to", "html", *EXAMPLE)
    assert clash.exit_code == 2
    assert "--block-plugins exporters" in clash.stderr
    replaced = cmc("--block-plugins", "exporters", "export", "--to", "html", *EXAMPLE)
    assert replaced.exit_code == 0, replaced.stderr
    assert replaced.stdout.startswith("mine: ")


# -- 5. a plugin that hangs -----------------------------------------------------------------------


def test_5_a_slow_hook_is_named_while_it_still_runs(make_dist: MakeDist) -> None:
    make_dist("cmc-slow", {"cmc_slow": SLOW_HOOK}, {"slow": "cmc_slow"})
    result = cmc("export", "--list", env={"CMC_SLOW_PLUGIN_SECONDS": "0.2"})
    assert result.exit_code == 0
    assert (
        "Warning: plugin 'slow' (entry point in cmc-slow 1.0) in cmc_register_exporters "
        "has been running for more than 0.2 s"
    ) in result.stderr


def test_5_tracing_gives_each_hook_call_its_time(make_dist: MakeDist) -> None:
    make_dist("cmc-slow", {"cmc_slow": SLOW_HOOK}, {"slow": "cmc_slow"})
    result = cmc("--trace-plugins", "export", "--list")
    timed = [
        line
        for line in result.stderr.splitlines()
        if line.startswith("trace: cmc_register_exporters done (slow, ")
    ]
    (line,) = timed
    assert float(line.rsplit(", ", 1)[1].removesuffix(" ms)")) >= 800


# -- 6. a plugin that prints ----------------------------------------------------------------------


def test_6_what_a_plugin_prints_goes_to_stderr_and_json_output_stays_json(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-chatty", {"cmc_chatty": PRINTING}, {"chatty": "cmc_chatty"})
    result = cmc("check", "--format", "json", *EXAMPLE)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert "PR001" in {diagnostic["code"] for diagnostic in document["diagnostics"]}
    for said in ("HELLO FROM IMPORT", "HELLO FROM A HOOK", "HELLO FROM A RULE"):
        assert said in result.stderr
        assert said not in result.stdout


# -- 7. a rule that raises while checking ---------------------------------------------------------


def test_7_a_raising_rule_is_an_error_of_that_rule_the_others_still_report_and_exit_is_2(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-xy", {"cmc_xy": RAISING_RULE}, {"xy": "cmc_xy"})
    result = cmc("check", "--exit-zero", "--example", "single-owner-platform")
    assert result.exit_code == 2
    failed = [line for line in result.stdout.splitlines() if " XY001 " in line]
    assert len(failed) == 1
    assert "error" in failed[0]
    assert "rule 'XY001' of plugin 'xy' (entry point in cmc-xy 1.0) failed" in failed[0]
    assert " CMC0" in result.stdout  # the built-in rules still ran and reported
    assert (
        "Error: rule 'XY001' of plugin 'xy' (entry point in cmc-xy 1.0) failed: KeyError: "
        "'threshold'"
    ) in result.stderr
    assert_no_traceback(result)


def test_7_with_traceback_the_stack_of_the_rule_is_shown(make_dist: MakeDist) -> None:
    make_dist("cmc-xy", {"cmc_xy": RAISING_RULE}, {"xy": "cmc_xy"})
    result = cmc("--traceback", "check", *EXAMPLE)
    assert result.exit_code == 2
    assert "Traceback" in result.stderr
    assert 'raise KeyError("threshold")' in result.stderr


def test_7_strict_plugins_make_a_raising_rule_a_one_line_error(make_dist: MakeDist) -> None:
    make_dist("cmc-xy", {"cmc_xy": RAISING_RULE}, {"xy": "cmc_xy"})
    result = cmc("--strict-plugins", "check", *EXAMPLE)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: rule 'XY001' of plugin 'xy' (entry point in cmc-xy 1.0) failed: KeyError: "
        "'threshold' (cmc --block-plugins cmc-xy ... does without the plugin)"
    ]


# -- 8. an exporter (or a scorer) that raises -----------------------------------------------------


def test_8_a_raising_exporter_is_one_line_naming_it_with_exit_2(make_dist: MakeDist) -> None:
    make_dist("cmc-slides", {"cmc_slides": RAISING_EXPORTER}, {"slides": "cmc_slides"})
    result = cmc("export", "--to", "slides", *EXAMPLE)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: exporter 'slides' of plugin 'slides' (entry point in cmc-slides 1.0) failed: "
        "ZeroDivisionError: no slides today (cmc --block-plugins cmc-slides ... does without "
        "the plugin)"
    ]
    assert result.stdout == ""
    traced = cmc("export", "--to", "slides", *EXAMPLE, env={"CMC_TRACE_PLUGINS": "1"})
    assert "Traceback" in traced.stderr
    assert traced.exit_code == 2


@pytest.mark.parametrize("command", [("score",), ("export", "--to", "html")])
def test_8_a_raising_scorer_is_one_line_naming_it_with_exit_2(
    make_dist: MakeDist, command: tuple[str, ...]
) -> None:
    make_dist("cmc-weight", {"cmc_weight": RAISING_SCORER}, {"weight": "cmc_weight"})
    result = cmc(*command, "--example", "regional-healthcare")  # an English canvas
    assert result.exit_code == 2
    assert (
        "Error: scorer 'weight' of plugin 'weight' (entry point in cmc-weight 1.0) failed: "
        "ValueError: cannot weigh this"
    ) in result.stderr
    assert_no_traceback(result)


# -- strict mode ----------------------------------------------------------------------------------


def test_strict_mode_fails_a_command_whose_broken_plugin_contributes_another_kind(
    make_dist: MakeDist,
) -> None:
    source = """
        from cmc_core import hookimpl

        @hookimpl
        def cmc_register_questionnaires(register):
            raise RuntimeError("questionnaire server down")
    """
    make_dist("cmc-qs", {"cmc_qs": source}, {"qs": "cmc_qs"})
    assert cmc("export", "--list").exit_code == 0  # export never asks for questionnaires
    strict = cmc("--strict-plugins", "export", "--list")
    assert strict.exit_code == 2
    assert "'qs' (entry point in cmc-qs 1.0) raised in cmc_register_questionnaires" in (
        strict.stderr
    )


# -- a plugin must not choose cmc's exit status ---------------------------------------------------

EXITING_RULE = """
    from cmc_core import hookimpl
    from cmc_core.diagnostics import Severity
    from cmc_core.rules import Rule

    class Odd(BaseException):
        pass

    def check(canvas, context):
        yield from ()
        raise {raised}

    @hookimpl
    def cmc_register_rules(register):
        register(Rule("EX001", "exits", Severity.INFO, "t", "r", "s", check))
"""


@pytest.mark.parametrize("raised", ["SystemExit(0)", "SystemExit('bye')", "Odd('odd')"])
def test_a_rule_raising_system_exit_or_a_base_exception_is_a_failed_rule(
    make_dist: MakeDist, raised: str
) -> None:
    source = EXITING_RULE.replace("{raised}", raised)
    make_dist("cmc-exits", {"cmc_exits": source}, {"exits": "cmc_exits"})
    result = cmc("check", *EXAMPLE)
    assert result.exit_code == 2
    assert "rule 'EX001' of plugin 'exits' (entry point in cmc-exits 1.0) failed: " in (
        result.stderr
    )
    assert "PluginExitError: it raised" in result.stderr
    assert "No problems found" not in result.stdout
    assert_no_traceback(result)


@pytest.mark.parametrize("where", ["import", "hook", "exporter"])
def test_system_exit_from_a_plugin_is_named_and_never_ends_cmc_quietly(
    make_dist: MakeDist, where: str
) -> None:
    source = {
        "import": "raise SystemExit(0)\n",
        "hook": RAISING_EXPORTER.replace(
            "def cmc_register_exporters(register):",
            "def cmc_register_exporters(register):\n        raise SystemExit(0)",
        ),
        "exporter": RAISING_EXPORTER.replace(
            'raise ZeroDivisionError("no slides today")', "raise SystemExit(0)"
        ),
    }[where]
    make_dist("cmc-slides", {"cmc_slides": source}, {"slides": "cmc_slides"})
    listing = cmc("plugins")
    assert listing.exit_code == 0
    assert "exporters" in listing.stdout  # the built-ins are still listed
    result = cmc("export", "--to", "slides" if where == "exporter" else "json", *EXAMPLE)
    if where == "exporter":
        assert result.exit_code == 2
        assert "exporter 'slides' of plugin 'slides'" in result.stderr
        assert "it raised SystemExit(" in result.stderr
    else:
        assert result.exit_code == 0
        assert "'slides' (entry point in cmc-slides 1.0)" in result.stderr
        assert result.stdout.startswith("{")
    assert_no_traceback(result)


def test_a_malformed_entry_points_line_fails_strict_mode(make_dist: MakeDist) -> None:
    info = make_dist("cmc-odd", {"cmc_odd": exporter_plugin("odd")}, {"odd": "cmc_odd"})
    (info / "entry_points.txt").write_text("[cmc]\nodd cmc_odd\n", encoding="utf-8")
    lenient = cmc("export", "--list")
    assert lenient.exit_code == 0
    assert "'odd cmc_odd'" in lenient.stderr
    strict = cmc("--strict-plugins", "export", "--list")
    assert strict.exit_code == 2
    assert "is no 'name = value' entry" in strict.stderr
