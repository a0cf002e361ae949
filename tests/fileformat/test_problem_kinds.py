"""Every load problem says what kind of problem it is, so that a program need not read messages.

Each kind is shown with a real file that has it. YAML's own parse problems (aliases, duplicate
keys, characters YAML forbids) are the YAML reader's to classify; the kinds here come from the
checks every format shares, and from JSON and TOML.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from cmc_core.fileformat import (
    LOAD_PROBLEM_KINDS,
    CanvasLoadError,
    LoadProblem,
    SchemaVersionError,
    load,
    loads,
)
from cmc_core.fileformat.errors import LoadProblemKind

_HEADER = '{"schema_version": 2, '


def _kinds(path: Path, content: str | bytes | None, max_bytes: int | None = None) -> list[str]:
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CanvasLoadError) as caught:
        load(path, max_bytes=max_bytes)
    return [problem.kind for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        # cannot be read: no such file, no known suffix
        ("missing.cmc.yaml", None, "unreadable"),
        ("canvas.txt", "schema_version: 2\n", "unreadable"),
        # a number beyond what can be read
        ("huge.cmc.json", _HEADER + '"meta": {"name": 1e999}}', "too-large"),
        ("long.cmc.toml", "schema_version = 2\n[meta]\nname = " + "9" * 4400 + "\n", "too-large"),
        # not UTF-8, or a character the format does not allow
        ("latin1.cmc.yaml", b"schema_version: 2\nmeta:\n  name: Caf\xe9\n", "encoding"),
        ("latin1.cmc.json", b'{"schema_version": 2, "meta": {"name": "Caf\xe9"}}', "encoding"),
        ("control.cmc.json", _HEADER + '"meta": {"name": "a\x01b"}}', "encoding"),
        ("control.cmc.toml", 'schema_version = 2\n[meta]\nname = "a\x01b"\n', "encoding"),
        # not valid JSON or TOML
        ("broken.cmc.json", _HEADER + '"meta": }', "syntax"),
        ("broken.cmc.toml", "schema_version = \n", "syntax"),
        # nesting too deep, a YAML tag
        ("deep.cmc.json", _HEADER + '"x": ' + "[" * 2000 + "]" * 2000 + "}", "unsafe"),
        ("deep.cmc.toml", "schema_version = 2\nx = " + "[" * 3000 + "]" * 3000 + "\n", "unsafe"),
        ("tagged.cmc.yaml", "schema_version: 2\nmeta:\n  name: !custom x\n", "unsafe"),
        # nothing in it
        ("empty.cmc.yaml", "  \n\n", "empty"),
        ("empty.cmc.json", "\n", "empty"),
        ("empty.cmc.toml", "", "empty"),
        # schema_version missing, not a number, newer, unknown
        ("unversioned.cmc.json", '{"meta": {"name": "x"}}', "version"),
        ("text-version.cmc.json", '{"schema_version": "two"}', "version"),
        ("newer.cmc.json", '{"schema_version": 99}', "version"),
        ("older.cmc.json", '{"schema_version": 0}', "version"),
        # the content
        ("typo.cmc.json", _HEADER + '"meta": {"nmae": "x"}}', "unknown-key"),
        ("no-id.cmc.json", _HEADER + '"parties": [{"name": "Acme"}]}', "missing-key"),
        ("count.cmc.json", _HEADER + '"parties": 3}', "wrong-type"),
        ("list.cmc.json", "[1, 2]", "wrong-type"),
        ("schema.cmc.json", '{"$schema": 3, "schema_version": 2}', "wrong-type"),
        (
            "role.cmc.json",
            _HEADER + '"parties": [{"id": "p", "name": "x", "roles": ["suplier"]}]}',
            "invalid-value",
        ),
        (
            "maturity.cmc.json",
            _HEADER + '"factors": {"vision": {"answer": "x", "maturity": 9}}}',
            "invalid-value",
        ),
        ("twice.cmc.toml", "schema_version = 2\nschema_version = 2\n", "duplicate-key"),
        ("table-twice.cmc.toml", "schema_version = 2\n[meta]\n[meta]\n", "duplicate-key"),
    ],
)
def test_each_problem_has_its_kind(
    tmp_path: Path, name: str, content: str | bytes | None, kind: str
) -> None:
    assert _kinds(tmp_path / name, content) == [kind]


def test_a_file_over_the_size_limit_is_too_large(tmp_path: Path) -> None:
    content = "schema_version: 2\n# " + "x" * 200 + "\n"
    assert _kinds(tmp_path / "big.cmc.yaml", content, max_bytes=100) == ["too-large"]


def test_a_directory_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "folder.cmc.yaml").mkdir()
    assert _kinds(tmp_path / "folder.cmc.yaml", None) == ["unreadable"]


def test_the_count_of_unlisted_problems_is_a_too_large_problem() -> None:
    parties = [{"id": f"p{i}", "name": 3} for i in range(1100)]
    with pytest.raises(CanvasLoadError) as caught:
        loads(json.dumps({"schema_version": 2, "parties": parties}), "json")
    *listed, summary = caught.value.problems
    assert {problem.kind for problem in listed} == {"wrong-type"}
    assert summary.kind == "too-large"
    assert summary.message == "... and 100 more problems, not listed"


def test_a_wrong_type_and_a_value_out_of_range_are_told_apart() -> None:
    text = _HEADER + '"factors": {"vision": {"answer": "x", "maturity": true}}}'
    with pytest.raises(CanvasLoadError) as caught:
        loads(text, "json")
    assert [p.kind for p in caught.value.problems] == ["wrong-type"]


def test_the_kinds_are_the_documented_ones() -> None:
    assert LOAD_PROBLEM_KINDS == (
        "unreadable",
        "too-large",
        "encoding",
        "syntax",
        "unsafe",
        "empty",
        "version",
        "unknown-key",
        "missing-key",
        "wrong-type",
        "invalid-value",
        "duplicate-key",
    )


def test_a_problem_made_without_a_kind_is_an_invalid_value() -> None:
    assert LoadProblem("meta.name: too long", "meta.name").kind == "invalid-value"


def test_an_unknown_kind_is_refused() -> None:
    bogus: LoadProblemKind = "bogus"  # type: ignore[assignment]
    with pytest.raises(ValueError, match="kind"):
        LoadProblem("x", kind=bogus)


def test_the_kind_counts_for_equality_and_survives_pickling(tmp_path: Path) -> None:
    assert LoadProblem("x", kind="syntax") != LoadProblem("x", kind="empty")
    path = tmp_path / "newer.cmc.json"
    path.write_text('{"schema_version": 99}', encoding="utf-8")
    with pytest.raises(SchemaVersionError) as caught:
        load(path)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy, SchemaVersionError)
    assert copy.problems == caught.value.problems
    assert copy.problems[0].kind == "version"
    assert copy.found == 99
