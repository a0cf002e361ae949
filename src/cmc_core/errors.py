"""The exceptions of cmc. Each also inherits the builtin a caller would expect to catch."""

from __future__ import annotations

__all__ = ["CmcError"]


class CmcError(Exception):
    """Base class of every error cmc raises on purpose."""
