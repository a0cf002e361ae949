"""Finding the entry points of a group: the installed ``*.dist-info`` folders, read directly.

``importlib.metadata`` is the standard way, and the one this module falls back to; but importing
it imports the e-mail package (for its metadata parser), which costs ``cmc`` about 25 ms on every
command: a third of ``import cmc_core``. Every installed distribution lies on ``sys.path`` as a
``NAME-VERSION.dist-info`` folder whose ``entry_points.txt`` lists its entry points, so that is
read directly, the way ``importlib.metadata`` reads it (the first distribution of a name on the
path wins). A zip archive or an egg on the path sends the whole search to ``importlib.metadata``
instead, and a test checks that both find the same entry points in the test environment. A line of
an ``entry_points.txt`` that is no ``name = value`` is left out with a warning naming the file
(``importlib.metadata`` would raise a bare ``TypeError`` and take every command down); a value that
points nowhere fails when the plugin is loaded, which names the plugin.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs

from cmc_core.translation import Messages

__all__ = ["FoundEntryPoint", "Malformed", "entry_points"]

# An entry's value: a module, an optional attribute path, optional extras (ignored, as pluggy
# and importlib.metadata's loading ignore them).
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?(\[[^\]]*\]\s*)?$")
_SUFFIXES = (".dist-info", ".egg-info")
_ = Messages("cmc_core", "plugins")
logger = logging.getLogger("cmc.plugins")


class _UnusualLayoutError(Exception):
    """Something this reader does not handle: ``importlib.metadata`` takes over."""


@attrs.frozen
class FoundEntryPoint:
    """One entry point and the distribution that declares it.

    :param name: the entry point's name (``pptx``).
    :param value: what it points at, ``module`` or ``module:attribute``.
    :param distribution: the declaring distribution's name, when its metadata says.
    :param version: the distribution's version, when its metadata says.
    """

    name: str
    value: str
    distribution: str | None = None
    version: str | None = None

    def load(self) -> object:
        """Import the module and return the object the entry point names."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"entry point {self.name!r} has an unusable value {self.value!r}")
        target: object = importlib.import_module(match.group("module"))
        for attribute in filter(None, (match.group("attr") or "").split(".")):
            target = getattr(target, attribute)
        return target


#: Receives the file and the line of an ``entry_points.txt`` line that is no entry.
Malformed = Callable[[Path, str], None]


def entry_points(group: str, on_malformed: Malformed | None = None) -> list[FoundEntryPoint]:
    """Every entry point of ``group`` of the distributions on ``sys.path``, in path order.

    :param on_malformed: called for each line of the group that is no ``name = value`` entry
        (and each unclosed section header); by default a warning on the ``cmc.plugins`` logger.
    """
    try:
        return list(_scanned(group, on_malformed or _warn))
    except _UnusualLayoutError:
        return _from_importlib(group)


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _scanned(group: str, on_malformed: Malformed) -> Iterator[FoundEntryPoint]:
    seen: set[str] = set()
    for entry in sys.path:
        root = entry or "."
        if not os.path.isdir(root):
            if os.path.exists(root):
                raise _UnusualLayoutError(root)  # a zip archive or an egg on the path
            continue
        try:
            names = sorted(os.listdir(root))
        except OSError:
            continue
        for name in names:
            if not name.endswith(_SUFFIXES):
                continue
            folder = Path(root, name)
            if not folder.is_dir():
                raise _UnusualLayoutError(folder)
            key = _normalised(name.rpartition(".")[0].partition("-")[0])
            if key in seen:
                continue  # a distribution found earlier on the path shadows this one
            seen.add(key)
            yield from _declared(folder, group, on_malformed)


def _declared(folder: Path, group: str, on_malformed: Malformed) -> Iterator[FoundEntryPoint]:
    try:
        text = (folder / "entry_points.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError) as error:
        raise _UnusualLayoutError(folder) from error
    entries = list(_section(text, group, folder / "entry_points.txt", on_malformed))
    if not entries:
        return
    distribution, version = _name_and_version(folder)
    for name, value in entries:
        yield FoundEntryPoint(name, value, distribution, version)


def _warn(where: Path, line: str) -> None:
    logger.warning(
        "%s",
        _(
            "{where}: left out the line {line}, which is no 'name = value' entry",
            where=where,
            line=repr(line),
        ),
    )


def _section(
    text: str, group: str, where: Path, on_malformed: Malformed
) -> Iterator[tuple[str, str]]:
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            if not line.endswith("]"):  # an unclosed header may have been this group's
                on_malformed(where, line)
                current = None
                continue
            current = line[1:-1].strip()
            continue
        if current != group:
            continue
        name, separator, value = line.partition("=")
        if not separator or not name.strip():
            on_malformed(where, line)
            continue
        yield name.strip(), value.strip()


def _name_and_version(folder: Path) -> tuple[str | None, str | None]:
    """The ``Name`` and ``Version`` fields from the header of a distribution's metadata."""
    for file_name in ("METADATA", "PKG-INFO"):
        try:
            text = (folder / file_name).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as error:
            raise _UnusualLayoutError(folder) from error
        return _header_fields(text)
    return None, None


def _header_fields(text: str) -> tuple[str | None, str | None]:
    """Name and version from the header of a metadata file, which ends at the first empty line.

    Parsing the whole file with the e-mail parser, as ``importlib.metadata`` does, costs more
    than everything else a plugin adds to a command.
    """
    header = text[: text.find("\n\n")] if "\n\n" in text else text
    fields: dict[str, str] = {}
    for line in header.splitlines():
        key, separator, value = line.partition(":")
        if separator and key in ("Name", "Version") and key not in fields:
            fields[key] = value.strip()
    return fields.get("Name"), fields.get("Version")


def _from_importlib(group: str) -> list[FoundEntryPoint]:
    from importlib import metadata  # noqa: PLC0415 (the slow, general way: see the docstring)

    found = []
    for entry_point in metadata.entry_points(group=group):
        dist = entry_point.dist
        text = "" if dist is None else dist.read_text("METADATA") or dist.read_text("PKG-INFO")
        name, version = _header_fields(text or "")
        if dist is not None and (name is None or version is None):
            name, version = dist.metadata["Name"], dist.metadata["Version"]
        found.append(FoundEntryPoint(entry_point.name, entry_point.value, name, version))
    return found
