"""The facilitator's side: the dialogue agenda, and deciding the group's answer.

The agenda is :func:`cmc_workshop.agreement.agenda` over the workshop's answers and decisions,
the very one ``cmc workshop merge`` prints: the questions the participants disagree on most
come first. Adopting a participant's answer (or typing the agreed one) goes through
:meth:`Workshop.decide`, which checks it and writes it into the canvas; the poster's event
stream sees the canvas change at once.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import orjson
from cmc_core.translation import N_, Messages, using_language
from cmc_core.vocabulary import Language
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from cmc_workshop.agreement import AgendaItem, agenda
from cmc_workshop.records import AnswersProblems, Decision, WorkshopError, WorkshopIOError
from cmc_workshop.server.forms import raw_value
from cmc_workshop.server.room import Room, json_response, read_json, same_secret

__all__ = ["agenda_data", "routes"]

#: The catalog of the texts marked here with ``N_`` (translated by the error handlers).
_ = Messages("cmc_workshop", "cmc_workshop")


def agenda_data(items: tuple[AgendaItem, ...]) -> list[dict[str, Any]]:
    """The agenda as the JSON API gives it: the fields of each item and of its positions."""
    return [
        {
            "questionnaire": item.questionnaire,
            "question": item.question,
            "text": item.text,
            "positions": [
                {
                    "value": position.value,
                    "shown": position.shown,
                    "participants": list(position.participants),
                }
                for position in item.positions
            ],
            "answered": item.answered,
            "agreement": item.agreement,
            "status": item.status,
        }
        for item in items
    ]


def decision_data(decision: Decision) -> dict[str, Any]:
    """A decision as JSON."""
    data = attrs.asdict(decision, recurse=False)
    data["agreed"] = list(decision.agreed)
    return data


def _json(value: object) -> str:
    """A value as the JSON the adopt buttons carry."""
    return orjson.dumps(value, default=str).decode()


def _decided_text(item: AgendaItem, decision: Decision | None) -> str:
    """The decided value as the agenda shows it: as its position shows it, else as JSON."""
    if decision is None:
        return ""
    for position in item.positions:
        if position.value == decision.value:
            return position.shown
    if isinstance(decision.value, str):
        return decision.value
    return _json(decision.value)


class _Unreadable(Exception):  # noqa: N818 (a wrapper, not an error of its own)
    """The canvas file could not be read before deciding: its :class:`WorkshopError` goes to
    the app's handler (503) instead of being taken for a refused value (422)."""

    def __init__(self, error: WorkshopError) -> None:
        super().__init__(str(error))
        self.error = error


def shown_time(at: str, *, today: datetime.date | None = None) -> str:
    """When a decision was taken, as people read it: ``18:11`` in this computer's time zone,
    with the date before it (``2026-12-05 18:11``) when not today; the text as it is when it
    is no ISO timestamp."""
    try:
        moment = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    local = moment.astimezone()
    if local.date() == (today or datetime.datetime.now().astimezone().date()):
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def _entries(
    items: tuple[AgendaItem, ...], decisions: tuple[Decision, ...]
) -> list[dict[str, Any]]:
    """What the facilitator page shows of each agenda item."""
    decided = {(d.questionnaire, d.question): d for d in decisions}
    entries = []
    for item in items:
        decision = decided.get((item.questionnaire, item.question))
        entries.append(
            {
                "item": item,
                "agreement": f"{item.agreement:.2f}",
                "percent": round(item.agreement * 100),
                "positions": [(p, _json(p.value)) for p in item.positions],
                "decision": decision,
                "decided_at": shown_time(decision.at) if decision is not None else "",
                "decided": _decided_text(item, decision),
            }
        )
    return entries


def _check(room: Room, request: Request) -> None:
    """The facilitator's token, or 403 (and 429 after too many wrong ones)."""
    room.check_failures(request)
    if not same_secret(request.path_params["token"], room.workshop.facilitator_token):
        room.failed(request)
        raise HTTPException(403, N_("wrong facilitator token"))


def routes(room: Room) -> list[BaseRoute]:
    """The facilitator's routes; each checks the facilitator's token first."""
    workshop = room.workshop

    def check(request: Request) -> None:
        _check(room, request)

    def current(language: Language) -> tuple[tuple[AgendaItem, ...], tuple[Decision, ...]]:
        with using_language(language):
            decisions = workshop.decisions()
            items = agenda(room.questionnaires(), workshop.answers(), decisions)
        return items, decisions

    async def page(request: Request) -> Response:
        check(request)
        language = await room.language(request)
        items, decisions = await room.call(current, language)
        participants = await room.call(workshop.participants)
        context = {
            "token": request.path_params["token"],
            "items": _entries(items, decisions),
            "participants": [p.name for p in participants],
        }
        return room.page("facilitator.html", language, context)

    async def agenda_json(request: Request) -> Response:
        check(request)
        language = await room.language(request)
        items, _decisions = await room.call(current, language)
        return json_response(agenda_data(items))

    async def decide(request: Request) -> Response:
        check(request)
        language = await room.language(request)
        data = await read_json(request)
        questionnaire, question = data.get("questionnaire"), data.get("question")
        if not isinstance(questionnaire, str) or not isinstance(question, str):
            raise HTTPException(400, N_("expected a questionnaire, a question and a value"))
        if "value" not in data:
            raise HTTPException(400, N_("expected a questionnaire, a question and a value"))
        by = data.get("by") if isinstance(data.get("by"), str) else "facilitator"

        def deciding() -> Decision:
            with using_language(language):
                try:
                    workshop.canvas()
                except WorkshopError as error:  # the file, not the value: 503, not 422
                    raise _Unreadable(error) from error
                asked = room.questionnaire(questionnaire)
                questions = asked.questions if asked is not None else ()
                found = next((q for q in questions if q.id == question), None)
                value = raw_value(found, data["value"]) if found is not None else data["value"]
                return workshop.decide(questionnaire, question, value, by=str(by))

        try:
            decision = await room.call(deciding)
        except _Unreadable as unreadable:
            raise unreadable.error from None
        except AnswersProblems as error:
            listed = [{"question": q, "message": m} for q, m in error.problems]
            return json_response({"problems": listed}, 422)
        except WorkshopIOError:
            raise  # 503: the folder, not the answer, is the problem
        except (WorkshopError, ValueError) as error:
            return json_response({"problems": [{"question": question, "message": str(error)}]}, 422)
        room.decisions_made += 1
        return json_response({"decision": decision_data(decision)})

    return [
        Route("/f/{token}", page),
        Route("/api/f/{token}/agenda", agenda_json),
        Route("/api/f/{token}/decide", decide, methods=["POST"]),
    ]
