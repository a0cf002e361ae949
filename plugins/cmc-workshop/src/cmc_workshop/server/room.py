"""What every route of the workshop server shares: the workshop, the pages' templates, the
security headers, the request limits and the language of a request.

Every file the server reads or writes goes through :meth:`Room.call`, which runs it in a
worker thread (``run_in_threadpool``), so that twenty participants saving at once never stall
the event loop that also serves the live poster's stream.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final, TypeVar

import jinja2
import orjson
from cmc_core.questionnaires import Questionnaire
from cmc_core.translation import language_of
from cmc_core.vocabulary import Language
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from cmc_workshop.folder import Workshop
from cmc_workshop.server.texts import page_texts

__all__ = [
    "APP_POLICY",
    "FRAME_POLICY",
    "MAX_BODY",
    "POSTER_POLICY",
    "Room",
    "json_response",
    "read_body",
    "read_json",
]

T = TypeVar("T")

#: The largest request body the server reads; a larger one gets 413.
MAX_BODY: Final = 64 * 1024
#: The Content-Security-Policy of every page the server makes: its own scripts and styles only.
APP_POLICY: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
#: The poster page shows the canvas in a frame of the same server.
POSTER_POLICY: Final = f"{APP_POLICY}; frame-src 'self'"
#: The canvas in the poster's frame: the html exporter's page styles itself inline and runs
#: nothing, so it may have inline styles and data images, and no script at all.
FRAME_POLICY: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)

_HERE = Path(__file__).resolve().parent


def _environment() -> jinja2.Environment:
    """The templates, always escaping what they are given (autoescape on for every file)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def json_response(data: object, status_code: int = 200) -> Response:
    """JSON made with orjson (values of answers may be anything YAML holds)."""
    body = orjson.dumps(data, default=str)
    return Response(body, status_code=status_code, media_type="application/json")


async def read_body(request: Request) -> bytes:
    """The request's body, refused with 413 past :data:`MAX_BODY` bytes, whether the client
    says so in Content-Length or sends more than it said."""
    length = request.headers.get("content-length")
    if length is not None:
        if not length.strip().isdigit():
            raise HTTPException(400, "Content-Length is not a number")
        if int(length) > MAX_BODY:
            raise HTTPException(413, "the request is larger than 64 KiB")
    size = 0
    chunks: list[bytes] = []
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HTTPException(413, "the request is larger than 64 KiB")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: Request) -> dict[str, Any]:
    """The body as a JSON object; 400 when it is not one."""
    body = await read_body(request)
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise HTTPException(400, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise HTTPException(400, "the body is not a JSON object")
    return data


def same_secret(given: str | None, secret: str) -> bool:
    """Whether ``given`` is ``secret``, compared in constant time."""
    if given is None:
        return False
    return secrets.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))


def canvas_version(path: Path) -> str:
    """The version of the canvas file: its modification time and size, which change with every
    write, whoever writes (the facilitator page, ``cmc ask`` or an editor)."""
    try:
        stat = path.stat()
    except OSError:
        return "missing"
    return f"{stat.st_mtime_ns:x}-{stat.st_size:x}"


def answers_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The names, times and sizes of the files in the answers folder: changes when any does."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    found = []
    for entry in entries:
        try:
            stat = entry.stat()
        except OSError:
            continue
        found.append((entry.name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


class Room:
    """The workshop being served, and what the routes need around it."""

    def __init__(self, workshop: Workshop, *, require_code_everywhere: bool = False) -> None:
        self.workshop = workshop
        self.require_code_everywhere = require_code_everywhere
        self.templates = _environment()
        #: Incremented by every decision, so that the event streams look at once.
        self.decisions_made = 0
        self._lock = threading.Lock()
        self._questionnaires: tuple[Questionnaire, ...] | None = None
        self._language: tuple[str, Language] | None = None
        self._poster: dict[tuple[str, Language], str] = {}

    async def call(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``function`` run in a worker thread: it reads or writes files."""
        return await run_in_threadpool(function, *args, **kwargs)

    # -- what the workshop holds -------------------------------------------------------------

    def questionnaires(self) -> tuple[Questionnaire, ...]:
        """The questionnaires offered, asked of the workshop once (they do not change while it
        is served)."""
        with self._lock:
            if self._questionnaires is None:
                self._questionnaires = self.workshop.questionnaires()
            return self._questionnaires

    def questionnaire(self, name: str) -> Questionnaire | None:
        """The questionnaire called ``name``, or ``None``."""
        return next((q for q in self.questionnaires() if q.name == name), None)

    def canvas_language(self) -> Language:
        """The canvas's own language (``meta.language``), read again when the file changes."""
        version = canvas_version(self.workshop.canvas_path)
        with self._lock:
            if self._language is not None and self._language[0] == version:
                return self._language[1]
        language = self.workshop.canvas().meta.language
        with self._lock:
            self._language = (version, language)
        return language

    def poster(self, language: Language) -> tuple[str, str]:
        """The html exporter's page of the canvas as it is now, and its version; kept while the
        file does not change, so that several posters reloading cost one export."""
        from cmc_core import export

        version = canvas_version(self.workshop.canvas_path)
        with self._lock:
            cached = self._poster.get((version, language))
        if cached is not None:
            return cached, version
        page = export(self.workshop.canvas(), "html", language=language)
        text = page if isinstance(page, str) else page.decode("utf-8")
        with self._lock:
            self._poster = {(version, language): text}
        return text, version

    # -- requests ----------------------------------------------------------------------------

    async def language(self, request: Request) -> Language:
        """The language a request asks for with ``?lang=nl|en``, else the canvas's."""
        asked = language_of(request.query_params.get("lang"))
        if asked is not None:
            return asked
        return await self.call(self.canvas_language)

    def check_code(self, request: Request) -> None:
        """When serving on a network, the poster and its stream need ``?code=`` too."""
        if self.require_code_everywhere and not same_secret(
            request.query_params.get("code"), self.workshop.join_code
        ):
            raise HTTPException(403, "the join code is missing or wrong")

    def page(
        self,
        template: str,
        language: Language,
        context: Mapping[str, object],
        *,
        status_code: int = 200,
        policy: str = APP_POLICY,
    ) -> HTMLResponse:
        """A page made from ``template`` in ``language``, with the page words as ``t``."""
        html = self.templates.get_template(template).render(
            lang=language.value, t=page_texts(language), title=self.workshop.title, **context
        )
        return HTMLResponse(
            html, status_code=status_code, headers={"Content-Security-Policy": policy}
        )
