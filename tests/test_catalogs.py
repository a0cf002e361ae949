"""The gettext catalogs: every marked text is translated in Dutch and English, and compiled."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest
from tests.english import english_words

from cmc_core.translation import (
    Messages,
    current_language,
    environment_language,
    language_of,
    using_language,
)
from cmc_core.vocabulary import Language

ROOT = Path(__file__).resolve().parent.parent


def _catalog_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogs"] = module
    spec.loader.exec_module(module)
    return module


def test_every_marked_text_is_translated_in_both_languages_and_compiled() -> None:
    tool = _catalog_tool()
    assert tool.declared_catalogs(), "no module declares a catalog"
    assert tool.problems() == []


def test_a_missing_translation_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _catalog_tool()
    module = tmp_path / "src" / "probe" / "speaks.py"
    module.parent.mkdir(parents=True)
    module.write_text('_ = Messages("probe", "words")\nx = _("An untranslated sentence.")\n')
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "SOURCES", (tmp_path / "src" / "probe",))
    assert any("missing" in problem for problem in tool.problems())
    tool.update()
    found = tool.problems()
    assert found == [
        "src/probe/locale/nl/LC_MESSAGES/words.po: no translation of 'An untranslated sentence.'"
    ]


def test_a_plugins_catalogs_are_kept_inside_the_plugins_own_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _catalog_tool()
    for project, package in (("plugins/cmc-x", "cmc_x"), ("docs/examples/cmc-y", "cmc_y")):
        module = tmp_path / project / "src" / package / "speaks.py"
        module.parent.mkdir(parents=True)
        (module.parent / "__init__.py").write_text("")
        module.write_text(f'_ = Messages("{package}", "{package}")\nx = _("A sentence.")\n')
    (tmp_path / "src" / "cmc_core").mkdir(parents=True)
    (tmp_path / "src" / "cmc_core" / "__init__.py").write_text("")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "SOURCES", tool.packages(tmp_path))

    assert sorted(tool.declared_catalogs()) == [("cmc_x", "cmc_x"), ("cmc_y", "cmc_y")]
    assert tool.main(["catalogs.py", "update", "cmc_x"]) == 0
    po = tmp_path / "plugins/cmc-x/src/cmc_x/locale/nl/LC_MESSAGES/cmc_x.po"
    assert (po.parent / "cmc_x.mo").is_file()
    assert "#: src/cmc_x/speaks.py:2" in po.read_text()  # named from the plugin's own project
    assert not (tmp_path / "src" / "cmc_x").exists()
    assert not (tmp_path / "docs/examples/cmc-y/src/cmc_y/locale").exists()  # not asked for
    assert tool.problems(["cmc_x"]) == [
        "plugins/cmc-x/src/cmc_x/locale/nl/LC_MESSAGES/cmc_x.po: no translation of 'A sentence.'"
    ]
    assert tool.main(["catalogs.py", "check", "cmc_nothing"]) == 2


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("nl", Language.NL),
        ("NL", Language.NL),
        ("nl_BE.UTF-8", Language.NL),
        ("en-GB", Language.EN),
        ("de_DE", None),
        ("", None),
        (None, None),
    ],
)
def test_language_settings_are_read_like_locales(setting: str | None, expected: Language) -> None:
    assert language_of(setting) is expected


def test_the_environment_picks_the_language_when_nothing_else_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("CMC_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert environment_language() is Language.EN
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert environment_language() is Language.NL
    monkeypatch.setenv("LC_ALL", "C")
    assert environment_language() is Language.EN
    monkeypatch.setenv("CMC_LANG", "nl")
    assert current_language() is Language.NL
    with using_language("en"):
        assert current_language() is Language.EN
    with pytest.raises(ValueError, match="not a language"):
        using_language("fr").__enter__()


def test_a_package_without_catalogs_speaks_its_source_language() -> None:
    words = Messages("json", "nothing")
    with using_language("nl"):
        assert words("A {thing} stays as written.", thing="text") == "A text stays as written."
        assert words.plural("{count} flow", "{count} flows", 2) == "2 flows"


def test_the_stop_word_check_finds_english_and_spares_identifiers() -> None:
    assert english_words("CMC001 fout De gemeenschap heeft geen aanbieder [parties]") == []
    assert english_words("several-suppliers-and-demanders `the` --with-answers") == []
    assert english_words("The community has no supplier") == [
        "the (line 1: The community has no supplier)",
        "has (line 1: The community has no supplier)",
        "no (line 1: The community has no supplier)",
    ]


def _rebinds_underscore(tree: ast.AST) -> list[int]:
    """The lines of a module that bind ``_`` again after ``_ = Messages(...)``: an unpacking
    such as ``a, _, b = found`` makes ``_`` a local that is no longer the catalog."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
            lines.append(node.lineno)
    return lines[1:]


def test_no_module_that_translates_uses_underscore_for_anything_else() -> None:
    tool = _catalog_tool()
    found = []
    for paths in tool.declared_catalogs().values():
        for path in paths:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found.extend(f"{path.relative_to(ROOT)}:{line}" for line in _rebinds_underscore(tree))
    assert found == []
