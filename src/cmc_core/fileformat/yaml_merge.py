"""Merge an edited canvas into the YAML tree it was loaded from, keeping what people wrote.

The new canvas is unstructured twice: ``lean`` (defaults left out, what would be written fresh)
and ``full`` (every field). The merge walks the old tree:

* a key whose value is unchanged keeps its node (its comments, quoting and block style);
* a changed value is replaced in place, so the key keeps its position and comments;
* a key set back to its default is removed, but a default the author wrote out and that did not
  change stays (``external: false  # for now`` survives);
* a new key is inserted where the model's field order puts it among the existing keys;
* list items with an ``id`` are matched by id, so an item's comments move with it when the list
  is reordered; other lists are merged item by item.

Any other YAML file of plain data (an answers file) is updated the same way, each key holding
its new value (:func:`updated_yaml_text`).
"""

from __future__ import annotations

from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.fileformat.converter import unstructure_canvas
from cmc_core.fileformat.errors import CanvasLoadError
from cmc_core.fileformat.text import plainify
from cmc_core.fileformat.yaml_io import (
    YamlTree,
    dump_tree,
    fits_one_line,
    read_yaml_data,
    to_node,
    write_yaml_data,
)

__all__ = ["merged_tree", "updated_yaml_text"]


def _same(node: Any, value: Any) -> bool:
    """Whether an old node still says ``value`` (then it is kept, with its style)."""
    plain = plainify(node)
    if plain != value:
        return False
    if type(plain) is int and type(value) is float:
        return True  # "30" in a number field reads as 30.0: keep what the author wrote
    return type(plain) is type(value)


def _insert_position(node: dict[str, Any], order: list[str], key: str) -> int:
    """Before the first existing key that comes after ``key`` in the model's order."""
    existing = list(node)
    for later in order[order.index(key) + 1 :]:
        if later in node:
            return existing.index(later)
    return len(existing)


def _merge_mapping(node: Any, full: dict[str, Any], lean: dict[str, Any]) -> None:
    for key in list(node):
        if key not in full or (key not in lean and not _same(node[key], full[key])):
            del node[key]
    order = list(full)
    for key, value in lean.items():
        if key in node:
            node[key] = _merge_value(node[key], full[key], value)
        else:
            node.insert(_insert_position(node, order, key), key, to_node(value))


def _with_style(old: Any, value: Any) -> Any:
    """A new scalar, in the quoting style of the one it replaces when that keeps it exact."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        SingleQuotedScalarString,
    )

    node = to_node(value)
    if type(node) is str and isinstance(old, SingleQuotedScalarString | DoubleQuotedScalarString):
        return type(old)(value)
    return node


def _merge_value(old: Any, full: Any, lean: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(lean, dict) and isinstance(old, CommentedMap):
        _merge_mapping(old, full, lean)
        return old
    if isinstance(lean, list) and isinstance(old, CommentedSeq):
        _merge_sequence(old, full, lean)
        return old
    if _same(old, lean):
        return old
    return _with_style(old, lean)


def _item_id(item: Any) -> Any:
    return plainify(item.get("id")) if isinstance(item, dict) else None


def _merge_sequence(node: Any, full: list[Any], lean: list[Any]) -> None:
    keyed = all(isinstance(item, dict) and "id" in item for item in lean)
    old_index: dict[Any, int] = {}
    if keyed:
        for index, item in enumerate(node):
            old_index.setdefault(_item_id(item), index)
    items: list[Any] = []
    comments: dict[int, Any] = {}
    for index, (full_item, lean_item) in enumerate(zip(full, lean, strict=True)):
        if keyed:
            source = old_index.pop(lean_item["id"], None)
        else:
            source = index if index < len(node) else None
        if source is None:
            items.append(to_node(lean_item))
            continue
        items.append(_merge_value(node[source], full_item, lean_item))
        if source in node.ca.items:
            comments[index] = node.ca.items[source]
    if node.fa.flow_style() and not fits_one_line(lean):
        node.fa.set_block_style()
    # Bypass CommentedSeq's own bookkeeping: the comments are re-keyed just below.
    list.clear(node)
    list.extend(node, items)
    node.ca.items.clear()
    node.ca.items.update(comments)


def merged_tree(tree: YamlTree, canvas: Canvas) -> YamlTree:
    """A copy of ``tree`` holding ``canvas``, with the comments and order of untouched parts."""
    import copy

    root = copy.deepcopy(tree.root)
    lean = unstructure_canvas(canvas)
    full = unstructure_canvas(canvas, omit_defaults=False)
    _merge_mapping(root, full, lean)
    return YamlTree(root, tree.indentation)


def updated_yaml_text(previous: str, value: dict[str, Any]) -> str:
    """The YAML text of plain data, written into the earlier text of the same file.

    What did not change keeps its comments, key order and style; a changed value is replaced
    in place, a new key goes after the keys that come before it in ``value``, a key ``value``
    lacks is removed. The text is written afresh when ``previous`` cannot be read or is not a
    mapping, or when the merged text would not read back as ``value``.
    """
    import copy

    try:
        tree = YamlTree(text=previous)
        if isinstance(tree.root, dict):
            root = copy.deepcopy(tree.root)
            _merge_mapping(root, value, value)
            text = dump_tree(YamlTree(root, tree.indentation))
            if read_yaml_data(text)[0] == value:
                return text
    except CanvasLoadError:
        pass
    return write_yaml_data(value)
