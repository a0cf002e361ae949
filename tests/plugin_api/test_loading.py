"""Loading installed plugins through the ``cmc`` entry-point group, and failure isolation."""

from __future__ import annotations

import logging

import pytest

from cmc_core.canvas import Canvas
from cmc_core.exporting import ExportOptions
from cmc_core.plugins import (
    InvalidContributionError,
    PluginHookError,
    PluginLoadError,
    PluginStatus,
)

from .conftest import MakeDist, exporter_plugin, load_fakes

BROKEN_ON_IMPORT = "raise RuntimeError('database not reachable')\n"


def test_an_installed_plugin_is_found_with_its_distribution_and_version(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"}, "2.1")
    plugins = load_fakes()
    assert "plain" in plugins.exporters
    provider = plugins.exporters.provider("plain")
    assert (provider.name, provider.distribution, provider.version) == ("plain", "cmc-plain", "2.1")
    assert not provider.builtin


def test_a_plugin_that_fails_to_import_raises_a_typed_error_naming_it(make_dist: MakeDist) -> None:
    make_dist("cmc-broken", {"cmc_broken": BROKEN_ON_IMPORT}, {"broken": "cmc_broken"}, "0.3")
    with pytest.raises(PluginLoadError) as caught:
        load_fakes()
    assert isinstance(caught.value, ImportError)
    assert str(caught.value) == (
        "plugin 'broken' (entry point in cmc-broken 0.3) failed to load: "
        "RuntimeError: database not reachable"
    )
    assert isinstance(caught.value.__cause__, RuntimeError)


def test_in_warn_mode_a_broken_plugin_is_left_out_and_the_others_load(make_dist: MakeDist) -> None:
    make_dist("cmc-broken", {"cmc_broken": BROKEN_ON_IMPORT}, {"broken": "cmc_broken"})
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"})
    plugins = load_fakes(on_error="warn")
    assert "plain" in plugins.exporters
    assert "CMC001" in plugins.rules
    assert [type(problem) for problem in plugins.problems] == [PluginLoadError]
    statuses = {info.name: info.status for info in plugins.infos}
    assert statuses["broken"] is PluginStatus.FAILED
    assert statuses["plain"] is PluginStatus.LOADED


def test_a_blocked_plugin_is_never_imported_so_blocking_works_when_it_is_broken(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-broken", {"cmc_broken": BROKEN_ON_IMPORT}, {"broken": "cmc_broken"})
    for selector in ("broken", "cmc-broken", "CMC_Broken"):
        plugins = load_fakes(block=[selector])
        assert {info.name: info.status for info in plugins.infos}["broken"] is (
            PluginStatus.BLOCKED
        )
    assert "CMC001" in load_fakes(allow=()).rules


def test_an_allow_list_loads_only_the_named_third_party_plugins(make_dist: MakeDist) -> None:
    make_dist("cmc-one", {"cmc_one": exporter_plugin("one")}, {"one": "cmc_one"})
    make_dist("cmc-two", {"cmc_two": exporter_plugin("two")}, {"two": "cmc_two"})
    plugins = load_fakes(allow=["cmc-two"])
    assert "two" in plugins.exporters
    assert "one" not in plugins.exporters
    assert "CMC001" in plugins.rules  # the built-ins always load


def test_a_plugin_raising_inside_a_hook_is_named_with_the_hook(make_dist: MakeDist) -> None:
    source = """
        from cmc_core import hookimpl

        @hookimpl
        def cmc_register_scorers(register):
            raise KeyError("weights")
    """
    make_dist("cmc-bad-hook", {"cmc_bad_hook": source}, {"bad-hook": "cmc_bad_hook"}, "1.2")
    plugins = load_fakes()
    with pytest.raises(PluginHookError) as caught:
        _ = plugins.scorers
    assert "'bad-hook' (entry point in cmc-bad-hook 1.2) raised in cmc_register_scorers" in str(
        caught.value
    )
    assert isinstance(caught.value.__cause__, KeyError)


def test_a_plugin_registering_the_wrong_type_is_refused_with_what_was_expected(
    make_dist: MakeDist,
) -> None:
    source = """
        from cmc_core import hookimpl

        @hookimpl
        def cmc_register_exporters(register):
            register({"name": "csv"})
    """
    make_dist("cmc-dicts", {"cmc_dicts": source}, {"dicts": "cmc_dicts"})
    plugins = load_fakes(on_error="warn")
    assert all(plugins.exporters.provider(name).builtin for name in plugins.exporters.names())
    (problem,) = plugins.problems
    assert isinstance(problem, InvalidContributionError)
    assert "registered a dict object, but the hook takes cmc_core.exporting.Exporter objects" in (
        str(problem)
    )


def test_a_third_party_rule_may_not_use_the_cmc_prefix(make_dist: MakeDist) -> None:
    source = """
        from cmc_core import hookimpl
        from cmc_core.diagnostics import Severity
        from cmc_core.rules import Rule

        def check(canvas, context):
            return ()

        @hookimpl
        def cmc_register_rules(register):
            register(Rule("CMC900", "mine", Severity.INFO, "t", "r", "s", check))
    """
    make_dist("cmc-squatter", {"cmc_squatter": source}, {"squatter": "cmc_squatter"})
    with pytest.raises(InvalidContributionError, match="the CMC prefix is reserved"):
        _ = load_fakes().rules


def test_a_misspelt_hook_name_is_reported_instead_of_silently_ignored(make_dist: MakeDist) -> None:
    source = """
        from cmc_core import hookimpl

        @hookimpl
        def cmc_register_exporter(register):
            pass
    """
    make_dist("cmc-typo", {"cmc_typo": source}, {"typo": "cmc_typo"})
    plugins = load_fakes(on_error="warn")
    (problem,) = plugins.problems
    assert "cmc_register_exporter" in str(problem)
    assert "'typo' (entry point in cmc-typo 1.0)" in str(problem)
    assert {info.name: info.status for info in plugins.infos}["typo"] is PluginStatus.FAILED


def test_an_exception_from_plugin_code_at_call_time_keeps_its_type_and_names_the_plugin(
    make_dist: MakeDist,
) -> None:
    source = """
        from cmc_core import hookimpl
        from cmc_core.exporting import Exporter

        def export(canvas, options):
            raise ZeroDivisionError("no slides")

        @hookimpl
        def cmc_register_exporters(register):
            register(Exporter(name="slides", title="Slides", media_type="text/plain",
                              extension=".txt", export=export))
    """
    make_dist("cmc-slides", {"cmc_slides": source}, {"slides": "cmc_slides"}, "0.9")
    exporter = load_fakes().exporters.get("slides")
    with pytest.raises(ZeroDivisionError) as caught:
        exporter.export_bytes(Canvas(), ExportOptions())
    assert caught.value.__notes__ == [
        "raised by exporter 'slides' of plugin 'slides' (entry point in cmc-slides 0.9)"
    ]


def test_a_rule_raising_while_checking_gets_the_note_too(make_dist: MakeDist) -> None:
    source = """
        from cmc_core import hookimpl
        from cmc_core.diagnostics import Severity
        from cmc_core.rules import Rule

        def check(canvas, context):
            yield from ()
            raise ValueError("bad threshold")

        @hookimpl
        def cmc_register_rules(register):
            register(Rule("XY001", "broken-rule", Severity.INFO, "t", "r", "s", check))
    """
    make_dist("cmc-xy", {"cmc_xy": source}, {"xy": "cmc_xy"})
    from cmc_core.rules import validate

    rules = load_fakes().rules
    with pytest.raises(ValueError, match="bad threshold") as caught:
        validate(Canvas(), rules=rules)
    assert "raised by rule 'XY001' of plugin 'xy'" in caught.value.__notes__[0]


def test_tracing_logs_every_hook_call(
    make_dist: MakeDist, caplog: pytest.LogCaptureFixture
) -> None:
    make_dist("cmc-plain", {"cmc_plain": exporter_plugin("plain")}, {"plain": "cmc_plain"})
    with caplog.at_level(logging.DEBUG, logger="cmc.plugins"):
        _ = load_fakes(trace=True).exporters
    calls = [r.getMessage() for r in caplog.records if r.name == "cmc.plugins"]
    assert "calling cmc_register_exporters for plain" in calls
    done = [call for call in calls if call.startswith("cmc_register_exporters done (plain, ")]
    assert done
    assert done[0].endswith(" ms)")
