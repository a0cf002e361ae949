"""Local plugins: a module of a project's own, loaded from its file without being installed.

A team's rule or exporter often belongs to one project and nowhere else; packaging it only to
try it is the step pytest spares its users with ``conftest.py`` and datasette with
``--plugins-dir``. ``plugin-modules = ["tools/our_rules.py"]`` in the configuration (paths
relative to the configuration file), ``--plugin-module PATH`` or ``CMC_PLUGIN_MODULES`` name such
modules: a ``.py`` file, or a folder with an ``__init__.py``. Each is imported under a name of its
own (so two ``rules.py`` of different folders do not collide) and registered like an installed
plugin; ``cmc plugins`` lists it with its path. Its rules, like any plugin's, may not use the
``CMC`` code prefix.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import zlib
from pathlib import Path
from types import ModuleType

from cmc_core.plugins.info import PluginInfo
from cmc_core.translation import Messages

__all__ = ["import_local_module", "local_plugin_info"]

_ = Messages("cmc_core", "plugins")


def local_plugin_info(path: str | os.PathLike[str]) -> PluginInfo:
    """The record of the local plugin in ``path``: named after the file (or folder) stem."""
    file = Path(path)
    name = file.stem if file.suffix == ".py" else file.name
    return PluginInfo(name=name, module=_module_name(file), path=_shown(file))


def import_local_module(path: str | os.PathLike[str]) -> ModuleType:
    """Import the module in ``path`` (a ``.py`` file or a package folder), once per process.

    A module imported before from the same file is reused, so that the classes it defines stay
    the same objects across the invocations of one process (a test runner, an embedding app).

    :raises FileNotFoundError: when ``path`` does not exist.
    :raises ImportError: when it is neither a ``.py`` file nor a folder with ``__init__.py``.
    :raises Exception: whatever the module raises while it is imported.
    """
    file = Path(path)
    if not file.exists():
        raise FileNotFoundError(_("no such file: {path}", path=_shown(file)))
    if file.is_dir():
        init = file / "__init__.py"
        if not init.is_file():
            raise ImportError(_("{path} is a folder without __init__.py", path=_shown(file)))
        location, search = init, [str(file)]
    elif file.suffix == ".py":
        location, search = file, None
    else:
        raise ImportError(_("{path} is no .py file", path=_shown(file)))
    name = _module_name(file)
    known = sys.modules.get(name)
    if known is not None and getattr(known, "__file__", None) == str(location.resolve()):
        return known
    spec = importlib.util.spec_from_file_location(
        name, location.resolve(), submodule_search_locations=search
    )
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has one
        raise ImportError(_("{path} cannot be imported", path=_shown(file)))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # before running it, as the import system does
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _module_name(file: Path) -> str:
    """A module name of its own for each file: its stem and a digest of its full path."""
    # A checksum, not a secure hash: it only keeps two folders' rules.py apart, and hashlib
    # would cost every command that loads plugins 4 ms of OpenSSL.
    digest = zlib.crc32(str(file.resolve()).encode("utf-8", "surrogatepass"))
    stem = file.stem if file.suffix == ".py" else file.name
    safe = "".join(c if c.isalnum() or c == "_" else "_" for c in stem) or "module"
    return f"cmc_local_{safe}_{digest:08x}"


def _shown(file: Path) -> str:
    """The path as messages show it: relative to the working directory when it is below it."""
    try:
        return str(file.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(file)
