"""The pluggy project name of cmc and the marker of hook implementations.

A plugin marks its hooks with ``from cmc_core import hookimpl`` (the same object, re-exported by
:mod:`cmc_core.hookspecs`). This module holds it so that the built-in plugin modules inside the
package (``cmc_core.rules.plugin`` and its siblings) can mark theirs without importing the hook
specifications: those name rules, scorers, questionnaires and exporters in their signatures, so
they sit in a layer above the packages that define them. It imports pluggy and nothing of cmc.
"""

from __future__ import annotations

import pluggy

__all__ = ["PROJECT_NAME", "hookimpl"]

#: The pluggy project name and the entry-point group plugins are found in.
PROJECT_NAME = "cmc"

#: Mark a function of a plugin module as the implementation of a ``cmc_*`` hook.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
