"""The live poster for the projector, and the event stream that keeps every page current.

The poster page frames ``/poster/canvas.html``: the built-in html exporter's page of the canvas
file as it is now, served with its own Content-Security-Policy (inline styles, no script) into
a sandboxed frame. ``/events`` is a stream of server-sent events: ``canvas`` whenever the
canvas file's modification time or size changes, whoever wrote it (the facilitator page,
``cmc ask``, an editor), looked at every 200 ms (once for all streams together) and at once
after a decision; ``answers``
whenever a participant's answers file changes. The poster's script reloads the frame on
``canvas``; the facilitator's reloads the agenda on both.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
from collections.abc import AsyncIterator
from typing import Final

import orjson
from cmc_core.translation import N_, Messages, using_language
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from cmc_workshop.records import WorkshopError
from cmc_workshop.server.errors import problem_text
from cmc_workshop.server.room import (
    FRAME_POLICY,
    MAX_STREAMS,
    POLL,
    POSTER_POLICY,
    Room,
    canvas_version,
)
from cmc_workshop.server.texts import page_texts

log = logging.getLogger("cmc_workshop.server")

__all__ = ["KEEP_ALIVE", "POLL", "event_stream", "routes"]

_ = Messages("cmc_workshop", "cmc_workshop")

#: How often a comment line keeps an idle stream open, in seconds.
KEEP_ALIVE: Final = 15.0
#: How often a stream wakes to notice a decision, in seconds.
_TICK: Final = 0.05

_BROKEN_FRAME: Final = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:1.4rem/1.5 system-ui,sans-serif;margin:3rem;color:#7a1010}}
h1{{font-size:2rem}}</style></head>
<body><h1>{title}</h1><p id="canvas-problem">{message}</p></body></html>
"""


def _event(name: str, data: object) -> str:
    return f"event: {name}\ndata: {orjson.dumps(data).decode()}\n\n"


async def event_stream(room: Room, known: str | None = None) -> AsyncIterator[str]:
    """The events of one client, until it goes away (Starlette then cancels this).

    The files are looked at by :meth:`Room.current_versions`, once per :data:`POLL` seconds
    for all streams together; a stream only compares and sends.
    """
    seen_canvas, seen_answers = await room.call(room.current_versions)
    if known:
        seen_canvas = known
    seen_decisions = room.decisions_made
    yield "retry: 1000\n: connected\n\n"
    last_look = last_sent = time.monotonic()
    while True:
        await asyncio.sleep(_TICK)
        now = time.monotonic()
        if now - last_look < POLL and room.decisions_made == seen_decisions:
            if now - last_sent >= KEEP_ALIVE:
                last_sent = now
                yield ": keep-alive\n\n"
            continue
        last_look, seen_decisions = now, room.decisions_made
        versions = room.fresh_versions()
        if versions is None:
            versions = await room.call(room.current_versions)
        version, signature = versions
        if version != seen_canvas:
            seen_canvas, last_sent = version, now
            yield _event("canvas", {"version": version})
        if signature != seen_answers:
            seen_answers, last_sent = signature, now
            yield _event("answers", {"files": len(signature)})


def routes(room: Room) -> list[BaseRoute]:
    """The poster's routes and the event stream."""
    workshop = room.workshop

    async def poster_page(request: Request) -> Response:
        room.check_code(request)
        language = await room.language(request)
        version = await room.call(canvas_version, workshop.canvas_path)
        code = request.query_params.get("code", "") if room.require_code_everywhere else ""
        context = {"version": version, "code": code}
        return room.page("poster.html", language, context, policy=POSTER_POLICY)

    async def canvas_page(request: Request) -> Response:
        """The canvas for the frame; while the file cannot be read, the problem in its place
        (the frame reloads by itself once the file changes)."""
        room.check_code(request)
        language = await room.language(request)
        try:
            page, version = await room.call(room.poster, language)
        except WorkshopError as error:
            version = await room.call(canvas_version, workshop.canvas_path)
            log.warning("the canvas file cannot be shown: %s", str(error).replace("\n", " "))
            with using_language(language):
                message = problem_text(error)
            page = _BROKEN_FRAME.format(
                lang=language.value,
                title=html.escape(page_texts(language)["canvas_problem_title"]),
                message=html.escape(message),
            )
            headers = {"Content-Security-Policy": FRAME_POLICY, "X-Canvas-Version": version}
            return HTMLResponse(page, status_code=503, headers=headers)
        headers = {"Content-Security-Policy": FRAME_POLICY, "X-Canvas-Version": version}
        return HTMLResponse(page, headers=headers)

    async def events(request: Request) -> Response:
        room.check_code(request)
        if room.streams >= MAX_STREAMS:
            raise HTTPException(503, N_("too many event streams are open; try again later"))
        room.streams += 1

        async def counted() -> AsyncIterator[str]:
            try:
                async for piece in event_stream(room, request.query_params.get("version")):
                    yield piece
            finally:
                room.streams -= 1

        headers = {"X-Accel-Buffering": "no"}
        return StreamingResponse(counted(), media_type="text/event-stream", headers=headers)

    return [
        Route("/poster", poster_page),
        Route("/poster/canvas.html", canvas_page),
        Route("/events", events),
    ]
