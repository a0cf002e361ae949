"""``cmc_core.export(canvas, name, ...)``: exporting in one call, and its typed errors.

The one call gives what ``cmc export`` gives (the same bytes for the same choices), in Dutch and
English; every failure is an :class:`~cmc_core.exporting.ExportError` of its own kind, with a
message in the language of the moment.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.english import english_words

import cmc_core
from cmc_core import hookimpl
from cmc_core.canvas import Canvas
from cmc_core.cli import cli
from cmc_core.examples import example_text
from cmc_core.export_api import (
    ExporterFailedError,
    ExportError,
    ExportSettingError,
    UnknownExporterError,
    UnknownSettingError,
    export,
)
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.fileformat import loads
from cmc_core.plugins import Plugins, load_plugins
from cmc_core.translation import using_language


@pytest.fixture(scope="module")
def canvas() -> Canvas:
    return loads(example_text("port-logistics"), "yaml").canvas


def _cmc_export(*args: str) -> bytes:
    result = CliRunner().invoke(
        cli, ["export", "--example", "port-logistics", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


@pytest.mark.parametrize("name", ["html", "json", "markdown"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_one_call_gives_what_cmc_export_gives(canvas: Canvas, name: str, language: str) -> None:
    output = export(canvas, name, language=language)
    assert isinstance(output, str)
    assert output.encode("utf-8") == _cmc_export("--to", name, "--lang", language)


def test_the_language_shows_in_the_output(canvas: Canvas) -> None:
    dutch, english = export(canvas, "markdown", language="nl"), export(canvas, "markdown")
    assert english == dutch  # the example is Dutch: no language means the canvas's own
    english = export(canvas, "markdown", language="en")
    assert "Value flows" in str(english)
    assert "Value flows" not in str(dutch)


def test_settings_are_passed_as_cmc_export_passes_them(canvas: Canvas) -> None:
    output = export(canvas, "csv", table="parties")
    assert isinstance(output, str)
    assert output.encode("utf-8") == _cmc_export("--to", "csv", "-O", "table=parties")
    assert output != export(canvas, "csv")


def test_answers_reach_the_score_card_as_with_cmc_export(canvas: Canvas, tmp_path: Path) -> None:
    answers = {"dw-parties": 12, "dw-channel": "phone-email", "qs-suppliers-count": 4}
    output = export(canvas, "markdown", language="en", answers=answers)
    assert isinstance(output, str)
    lines = [f"  {question}: {value}" for question, value in answers.items()]
    (tmp_path / "a.yaml").write_text("answers:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    given = _cmc_export("--to", "markdown", "--lang", "en", "--answers", str(tmp_path / "a.yaml"))
    assert output.encode("utf-8") == given
    assert output != export(canvas, "markdown", language="en")


def test_it_is_the_package_roots_export() -> None:
    assert cmc_core.export is export
    assert cmc_core.ExportError is ExportError


# -- the typed errors -----------------------------------------------------------------------------


def test_an_unknown_exporter_is_refused_with_the_closest_name(canvas: Canvas) -> None:
    with pytest.raises(UnknownExporterError) as caught:
        export(canvas, "htm")
    assert str(caught.value).startswith("there is no exporter 'htm'; did you mean 'html'?")
    assert "html" in caught.value.known
    assert isinstance(caught.value, ExportError)
    assert isinstance(caught.value, LookupError)


def test_an_unknown_setting_is_refused_with_the_closest_key(canvas: Canvas) -> None:
    with pytest.raises(UnknownSettingError) as caught:
        export(canvas, "html", papr="a2")
    error = caught.value
    assert str(error) == (
        "the html exporter has no setting 'papr'; did you mean 'paper'? "
        "Its settings are: orientation, paper."
    )
    assert (error.exporter, error.setting, error.value) == ("html", "papr", "a2")
    assert isinstance(error, ExportSettingError)


def test_an_exporter_without_settings_refuses_any(canvas: Canvas) -> None:
    with pytest.raises(UnknownSettingError, match="It takes no settings"):
        export(canvas, "json", indent=4)


def test_a_bad_setting_value_is_an_export_setting_error(canvas: Canvas) -> None:
    with pytest.raises(ExportSettingError) as caught:
        export(canvas, "html", language="en", paper="b5")
    assert not isinstance(caught.value, UnknownSettingError)
    assert (caught.value.setting, caught.value.value) == ("paper", "b5")


def test_a_bad_language_is_an_export_setting_error(canvas: Canvas) -> None:
    with pytest.raises(ExportSettingError, match="'language' cannot be 'de'"):
        export(canvas, "html", language="de")


def test_a_setting_that_is_no_text_number_or_flag_is_refused(canvas: Canvas) -> None:
    with pytest.raises(ExportSettingError, match="expected text, a number, or True or False"):
        export(canvas, "csv", table=["flows"])  # type: ignore[arg-type]


def _plugins_with(function: Callable[[Canvas, ExportOptions], bytes | str]) -> Plugins:
    module = types.ModuleType("boom_exporter")

    @hookimpl
    def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
        register(Exporter("boom", "Boom", "text/plain", ".txt", function))

    module.cmc_register_exporters = cmc_register_exporters  # type: ignore[attr-defined]
    return load_plugins([module], entry_points=False)


def _raises(canvas: Canvas, options: ExportOptions) -> str:
    raise ZeroDivisionError("no slides today")


def test_a_plugin_exporter_that_raises_is_named(canvas: Canvas) -> None:
    with pytest.raises(ExporterFailedError) as caught:
        export(canvas, "boom", plugins=_plugins_with(_raises))
    error = caught.value
    message = str(error)
    assert message.startswith("the boom exporter failed: exporter 'boom' of plugin ")
    assert "boom_exporter" in message
    assert message.endswith("failed: ZeroDivisionError: no slides today")
    assert error.plugin is not None
    assert error.plugin.module == "boom_exporter"
    assert isinstance(error.__cause__, ZeroDivisionError)


def test_an_exporter_that_returns_neither_text_nor_bytes_is_named(canvas: Canvas) -> None:
    def returns_a_number(canvas: Canvas, options: ExportOptions) -> str:
        return 42  # type: ignore[return-value]

    with pytest.raises(ExporterFailedError, match="it returned int; expected str or bytes"):
        export(canvas, "boom", plugins=_plugins_with(returns_a_number))


def test_a_binary_exporter_gives_bytes(canvas: Canvas) -> None:
    plugins = _plugins_with(lambda _canvas, _options: b"\x00binary")
    assert export(canvas, "boom", plugins=plugins) == b"\x00binary"


def test_the_errors_speak_dutch(canvas: Canvas) -> None:
    messages: list[str] = []
    calls: list[Callable[[], object]] = [
        lambda: export(canvas, "htm"),
        lambda: export(canvas, "html", papr="a2"),
        lambda: export(canvas, "json", x="1"),
    ]
    with using_language("nl"):
        for call in calls:
            with pytest.raises(ExportError) as caught:
                call()
            messages.append(str(caught.value))
        with pytest.raises(ExporterFailedError) as failed:
            export(canvas, "boom", plugins=_plugins_with(_raises))
        messages.append(str(failed.value))
    assert messages[0].startswith("er is geen exporter 'htm'; ")
    assert messages[1].startswith("de exporter html heeft geen instelling 'papr'; bedoel je")
    assert messages[2].endswith("Hij heeft geen instellingen.")
    assert messages[3].startswith("de exporter boom is mislukt: ")
    # The exception's own text (ZeroDivisionError: no slides today) is the plugin's.
    assert english_words("\n".join(messages[:3])) == []


def test_the_errors_pickle_with_their_fields() -> None:
    import pickle

    for error in (
        UnknownExporterError("htm", ["html"]),
        UnknownSettingError("html", "papr", "a2", ["paper"]),
        ExporterFailedError("boom", "kaput"),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)


# -- cmc export -O refuses a key the exporter does not read --------------------------------------


def test_cmc_export_refuses_an_unknown_setting_with_exit_2() -> None:
    result = CliRunner().invoke(
        cli,
        ["export", "--example", "port-logistics", "--to", "html", "-O", "papr=a2"],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: -O papr=a2: the html exporter has no setting 'papr'; did you mean 'paper'? "
        "Its settings are: orientation, paper."
    ]


def test_cmc_export_still_passes_every_key_to_an_exporter_that_declares_none() -> None:
    exporter = Exporter("free", "Free", "text/plain", ".txt", lambda _c, _o: "")
    exporter.check_settings({"anything": "goes"})  # no settings declared: nothing refused
    declared = Exporter("tight", "Tight", "text/plain", ".txt", lambda _c, _o: "", settings=())
    with pytest.raises(UnknownSettingError):
        declared.check_settings({"anything": "goes"})
