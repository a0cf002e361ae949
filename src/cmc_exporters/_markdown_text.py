"""Escaping text for GitHub-flavoured Markdown, so that user text always stays text.

:func:`markdown_text` makes any text safe to put in a Markdown line: a heading, a list item or
a table cell. The result is one line (line breaks become ``<br>``, which GitHub, GitLab and most
wikis render inside paragraphs and table cells), every character that could start Markdown
syntax is backslash-escaped, and ``<`` and ``&`` are escaped too, so no HTML tag, comment or
entity can come through: Markdown renderers pass raw HTML on to the page.

What is escaped, and why:

- everywhere: ``\\ ` * _ [ ] < > | ~ & $``, which start code, emphasis, links and images,
  raw HTML, table cells, strikethrough, entities and math (GitHub renders ``$x$``);
  ``( ) { } ! #`` stay, since without ``[`` they start nothing;
- at the start: ``# + - =`` and ``1.``/``1)``, which would start a heading, a list or a
  setext underline where the text begins a line;
- the ``:`` of ``scheme:/`` and the dot of ``www.``, which GitHub's autolinks would turn into
  links. E-mail addresses cannot be kept from becoming ``mailto:`` links on GitHub (its
  autolinker runs after escapes are resolved); their text stays exactly as written;
- control characters are dropped, tabs and runs of spaces become one space (four spaces
  would start a code block in some contexts), so the text cannot end a table row or a list.

:class:`MarkdownText` marks text that is already Markdown (written by the exporter itself), so
that the template environment's finalizer leaves it alone.
"""

from __future__ import annotations

import functools
import re

__all__ = ["MarkdownText", "markdown_text"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
#: C0 and C1 control characters other than the line breaks handled above, and the characters
#: XML forbids; tab is turned into a space first.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t]+")
_LEADING = re.compile(r"^([#+=-])")
_ORDERED = re.compile(r"^(\d+)([.)])")
_SCHEME = re.compile(r"(?<=[A-Za-z]):(?=/)")
_WWW = re.compile(r"(?i)\b(www)\.")
#: Text without any of this is its own Markdown: most names and numbers, so a fast path.
_NEEDS_WORK = re.compile(
    r"[\\`*_\[\]<>|~&$\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]|^[\s#+=-]|^\d+[.)]"
    r"|[A-Za-z]:/|(?i:www)\.|\s$|  "
)


#: A character that may make :data:`_NEEDS_WORK` match anywhere: one scan, no alternation.
_SUSPECT = re.compile(r"[\\`*_\[\]<>|~&$:\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def needs_work(text: str) -> bool:
    """Whether :data:`_NEEDS_WORK` matches ``text``, answered mostly without running it.

    The full pattern tries several alternatives at every position, a few microseconds for a
    name; cheap tests rule out most texts first, and only a suspect text runs the pattern.
    """
    if not text:
        return False
    first = text[0]
    suspect = (
        first in "#+=-"
        or first.isspace()
        or first.isdigit()
        or text[-1].isspace()
        or "  " in text
        or ("." in text and ("w" in text or "W" in text))
        or _SUSPECT.search(text) is not None
    )
    return suspect and _NEEDS_WORK.search(text) is not None


class MarkdownText(str):
    """Text that is already Markdown: the template finalizer does not escape it again."""

    __slots__ = ()


def _escape_line(line: str) -> str:
    line = _SPACES.sub(" ", line.replace("\t", " ")).strip()
    line = _SPECIAL.sub(r"\\\1", line)
    line = _LEADING.sub(r"\\\1", line)
    line = _SCHEME.sub(r"\\:", line)
    line = _WWW.sub(r"\1\\.", line)
    return _ORDERED.sub(r"\1\\\2", line)


@functools.lru_cache(maxsize=8192)
def markdown_text(text: str) -> MarkdownText:
    """``text`` as one line of Markdown that renders as exactly that text.

    Line breaks become ``<br>`` (blank lines are left out); control characters go. Cached:
    a large canvas repeats its names in every row of its tables.
    """
    if not needs_work(text):
        return MarkdownText(text)
    lines = (_escape_line(line) for line in _LINE_BREAKS.split(_CONTROL.sub("", text)))
    return MarkdownText("<br>".join(line for line in lines if line))
