"""The names plugins register things under: ``markdown``, ``market-balance``, ``bmc-pdf``.

Exporters, scorers and questionnaires share one rule for their names, so that every name works
as a command-line value and a file-name part. It lives here, below all of them.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["NAME_PATTERN", "check_name"]

#: A registered name: lower-case words joined by hyphens, such as ``markdown`` or ``bmc-pdf``.
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def check_name(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """attrs validator: a registered name must match :data:`NAME_PATTERN`."""
    if not NAME_PATTERN.match(value):
        raise ValueError(
            f"{attribute.name} {value!r} must be lower-case words joined by hyphens, "
            "such as 'markdown' or 'bmc-pdf'"
        )
