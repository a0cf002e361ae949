"""GitHub-flavoured Markdown as GitHub renders it, for the markdown and bmc exporter tests.

``cmarkgfm`` is GitHub's own Markdown parser (cmark-gfm) with its extensions: tables,
strikethrough, autolinks, task lists. Rendering with raw HTML passed through (``UNSAFE``)
is the worst case a wiki can be: if user text cannot become markup then, it cannot anywhere.
"""

from __future__ import annotations

import html.parser

import cmarkgfm
from cmarkgfm.cmark import Options

from cmc_core.testing import assert_safe_html

__all__ = ["ALLOWED_TAGS", "assert_safe_markdown", "reader_text", "render_gfm"]

#: The elements the exporters' own Markdown makes; user text must add no other.
ALLOWED_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "p", "em", "strong", "ul", "li", "table", "thead", "tbody", "tr",
     "th", "td", "br", "hr"}
)  # fmt: skip


def render_gfm(markdown: str) -> str:
    """The HTML GitHub makes of ``markdown``, raw HTML passed through."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "br":
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markdown: str) -> _Elements:
    parser = _Elements()
    parser.feed(render_gfm(markdown))
    parser.close()
    return parser


def assert_safe_markdown(output: bytes) -> None:
    """Rendered by GitHub's parser, the Markdown holds only the elements the exporter writes:
    no script, event attribute or ``javascript:`` URL, and no link, image, code, raw HTML or
    strikethrough that user text could have started."""
    markdown = output.decode("utf-8")
    assert_safe_html(render_gfm(markdown).encode("utf-8"))
    parsed = _parse(markdown)
    strays = sorted({tag for tag, _ in parsed.tags} - ALLOWED_TAGS)
    assert strays == [], f"user text became markup: {strays}"
    attributes = sorted({name for _, attrs in parsed.tags for name, _ in attrs} - {"align"})
    assert attributes == [], f"user text became attributes: {attributes}"


def reader_text(output: bytes) -> str:
    """The text a reader of the rendered Markdown sees (line breaks as new lines)."""
    return "".join(_parse(output.decode("utf-8")).text)
