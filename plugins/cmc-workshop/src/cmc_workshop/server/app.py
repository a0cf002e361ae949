"""The workshop's web app: join, answer, agree, and watch the canvas grow on the projector.

:func:`create_app` builds a Starlette app over one :class:`~cmc_workshop.folder.Workshop`.
The routes are in :mod:`.participant`, :mod:`.facilitator` and :mod:`.poster`; this module adds
what every response shares:

- a strict Content-Security-Policy (the app's own scripts and styles, nothing inline, no other
  host), ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer`` (the page
  addresses hold secret tokens), and ``Cache-Control: no-store`` on everything but the static
  files;
- errors as a page in the page's language, or as JSON under ``/api/`` (see :mod:`.errors`):
  400 for a body that is not JSON, 403 for a wrong code or token, 413 for a body over 64 KiB,
  429 after too many wrong codes, 503 while the canvas file or the folder cannot be read.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cmc_workshop.folder import Workshop
from cmc_workshop.server import errors, facilitator, participant, poster
from cmc_workshop.server.errors import CatchAll
from cmc_workshop.server.room import APP_POLICY, Room

__all__ = ["create_app"]

_STATIC = Path(__file__).resolve().parent / "static"


class SecurityHeaders:
    """Adds the headers every response carries, keeping a policy a route set itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _value in headers}
                extra = {
                    b"content-security-policy": APP_POLICY.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"referrer-policy": b"no-referrer",
                    b"cross-origin-opener-policy": b"same-origin",
                }
                if not static:
                    extra[b"cache-control"] = b"no-store"
                headers += [(key, value) for key, value in extra.items() if key not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(workshop: Workshop, *, require_code_everywhere: bool = False) -> Starlette:
    """The web app serving ``workshop``.

    :param require_code_everywhere: ask for the join code (``?code=``) on the poster and its
        event stream as well: for a server reachable from the network, where anyone in the
        building could otherwise watch the canvas.
    """
    room = Room(workshop, require_code_everywhere=require_code_everywhere)
    routes: list[BaseRoute] = [
        *participant.routes(room),
        *facilitator.routes(room),
        *poster.routes(room),
        Mount("/static", app=StaticFiles(directory=_STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers=errors.handlers())  # type: ignore[arg-type]
    app.add_middleware(CatchAll, room=room)
    app.add_middleware(SecurityHeaders)  # outside CatchAll: its 500 gets the headers too
    app.state.room = room
    return app
