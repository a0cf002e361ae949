"""One loader: every command that reads a canvas takes a file or ``example:NAME``, and says
the same when it cannot read one (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cmc_core import read_canvas
from cmc_core.cli.loading import load_document
from cmc_core.examples import UnknownExampleError, example_text
from cmc_core.fileformat import CanvasLoadError, loads

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str], str]

#: Each command that reads a canvas, with ``{}`` where the canvas goes. ``ask`` reads the
#: answers to apply from a file written by the test.
READERS = {
    "check": ("check", "{}"),
    "score": ("score", "{}"),
    "score OLD NEW": ("score", "example:port-logistics", "{}"),
    "export": ("export", "{}", "--to", "yaml", "-o", "out.cmc.yaml"),
    "export --compare": (
        "export",
        "example:port-logistics",
        "--to",
        "markdown",
        "--compare",
        "{}",
        "-o",
        "out.md",
    ),
    "diff OLD": ("diff", "{}", "example:port-logistics"),
    "diff NEW": ("diff", "example:port-logistics", "{}"),
    "convert": ("convert", "{}", "out.cmc.json"),
    "ask --canvas": (
        "ask",
        "vision",
        "--canvas",
        "{}",
        "--answers",
        "vision.answers.yaml",
        "-o",
        "out.cmc.yaml",
    ),
}
VISION_ANSWERS = "language: en\nanswers:\n  vision: One care record per resident.\n"


def _run(invoke: Invoke, write: Write, reader: str, canvas: str) -> tuple[int, str]:
    write("vision.answers.yaml", VISION_ANSWERS)
    result = invoke(*(canvas if arg == "{}" else arg for arg in READERS[reader]))
    assert_no_traceback(result)
    return result.exit_code, result.stderr


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_takes_a_bundled_example(invoke: Invoke, write: Write, reader: str) -> None:
    status, stderr = _run(invoke, write, reader, "example:regional-healthcare")
    assert status in (0, 1), stderr  # 1: diff found differences
    assert stderr == ""


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_says_the_same_of_a_missing_file_with_exit_2(
    invoke: Invoke, write: Write, reader: str
) -> None:
    status, stderr = _run(invoke, write, reader, "missing.cmc.yaml")
    assert status == 2
    assert stderr.strip() == "missing.cmc.yaml: cannot read the file: No such file or directory"


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_suggests_the_closest_example_with_exit_2(
    invoke: Invoke, write: Write, reader: str
) -> None:
    status, stderr = _run(invoke, write, reader, "example:port-logistic")
    assert status == 2
    assert "there is no bundled example 'port-logistic'; did you mean 'port-logistics'?" in stderr


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_lists_the_problems_of_a_broken_file_with_their_place(
    invoke: Invoke, write: Write, reader: str
) -> None:
    write("broken.cmc.yaml", "schema_version: 1\nmeta:\n  nmae: x\n")
    status, stderr = _run(invoke, write, reader, "broken.cmc.yaml")
    assert status == 2
    assert stderr.startswith("broken.cmc.yaml:3:3: ")


def test_an_example_is_loaded_with_its_name_as_the_source_and_its_locations() -> None:
    document = load_document("example:port-logistics")
    assert document.source == "example:port-logistics"
    assert document.canvas == loads(example_text("port-logistics"), "yaml").canvas
    location = document.locate("parties[0]")
    assert location is not None
    assert location.file == "example:port-logistics"
    assert location.line is not None


def test_a_file_is_loaded_with_the_name_as_given(write: Write) -> None:
    name = write("canvas.cmc.yaml", example_text("regional-healthcare"))
    document = load_document(name)
    assert document.source == name
    assert document.canvas == read_canvas(name)


def test_the_loader_raises_the_library_errors_the_command_line_turns_into_exit_2() -> None:
    with pytest.raises(CanvasLoadError, match="cannot read the file"):
        load_document("missing.cmc.yaml")
    with pytest.raises(UnknownExampleError):
        load_document("example:nope")


def test_ask_from_an_example_writes_to_its_output_and_keeps_the_examples_content(
    invoke: Invoke, write: Write
) -> None:
    status, _ = _run(invoke, write, "ask --canvas", "example:regional-healthcare")
    assert status == 0
    written = read_canvas("out.cmc.yaml")
    assert written.meta.name == "Westmere Regional Care Chain"
    assert not Path("example:regional-healthcare").exists()


def test_ask_from_an_example_without_o_writes_canvas_cmc_yaml(invoke: Invoke, write: Write) -> None:
    write("vision.answers.yaml", VISION_ANSWERS)
    result = invoke(
        "ask", "vision", "--canvas", "example:regional-healthcare", "--answers",
        "vision.answers.yaml",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert read_canvas("canvas.cmc.yaml").meta.name == "Westmere Regional Care Chain"
