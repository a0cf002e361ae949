"""Files a user (or an attacker) might hand to ``cmc check``: each gives a short message with its
place in the file and the documented exit status, quickly, and never a traceback."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable

import pytest

from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.examples import example_text

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]
PORT = example_text("port-logistics")
#: The budget of the issue for any bad input, with room for a slow CI machine.
SECONDS = 2.0


def alias_bomb() -> str:
    """The "billion laughs": nine levels of nine aliases each, 9**9 strings when expanded."""
    lines = ["a: &a [" + ", ".join(["lol"] * 9) + "]"]
    for level in range(1, 10):
        previous, current = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{current}: &{current} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def replace_line(text: str, line_number: int, old: str, new: str) -> str:
    lines = text.splitlines(keepends=True)
    assert old in lines[line_number - 1], lines[line_number - 1]
    lines[line_number - 1] = lines[line_number - 1].replace(old, new)
    return "".join(lines)


def line_of(text: str, prefix: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(prefix))


def check_timed(invoke: Invoke, name: str) -> tuple[int, str, str]:
    started = time.perf_counter()
    result = invoke("check", "--lang", "en", name)
    assert time.perf_counter() - started < SECONDS
    assert_no_traceback(result)
    return result.exit_code, result.stdout, result.stderr


def test_a_misspelt_key_names_file_line_column_and_suggests_the_key(
    invoke: Invoke, write: Write
) -> None:
    line = line_of(PORT, "  canvas_version:")
    name = write("misspelt.cmc.yaml", PORT.replace("  canvas_version:", "  canvas_verison:"))
    status, _stdout, stderr = check_timed(invoke, name)
    assert status == 2
    assert stderr.startswith(f"misspelt.cmc.yaml:{line}:3: ")
    assert "'canvas_verison'" in stderr
    assert "did you mean 'canvas_version'?" in stderr


def test_an_empty_file_says_so(invoke: Invoke, write: Write) -> None:
    status, _stdout, stderr = check_timed(invoke, write("empty.cmc.yaml", ""))
    assert status == 2
    assert stderr.startswith("empty.cmc.yaml:1:1: ")
    assert "empty" in stderr
    assert len(stderr.splitlines()) == 1


def test_a_megabyte_of_random_bytes_is_refused_in_one_line(invoke: Invoke, write: Write) -> None:
    noise = os.urandom(1_000_000)
    if noise.startswith(b"\xef\xbb\xbf"):  # pragma: no cover - a BOM would make it UTF-8ish
        noise = b"\xff" + noise[3:]
    status, _stdout, stderr = check_timed(invoke, write("noise.cmc.yaml", noise))
    assert status == 2
    assert re.match(r"noise\.cmc\.yaml:\d+:\d+: ", stderr)
    assert len(stderr.splitlines()) <= 3
    assert len(stderr) < 1000


def test_an_alias_bomb_is_refused_without_expanding_it(invoke: Invoke, write: Write) -> None:
    status, _stdout, stderr = check_timed(invoke, write("bomb.cmc.yaml", alias_bomb()))
    assert status == 2
    assert re.match(r"bomb\.cmc\.yaml:1:\d+: ", stderr)
    assert "alias" in stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.cmc.yaml", "[" * 100_000 + "]" * 100_000 + "\n"),
        ("deep-map.cmc.yaml", "a: " + "{a: " * 100_000 + "}" * 100_000 + "\n"),
        ("deep.cmc.json", "[" * 100_000 + "]" * 100_000),
    ],
)
def test_a_hundred_thousand_levels_of_nesting_are_refused(
    invoke: Invoke, write: Write, name: str, text: str
) -> None:
    status, _stdout, stderr = check_timed(invoke, write(name, text))
    assert status == 2
    assert stderr.startswith(f"{name}:1:")
    assert "nested" in stderr
    assert len(stderr.splitlines()) == 1


def test_a_wrong_type_names_the_field_and_what_was_expected(invoke: Invoke, write: Write) -> None:
    line = line_of(PORT, "  status: final")
    name = write("wrong-type.cmc.yaml", PORT.replace("  status: final", "  status: [final]"))
    status, _stdout, stderr = check_timed(invoke, name)
    assert status == 2
    assert stderr.startswith(f"wrong-type.cmc.yaml:{line}:")
    assert "meta.status" in stderr
    assert "draft, final" in stderr


def test_an_unknown_suffix_is_a_format_error(invoke: Invoke, write: Write) -> None:
    status, _stdout, stderr = check_timed(invoke, write("canvas.txt", PORT))
    assert status == 2
    assert "cannot tell the format of canvas.txt" in stderr


def test_a_newer_schema_version_is_refused(invoke: Invoke, write: Write) -> None:
    name = write(
        "future.cmc.yaml", PORT.replace(f"schema_version: {SCHEMA_VERSION}", "schema_version: 99")
    )
    status, _stdout, stderr = check_timed(invoke, name)
    assert status == 2
    assert stderr.startswith(f"future.cmc.yaml:{line_of(PORT, 'schema_version:')}:")
    assert "99" in stderr


def test_dangling_party_references_are_diagnostics_with_exit_1(
    invoke: Invoke, write: Write
) -> None:
    flow_line = line_of(PORT, "    to: p-oceaanlijn")
    steward_line = line_of(PORT, "    steward: p-havennet")
    text = replace_line(PORT, flow_line, "p-oceaanlijn", "p-nobody")
    text = replace_line(text, steward_line, "p-havennet", "p-ghost")
    status, stdout, stderr = check_timed(invoke, write("dangling.cmc.yaml", text))
    assert status == 1
    assert stderr == ""
    lines = stdout.splitlines()
    assert any(
        line.startswith(f"dangling.cmc.yaml:{flow_line}:")
        and " CMC011 error " in line
        and "p-nobody" in line
        for line in lines
    ), lines
    assert any(
        line.startswith(f"dangling.cmc.yaml:{steward_line}:")
        and " CMC022 error " in line
        and "p-ghost" in line
        for line in lines
    ), lines


def test_json_output_gives_each_load_problem_its_kind(invoke: Invoke, write: Write) -> None:
    write("typo.cmc.json", '{"schema_version": 2, "meta": {"nmae": "x"}, "parties": 3}')
    result = invoke("check", "missing.cmc.yaml", "typo.cmc.json", "--format", "json")
    assert result.exit_code == 2
    problems = json.loads(result.stdout)["load_errors"]
    assert [(p["file"], p["kind"], p.get("path")) for p in problems] == [
        ("missing.cmc.yaml", "unreadable", None),
        ("typo.cmc.json", "unknown-key", "meta.nmae"),
        ("typo.cmc.json", "wrong-type", "parties"),
    ]
    assert_no_traceback(result)


def test_sarif_output_gives_each_load_problem_its_kind(invoke: Invoke, write: Write) -> None:
    write("new.cmc.json", '{"schema_version": 99}')
    result = invoke("check", "new.cmc.json", "--format", "sarif")
    (invocation,) = json.loads(result.stdout)["runs"][0]["invocations"]
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["properties"] == {"kind": "version"}
