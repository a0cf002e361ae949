"""Logical paths into a canvas (``flows[3].to``): whether a diagnostic's path names a real place.

Rules and scorers point at the part of the canvas they talk about with a path in the file's
keys, the same paths :mod:`cmc_core.fileformat` puts in load errors: ``meta.name``,
``flows[3].to``, ``factors.vision.answer``, ``notes.boundary``, ``""`` for the whole canvas.

What counts as resolving: the path names a value of the canvas's *document form* with every
default written out. A file leaves out what holds its default, but a rule has every reason to
point there: "``boundary.goal`` is empty", "``meta.owner`` must not be set", "answer
``factors.vision``". So every field of every object resolves, present or not, and so does every
key of ``factors``, ``principles`` and ``notes``, answered or not. List items must exist
(``flows[3]`` needs four flows) and keys must be real fields (``flows[0].too`` does not
resolve): accepting any key under a resolving parent would let typos through.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.errors import CmcError
from cmc_core.fileformat.converter import unstructure_canvas
from cmc_core.fileformat.layout import keyed
from cmc_core.fileformat.locate import format_path, parse_path

__all__ = ["UnresolvedPathError", "path_resolves", "resolve_path"]


class UnresolvedPathError(CmcError, LookupError):
    """A logical path names no place in the canvas.

    :param path: the path asked for.
    :param reason: what is wrong, naming the deepest part that does resolve.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"the path {path!r} does not resolve: {reason}")


@cache
def _keyed_defaults() -> dict[str, dict[str, Any]]:
    # Each keyed field with an item for every key, all at their defaults, in document form.
    items = {
        name: [field.item_type(key) for key in field.key_type] for name, field in keyed().items()
    }
    full = unstructure_canvas(Canvas().evolve(**items), omit_defaults=False)
    return {name: full[name] for name in keyed()}


def _document(canvas: Canvas) -> dict[str, Any]:
    document = unstructure_canvas(canvas, omit_defaults=False)
    for name, defaults in _keyed_defaults().items():
        document[name] = {**defaults, **document[name]}
    return document


def resolve_path(canvas: Canvas, path: str) -> object:
    """The value a logical path names in the canvas's document form.

    :param path: such as ``flows[3].to`` or ``factors.vision.answer``; ``""`` is the whole
        document. Keys are the file's (``from``/``to`` of a flow, the factor's key under
        ``factors``). Fields that hold their default resolve to it (see the module docs).
    :returns: plain data: a mapping, list, text, number, boolean or ``None``.
    :raises UnresolvedPathError: when the path is malformed or names nothing.
    """
    segments = parse_path(path)
    if format_path(segments) != path:
        raise UnresolvedPathError(
            path, "it is not a well-formed path such as 'flows[3].to' or 'meta.name'"
        )
    node: object = _document(canvas)
    walked: list[str | int] = []
    for segment in segments:
        where = f"{format_path(tuple(walked))!r}" if walked else "the canvas"
        if isinstance(segment, int):
            if not isinstance(node, list):
                raise UnresolvedPathError(path, f"{where} is not a list")
            if segment >= len(node):
                raise UnresolvedPathError(path, f"{where} holds {len(node)} item(s)")
            node = node[segment]
        else:
            if not isinstance(node, dict):
                raise UnresolvedPathError(path, f"{where} has no keys")
            if segment not in node:
                known = ", ".join(map(str, node))
                raise UnresolvedPathError(
                    path, f"{where} has no key {segment!r}; its keys are: {known}"
                )
            node = node[segment]
        walked.append(segment)
    return node


def path_resolves(canvas: Canvas, path: str) -> bool:
    """Whether :func:`resolve_path` finds the path."""
    try:
        resolve_path(canvas, path)
    except UnresolvedPathError:
        return False
    return True
