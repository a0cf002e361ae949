"""Fake installed distributions for plugin tests: a ``*.dist-info`` and a module on ``sys.path``.

Discovery is tested the way it happens for real (importlib.metadata reading entry_points.txt),
without pip.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

import pytest

from cmc_core.plugins import Plugins, load_plugins


class MakeDist(Protocol):
    def __call__(
        self,
        distribution: str,
        modules: Mapping[str, str],
        entry_points: Mapping[str, str],
        version: str = "1.0",
    ) -> Path: ...


@pytest.fixture
def site_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty directory on sys.path (and PYTHONPATH, for subprocesses) for fake dists."""
    directory = tmp_path / "site"
    directory.mkdir()
    monkeypatch.syspath_prepend(str(directory))
    monkeypatch.setenv("PYTHONPATH", str(directory))
    monkeypatch.setenv("CMC_LOAD_PLUGINS", "")  # no real third-party plugin in these tests
    for name in ("CMC_NO_PLUGINS", "CMC_BLOCK_PLUGINS", "CMC_STRICT_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    return directory


@pytest.fixture
def make_dist(site_dir: Path, monkeypatch: pytest.MonkeyPatch) -> MakeDist:
    """Install a fake distribution: its modules and a dist-info declaring ``cmc`` entry points.

    ``CMC_LOAD_PLUGINS`` is set to the fake distributions made so far, so that plugins really
    installed in the environment (the example plugins) stay out of these tests; library tests
    load with :func:`load_fakes` for the same reason.
    """
    made: list[str] = []

    def make(
        distribution: str,
        modules: Mapping[str, str],
        entry_points: Mapping[str, str],
        version: str = "1.0",
    ) -> Path:
        for module, source in modules.items():
            (site_dir / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            # Another test may have imported a module of this name from its own site folder.
            monkeypatch.delitem(sys.modules, module, raising=False)
        folder = distribution.replace("-", "_")
        info = site_dir / f"{folder}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n", encoding="utf-8"
        )
        lines = "".join(f"{name} = {target}\n" for name, target in entry_points.items())
        (info / "entry_points.txt").write_text(f"[cmc]\n{lines}", encoding="utf-8")
        made.append(distribution)
        monkeypatch.setenv("CMC_LOAD_PLUGINS", ",".join(made))
        return info

    return make


def load_fakes(**options: Any) -> Plugins:
    """:func:`load_plugins` limited to the fake distributions of this test (and the built-ins)."""
    options.setdefault("allow", _names(os.environ.get("CMC_LOAD_PLUGINS", "")))
    return load_plugins(**options)


def _names(text: str) -> list[str]:
    return [name for name in text.split(",") if name]


EXPORTER_PLUGIN = """
from cmc_core import hookimpl
from cmc_core.exporting import Exporter


def _export(canvas, options):
    return "{label}: " + canvas.meta.name + "\\n"


@hookimpl
def cmc_register_exporters(register):
    register(Exporter(name="{name}", title="{label}", media_type="text/plain",
                      extension=".txt", export=_export))
"""


def exporter_plugin(name: str, label: str = "plain") -> str:
    """Source of a plugin module registering one text exporter called ``name``."""
    return EXPORTER_PLUGIN.replace("{name}", name).replace("{label}", label)


Factory = Callable[[str, str], str]
