"""Every guide page reads as plain Markdown: on a forge or in an editor, not only in Sphinx.

A directive shows nothing outside Sphinx (a forge prints it as a code block, or not at all), so
the guides use only the directives listed here; code is written in the page (blocks marked with
their source, see ``test_inlined_sources.py``), never pulled in by ``literalinclude``. The
generated API reference (``docs/reference/api/``) is the exception: it is autodoc.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
#: Guide pages: every page of the docs but the API reference and the example plugins' files.
GUIDES = sorted(
    page
    for page in DOCS.rglob("*.md")
    if not page.relative_to(DOCS).as_posix().startswith(("reference/api/", "examples/", "_"))
)
#: Directives whose text is in the page, so a plain reader reads it as it stands.
READABLE = {
    "toctree": "a list of page names",
    "glossary": "a definition list written in the page",
    "note": "an admonition",
    "tip": "an admonition",
    "warning": "an admonition",
    "important": "an admonition",
    "seealso": "an admonition",
}
#: Directives whose content is made when the pages are built: the page must say, in plain
#: text, where a reader finds the same content (a ``cmc`` command or a file under ``src/``).
GENERATED = {
    "click": "the command reference, from the command line",
    "eval-rst": "autodoc of the hooks",
    "cmc-blocks": "the blocks table",
    "cmc-vocabulary": "the vocabulary tables",
    "cmc-rule-codes": "the rule codes table",
    "cmc-exit-codes": "the exit codes table",
    "cmc-json-schema": "the JSON Schema",
}
_DIRECTIVE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S
)
_HIDDEN = re.compile(r"^(%[^\n]*|<!--.*?-->|#+ [^\n]*|\s*)$", re.M | re.S)


def directives(text: str) -> list[str]:
    return [match["name"] for match in _DIRECTIVE.finditer(text)]


def prose(text: str) -> str:
    """What a plain reader sees outside directives, headings, comments and hidden lines."""
    return _HIDDEN.sub("", _DIRECTIVE.sub("", text)).strip()


def test_the_guides_are_found() -> None:
    names = {page.relative_to(DOCS).as_posix() for page in GUIDES}
    assert {"index.md", "howto-exporter.md", "plugins.md", "reference/hooks.md"} <= names
    assert not any(name.startswith("reference/api/") for name in names)


@pytest.mark.parametrize("page", GUIDES, ids=[p.relative_to(DOCS).as_posix() for p in GUIDES])
def test_a_guide_page_is_more_than_directives(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "literalinclude" not in text
    assert "{include}" not in text
    assert len(prose(text).split()) >= 30, f"{page.name} is (almost) only directives"
    unknown = [name for name in directives(text) if name not in READABLE | GENERATED]
    assert unknown == [], f"{page.name} uses directives a plain reader cannot read: {unknown}"
    if any(name in GENERATED for name in directives(text)):
        assert re.search(r"`(cmc [^`]+|src/[^`]+)`", prose(text)), (
            f"{page.name} builds content but does not say where else to read it"
        )


def test_the_checks_tell_a_page_of_directives_from_a_guide() -> None:
    only = "# Title\n\n```{cmc-blocks}\n```\n\n```{literalinclude} x.py\n```\n"
    assert directives(only) == ["cmc-blocks", "literalinclude"]
    assert prose(only) == ""
    guide = "# Title\n\nSome words, `cmc new` shows them.\n\n% hidden\n```python\nx = 1\n```\n"
    assert prose(guide).startswith("Some words, `cmc new` shows them.")
    assert "```python" in prose(guide)
