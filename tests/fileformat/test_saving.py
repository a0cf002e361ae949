"""Saving is atomic: the new content entirely, or the old file untouched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cmc_core import Canvas, Party
from cmc_core.errors import CmcError
from cmc_core.fileformat import CanvasSaveError, UnsupportedFormatError, read_canvas, save
from cmc_core.fileformat.atomic import write_atomic

OLD = "schema_version: 1\nmeta: {name: old}\n"


def existing_file(tmp_path: Path) -> Path:
    path = tmp_path / "c.cmc.yaml"
    path.write_text(OLD, encoding="utf-8")
    return path


def test_saving_replaces_the_content(tmp_path: Path) -> None:
    path = existing_file(tmp_path)
    save(Canvas(parties=(Party("p1"),)), path)
    assert read_canvas(path) == Canvas(parties=(Party("p1"),))
    assert [p.name for p in tmp_path.iterdir()] == ["c.cmc.yaml"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = existing_file(tmp_path)

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(CanvasSaveError, match="No space left on device") as caught:
        save(Canvas(parties=(Party("p1"),)), path)
    assert isinstance(caught.value, CmcError)
    assert isinstance(caught.value, OSError)
    assert path.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["c.cmc.yaml"]


def test_an_interrupted_save_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = existing_file(tmp_path)

    def interrupt(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"new")
    assert path.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["c.cmc.yaml"]


def test_saving_into_a_missing_directory_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(CanvasSaveError, match="cannot write"):
        save(Canvas(), tmp_path / "missing" / "c.cmc.json")


def test_saving_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = existing_file(tmp_path)
    path.chmod(0o640)
    save(Canvas(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_saving_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    target = existing_file(tmp_path)
    link = tmp_path / "link.cmc.yaml"
    link.symlink_to(target)
    save(Canvas(parties=(Party("p1"),)), link)
    assert link.is_symlink()
    assert read_canvas(target) == Canvas(parties=(Party("p1"),))


def test_an_explicit_format_overrides_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "canvas.txt"
    save(Canvas(), path, format="json")
    assert path.read_text(encoding="utf-8").startswith('{\n  "$schema"')


def test_saving_to_a_name_without_a_known_suffix_needs_a_format(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError):
        save(Canvas(), tmp_path / "canvas.txt")
    assert list(tmp_path.iterdir()) == []


def test_a_subclass_with_fields_of_its_own_is_refused_naming_where_it_is() -> None:
    import attrs

    from cmc_core import Commonality
    from cmc_core.fields import PARTY, reference
    from cmc_core.fileformat import dumps

    @attrs.frozen
    class SponsoredCommonality(Commonality):
        sponsor: str | None = reference(PARTY)

    canvas = Canvas(commonalities=(SponsoredCommonality("c-1", sponsor="p-1"),))
    for file_format in ("json", "yaml", "toml"):
        with pytest.raises(ValueError, match=r"commonalities\[0\] is a SponsoredCommonality, a "):
            dumps(canvas, file_format)


def test_an_entity_in_the_wrong_collection_is_refused() -> None:
    from cmc_core import Party
    from cmc_core.fileformat import dumps

    with pytest.raises(ValueError, match=r"flows\[0\] is a Party; the file format writes a Value"):
        dumps(Canvas(flows=(Party("p-1"),)), "json")  # type: ignore[arg-type]


def test_a_value_of_the_wrong_type_is_refused_with_its_path_in_the_file() -> None:
    from cmc_core import Party
    from cmc_core.fileformat import dumps

    wrong = Canvas(parties=(Party("p-1"), Party("p-2", external=2)))  # type: ignore[arg-type]
    with pytest.raises(
        ValueError, match=r"Expected `bool`, got `int` - at `parties\[1\]\.external`"
    ):
        dumps(wrong, "yaml")


def test_text_of_a_str_subclass_is_written_as_plain_text() -> None:
    from cmc_core import Meta
    from cmc_core.fileformat import dumps, loads

    class Name(str):
        pass

    canvas = Canvas(meta=Meta(name=Name("Port")))
    for file_format in ("json", "yaml", "toml"):
        assert loads(dumps(canvas, file_format), file_format).canvas == canvas
