"""Every sentence the workshop pages show, in the language of the page.

The templates hold markup only; their words come from :func:`page_texts`, made here with the
plugin's catalog, so that Babel finds them (it reads Python, not Jinja) and Dutch and English
stay complete. The scripts get the few sentences they show from ``data-*`` attributes or from
the API's answers, never from text of their own.
"""

from __future__ import annotations

from cmc_core.translation import Messages, using_language
from cmc_core.vocabulary import Language

__all__ = ["page_texts", "saved_message"]

_ = Messages("cmc_workshop", "cmc_workshop")


def page_texts(language: Language) -> dict[str, str]:
    """The words of every page, by key, in ``language``."""
    with using_language(language):
        return {
            "join_title": _("Join the workshop"),
            "join_intro": _("Type your name and the join code the facilitator gave you."),
            "name": _("Your name"),
            "code": _("Join code"),
            "language": _("Language"),
            "dutch": _("Dutch"),
            "english": _("English"),
            "join": _("Join"),
            "name_taken_title": _("That name is taken"),
            "try_again": _("Choose another name"),
            "forbidden_title": _("Not allowed"),
            "forbidden": _("This link or code is not valid for this workshop."),
            "bad_request_title": _("The request could not be read"),
            "bad_request": _("The server could not read what the page sent."),
            "not_found_title": _("Not found"),
            "not_found": _("There is no page at this address."),
            "too_large_title": _("Too much at once"),
            "too_large": _("What the page sent is larger than 64 KiB; send less at a time."),
            "too_many_title": _("Too many tries"),
            "too_many": _("Too many wrong codes or links from this computer; wait a minute."),
            "unavailable_title": _("The workshop cannot go on for a moment"),
            "unavailable": _("A file of the workshop cannot be read; try again in a moment."),
            "canvas_problem_title": _("The canvas file has a problem"),
            "welcome": _("Welcome, {name}."),
            "choose": _(
                "Choose a questionnaire to answer. You can come back and change your answers."
            ),
            "questions": _("Questions"),
            "answered": _("answered"),
            "back": _("Back to the questionnaires"),
            "save": _("Save"),
            "saving": _("Saving…"),
            "save_failed": _("Saving failed; try again."),
            "not_saved": _("Not saved; check these answers:"),
            "facilitator_title": _("Dialogue agenda"),
            "facilitator_intro": _(
                "The questions where the participants disagree most come first. Adopt an answer "
                "or type the agreed one: it is written into the canvas."
            ),
            "participants": _("Participants"),
            "nobody": _("Nobody has joined yet."),
            "agreement": _("Agreement"),
            "answers_count": _("Answers"),
            "adopt": _("Adopt"),
            "agreed_answer": _("Agreed answer"),
            "decide": _("Decide"),
            "decided": _("Decided"),
            "no_answers": _("No answers yet."),
            "status_divided": _("divided"),
            "status_unanimous": _("unanimous"),
            "status_unanswered": _("unanswered"),
            "status_decided": _("decided"),
            "empty_agenda": _("There are no questions on the agenda."),
            "poster_title": _("Live poster"),
            "poster_frame": _("The canvas as it is now"),
            "other_language": "Nederlands" if language is Language.EN else "English",
        }


def saved_message(count: int, language: Language) -> str:
    """What the participant page says after saving ``count`` answers."""
    with using_language(language):
        return _.plural("Saved: {count} answer.", "Saved: {count} answers.", count)
