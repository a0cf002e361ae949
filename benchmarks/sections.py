"""Sections of ``docs/benchmarks.md`` that their own benchmark writes and refreshes on its own.

A full ``python -m benchmarks.run`` takes ten minutes; a feature's benchmark (such as plugin
loading) is refreshed with its own command and keeps its text between two markers, which a full
run carries over unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["carry_over", "replace_section"]

_SECTION = re.compile(
    r"<!-- section:(?P<name>[a-z-]+) -->\n.*?<!-- /section:(?P=name) -->\n", re.DOTALL
)


def _marked(name: str, body: str) -> str:
    return f"<!-- section:{name} -->\n{body.rstrip()}\n<!-- /section:{name} -->\n"


def replace_section(path: Path, name: str, body: str) -> None:
    """Put ``body`` into the section ``name`` of the file, before its closing note."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = _marked(name, body)
    pattern = re.compile(
        rf"<!-- section:{re.escape(name)} -->\n.*?<!-- /section:{re.escape(name)} -->\n",
        re.DOTALL,
    )
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    elif "\n## Closing note" in text:
        head, _, tail = text.partition("\n## Closing note")
        text = f"{head}\n{block}\n## Closing note{tail}"
    else:
        text = f"{text.rstrip()}\n\n{block}"
    path.write_text(text, encoding="utf-8")


def carry_over(old_text: str, new_text: str) -> str:
    """``new_text`` with every marked section of ``old_text`` it lacks, before its closing note."""
    kept = [m.group(0) for m in _SECTION.finditer(old_text) if m.group(0) not in new_text]
    if not kept:
        return new_text
    head, separator, tail = new_text.partition("\n## Closing note")
    return f"{head}\n{''.join(kept)}{separator}{tail}"
