"""What changed between two canvases: :func:`diff_canvases` and the :class:`CanvasDiff` it returns.

Pure model code: no I/O, no printing; ``cmc diff`` (:mod:`cmc_core.cli.diff`) formats the result
as text, JSON or Markdown. Entities are matched by id, factors, principles and notes by key, and
every other field by name, so a diff lists exactly what an editor did::

    from cmc_core.diffing import diff_canvases

    diff = diff_canvases(old, new)
    for change in diff:
        print(change.kind, change.path, change.old, "->", change.new)
    # changed parties[p-acme].name 'Acme' -> 'Acme Logistics'
    # added flows[f-9] None -> ValueFlow(id='f-9', ...)

Paths use file keys and name entities by id (``parties[p-acme].name``, ``flows[f-1].to``,
``factors.vision.answer``, ``notes.boundary``); :func:`id_segment` says how an unusual id is
quoted. Reordering alone is not a change: it is reported in :attr:`CanvasDiff.reordered`.
See ``docs/diff.md``.
"""

from __future__ import annotations

from cmc_core.diffing.changes import (
    CanvasDiff,
    Change,
    ChangeKind,
    Reordering,
    id_segment,
    plain,
)
from cmc_core.diffing.compare import SET_LIKE_FIELDS, diff_canvases, party_block

__all__ = [
    "SET_LIKE_FIELDS",
    "CanvasDiff",
    "Change",
    "ChangeKind",
    "Reordering",
    "diff_canvases",
    "id_segment",
    "party_block",
    "plain",
]
