"""The shape of the canvas, read from the model's own declarations: the one description of it.

The model declares each field once (``cmc_core.model``, ``cmc_core.canvas``, with the
vocabulary of :mod:`cmc_core.fields`). This package reads those declarations and answers what the
rest of the library needs to know about the shape, so that nothing else keeps a list of fields:

* :func:`collections`: the collections of entities (``parties`` ... ``governance.decision_rights``),
* :func:`references`: every field that names another thing, and what kind of thing,
* :func:`singles`: the records held one per canvas (``meta``, ``boundary`` ...),
* :func:`keyed_fields`: the lists of keyed items written as mappings (``factors`` ...),
* :func:`file_key`, :func:`bounds`, :func:`is_unordered`, :func:`block_of`: per field.

Every function takes the root type it describes (normally :class:`~cmc_core.canvas.Canvas`) or a
record type, and works for subclasses too: a field a subclass adds is seen by everything that
asks. Answers are computed once per type. A shape this package cannot describe (a collection
nested inside an entity, a reference to an undeclared kind) is refused with :class:`TypeError`
when first asked for, never skipped.
"""

from __future__ import annotations

from cmc_core.records import is_record, optional_inner, per_type, tuple_item
from cmc_core.shape._fields import (
    KeyedField,
    block_of,
    bounds,
    fields,
    file_key,
    is_unordered,
    keyed_fields,
    keyed_item_types,
    label_field,
    text_fields,
)
from cmc_core.shape._layout import Collection, Single, collections, record_types, singles
from cmc_core.shape._references import Reference, kinds, references, resolved_by

__all__ = [
    "Collection",
    "KeyedField",
    "Reference",
    "Single",
    "block_of",
    "bounds",
    "collections",
    "fields",
    "file_key",
    "is_record",
    "is_unordered",
    "keyed_fields",
    "keyed_item_types",
    "kinds",
    "label_field",
    "optional_inner",
    "per_type",
    "record_types",
    "references",
    "resolved_by",
    "singles",
    "text_fields",
    "tuple_item",
]
