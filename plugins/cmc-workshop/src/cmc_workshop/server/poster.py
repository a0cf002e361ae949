"""The live poster for the projector, and the event stream that keeps every page current.

The poster page frames ``/poster/canvas.html``: the built-in html exporter's page of the canvas
file as it is now, served with its own Content-Security-Policy (inline styles, no script) into
a sandboxed frame. ``/events`` is a stream of server-sent events: ``canvas`` whenever the
canvas file's modification time or size changes, whoever wrote it (the facilitator page,
``cmc ask``, an editor), looked at every 200 ms and at once after a decision; ``answers``
whenever a participant's answers file changes. The poster's script reloads the frame on
``canvas``; the facilitator's reloads the agenda on both.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Final

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from cmc_workshop.server.room import (
    FRAME_POLICY,
    POSTER_POLICY,
    Room,
    answers_signature,
    canvas_version,
)

__all__ = ["KEEP_ALIVE", "POLL", "routes"]

#: How often the files are looked at, in seconds.
POLL: Final = 0.2
#: How often a comment line keeps an idle stream open, in seconds.
KEEP_ALIVE: Final = 15.0
#: How often the loop wakes to notice a decision or a closed connection, in seconds.
_TICK: Final = 0.05


def _event(name: str, data: object) -> str:
    return f"event: {name}\ndata: {orjson.dumps(data).decode()}\n\n"


def routes(room: Room) -> list[BaseRoute]:
    """The poster's routes and the event stream."""
    workshop = room.workshop
    answers_folder = workshop.path / "answers"

    async def poster_page(request: Request) -> Response:
        room.check_code(request)
        language = await room.language(request)
        version = await room.call(canvas_version, workshop.canvas_path)
        code = request.query_params.get("code", "") if room.require_code_everywhere else ""
        context = {"version": version, "code": code}
        return room.page("poster.html", language, context, policy=POSTER_POLICY)

    async def canvas_page(request: Request) -> Response:
        room.check_code(request)
        language = await room.language(request)
        page, version = await room.call(room.poster, language)
        headers = {"Content-Security-Policy": FRAME_POLICY, "X-Canvas-Version": version}
        return HTMLResponse(page, headers=headers)

    async def stream(request: Request) -> AsyncIterator[str]:
        """The events of one client, until it goes away."""
        known = request.query_params.get("version")
        seen_canvas = known or await room.call(canvas_version, workshop.canvas_path)
        seen_answers = await room.call(answers_signature, answers_folder)
        seen_decisions = room.decisions_made
        yield "retry: 1000\n: connected\n\n"
        last_look = last_sent = time.monotonic()
        while not await request.is_disconnected():
            now = time.monotonic()
            if now - last_look >= POLL or room.decisions_made != seen_decisions:
                last_look, seen_decisions = now, room.decisions_made
                version = await room.call(canvas_version, workshop.canvas_path)
                if version != seen_canvas:
                    seen_canvas, last_sent = version, now
                    yield _event("canvas", {"version": version})
                signature = await room.call(answers_signature, answers_folder)
                if signature != seen_answers:
                    seen_answers, last_sent = signature, now
                    yield _event("answers", {"files": len(signature)})
            if now - last_sent >= KEEP_ALIVE:
                last_sent = now
                yield ": keep-alive\n\n"
            await asyncio.sleep(_TICK)

    async def events(request: Request) -> Response:
        room.check_code(request)
        headers = {"X-Accel-Buffering": "no"}
        return StreamingResponse(stream(request), media_type="text/event-stream", headers=headers)

    return [
        Route("/poster", poster_page),
        Route("/poster/canvas.html", canvas_page),
        Route("/events", events),
    ]
