"""Every error the workshop server answers, as a page in the request's language or as JSON.

- :class:`~starlette.exceptions.HTTPException`: its status, with its detail (an English
  msgid marked with ``N_``) translated;
- :class:`~cmc_workshop.server.room.TooManyFailures`: 429 with ``Retry-After``;
- :class:`~cmc_workshop.records.WorkshopError` that escapes a route (a canvas file with a
  syntax error, being edited during the workshop; a workshop folder that cannot be read):
  503, saying what is wrong and that the page works again once the file is fixed; one line
  in the log, no traceback: it is the user's file, not the server, that needs fixing;
- :class:`~cmc_workshop.server.room.ClientGone`: nothing (nobody is left to answer);
- anything else: 500, with the traceback in the log.

:class:`CatchAll` sits inside the security-headers middleware, so that every error response
carries the same headers as the pages do (Starlette's own error middleware sits outside it).
"""

from __future__ import annotations

import logging

from cmc_core.translation import Messages, using_language
from cmc_core.vocabulary import Language
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cmc_workshop.records import WorkshopError, WorkshopIOError
from cmc_workshop.server.room import ClientGone, Room, TooManyFailures, json_response
from cmc_workshop.server.texts import page_texts

__all__ = ["CatchAll", "error_page", "handlers"]

_ = Messages("cmc_workshop", "cmc_workshop")
log = logging.getLogger("cmc_workshop.server")

_KEYS = {403: "forbidden", 404: "not_found", 413: "too_large", 429: "too_many"}


def _room(request: Request) -> Room:
    room = request.app.state.room
    assert isinstance(room, Room)
    return room


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/events"))


async def error_page(
    room: Room,
    request: Request,
    status: int,
    message: str = "",
    *,
    language: Language | None = None,
) -> Response:
    """An error as a page in the language of the request: its heading for ``status`` and
    ``message``, or the usual sentence for the status."""
    language = language or await room.language(request)
    texts = page_texts(language)
    key = "unavailable" if status >= 500 else _KEYS.get(status, "bad_request")
    heading = texts[f"{key}_title"]
    return room.page(
        "error.html",
        language,
        {"heading": heading, "message": message or texts[key]},
        status_code=status,
    )


async def _error(
    request: Request, status: int, message: str, language: Language, headers: dict[str, str]
) -> Response:
    if _is_api(request):
        response = json_response({"error": message}, status)
    else:
        response = await error_page(_room(request), request, status, message, language=language)
    response.headers.update(headers)
    return response


async def http_error(request: Request, error: Exception) -> Response:
    """An ``HTTPException``: its detail in the request's language."""
    assert isinstance(error, HTTPException)
    language = await _room(request).language(request)
    if _is_api(request):
        return json_response({"error": _.translate(error.detail, language)}, error.status_code)
    return await error_page(_room(request), request, error.status_code, language=language)


async def too_many(request: Request, error: Exception) -> Response:
    """429: too many wrong codes or tokens from this address."""
    assert isinstance(error, TooManyFailures)
    language = await _room(request).language(request)
    with using_language(language):
        message = _(
            "Too many wrong codes or links from this computer; try again in {seconds} seconds.",
            seconds=error.retry_after,
        )
    headers = {"Retry-After": str(error.retry_after)}
    return await _error(request, 429, message, language, headers)


def problem_text(error: WorkshopError) -> str:
    """What a page says about a workshop file that cannot be used (in the current language)."""
    if isinstance(error, WorkshopIOError):
        return _(
            "The workshop folder cannot be read or written: {problem} Nothing was changed; "
            "the facilitator should check the folder.",
            problem=str(error),
        )
    return _(
        "The canvas file has a problem: {problem} This page works again as soon as the file "
        "is fixed.",
        problem=str(error),
    )


async def workshop_error(request: Request, error: Exception) -> Response:
    """503: a workshop file cannot be used now; one line in the log."""
    assert isinstance(error, WorkshopError)
    log.warning("%s %s: %s", request.method, request.url.path, str(error).replace("\n", " "))
    language = await _room(request).language(request)
    with using_language(language):
        message = problem_text(error)
    return await _error(request, 503, message, language, {})


async def client_gone(request: Request, error: Exception) -> Response:
    """The client left while sending: an empty answer nobody reads."""
    del request, error
    return Response(status_code=400)


def handlers() -> dict[type[Exception], object]:
    """The app's exception handlers, by exception class."""
    return {
        HTTPException: http_error,
        TooManyFailures: too_many,
        WorkshopError: workshop_error,
        ClientGone: client_gone,
    }


class CatchAll:
    """Answers an unexpected exception with 500 (a page or JSON) inside the security headers,
    logging its traceback once; an exception after the response started only ends it."""

    def __init__(self, app: ASGIApp, room: Room) -> None:
        self.app = app
        self.room = room

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watching(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watching)
        except (ClientGone, ClientDisconnect):
            return  # the client left: nobody to answer, nothing to log
        except Exception:
            log.exception("%s %s failed", scope.get("method", ""), scope.get("path", ""))
            if started:
                return
            request = Request(scope)
            language = await self.room.language(request)
            with using_language(language):
                message = _("Something went wrong in the server; try again.")
            if _is_api(request):
                response = json_response({"error": message}, 500)
            else:
                texts = page_texts(language)
                response = self.room.page(
                    "error.html",
                    language,
                    {"heading": texts["unavailable_title"], "message": message},
                    status_code=500,
                )
            await response(scope, receive, send)
