"""The participant's side: join with a name and the join code, then answer questionnaires.

A participant's secret token (made by :meth:`Workshop.join`) is in every address of theirs;
the token, not anything the page sends, decides whose answers file a save goes to, so a
participant can write only their own answers. The language is the one chosen when joining,
carried in the addresses as ``?lang=``.
"""

from __future__ import annotations

import os
import threading
import urllib.parse
from collections.abc import Mapping
from typing import Any

from cmc_core.questionnaires import AnswerError
from cmc_core.translation import N_, Messages, language_of, using_language
from cmc_core.vocabulary import Language
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from cmc_workshop.records import AnswersProblems, Participant, WorkshopError, WorkshopIOError
from cmc_workshop.server.forms import form_fields, raw_value
from cmc_workshop.server.room import (
    MAX_PARTICIPANTS,
    Room,
    json_response,
    read_body,
    read_json,
    same_secret,
)
from cmc_workshop.server.texts import saved_message

__all__ = ["routes"]

_ = Messages("cmc_workshop", "cmc_workshop")


def _room(request: Request) -> Room:
    room = request.app.state.room
    assert isinstance(room, Room)
    return room


def _normal(name: str) -> str:
    """A name as names are compared: case and spacing do not count."""
    return " ".join(name.split()).casefold()


async def _participant(room: Room, request: Request) -> Participant:
    """The participant holding the address's token; 403 for anyone else, 429 for an address
    that guessed too often, 503 when the workshop folder cannot be read at all."""
    room.check_failures(request)
    token = request.path_params["token"]
    try:
        return await room.call(room.workshop.participant, token)
    except WorkshopIOError:
        raise
    except WorkshopError:
        if not await room.call(_folder_readable, room):
            raise WorkshopIOError(
                _(
                    "The workshop folder {folder} cannot be read.",
                    folder=str(room.workshop.path),
                )
            ) from None
        room.failed(request)
        raise HTTPException(403, N_("unknown participant")) from None


def _folder_readable(room: Room) -> bool:
    """Whether the answers folder is there to look in (a token is unknown only then)."""
    answers = room.workshop.path / "answers"
    return answers.is_dir() and os.access(answers, os.R_OK | os.X_OK)


async def _join_fields(request: Request) -> dict[str, str]:
    """The fields of the join form, sent as a form or as JSON."""
    if request.headers.get("content-type", "").startswith("application/json"):
        data: Mapping[str, Any] = await read_json(request)
    else:
        body = await read_body(request)
        try:
            pairs = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise HTTPException(400, N_("the form is not UTF-8")) from None
        data = {key: values[0] for key, values in pairs.items()}
    wanted = ("name", "code", "language")
    return {key: data[key] for key in wanted if isinstance(data.get(key), str)}


def _join_page(
    room: Room, language: Language, *, status: int = 200, error: str = "", name: str = ""
) -> Response:
    return room.page("join.html", language, {"error": error, "name": name}, status_code=status)


async def home(request: Request) -> Response:
    """``/``: to the join page."""
    return RedirectResponse("/join", status_code=303)


async def join_form(request: Request) -> Response:
    """The join form."""
    room = _room(request)
    return _join_page(room, await room.language(request))


_JOINING = threading.Lock()


async def join(request: Request) -> Response:
    """Join: 403 for a wrong code, 409 for a name taken or a full room, else to the
    participant's page (303 for the form; 201 with ``{"participant": address}`` for JSON)."""
    room = _room(request)
    workshop = room.workshop
    room.check_failures(request)
    wants_json = request.headers.get("content-type", "").startswith("application/json")
    fields = await _join_fields(request)
    language = language_of(fields.get("language")) or await room.language(request)
    name = fields.get("name", "")
    if not same_secret(fields.get("code"), workshop.join_code):
        room.failed(request)
        with using_language(language):
            message = _("The join code is not right; ask the facilitator for it.")
        if wants_json:
            return json_response({"error": message}, 403)
        return _join_page(room, language, status=403, error=message, name=name)

    def joining() -> Participant | tuple[int, str]:
        with using_language(language), _JOINING:
            present = workshop.participants()
            if len(present) >= MAX_PARTICIPANTS:
                return 409, _(
                    "The workshop is full: {count} participants have joined already.",
                    count=len(present),
                )
            try:
                return workshop.join(name, language=language.value)
            except WorkshopIOError:
                raise
            except WorkshopError as error:
                taken = {_normal(p.name) for p in present}
                return (409 if _normal(name) in taken else 400), str(error)

    joined = await room.call(joining)
    if isinstance(joined, tuple):
        if wants_json:
            return json_response({"error": joined[1]}, joined[0])
        return _join_page(room, language, status=joined[0], error=joined[1], name=name)
    address = f"/p/{joined.token}?lang={language.value}"
    if wants_json:
        return json_response({"participant": address}, 201)
    return RedirectResponse(address, status_code=303)


async def participant_home(request: Request) -> Response:
    """The participant's page: the questionnaires, with how many questions they answered."""
    room = _room(request)
    token = request.path_params["token"]
    someone = await _participant(room, request)
    language = await room.language(request)
    mine = (await room.call(room.workshop.answers)).get(someone.name, {})
    listed = [
        {
            "name": q.name,
            "title": q.title.in_language(language),
            "questions": len(q.questions),
            "answered": sum(1 for question in q.questions if question.id in mine),
        }
        for q in await room.call(room.questionnaires)
    ]
    context = {"participant": someone, "questionnaires": listed, "token": token}
    return room.page("participant.html", language, context)


async def questionnaire_page(request: Request) -> Response:
    """One questionnaire as a form, filled with the participant's answers so far."""
    room = _room(request)
    token = request.path_params["token"]
    someone = await _participant(room, request)
    language = await room.language(request)
    await room.call(room.questionnaires)
    questionnaire = room.questionnaire(request.path_params["name"])
    if questionnaire is None:
        raise HTTPException(404, N_("no such questionnaire"))
    mine = (await room.call(room.workshop.answers)).get(someone.name, {})
    context = {
        "participant": someone,
        "token": token,
        "questionnaire": questionnaire.name,
        "questionnaire_title": questionnaire.title.in_language(language),
        "fields": form_fields(questionnaire, mine, language),
    }
    return room.page("questionnaire.html", language, context)


async def save(request: Request) -> Response:
    """``POST /api/p/{token}/answers``: 200 ``{saved, message}`` or 422 ``{problems}``."""
    room = _room(request)
    someone = await _participant(room, request)
    language = await room.language(request)
    data = await read_json(request)
    name, answers = data.get("questionnaire"), data.get("answers")
    if not isinstance(name, str) or not isinstance(answers, dict):
        raise HTTPException(400, N_("expected a questionnaire's name and its answers by question"))
    await room.call(room.questionnaires)
    questionnaire = room.questionnaire(name)
    questions = {q.id: q for q in questionnaire.questions} if questionnaire else {}
    raw: dict[str, object] = {}
    problems: list[dict[str, str]] = []
    with using_language(language):
        for key, value in answers.items():
            try:
                raw[key] = raw_value(questions[key], value) if key in questions else value
            except AnswerError as error:
                problems.append({"question": key, "message": error.reason})
    if problems:
        return json_response({"problems": problems}, 422)

    def saving() -> int | list[dict[str, str]]:
        with using_language(language):
            try:
                return room.workshop.save_answers(someone, name, raw)
            except AnswersProblems as error:
                return [{"question": q, "message": m} for q, m in error.problems]
            except WorkshopIOError:
                raise  # 503, not a problem of the answers
            except WorkshopError as error:
                return [{"question": "", "message": str(error)}]

    saved = await room.call(saving)
    if isinstance(saved, list):
        return json_response({"problems": saved}, 422)
    return json_response({"saved": saved, "message": saved_message(saved, language)})


def routes(room: Room) -> list[BaseRoute]:
    """The participant's routes (they find ``room`` on ``app.state``)."""
    del room
    return [
        Route("/", home),
        Route("/join", join_form, methods=["GET"]),
        Route("/join", join, methods=["POST"]),
        Route("/p/{token}", participant_home),
        Route("/p/{token}/q/{name}", questionnaire_page),
        Route("/api/p/{token}/answers", save, methods=["POST"]),
    ]
