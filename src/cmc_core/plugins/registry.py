"""Registries: what the plugins contributed, by name, with who contributed it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

from cmc_core.plugins.errors import DuplicateNameError, UnknownNameError
from cmc_core.plugins.info import PluginInfo

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Items of one kind (exporters, rules ...) by name, in the order they were registered.

    Built-in items come first, then third-party items by distribution name. A registry is built
    once per plugin set and does not change afterwards.

    :param kind: what the items are, for messages (``exporter``).
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, tuple[T, PluginInfo]] = {}

    def _add(self, name: str, item: T, provider: PluginInfo) -> None:
        """Add an item; only the plugin set calls this while it builds the registry.

        :raises DuplicateNameError: when the name is taken, naming both providers.
        """
        if name in self._items:
            raise DuplicateNameError(self.kind, name, self._items[name][1], provider)
        self._items[name] = (item, provider)

    def _remove(self, name: str) -> None:
        """Take an item out again; only the plugin set calls this, for a name two plugins chose."""
        self._items.pop(name, None)

    def get(self, name: str) -> T:
        """The item with this name.

        :raises UnknownNameError: when there is none; the message suggests the closest name
            and lists every name.
        """
        try:
            return self._items[name][0]
        except KeyError:
            raise UnknownNameError(self.kind, name, self._items) from None

    def provider(self, name: str) -> PluginInfo:
        """The plugin that registered the item with this name.

        :raises UnknownNameError: when there is none.
        """
        try:
            return self._items[name][1]
        except KeyError:
            raise UnknownNameError(self.kind, name, self._items) from None

    def names(self) -> tuple[str, ...]:
        """Every name, in registration order."""
        return tuple(self._items)

    def names_from(self, plugin: PluginInfo) -> tuple[str, ...]:
        """The names one plugin registered."""
        return tuple(name for name, (_, provider) in self._items.items() if provider == plugin)

    def __iter__(self) -> Iterator[T]:
        return (item for item, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} {self.kind}s: {', '.join(self._items)}>"
