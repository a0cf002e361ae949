"""The names plugins register things under (``markdown``, ``market-balance``, ``bmc-pdf``), and
how a generated id is kept short.

Exporters, scorers and questionnaires share one rule for their names, so that every name works
as a command-line value and a file-name part. It lives here, below all of them, with
:func:`cut_at_word`, which shortens a hyphenated slug without cutting a word in two.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["NAME_PATTERN", "check_name", "cut_at_word"]

#: A registered name: lower-case words joined by hyphens, such as ``markdown`` or ``bmc-pdf``.
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def check_name(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """attrs validator: a registered name must match :data:`NAME_PATTERN`."""
    if not NAME_PATTERN.match(value):
        raise ValueError(
            f"{attribute.name} {value!r} must be lower-case words joined by hyphens, "
            "such as 'markdown' or 'bmc-pdf'"
        )


def cut_at_word(slug: str, limit: int = 40) -> str:
    """``slug`` (words joined by hyphens) shortened to at most ``limit`` characters at a word
    boundary: ``p-riverside-gp-practice-p-st-annes`` stays whole words, never ``p-st-an``.

    A first word longer than ``limit`` on its own is the one case cut inside a word.
    """
    slug = slug.strip("-")
    if len(slug) <= limit:
        return slug
    cut = slug.rfind("-", 0, limit + 1)
    return slug[:cut].rstrip("-") if cut > 0 else slug[:limit]
