"""The code the guides show inline is the code of the example files, as it is today.

Each block after a ``<!-- from: FILE ... -->`` marker must equal what ``tools/docs_sources.py``
selects from ``FILE``; the examples themselves run with the tests, so the code a reader sees is
tested code. ``python tools/docs_sources.py sync`` brings stale blocks back in step.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ._tools import load_tool

tool = load_tool("docs_sources")

SOURCE = '''\
"""A module."""

import functools


@functools.cache
def first() -> int:
    return 1


class Second:
    """Two."""

    value = 2
    # The end of the class.


THIRD = 3
'''


def page_with(tmp_path: Path, marker: str, body: str = "stale\n") -> Path:
    """A docs folder with ``source.py`` and a page holding one block after ``marker``."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "source.py").write_text(SOURCE, encoding="utf-8")
    page = docs / "page.md"
    page.write_text(f"# Page\n\nSome text.\n\n{marker}\n```python\n{body}```\n\nMore.\n")
    return page


def shown(tmp_path: Path, marker: str) -> str:
    page = page_with(tmp_path, marker)
    (block,) = tool.marked_blocks(page)
    return str(tool.expected_body(block))


def test_every_inlined_block_of_the_docs_equals_its_source() -> None:
    assert tool.stale_blocks() == []


def test_the_howto_guides_show_the_example_plugins_through_marked_blocks() -> None:
    blocks = [block for page in tool.pages() for block in tool.marked_blocks(page)]
    sources = {block.source for block in blocks}
    assert len(blocks) >= 29
    assert "examples/cmc-plaintext/src/cmc_plaintext/__init__.py" in sources
    assert "../plugins/cmc-pptx/src/cmc_pptx/__init__.py" in sources
    assert all((block.page.parent / block.source).is_file() for block in blocks)


def test_a_whole_file_is_shown_as_it_is(tmp_path: Path) -> None:
    assert shown(tmp_path, "<!-- from: source.py -->") == SOURCE


def test_pyobject_selects_a_function_with_its_decorator(tmp_path: Path) -> None:
    marker = "<!-- from: source.py\n:pyobject: first\n-->"
    assert shown(tmp_path, marker) == "@functools.cache\ndef first() -> int:\n    return 1\n"


def test_pyobject_selects_a_class_up_to_its_last_statement(tmp_path: Path) -> None:
    marker = "<!-- from: source.py\n:pyobject: Second\n-->"
    assert shown(tmp_path, marker) == 'class Second:\n    """Two."""\n\n    value = 2\n'


def test_start_and_end_options_select_lines_like_literalinclude(tmp_path: Path) -> None:
    at = '<!-- from: source.py\n:start-at: "class Second"\n:end-at: value = 2\n-->'
    assert shown(tmp_path, at) == 'class Second:\n    """Two."""\n\n    value = 2\n'
    after = "<!-- from: source.py\n:start-after: value = 2\n:end-before: THIRD\n-->"
    assert shown(tmp_path, after) == "    # The end of the class.\n\n\n"


def test_lines_dedent_prepend_and_append_apply_in_literalincludes_order(tmp_path: Path) -> None:
    marker = textwrap.dedent(
        """\
        <!-- from: source.py
        :append: "    ...\\n)"
        :prepend: "Second("
        :dedent: 4
        :lines: 2-3
        :start-at: class Second
        -->"""
    )
    assert shown(tmp_path, marker) == 'Second(\n"""Two."""\n\n    ...\n)\n'


def test_check_lists_a_stale_block_and_sync_rewrites_only_its_body(tmp_path: Path) -> None:
    page = page_with(tmp_path, "<!-- from: source.py\n:pyobject: first\n-->")
    docs = page.parent
    assert tool.stale_blocks(docs) == [f"{page}:5: differs from source.py"]
    assert tool.sync_page(page) is True
    assert tool.stale_blocks(docs) == []
    assert page.read_text(encoding="utf-8") == (
        "# Page\n\nSome text.\n\n<!-- from: source.py\n:pyobject: first\n-->\n```python\n"
        "@functools.cache\ndef first() -> int:\n    return 1\n```\n\nMore.\n"
    )
    assert tool.sync_page(page) is False


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("<!-- from: missing.py -->", "the source missing.py does not exist"),
        ("<!-- from: source.py\n:pyobject: nothing\n-->", "no module-level class or function"),
        ("<!-- from: source.py\n:start-at: nowhere\n-->", ":start-at: 'nowhere' is on no line"),
        ("<!-- from: source.py\n:emphasize-lines: 2\n-->", "unknown option :emphasize-lines:"),
    ],
)
def test_a_bad_marker_is_reported_with_its_page_and_line(
    tmp_path: Path, marker: str, message: str
) -> None:
    page = page_with(tmp_path, marker)
    with pytest.raises(tool.SourceError) as raised:
        tool.stale_blocks(page.parent)
    assert str(raised.value).startswith(f"{page}:5: {message}")


def test_the_command_exits_1_on_a_stale_block_0_once_synced_and_2_on_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = page_with(tmp_path, "<!-- from: source.py\n:pyobject: first\n-->")
    assert tool.main(["check"], page.parent) == 1
    assert capsys.readouterr().out == f"{page}:5: differs from source.py\n"
    assert tool.main(["sync"], page.parent) == 0
    assert capsys.readouterr().out == f"updated {page}\n"
    assert tool.main(["check"], page.parent) == 0
    page_with(tmp_path, "<!-- from: missing.py -->")
    assert tool.main(["check"], page.parent) == 2
    assert "the source missing.py does not exist" in capsys.readouterr().err
    assert tool.main(["frobnicate"]) == 2
    assert "usage: python tools/docs_sources.py sync|check" in capsys.readouterr().err
