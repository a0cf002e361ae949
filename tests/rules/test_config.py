"""Validation configuration: ``[tool.cmc]`` and ``cmc.toml``, parsed strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmc_core.config import ConfigError, config_from_mapping, find_config, load_config
from cmc_core.diagnostics import Severity
from cmc_core.errors import CmcError
from cmc_core.rules import validate
from cmc_core.rules.engine import RuleSelection, RuleSettings, ValidationConfig

from .builders import valid_canvas

# -- config_from_mapping -------------------------------------------------------------------------


def test_an_empty_table_is_the_default_configuration() -> None:
    assert config_from_mapping({}) == ValidationConfig()


def test_every_key_is_read() -> None:
    config = config_from_mapping(
        {
            "select": ["cmc0", "CMC010"],
            "ignore": "CMC018",
            "severity": {"CMC016": "Error", "cmc001": "info"},
            "min_suppliers": 3,
            "min-demanders": 4,
            "min_organisations": 5,
            "hhi_threshold": 0.25,
            "hub-share": 1,
        }
    )
    assert config.selection == RuleSelection(
        select=("CMC0", "CMC010"),
        ignore=("CMC018",),
        severities=(("CMC001", Severity.INFO), ("CMC016", Severity.ERROR)),
    )
    assert config.settings == RuleSettings(
        min_suppliers=3, min_demanders=4, min_organisations=5, hhi_threshold=0.25, hub_share=1.0
    )


def test_the_engine_builds_the_same_configuration_from_a_mapping() -> None:
    data = {"ignore": ["CMC020"], "hhi_threshold": 0.3}
    assert ValidationConfig.from_mapping(data) == config_from_mapping(data)


def test_a_misspelt_key_is_named_with_a_suggestion() -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_mapping({"hhi_treshold": 0.2})
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, CmcError)
    assert error.key == "hhi_treshold"
    assert str(error) == "hhi_treshold: unknown key; did you mean 'hhi_threshold'?"


def test_an_unknown_key_without_a_near_miss_has_no_suggestion() -> None:
    with pytest.raises(ConfigError, match=r"^colour: unknown key$"):
        config_from_mapping({"colour": "red"})


@pytest.mark.parametrize(
    ("data", "key", "expected"),
    [
        ({"select": 3}, "select", "expected a list of rule codes"),
        ({"ignore": ["CMC-1"]}, "ignore", "'CMC-1' is not a rule code or code prefix"),
        ({"severity": ["CMC001"]}, "severity", "expected a table of rule code = severity"),
        ({"severity": {"CMC0": "error"}}, "severity.CMC0", "is not a rule code such as"),
        ({"severity": {"CMC001": "fatal"}}, "severity.CMC001", "expected one of error, warning"),
        ({"severity": {"CMC001": "warn"}}, "severity.CMC001", "did you mean 'warning'?"),
        ({"min_suppliers": 0}, "min_suppliers", "a whole number of at least 1, got 0"),
        ({"min_suppliers": 2.5}, "min_suppliers", "a whole number of at least 1, got 2.5"),
        ({"min_demanders": True}, "min_demanders", "a whole number"),
        ({"hhi_threshold": "high"}, "hhi_threshold", "expected a number, got 'high'"),
        ({"hub_share": 1.5}, "hub_share", "a share from 0 to 1, got 1.5"),
    ],
)
def test_a_bad_value_is_named_with_what_was_expected(
    data: dict[str, object], key: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_mapping(data)
    assert caught.value.key == key
    assert expected in str(caught.value)
    assert str(caught.value).startswith(f"{key}: ")


def test_a_configuration_changes_what_validation_reports() -> None:
    canvas = valid_canvas().evolve(waste=valid_canvas().waste.__class__())
    assert validate(canvas).codes() == {"CMC018"}
    assert len(validate(canvas, config=config_from_mapping({"ignore": ["CMC018"]}))) == 0
    strict = config_from_mapping({"severity": {"CMC018": "error"}})
    assert validate(canvas, config=strict).has_errors


# -- files ---------------------------------------------------------------------------------------


def test_a_cmc_toml_holds_the_keys_at_its_top_level(tmp_path: Path) -> None:
    path = tmp_path / "cmc.toml"
    path.write_text('ignore = ["CMC020"]\nhub_share = 0.6\n', encoding="utf-8")
    config = load_config(path)
    assert config.selection.ignore == ("CMC020",)
    assert config.settings.hub_share == 0.6


def test_a_pyproject_holds_them_under_tool_cmc(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.cmc]\nselect = ["CMC001"]\n', encoding="utf-8")
    assert load_config(path).selection.select == ("CMC001",)


def test_a_pyproject_without_tool_cmc_is_the_default(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert load_config(path) == ValidationConfig()


def test_a_mistake_in_a_file_names_the_file_the_line_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "cmc.toml"
    path.write_text("ignore = []\n\nselct = ['CMC001']\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert (caught.value.source, caught.value.line, caught.value.key) == (str(path), 3, "selct")
    assert str(caught.value) == f"{path}:3: selct: unknown key; did you mean 'select'?"


def test_invalid_toml_is_a_config_error_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "cmc.toml"
    path.write_text('ignore = ["CMC018"]\nselect = = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"not valid TOML: .*line 2"):
        load_config(path)


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the file"):
        load_config(tmp_path / "cmc.toml")


def test_find_config_walks_up_to_the_nearest_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cmc]\nignore = ["CMC018"]\n', "utf-8")
    deep = tmp_path / "canvases" / "2026"
    deep.mkdir(parents=True)
    found = find_config(deep)
    assert found == (tmp_path / "pyproject.toml", {"ignore": ["CMC018"]})


def test_find_config_prefers_cmc_toml_and_skips_pyprojects_without_tool_cmc(
    tmp_path: Path,
) -> None:
    (tmp_path / "cmc.toml").write_text("hhi_threshold = 0.2\n", "utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.cmc]\nignore = ["CMC018"]\n', "utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "inner"\n', "utf-8")
    assert find_config(inner) == (tmp_path / "cmc.toml", {"hhi_threshold": 0.2})


def test_find_config_returns_none_when_there_is_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    found = find_config(empty)
    assert found is None or not str(found[0]).startswith(str(tmp_path))
