"""Schema versions: refuse documents from a newer cmc, upgrade documents from an older one.

Every document names its ``schema_version``. A newer version than this cmc knows is refused with a
message that says to upgrade cmc. An older one is upgraded one step at a time by the functions in
:data:`MIGRATIONS`, on the plain data, before the document is read into the model; so the model
only ever knows the current version.

Version 2 (issue 13) added groups, owners with shares, flow kinds and volumes, structured access
terms, savings as amounts, sources and provenance, and ``as_of``; all of them are optional, so a
version 1 document needs one change only: a party's ``privileged: true`` becomes the party's id
in the primary commonality's ``favours`` (the terms that favour it), which is what the flag
meant. See ``docs/file-format.md``.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from cmc_core._version import __version__
from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.fileformat.errors import CanvasLoadError, SchemaVersionError
from cmc_core.fileformat.locate import Locator
from cmc_core.fileformat.problems import problem
from cmc_core.fileformat.wording import describe_value
from cmc_core.translation import Messages

__all__ = ["MIGRATIONS", "Migration", "document_version", "migrate"]

_ = Messages("cmc_core", "files")

#: Upgrades a document's plain data from one version to the next. It receives a fresh top-level
#: copy (so it may add, rename and delete top-level keys in place) and returns the upgraded data;
#: ``schema_version`` is set by :func:`migrate`, not by the step.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _version_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """``privileged: true`` on a party becomes an entry in the primary commonality's
    ``favours``. Data of an unexpected shape is left as it is, for the reader to explain; a
    privileged party in a canvas with no commonality keeps the fact in its notes."""
    parties, commonalities = data.get("parties"), data.get("commonalities")
    if not isinstance(parties, list):
        return data
    favoured: list[Any] = []
    upgraded: list[Any] = []
    for given in parties:
        party = given
        if isinstance(given, dict) and "privileged" in given:
            party = dict(given)
            if party.pop("privileged") is True:
                favoured.append(party)
        upgraded.append(party)
    data["parties"] = upgraded
    primary = _primary(commonalities)
    if primary is None or not isinstance(commonalities, list):
        for party in favoured:
            notes = party.get("notes", "")
            if isinstance(notes, str):  # anything else is the reader's to explain
                party["notes"] = (notes + " " if notes else "") + "(privileged in schema version 1)"
        return data
    position, commonality = primary
    commonality = dict(commonality)
    given = commonality.get("favours")
    commonality["favours"] = [
        *(given if isinstance(given, list) else ()),
        *(party["id"] for party in favoured if isinstance(party.get("id"), str)),
    ]
    if not commonality["favours"]:
        del commonality["favours"]
    data["commonalities"] = [*commonalities[:position], commonality, *commonalities[position + 1 :]]
    return data


def _primary(commonalities: Any) -> tuple[int, dict[str, Any]] | None:
    """The position and data of the commonality marked primary, else the first one."""
    if not isinstance(commonalities, list):
        return None
    found = [(i, c) for i, c in enumerate(commonalities) if isinstance(c, dict)]
    for position, commonality in found:
        if commonality.get("primary") is True:
            return position, commonality
    return found[0] if found else None


#: ``MIGRATIONS[n]`` upgrades a version ``n`` document to version ``n + 1``.
MIGRATIONS: dict[int, Migration] = {1: _version_1_to_2}


def _cmc_version() -> str:

    return __version__


def document_version(data: dict[str, Any], source: str | None, locate: Locator) -> int:
    """The document's ``schema_version``, checked to be a whole number this cmc can read.

    :raises SchemaVersionError: newer than :data:`SCHEMA_VERSION`, or older with no migration.
    :raises CanvasLoadError: missing, or not a whole number.
    """
    if "schema_version" not in data:
        message = _(
            "the document has no schema_version; a canvas starts with 'schema_version: {version}'",
            version=SCHEMA_VERSION,
        )
        close = difflib.get_close_matches("schema_version", [str(k) for k in data], 1, 0.7)
        if close:
            message += " " + _("(is {key} a misspelling of it?)", key=repr(close[0]))
        raise CanvasLoadError([problem(message, (), locate, "version")], source)
    version = data["schema_version"]
    if type(version) is not int:
        message = _(
            "schema_version: expected a whole number, found {found}", found=describe_value(version)
        )
        raise CanvasLoadError([problem(message, ("schema_version",), locate, "version")], source)
    if version > SCHEMA_VERSION:
        message = _(
            "this file has schema_version {version}, but this cmc ({cmc}) reads "
            "schema_version {newest} at most; upgrade cmc to read it",
            version=version,
            cmc=_cmc_version(),
            newest=SCHEMA_VERSION,
        )
    elif version < SCHEMA_VERSION and not _has_path(version):
        message = _(
            "schema_version {version} is not a version of the canvas format; "
            "this cmc reads versions {oldest} to {newest}",
            version=version,
            oldest=_oldest(),
            newest=SCHEMA_VERSION,
        )
    else:
        return version
    raise SchemaVersionError(
        [problem(message, ("schema_version",), locate, "version")],
        source,
        found=version,
        supported=SCHEMA_VERSION,
    )


def _has_path(version: int) -> bool:
    return all(step in MIGRATIONS for step in range(version, SCHEMA_VERSION))


def _oldest() -> int:
    oldest = SCHEMA_VERSION
    while oldest - 1 in MIGRATIONS:
        oldest -= 1
    return oldest


def migrate(data: dict[str, Any], source: str | None, locate: Locator) -> dict[str, Any]:
    """The document's data at the current schema version (``data`` itself when already current).

    :raises SchemaVersionError: see :func:`document_version`.
    """
    version = document_version(data, source, locate)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data
