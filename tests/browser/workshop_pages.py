"""The workshop room in Chromium: tabs in separate browser contexts, with a script trap.

The browser tests of ``cmc workshop serve`` (``test_workshop_room.py``) and the how-to's
screenshots (``docs/make_workshop_screenshots.py``) share what is here and in
``workshop_scenario.py`` (the server, and what participants and the facilitator do):

- :class:`Tab`: one page in a browser context of its own (``Target.createBrowserContext``), so
  that three participants, the facilitator and the poster share nothing, not even cookies.
  It navigates, types into inputs, picks options, clicks with the mouse, waits for a condition
  with a deadline, reads attributes and text, reads the document of a frame, and records every
  sign of a script that should not have run: a trap on ``window.__pwned``, ``alert``,
  ``confirm`` and ``prompt`` replaced before the page's own scripts run, Content-Security-Policy
  violations, and dialogs that open all the same.

Everything is spoken over the DevTools protocol of ``chromium.py`` (no Selenium, no Playwright).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import websocket

from .chromium import Chromium, Page, ProtocolError

__all__ = ["LOOPBACK_ONLY", "Tab", "js", "tab"]

#: The browser resolves no host name (``chromium.FLAGS``) but may reach the workshop server on
#: the loopback address; everything else still fails.
LOOPBACK_ONLY = ("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",)

#: What the browser asks every site for by itself.
FAVICON = "/favicon.ico"

#: Called by the trap when a script that should never run does: each call is recorded as a
#: ``Runtime.bindingCalled`` event of the page's session, whichever frame it comes from.
TRAP_BINDING = "__cmcTrap"
TRAP = f"""(() => {{
  const hit = what => {{ try {{ window.{TRAP_BINDING}(String(what)); }} catch (e) {{}} }};
  Object.defineProperty(window, '__pwned', {{
    configurable: false, get() {{ return undefined; }}, set(v) {{ hit('__pwned = ' + v); }},
  }});
  for (const name of ['alert', 'confirm', 'prompt']) {{
    window[name] = (...args) => {{ hit(name + '(' + args.join(', ') + ')'); }};
  }}
  document.addEventListener('securitypolicyviolation', e => hit(
    'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' in ' + e.sourceFile
  ), true);
}})();"""


def js(value: object) -> str:
    """``value`` as a JavaScript literal (JSON), to put a Python string into an expression."""
    return json.dumps(value)


class Tab:
    """One page in a browser context of its own; :meth:`close` disposes of both."""

    def __init__(self, browser: Chromium, *, size: tuple[int, int] = (1280, 800)) -> None:
        self.browser = browser
        self.context = browser.send("Target.createBrowserContext", {"disposeOnDetach": True})[
            "browserContextId"
        ]
        target = browser.send(
            "Target.createTarget", {"url": "about:blank", "browserContextId": self.context}
        )["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.page = Page(browser, target, session)
        #: Sessions of frames that run in a process of their own (a sandboxed frame may),
        #: attached automatically, in the order they came; and the events seen so far.
        self.frames: dict[str, str] = {}
        self._serviced = len(browser.events)
        self._prepare(session)
        self.command(
            "Target.setAutoAttach",
            {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True},
        )
        self.page.resize(*size)

    def _prepare(self, session: str) -> None:
        """Enable the domains the tests listen to in ``session`` and install the trap."""
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.browser.send(f"{domain}.enable", session=session)
        self.browser.send("Runtime.addBinding", {"name": TRAP_BINDING}, session)
        self.browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP}, session)

    def _service(self) -> None:
        """Answer the events that need an answer: a frame attached in its own process gets
        the trap and is let go; a dialog that opens all the same is dismissed."""
        sessions = {self.page.session, *self.frames}
        while self._serviced < len(self.browser.events):
            event = self.browser.events[self._serviced]
            self._serviced += 1
            method, params = event.get("method"), event.get("params", {})
            if event.get("sessionId") not in sessions:
                continue
            if method == "Target.attachedToTarget":
                child = params["sessionId"]
                self.frames[child] = params["targetInfo"].get("url", "")
                sessions.add(child)
                self._prepare(child)
                self.browser.send("Runtime.runIfWaitingForDebugger", session=child)
            elif method == "Target.detachedFromTarget":
                self.frames.pop(params.get("sessionId", ""), None)
            elif method == "Page.javascriptDialogOpening":
                self.browser.send(
                    "Page.handleJavaScriptDialog", {"accept": False}, event["sessionId"]
                )

    def _next_event(self, deadline: float) -> None:
        """Wait for the next message of the browser (at most until ``deadline``)."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        self.browser.socket.settimeout(min(remaining, self.browser.timeout))
        try:
            reply = json.loads(self.browser.socket.recv())
        except websocket.WebSocketTimeoutException:
            raise TimeoutError from None
        finally:
            self.browser.socket.settimeout(self.browser.timeout)
        if "method" in reply:
            self.browser.events.append(reply)

    def wait_for_event(self, method: str, since: int, timeout: float = 30.0) -> dict[str, Any]:
        """The first event ``method`` of the page recorded after index ``since``."""
        deadline = time.monotonic() + timeout
        while True:
            self._service()
            for event in self.browser.events[since:]:
                if event.get("sessionId") == self.page.session and event.get("method") == method:
                    return event
            try:
                self._next_event(deadline)
            except TimeoutError:
                raise TimeoutError(f"no {method} within {timeout} s") from None

    def command(self, method: str, params: dict[str, Any] | None = None) -> Any:
        result = self.page.command(method, params)
        self._service()
        return result

    # -- navigating and reading --------------------------------------------------------------

    def goto(self, url: str) -> None:
        """Navigate to ``url`` and wait for its load event."""
        since = len(self.browser.events)
        self.command("Page.navigate", {"url": url})
        self.wait_for_event("Page.loadEventFired", since)

    @property
    def url(self) -> str:
        return str(self.evaluate("location.href"))

    def evaluate(self, expression: str, context: int | None = None) -> Any:
        """The value of ``expression`` in the page (or in execution context ``context``)."""
        params: dict[str, Any] = {"expression": expression, "returnByValue": True}
        if context is not None:
            params["contextId"] = context
        result = self.command("Runtime.evaluate", params)
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, timeout: float = 10.0, what: str = "") -> Any:
        """Poll ``expression`` until it is truthy and return its value; fail after ``timeout``.

        An expression that fails while the page navigates counts as not yet true.
        """
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.evaluate(expression)
            except ProtocolError:
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{what or expression} not true within {timeout} s at {self.url}"
                )
            time.sleep(0.02)

    def exists(self, selector: str) -> bool:
        return bool(self.evaluate(f"document.querySelector({js(selector)}) !== null"))

    def attribute(self, selector: str, name: str) -> str | None:
        """The attribute ``name`` of the first element matching ``selector`` (None if absent)."""
        value = self.evaluate(
            f"(e => e && e.getAttribute({js(name)}))(document.querySelector({js(selector)}))"
        )
        return None if value is None else str(value)

    def text(self, selector: str = "body") -> str:
        """The text content of the first element matching ``selector`` ('' if none)."""
        value = self.evaluate(
            f"(e => e ? e.textContent : '')(document.querySelector({js(selector)}))"
        )
        return str(value)

    def frame_evaluate(self, iframe_selector: str, expression: str) -> Any:
        """``expression`` evaluated in the document the frame ``iframe_selector`` shows.

        A frame of the page's own process is read through an isolated world (which sees its
        DOM even when the frame is sandboxed away from the page's origin); a frame in a
        process of its own through the session it was attached with.
        """
        index = self.evaluate(
            f"[...document.querySelectorAll('iframe')].indexOf("
            f"document.querySelector({js(iframe_selector)}))"
        )
        if not isinstance(index, int) or index < 0:
            raise LookupError(f"no {iframe_selector} at {self.url}")
        children = self.command("Page.getFrameTree")["frameTree"].get("childFrames", [])
        if len(children) > index:
            frame = children[index]["frame"]["id"]
            world = self.command(
                "Page.createIsolatedWorld", {"frameId": frame, "worldName": "cmc-test"}
            )["executionContextId"]
            return self.evaluate(expression, context=world)
        if not self.frames:
            raise LookupError(f"the frame {iframe_selector} has no document at {self.url}")
        session = list(self.frames)[-1]  # the latest frame attached in its own process
        result = self.browser.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session
        )
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    # -- acting --------------------------------------------------------------------------------

    def fill(self, selector: str, text: str) -> None:
        """Replace the value of the input or textarea ``selector`` by typing ``text``."""
        found = self.evaluate(
            f"""(e => {{ if (!e) return false; e.focus(); e.select && e.select();
                 return true; }})(document.querySelector({js(selector)}))"""
        )
        if not found:
            raise LookupError(f"no {selector} at {self.url}")
        self.evaluate(
            f"(e => {{ e.value = ''; e.dispatchEvent(new Event('input', {{bubbles: true}})); }})"
            f"(document.querySelector({js(selector)}))"
        )
        if text:
            self.command("Input.insertText", {"text": text})
        self.evaluate(
            f"document.querySelector({js(selector)}).dispatchEvent("
            "new Event('change', {bubbles: true}))"
        )

    def select(self, selector: str, value: str) -> None:
        """Pick the option ``value`` of the select ``selector``."""
        picked = self.evaluate(
            f"""(e => {{ if (!e || ![...e.options].some(o => o.value === {js(value)}))
                   return false;
                 e.value = {js(value)};
                 e.dispatchEvent(new Event('input', {{bubbles: true}}));
                 e.dispatchEvent(new Event('change', {{bubbles: true}}));
                 return true; }})(document.querySelector({js(selector)}))"""
        )
        if not picked:
            raise LookupError(f"no {selector} with an option {value!r} at {self.url}")

    def click(self, selector: str) -> None:
        """Click the middle of the first element matching ``selector`` with the mouse."""
        self.click_element(f"document.querySelector({js(selector)})", selector)

    def click_element(self, element: str, what: str = "") -> None:
        """Click the middle of the element the expression ``element`` finds, with the mouse."""
        box = self.evaluate(
            f"""(e => {{ if (!e) return null; e.scrollIntoView({{block: 'center'}});
                 const r = e.getBoundingClientRect();
                 return [r.left + r.width / 2, r.top + r.height / 2, r.width * r.height];
               }})({element})"""
        )
        if not box:
            raise LookupError(f"no {what or element} at {self.url}")
        x, y, area = box
        if not area:
            raise LookupError(f"{what or element} is not visible at {self.url}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.command(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            )

    def click_and_wait_for_load(self, selector: str) -> None:
        """Click ``selector`` (a submit button, a link) and wait for the page it leads to."""
        since = len(self.browser.events)
        self.click(selector)
        self.wait_for_event("Page.loadEventFired", since)

    def screenshot(self, path: Path) -> bytes:
        return self.page.screenshot(path)

    # -- what went wrong ---------------------------------------------------------------------

    def _events(self, method: str | None) -> Iterator[dict[str, Any]]:
        """The events ``method`` (or all) of the page and of its frames so far."""
        self.evaluate("0")  # collect the events that arrived meanwhile
        first = self.page.first_event
        for event in self.browser.events[first:]:
            if method in (None, event.get("method")) and (
                event.get("sessionId") == self.page.session or event.get("sessionId") in self.frames
            ):
                yield event

    def trapped(self) -> list[str]:
        """Every call of the trap so far: a script that ran, or a CSP violation."""
        return [
            e["params"]["payload"]
            for e in self._events("Runtime.bindingCalled")
            if e["params"]["name"] == TRAP_BINDING
        ]

    def dialogs(self) -> list[str]:
        """Dialogs that opened all the same (the trap replaces ``alert`` and its kin)."""
        return [e["params"]["message"] for e in self._events("Page.javascriptDialogOpening")]

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error-level log entries, and every response
        with an error status (which a "Failed to load resource" entry leaves unnamed).

        The browser's own request for ``/favicon.ico`` is left out: no page asks for it.
        """
        found = []
        for event in self._events(None):
            method, params = event["method"], event["params"]
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(f"console: {params['args']}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry']['text']} {params['entry'].get('url', '')}")
            elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
                found.append(f"{params['response']['status']} {params['response']['url']}")
        return [line for line in found if not line.endswith(FAVICON)]

    def document_headers(self, path: str) -> list[dict[str, str]]:
        """The response headers (names lower-cased) of every document (page or frame) loaded
        at ``path``, or below it when ``path`` ends with a slash."""
        found = []
        for event in self._events("Network.responseReceived"):
            params = event["params"]
            if params.get("type") != "Document":
                continue
            loaded = urllib.parse.urlsplit(params["response"]["url"]).path
            if loaded == path or (path.endswith("/") and loaded.startswith(path)):
                headers = params["response"]["headers"]
                found.append({k.lower(): v for k, v in headers.items()})
        return found

    def close(self) -> None:
        try:
            self.page.close()
            self.browser.send("Target.disposeBrowserContext", {"browserContextId": self.context})
        except ProtocolError:
            pass


@contextmanager
def tab(browser: Chromium, *, size: tuple[int, int] = (1280, 800)) -> Iterator[Tab]:
    """A :class:`Tab` in a fresh browser context, closed at the end of the block."""
    opened = Tab(browser, size=size)
    try:
        yield opened
    finally:
        opened.close()
