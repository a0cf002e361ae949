"""cmc_exporters: the built-in exporters of cmc, loaded as a plugin like any other.

The plugin hooks arrive with the plugin architecture; for now this package only reserves the
name. It is never imported by :mod:`cmc_core`.
"""

from __future__ import annotations

__all__: list[str] = []
