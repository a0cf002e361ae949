"""The plugin registers its questionnaire and scorer, by hand and through its entry point."""

from __future__ import annotations

from importlib import metadata

import pytest
from cmc_core.plugins import load_plugins

import cmc_digital_waste
from cmc_digital_waste import QUESTIONNAIRE, SCORER


def test_the_module_registers_the_questionnaire_and_the_scorer() -> None:
    plugins = load_plugins(plugins=[cmc_digital_waste], entry_points=False)

    assert plugins.questionnaires.get("digital-waste") == QUESTIONNAIRE
    assert plugins.scorers.get("digital-waste") == SCORER
    assert "digital-waste" not in plugins.exporters


def _installed_version() -> str | None:
    try:
        return metadata.version("cmc-digital-waste")
    except metadata.PackageNotFoundError:
        return None


@pytest.mark.skipif(
    _installed_version() is None,
    reason="cmc-digital-waste is not installed; run pip install -e plugins/cmc-digital-waste",
)
def test_after_install_the_entry_point_is_discovered() -> None:
    plugins = load_plugins()

    for registry in (plugins.scorers, plugins.questionnaires):
        assert "digital-waste" in registry
        provider = registry.provider("digital-waste")
        assert provider.distribution == "cmc-digital-waste"
        assert provider.version == _installed_version()
