"""How ``cmc diff`` shows a value and writes text into Markdown.

A changed value is shown as a person reads it, not as a JSON blob: text in quotes (so that its
ends and any escaped control character show), lists as comma-separated items, an added or
removed record one ``key: value`` per line, nothing as ``(none)``. Markdown escapes only what
Markdown would read as markup, where it would read it: a ``.`` or ``-`` inside a sentence stays
as it is; ``*``, ``_``, `````, ``[``, ``]``, ``|``, ``~``, ``$`` and ``\\`` are escaped
everywhere, ``<`` and ``&`` become entities, and a line that would start a heading, list or
quote gets its first character escaped.
"""

from __future__ import annotations

import json
import re
from typing import Any

from cmc_core.cli._support import terminal_safe
from cmc_core.translation import Messages

__all__ = ["inline_value", "markdown_text", "value_lines"]

_ = Messages("cmc_core", "cli")

#: Characters Markdown (CommonMark and GitHub's) may read as markup anywhere in a line.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]|~$])")
#: The start of a line that would open a block: heading, list, quote, rule, numbered item.
_BLOCK_START = re.compile(r"^(\s*(?:\d+)?)([#>+\-=.)])")


def inline_value(data: Any) -> str:
    """A plain value (:func:`cmc_core.diffing.plain`) on one line, safe for a terminal."""
    if data is None:
        return _("(none)")
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, str):
        return terminal_safe(json.dumps(data, ensure_ascii=False))
    if isinstance(data, list):
        return ", ".join(inline_value(item) for item in data) if data else _("(none)")
    if isinstance(data, dict):
        fields = (f"{terminal_safe(str(key))}: {inline_value(item)}" for key, item in data.items())
        return "{" + ", ".join(fields) + "}"
    return terminal_safe(str(data))


def value_lines(value: Any) -> list[str]:
    """A model value as the lines it is shown in: one ``key: value`` line per field of a
    record (a party, a flow), else one line."""
    from cmc_core.diffing import plain

    data = plain(value)
    if isinstance(data, dict) and data:
        return [f"{terminal_safe(str(key))}: {inline_value(item)}" for key, item in data.items()]
    return [inline_value(data)]


def markdown_text(text: str, *, line_start: bool = False) -> str:
    """``text`` as literal Markdown text: it can start no element, link, table cell or HTML tag.

    :param line_start: the text begins a line, where ``#``, ``-``, ``+``, ``>``, ``=`` and
        ``1.`` would start a block; inside a line they are plain characters and stay as written.
    """
    escaped = _INLINE_MARKUP.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))
    if line_start:
        escaped = _BLOCK_START.sub(r"\1\\\2", escaped)
    return escaped
