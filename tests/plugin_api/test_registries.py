"""Registries built from the hooks: names, providers, duplicates and unknown names."""

from __future__ import annotations

import types

import pytest

from cmc_core import hookimpl
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.plugins import DuplicateNameError, PluginStatus, UnknownNameError, load_plugins
from cmc_core.rules import BUILTIN_RULES
from cmc_core.rules import plugin as builtin_rules


def exporter_module(module_name: str, *exporter_names: str) -> types.ModuleType:
    module = types.ModuleType(module_name)

    def cmc_register_exporters(register):  # type: ignore[no-untyped-def]
        for name in exporter_names:
            register(
                Exporter(
                    name=name,
                    title=name.title(),
                    media_type="text/plain",
                    extension=".txt",
                    export=lambda canvas, options, name=name: f"{name}:{canvas.meta.name}",
                )
            )

    module.cmc_register_exporters = hookimpl(cmc_register_exporters)  # type: ignore[attr-defined]
    return module


def test_a_plugin_set_holds_only_the_plugins_passed_in_when_entry_points_are_off() -> None:
    plugins = load_plugins([exporter_module("mine", "plain")], entry_points=False)
    assert plugins.exporters.names() == ("plain",)
    assert len(plugins.rules) == 0
    assert [info.name for info in plugins.infos] == ["mine"]


def test_the_built_in_rules_plugin_registers_every_built_in_rule_by_code() -> None:
    plugins = load_plugins([builtin_rules], entry_points=False)
    assert plugins.rules.names() == tuple(rule.code for rule in BUILTIN_RULES)
    assert plugins.rules.get("CMC003") == BUILTIN_RULES[2]


def test_each_call_builds_a_fresh_manager() -> None:
    first = load_plugins([exporter_module("a", "one")], entry_points=False)
    second = load_plugins([exporter_module("b", "two")], entry_points=False)
    assert first.manager is not second.manager
    assert first.exporters.names() == ("one",)
    assert second.exporters.names() == ("two",)


def test_the_installed_built_ins_arrive_through_the_cmc_entry_point_group() -> None:
    plugins = load_plugins(allow=())
    builtins = {info.name: info for info in plugins.infos if info.builtin}
    assert set(builtins) == {"rules", "questionnaires", "scorers", "exporters"}
    assert builtins["exporters"].distribution == "community-model-canvas"
    assert "CMC001" in plugins.rules
    assert plugins.rules.provider("CMC001").module == "cmc_core.plugins.builtin:rules"


def test_two_plugins_registering_one_name_raise_an_error_naming_both() -> None:
    plugins = load_plugins(
        [exporter_module("first_plugin", "plain"), exporter_module("second_plugin", "plain")],
        entry_points=False,
    )
    with pytest.raises(DuplicateNameError) as caught:
        _ = plugins.exporters
    message = str(caught.value)
    assert "first_plugin" in message
    assert "second_plugin" in message
    assert "'plain'" in message


def test_a_name_clash_in_warn_mode_leaves_out_both_because_nobody_should_guess_a_winner() -> None:
    plugins = load_plugins(
        [
            exporter_module("first_plugin", "plain", "csvish"),
            exporter_module("second_plugin", "plain"),
            exporter_module("third_plugin", "plain"),
        ],
        entry_points=False,
        on_error="warn",
    )
    assert plugins.exporters.names() == ("csvish",)
    (clash,) = plugins.problems  # the third registration of the name is left out quietly
    assert isinstance(clash, DuplicateNameError)
    assert (clash.first.name, clash.second.name) == ("first_plugin", "second_plugin")
    # Both plugins still count as loaded: only the clashing name is left out.
    assert {info.status for info in plugins.infos} == {PluginStatus.LOADED}


def test_a_name_clash_raises_in_raise_mode() -> None:
    plugins = load_plugins(
        [exporter_module("first_plugin", "plain"), exporter_module("second_plugin", "plain")],
        entry_points=False,
    )
    with pytest.raises(DuplicateNameError):
        _ = plugins.exporters


def test_an_unknown_name_suggests_the_closest_and_lists_every_name() -> None:
    plugins = load_plugins([exporter_module("mine", "markdown", "html")], entry_points=False)
    with pytest.raises(UnknownNameError) as caught:
        plugins.exporters.get("markdwn")
    assert isinstance(caught.value, LookupError)
    assert str(caught.value) == (
        "there is no exporter 'markdwn'; did you mean 'markdown'? "
        "The exporters are: html, markdown."
    )


def test_registered_items_keep_their_behaviour() -> None:
    from cmc_core.canvas import Canvas
    from cmc_core.model import Meta

    plugins = load_plugins([exporter_module("mine", "plain")], entry_points=False)
    exporter = plugins.exporters.get("plain")
    output = exporter.export_bytes(Canvas(meta=Meta(name="Port")), ExportOptions())
    assert output == b"plain:Port"


def test_contributions_list_what_each_plugin_registered() -> None:
    mine = exporter_module("mine", "one", "two")
    plugins = load_plugins([mine, builtin_rules], entry_points=False)
    by_name = {info.name: names for info, names in plugins.contributions().items()}
    assert by_name["mine"]["exporters"] == ("one", "two")
    assert by_name["rules"]["rules"][0] == "CMC001"
    assert by_name["mine"]["rules"] == ()
