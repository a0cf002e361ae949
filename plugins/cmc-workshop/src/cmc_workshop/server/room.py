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
import time
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final, TypeVar

import jinja2
import orjson
from cmc_core.questionnaires import Questionnaire
from cmc_core.translation import N_, Messages, language_of
from cmc_core.vocabulary import Language
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response

from cmc_workshop.folder import Workshop
from cmc_workshop.server.texts import page_texts

__all__ = [
    "APP_POLICY",
    "FRAME_POLICY",
    "MAX_BODY",
    "MAX_FAILURES",
    "MAX_PARTICIPANTS",
    "MAX_STREAMS",
    "POLL",
    "POSTER_POLICY",
    "ClientGone",
    "Room",
    "TooManyFailures",
    "json_response",
    "read_body",
    "read_json",
]

T = TypeVar("T")

#: The catalog of the texts marked here with ``N_`` (translated by the error handlers).
_ = Messages("cmc_workshop", "cmc_workshop")

#: The largest request body the server reads; a larger one gets 413.
MAX_BODY: Final = 64 * 1024
#: Wrong join codes and tokens one address may send within :data:`FAILURE_WINDOW` seconds;
#: beyond them it gets 429 until the window has passed.
MAX_FAILURES: Final = 10
FAILURE_WINDOW: Final = 60.0
#: The most participants a workshop takes: a room, not a crowd.
MAX_PARTICIPANTS: Final = 200
#: The most event streams open at once; one more gets 503.
MAX_STREAMS: Final = 64
#: How often the files are looked at, in seconds (once for all event streams).
POLL: Final = 0.2
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


class ClientGone(Exception):  # noqa: N818 (not an error: the client left)
    """The client went away while sending its body: nobody is left to answer."""


class TooManyFailures(Exception):  # noqa: N818 (a refusal, answered with 429)
    """An address sent too many wrong codes or tokens; :attr:`retry_after` seconds to wait."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


async def read_body(request: Request) -> bytes:
    """The request's body, refused with 413 past :data:`MAX_BODY` bytes, whether the client
    says so in Content-Length or sends more than it said.

    :raises ClientGone: the client disconnected before the body was complete.
    """
    length = request.headers.get("content-length")
    if length is not None:
        if not length.strip().isdigit():
            raise HTTPException(400, N_("Content-Length is not a number"))
        if int(length) > MAX_BODY:
            raise HTTPException(413, N_("the request is larger than 64 KiB"))
    size = 0
    chunks: list[bytes] = []
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise HTTPException(413, N_("the request is larger than 64 KiB"))
            chunks.append(chunk)
    except ClientDisconnect:
        raise ClientGone from None
    return b"".join(chunks)


async def read_json(request: Request) -> dict[str, Any]:
    """The body as a JSON object; 400 when it is not one."""
    body = await read_body(request)
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise HTTPException(400, N_("the body is not JSON")) from None
    if not isinstance(data, dict):
        raise HTTPException(400, N_("the body is not a JSON object"))
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
        #: The wrong codes and tokens per client address: when each came (monotonic seconds).
        self._failures: dict[str, deque[float]] = {}
        #: The versions of the files as last looked at, shared by every event stream:
        #: (when, decisions made then, canvas version, answers signature).
        self._versions: tuple[float, int, str, tuple[tuple[str, int, int], ...]] | None = None
        self._versions_lock = threading.Lock()
        #: How many times the files were looked at (the event streams' whole cost in I/O).
        self.scans = 0
        #: The event streams open now.
        self.streams = 0

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
        """The canvas's own language (``meta.language``), read again when the file changes.

        A canvas file that cannot be read (being edited, say) keeps the language it had, or
        English: the pages that do not show the canvas go on working meanwhile.
        """
        version = canvas_version(self.workshop.canvas_path)
        with self._lock:
            if self._language is not None and self._language[0] == version:
                return self._language[1]
            known = self._language[1] if self._language is not None else Language.EN
        try:
            language = self.workshop.canvas().meta.language
        except Exception:  # any problem of the file is shown by the canvas pages
            return known
        with self._lock:
            self._language = (version, language)
        return language

    def current_versions(self) -> tuple[str, tuple[tuple[str, int, int], ...]]:
        """The canvas version and the answers folder's signature, looked at no more than once
        per :data:`POLL` seconds (and at once after a decision) however many event streams
        ask: they share one look."""
        with self._versions_lock:
            now = time.monotonic()
            cached = self._versions
            if cached is not None and now - cached[0] < POLL and cached[1] == self.decisions_made:
                return cached[2], cached[3]
            decisions = self.decisions_made
            self.scans += 1
            version = canvas_version(self.workshop.canvas_path)
            signature = answers_signature(self.workshop.path / "answers")
            self._versions = (now, decisions, version, signature)
            return version, signature

    def fresh_versions(self) -> tuple[str, tuple[tuple[str, int, int], ...]] | None:
        """The shared versions when they are fresh enough to use without looking, else
        ``None`` (cheap: for the event loop, without a worker thread)."""
        cached = self._versions
        if cached is None or cached[1] != self.decisions_made:
            return None
        if time.monotonic() - cached[0] >= POLL:
            return None
        return cached[2], cached[3]

    # -- refusing guessers ---------------------------------------------------------------------

    @staticmethod
    def address(request: Request) -> str:
        """The client's address, as failures are counted."""
        return request.client.host if request.client is not None else "unknown"

    def check_failures(self, request: Request) -> None:
        """Refuse an address that sent :data:`MAX_FAILURES` wrong codes or tokens in the last
        :data:`FAILURE_WINDOW` seconds.

        :raises TooManyFailures: with the seconds until the oldest failure counts no more.
        """
        now = time.monotonic()
        with self._lock:
            failures = self._failures.get(self.address(request))
            if failures is None:
                return
            while failures and now - failures[0] >= FAILURE_WINDOW:
                failures.popleft()
            if len(failures) >= MAX_FAILURES:
                raise TooManyFailures(max(1, int(FAILURE_WINDOW - (now - failures[0])) + 1))

    def failed(self, request: Request) -> None:
        """Count a wrong code or token of the request's address."""
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > 10_000:  # forget the quiet ones rather than grow
                self._failures = {
                    key: times
                    for key, times in self._failures.items()
                    if times and now - times[-1] < FAILURE_WINDOW
                }
            failures = self._failures.setdefault(self.address(request), deque())
            failures.append(now)
            while len(failures) > MAX_FAILURES:
                failures.popleft()

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
        """The language of a request: ``?lang=nl|en``; else, in a participant's address, the
        language they joined with; else the canvas's."""
        asked = language_of(request.query_params.get("lang"))
        if asked is not None:
            return asked
        token = request.path_params.get("token")
        if isinstance(token, str) and "/p/" in request.url.path:
            stored = await self.call(self._participant_language, token)
            if stored is not None:
                return stored
        return await self.call(self.canvas_language)

    def _participant_language(self, token: str) -> Language | None:
        try:
            someone = self.workshop.participant(token)
        except Exception:  # an unknown token is refused elsewhere
            return None
        return language_of(getattr(someone, "language", None))

    def check_code(self, request: Request) -> None:
        """When serving on a network, the poster and its stream need ``?code=`` too."""
        if not self.require_code_everywhere:
            return
        self.check_failures(request)
        if not same_secret(request.query_params.get("code"), self.workshop.join_code):
            self.failed(request)
            raise HTTPException(403, N_("the join code is missing or wrong"))

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
