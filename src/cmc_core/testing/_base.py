"""What the contract classes share: the canvases they run over and the registration check."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import ClassVar

import pytest
from hypothesis import given, settings

from cmc_core.canvas import Canvas
from cmc_core.fileformat import dumps, loads
from cmc_core.plugins import PluginError, PluginInfo, load_plugins
from cmc_core.plugins.info import BUILTIN_MODULES
from cmc_core.strategies import canvases
from cmc_core.testing._hostile import hostile_canvas
from cmc_core.testing._plugins import make_plugins
from cmc_core.testing._samples import SAMPLE_NAMES, sample_canvas

__all__ = [
    "CANVAS_NAMES",
    "Contract",
    "canvas_named",
    "check_generated_canvases",
    "equal_copies",
    "fail_unless_unchanged",
]

#: The canvases every contract test runs over by name: the samples and ``hostile``.
CANVAS_NAMES: tuple[str, ...] = (*SAMPLE_NAMES, "hostile")


def canvas_named(name: str) -> Canvas:
    """A fresh copy of a sample canvas, or of the hostile canvas for ``"hostile"``."""
    return hostile_canvas() if name == "hostile" else sample_canvas(name)


def equal_copies(canvas: Canvas) -> dict[str, Canvas]:
    """Canvases equal to ``canvas`` but not the same object, by how they were made.

    A plugin must treat them all alike: output that differs between them depends on object
    identity or on something the file format does not keep.
    """
    copies = {"a pickled and unpickled copy": pickle.loads(pickle.dumps(canvas))}
    reloaded = loads(dumps(canvas, "json"), "json").canvas
    if reloaded == canvas:  # always so; the file-format tests promise it
        copies["a copy saved and loaded as JSON"] = reloaded
    return copies


def fail_unless_unchanged(canvas: Canvas, before: Canvas, what: str) -> None:
    """Fail when ``canvas`` no longer equals the copy ``before`` made before ``what`` ran."""
    if canvas != before:
        pytest.fail(f"{what} changed the canvas it was given; plugins must never do that")


def check_generated_canvases(check: Callable[[Canvas], None], max_examples: int) -> None:
    """Run ``check`` on canvases from :func:`cmc_core.strategies.canvases`, shrinking failures.

    The property is built inside the test so that the fixtures of the test (the exporter, the
    rule ...) are resolved once and shared by every example: those are plain values, and
    Hypothesis refuses function-scoped fixtures in ``@given`` tests for good reason.
    """

    @settings(max_examples=max_examples, deadline=None)
    @given(canvas=canvases())
    def generated_canvas(canvas: Canvas) -> None:
        check(canvas)

    generated_canvas()


def _module_name(plugin: object) -> str:
    return str(getattr(plugin, "__name__", type(plugin).__name__))


class Contract:
    """The parts every contract class shares.

    :cvar max_examples: how many generated canvases the property tests try; lower it for a
        slow plugin, raise it in a nightly run.
    """

    max_examples: ClassVar[int] = 25

    @pytest.fixture
    def plugin(self) -> object | None:
        """The plugin (usually a module) that registers the item under test.

        Override it to have the contract check that the plugin registers the item, under its
        name, without clashing with the built-ins. ``None`` (the default) skips those checks.
        """
        return None

    def check_registration(self, plugin: object | None, kind: str, name: str, item: object) -> None:
        """Fail unless ``plugin`` registers ``item`` under ``name`` in the ``kind`` registry,
        next to the built-in rules and the built-ins of this installation."""
        if plugin is None:
            pytest.skip("override the 'plugin' fixture to check how the plugin registers it")
        module = _module_name(plugin)
        try:
            registry = make_plugins(plugin, builtins=True).registry(kind)
            installed = load_plugins(allow=()).registry(kind)  # built-ins only
        except PluginError as error:
            pytest.fail(f"loading the plugin with the built-ins fails: {error}")
        label = registry.kind
        if name not in registry:
            known = ", ".join(registry.names()) or "none"
            pytest.fail(f"plugin {module} registers no {label} {name!r}; the {kind} are: {known}")
        if registry.get(name) != item:
            pytest.fail(f"the {label} {module} registers as {name!r} differs from the one tested")
        if name in installed and not _is_provider(installed.provider(name), module):
            provider = installed.provider(name).describe()
            pytest.fail(f"the {label} name {name!r} is taken by the built-in plugin {provider}")


def _is_provider(provider: PluginInfo, module: str) -> bool:
    """Whether the installed item's plugin is the module under test (a built-in's entry point
    names an object that imports its module lazily, see ``cmc_core.plugins.builtin``)."""
    return provider.module == module or (
        provider.builtin and BUILTIN_MODULES.get(module) == provider.name
    )
