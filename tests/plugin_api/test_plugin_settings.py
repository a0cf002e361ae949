"""A plugin's settings class, checked from a table and handed to its rules, scorers, exporters."""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmc_core import assess, hookimpl
from cmc_core.config import ConfigError, load_config, read_project_config
from cmc_core.examples import example_text
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.fileformat import loads
from cmc_core.plugin_config import PluginConfig
from cmc_core.plugins import InvalidContributionError, load_plugins
from cmc_core.scoring import Reason, Score, ScoreContext, Scorer
from cmc_core.settings_tables import line_of, settings_from_table


class Mode(enum.Enum):
    LOOSE = "loose"
    STRICT = "strict"


@attrs.frozen
class Knobs:
    count: int = 2
    share: float = 0.5
    name: str = "x"
    on: bool = False
    mode: Mode = Mode.LOOSE
    kind: Literal["a", "b"] = "a"
    tags: tuple[str, ...] = ()
    limit: int | None = None
    positive: int = attrs.field(default=1, validator=attrs.validators.gt(0))


def test_a_table_becomes_the_class_with_each_value_typed() -> None:
    knobs = settings_from_table(
        Knobs,
        {
            "count": 3,
            "share": 1,
            "name": "y",
            "on": True,
            "mode": "strict",
            "kind": "b",
            "tags": ["p", "q"],
            "limit": 4,
        },
        key_prefix="plugins.k",
    )
    assert knobs == Knobs(3, 1.0, "y", True, Mode.STRICT, "b", ("p", "q"), 4)
    assert isinstance(knobs.share, float)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"count": "3"}, "plugins.k.count: expected a whole number, got '3'"),
        ({"count": True}, "plugins.k.count: expected a whole number, got true"),
        ({"share": float("nan")}, "plugins.k.share: expected a finite number, got nan"),
        ({"on": 1}, "plugins.k.on: expected true or false, got 1"),
        ({"mode": "lax"}, "plugins.k.mode: expected one of 'loose', 'strict', got 'lax'"),
        ({"kind": "c"}, "plugins.k.kind: expected one of 'a', 'b', got 'c'"),
        ({"tags": "p"}, "plugins.k.tags: expected a list, got 'p'"),
        ({"tags": [1]}, "plugins.k.tags: expected text, got [1]"),
        ({"cuont": 1}, "plugins.k.cuont: unknown key; did you mean 'count'?"),
        ({"positive": 0}, "plugins.k: the plugin refuses these settings: 'positive' must be > 0"),
    ],
)
def test_a_wrong_value_is_refused_naming_the_key(table: dict[str, object], expected: str) -> None:
    with pytest.raises(ConfigError) as raised:
        settings_from_table(Knobs, table, key_prefix="plugins.k")
    assert expected in str(raised.value)


def test_dashes_may_stand_for_underscores() -> None:
    assert settings_from_table(Knobs, {"count": 5}, key_prefix="p").count == 5


TEXT = """\
[tool.cmc]
select = ["CMC0"]

[tool.cmc.plugins.k]
count = 3
"share" = 0.2

[tool.cmc.plugins]
inline = { count = 1 }
other.count = 4
"""


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("tool", "cmc", "plugins", "k"), 4),
        (("tool", "cmc", "plugins", "k", "count"), 5),
        (("tool", "cmc", "plugins", "k", "share"), 6),
        (("tool", "cmc", "plugins", "inline", "count"), 9),  # inside an inline table: its line
        (("tool", "cmc", "plugins", "other", "count"), 10),  # a dotted key
        (("tool", "cmc", "select"), 2),
        (("nowhere",), None),
    ],
)
def test_line_of_finds_a_key_in_tables_dotted_keys_and_inline_tables(
    path: tuple[str, ...], line: int | None
) -> None:
    assert line_of(TEXT, path) == line


@given(st.lists(st.text(min_size=1), max_size=4), st.text())
def test_line_of_never_fails_on_any_text(path: list[str], text: str) -> None:
    found = line_of(text, path)
    assert found is None or 1 <= found <= max(1, len(text.splitlines()))


def plugin_of(**hooks: Callable[..., None]) -> object:
    class Plugin:
        pass

    for name, function in hooks.items():
        setattr(Plugin, name, staticmethod(hookimpl(function)))
    Plugin.__name__ = "knobs"
    return Plugin


def test_settings_reach_a_plugins_scorer_and_exporter(tmp_path: Path) -> None:
    seen: list[object] = []

    def score(canvas: object, context: ScoreContext) -> Score:
        seen.append(context.plugin_config(Knobs))
        return Score(50.0, (Reason("r"),))

    def export(canvas: object, options: ExportOptions) -> str:
        return str(options.plugin_config(Knobs).count)

    plugin = plugin_of(
        cmc_register_settings=lambda register: register(Knobs),
        cmc_register_scorers=lambda register: register(Scorer("knobbed", "Knobbed", score)),
        cmc_register_exporters=lambda register: register(
            Exporter("knobs", "Knobs", "text/plain", ".txt", export)
        ),
    )
    plugins = load_plugins([plugin], entry_points=False)
    config_file = tmp_path / "cmc.toml"
    config_file.write_text("[plugins.knobs]\ncount = 9\n", encoding="utf-8")
    config = load_config(config_file, plugins)
    assert config.plugins.get(Knobs) == Knobs(count=9)
    canvas = loads(example_text("port-logistics"), "yaml").canvas
    assess(canvas, config=config, plugins=plugins).scores  # noqa: B018
    assert seen == [Knobs(count=9)]
    options = ExportOptions(plugins=config.plugins)
    assert plugins.exporters.get("knobs").export_bytes(canvas, options) == b"9"
    assert plugins.exporters.get("knobs").export_bytes(canvas, ExportOptions()) == b"2"


def test_a_project_config_keeps_plugin_tables_until_the_plugins_are_known(
    tmp_path: Path,
) -> None:
    config_file = tmp_path / "cmc.toml"
    config_file.write_text("[plugins.knobs]\ncount = 9\n", encoding="utf-8")
    project = read_project_config(config_file)
    assert dict(project.plugin_tables) == {"knobs": {"count": 9}}
    with pytest.raises(ConfigError, match="no plugin named 'knobs' is installed"):
        project.bind(load_plugins(entry_points=False))


def test_plugin_config_gives_defaults_for_a_class_nobody_configured() -> None:
    assert PluginConfig().get(Knobs) == Knobs()
    assert PluginConfig((Knobs(count=4),)).with_value(Knobs(count=5)).get(Knobs).count == 5


@pytest.mark.parametrize(
    ("settings_class", "reason"),
    [(dict, "which is no attrs class"), (attrs.make_class("Bare", ["need"]), "have no default")],
)
def test_a_settings_class_must_be_attrs_with_defaults(settings_class: type, reason: str) -> None:
    plugin = plugin_of(cmc_register_settings=lambda register: register(settings_class))
    with pytest.raises(InvalidContributionError, match=reason):
        _ = load_plugins([plugin], entry_points=False).settings
