"""Finding entry points by reading ``*.dist-info`` folders, checked against importlib.metadata."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from cmc_core.plugins import discovery

from .conftest import MakeDist, exporter_plugin


def as_found_by_importlib(group: str) -> list[discovery.FoundEntryPoint]:
    return discovery._from_importlib(group)


@pytest.mark.parametrize("group", ["cmc", "console_scripts", "pytest11"])
def test_the_installed_entry_points_are_those_importlib_metadata_finds(group: str) -> None:
    found = discovery.entry_points(group)
    assert sorted(map(repr, found)) == sorted(map(repr, as_found_by_importlib(group)))
    assert found  # the environment has entry points in each of these groups


def test_a_fake_distribution_is_found_with_its_name_and_version(make_dist: MakeDist) -> None:
    make_dist("cmc-found", {"cmc_found": exporter_plugin("found")}, {"found": "cmc_found"}, "2.5")
    (found,) = [entry for entry in discovery.entry_points("cmc") if entry.name == "found"]
    assert (found.value, found.distribution, found.version) == ("cmc_found", "cmc-found", "2.5")
    assert found in as_found_by_importlib("cmc")
    assert found.load().__name__ == "cmc_found"  # type: ignore[attr-defined]


def test_the_first_distribution_of_a_name_on_the_path_shadows_the_others(
    tmp_path: Path, make_dist: MakeDist, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_dist("cmc-twice", {"cmc_twice": exporter_plugin("twice")}, {"twice": "cmc_twice"}, "1.0")
    earlier = tmp_path / "earlier"
    info = earlier / "cmc_twice-9.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cmc-twice\nVersion: 9.0\n")
    (info / "entry_points.txt").write_text("[cmc]\ntwice = cmc_twice:nothing\n")
    monkeypatch.syspath_prepend(str(earlier))
    twice = [entry for entry in discovery.entry_points("cmc") if entry.name == "twice"]
    assert [(entry.value, entry.version) for entry in twice] == [("cmc_twice:nothing", "9.0")]
    assert twice == [entry for entry in as_found_by_importlib("cmc") if entry.name == "twice"]


def test_an_attribute_path_and_extras_in_the_value_are_understood(
    make_dist: MakeDist,
) -> None:
    make_dist("cmc-attr", {"cmc_attr": "class Holder:\n    plugin = 42\n"}, {"attr": "x"})
    info = next(Path(p) for p in sys.path if Path(p, "cmc_attr.py").exists())
    (info / "cmc_attr-1.0.dist-info" / "entry_points.txt").write_text(
        "# a comment\n[other]\nx = y\n\n[cmc]\nattr = cmc_attr:Holder.plugin [extra]\n"
    )
    (found,) = [entry for entry in discovery.entry_points("cmc") if entry.name == "attr"]
    assert found.load() == 42


def test_a_zip_archive_on_the_path_hands_the_search_to_importlib_metadata(
    tmp_path: Path, make_dist: MakeDist, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_dist("cmc-zipped", {"cmc_zipped": exporter_plugin("zipped")}, {"zipped": "cmc_zipped"})
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("cmc_inzip-1.0.dist-info/METADATA", "Name: cmc-inzip\nVersion: 1.0\n")
        bundle.writestr("cmc_inzip-1.0.dist-info/entry_points.txt", "[cmc]\ninzip = cmc_inzip\n")
    monkeypatch.syspath_prepend(str(archive))
    names = {entry.name for entry in discovery.entry_points("cmc")}
    assert {"inzip", "zipped"} <= names  # what the direct reader cannot read, importlib can


def test_an_entry_line_it_does_not_understand_hands_the_search_to_importlib_metadata(
    make_dist: MakeDist,
) -> None:
    info = make_dist("cmc-odd", {"cmc_odd": exporter_plugin("odd")}, {"odd": "cmc_odd"})
    (info / "entry_points.txt").write_text("[cmc]\nodd = cmc_odd\nnonsense line\n")
    assert [entry.name for entry in discovery.entry_points("cmc") if entry.name == "odd"] == ["odd"]
