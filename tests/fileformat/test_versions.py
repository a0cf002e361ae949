"""Schema versions: newer documents are refused, older ones are migrated step by step."""

from __future__ import annotations

from typing import Any

import pytest

from cmc_core import Canvas, Party, __version__
from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.fileformat import MIGRATIONS, CanvasLoadError, SchemaVersionError, from_dict, loads
from cmc_core.fileformat import migrate as migrate_module


def test_a_document_from_a_newer_cmc_is_refused_with_advice() -> None:
    with pytest.raises(SchemaVersionError) as caught:
        loads("schema_version: 3\nmeta: {name: x}\n", "yaml", "future.cmc.yaml")
    error = caught.value
    assert error.found == 3
    assert error.supported == SCHEMA_VERSION == 2
    assert str(error) == (
        f"future.cmc.yaml:1:1: this file has schema_version 3, but this cmc ({__version__}) reads "
        "schema_version 2 at most; upgrade cmc to read it"
    )


def test_a_newer_document_is_refused_before_its_content_is_judged() -> None:
    with pytest.raises(SchemaVersionError):
        loads('{"schema_version": 9, "keys": "from the future"}', "json")


def test_a_missing_schema_version_is_a_load_error() -> None:
    with pytest.raises(CanvasLoadError) as caught:
        loads("meta: {name: x}\n", "yaml", "c.cmc.yaml")
    assert not isinstance(caught.value, SchemaVersionError)
    assert str(caught.value) == (
        "c.cmc.yaml:1:1: the document has no schema_version; a canvas starts with "
        "'schema_version: 2'"
    )


@pytest.mark.parametrize(
    ("value", "found"),
    [("'1'", "the text '1'"), ("1.0", "the number 1.0"), ("true", "the boolean true")],
)
def test_a_schema_version_that_is_not_a_whole_number_is_refused(value: str, found: str) -> None:
    expected = f"schema_version: expected a whole number, found {found}"
    with pytest.raises(CanvasLoadError, match=expected):
        loads(f"schema_version: {value}\n", "yaml")


def test_an_old_version_without_a_migration_is_refused() -> None:
    with pytest.raises(SchemaVersionError, match="schema_version 0 is not a version") as caught:
        from_dict({"schema_version": 0})
    assert caught.value.found == 0


def rename_actors_to_parties(data: dict[str, Any]) -> dict[str, Any]:
    """A made-up migration from version 0, where parties were called actors."""
    data["parties"] = [{"id": actor} for actor in data.pop("actors", [])]
    return data


def test_an_older_document_is_migrated_to_the_current_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, rename_actors_to_parties)
    document = loads("schema_version: 0\nactors: [p1, p2]\n", "yaml")
    assert document.canvas == Canvas(parties=(Party("p1"), Party("p2")))


def test_migrations_run_one_step_at_a_time_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[int] = []

    def step(version: int) -> Any:
        def upgrade(data: dict[str, Any]) -> dict[str, Any]:
            assert data["schema_version"] == version
            steps.append(version)
            return data

        return upgrade

    monkeypatch.setattr(migrate_module, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(MIGRATIONS, 1, step(1))
    monkeypatch.setitem(MIGRATIONS, 2, step(2))
    data = migrate_module.migrate({"schema_version": 1}, None, lambda _segments: None)
    assert steps == [1, 2]
    assert data == {"schema_version": 3}


def test_a_migration_does_not_change_the_callers_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, rename_actors_to_parties)
    data = {"schema_version": 0, "actors": ["p1"]}
    from_dict(data)
    assert data == {"schema_version": 0, "actors": ["p1"]}


def test_a_migrated_document_is_written_at_the_current_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, rename_actors_to_parties)
    document = loads("schema_version: 0  # old\nactors: [p1]\n", "yaml")
    text = document.with_canvas(document.canvas).dumps()
    assert "schema_version: 2  # old\n" in text
    assert "actors" not in text
    assert "parties:\n  - id: p1\n" in text
