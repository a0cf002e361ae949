"""Running plugin code at call time: naming it when it fails, is slow, or writes to stdout.

Every item a plugin registers is wrapped as it enters a registry (see
:mod:`cmc_core.plugins.contributions`), so the code behind it runs inside :func:`plugin_code`:

* an exception keeps its type and gets a note naming the item and the plugin; the plugin at fault
  can be read back with :func:`call_error_of`, which is how the command line turns it into a
  one-line message and exit status 2;
* :data:`IN_PLUGIN_CODE` is true meanwhile, so that a host can route what the plugin prints away
  from its own output (the command line sends it to stderr, see ``cmc_core.cli.plugin_output``);
* a call that takes longer than the plugin set's ``slow_after`` seconds is named in a warning on
  the ``cmc.plugins`` logger while it still runs, so a hanging plugin is never anonymous.

A rule is contained rather than raised when the plugin set was loaded with ``on_error="warn"``:
its failure becomes an error-level finding of that rule and a :class:`PluginCallError` in
:attr:`~cmc_core.plugins.Plugins.problems`, and the other rules still run.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from cmc_core.plugins.errors import PluginError, kind_label
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.plugins.info import PluginInfo

__all__ = [
    "IN_PLUGIN_CODE",
    "CallOrigin",
    "PluginCallError",
    "PluginExitError",
    "as_exception",
    "call_error_of",
    "is_plugin_fault",
    "plugin_code",
]

_ = Messages("cmc_core", "plugins")

logger = logging.getLogger("cmc.plugins")

#: True while code a plugin contributed runs (in this thread or task).
IN_PLUGIN_CODE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "cmc_in_plugin_code", default=False
)

#: The attribute an exception from plugin code carries: the :class:`CallOrigin` of the call.
_ORIGIN_ATTRIBUTE = "__cmc_plugin_origin__"


@attrs.frozen
class CallOrigin:
    """Which contributed item ran: ``rule 'XY001'`` of a plugin."""

    label: str
    name: str
    plugin: PluginInfo

    def describe(self) -> str:
        """``rule 'XY001' of plugin 'xy' (entry point in cmc-xy 1.0)``."""
        return _(
            "{kind} {name} of plugin {plugin}",
            kind=kind_label(self.label),
            name=repr(self.name),
            plugin=self.plugin.describe(),
        )


class PluginCallError(PluginError, RuntimeError):
    """Code a plugin contributed (a rule, an exporter, a scorer) raised when it was used.

    :param origin: the item and the plugin.
    :param cause: what it raised; also chained as ``__cause__``.
    """

    def __init__(self, origin: CallOrigin, cause: BaseException) -> None:
        detail = str(cause).strip().splitlines()
        reason = f"{type(cause).__name__}: {detail[0]}" if detail else type(cause).__name__
        super().__init__(
            _("{item} failed: {reason}", item=origin.describe(), reason=reason), origin.plugin
        )
        self.origin = origin
        self.__cause__ = cause


def is_plugin_fault(error: BaseException) -> bool:
    """Whether an exception that left plugin code is the plugin's fault: anything but a Ctrl-C
    (``KeyboardInterrupt``) or a generator being closed. ``SystemExit`` counts: a plugin must not
    end ``cmc`` with an exit status of its own choosing."""
    return not isinstance(error, KeyboardInterrupt | GeneratorExit)


class PluginExitError(RuntimeError):
    """Plugin code raised ``SystemExit`` or another exception that is no ``Exception``; this
    takes its place, so that it is reported like any other failure of the plugin."""

    def __init__(self, cause: BaseException) -> None:
        raised = f"{type(cause).__name__}({str(cause)!r})"
        super().__init__(_("it raised {error}", error=raised))


def as_exception(error: BaseException) -> Exception:
    """``error`` itself, or a :class:`PluginExitError` in place of a ``SystemExit`` and the like."""
    if isinstance(error, Exception):
        return error
    replacement = PluginExitError(error)
    replacement.__cause__ = error
    return replacement


def call_error_of(error: BaseException) -> PluginCallError | None:
    """The plugin call behind an exception (or behind one it was raised from), if any."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, PluginCallError):
            return current
        origin = getattr(current, _ORIGIN_ATTRIBUTE, None)
        if isinstance(origin, CallOrigin):
            return PluginCallError(origin, current)
        current = current.__cause__ or current.__context__
    return None


def mark(error: BaseException, origin: CallOrigin) -> None:
    """Note on an exception which plugin item raised it (first one wins: the innermost)."""
    if getattr(error, _ORIGIN_ATTRIBUTE, None) is not None:
        return
    error.add_note(f"raised by {origin.describe()}")
    with contextlib.suppress(AttributeError, TypeError):  # an exception type with __slots__
        setattr(error, _ORIGIN_ATTRIBUTE, origin)


class _SlowCallWatch:
    """One daemon thread that warns about plugin calls running longer than their limit.

    Cheap for calls that finish in time: entering and leaving a call is a dictionary update;
    the thread starts with the first call that has a limit and sleeps until the next deadline.
    """

    def __init__(self) -> None:
        self._calls: dict[int, tuple[float, float, str]] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._counter = 0

    def enter(self, what: str, limit: float) -> int:
        with self._lock:
            self._counter += 1
            ticket = self._counter
            self._calls[ticket] = (time.monotonic() + limit, limit, what)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="cmc-slow-plugin-watch", daemon=True
                )
                self._thread.start()
        self._wake.set()
        return ticket

    def leave(self, ticket: int) -> None:
        with self._lock:
            self._calls.pop(ticket, None)

    def _run(self) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                due = [(t, call) for t, call in self._calls.items() if call[0] <= now]
                for ticket, (_started, limit, what) in due:
                    # Warned once per call; it keeps running (a thread cannot be stopped).
                    self._calls[ticket] = (float("inf"), limit, what)
                deadlines = [call[0] for call in self._calls.values() if call[0] != float("inf")]
                self._wake.clear()
            for _ticket, (_started, _limit, warning) in due:
                logger.warning("%s", warning)
            self._wake.wait(max(min(deadlines) - now, 0.0) if deadlines else None)


_WATCH = _SlowCallWatch()


@contextlib.contextmanager
def plugin_code(what: str, slow_after: float | None = None) -> Iterator[None]:
    """Run a block as plugin code: flagged in :data:`IN_PLUGIN_CODE`, watched for slowness.

    :param what: names the code in a slowness warning (``plugin 'x' ... in cmc_register_rules``).
    :param slow_after: seconds after which to warn while it still runs; ``None`` never warns.
    """
    token = IN_PLUGIN_CODE.set(True)
    ticket = None
    if slow_after is not None:
        # Worded here, in the caller's language: the watching thread has no language of its own.
        seconds = f"{slow_after:g}"
        warning = _("{what} has been running for more than {seconds} s", what=what, seconds=seconds)
        ticket = _WATCH.enter(warning, slow_after)
    try:
        yield
    finally:
        if ticket is not None:
            _WATCH.leave(ticket)
        IN_PLUGIN_CODE.reset(token)
