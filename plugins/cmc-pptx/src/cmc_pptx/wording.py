"""The deck's own words in Dutch and English, and the cleaning of user text for XML.

Labels of blocks, zones and vocabulary members come from :mod:`cmc_core.blueprint` and
:mod:`cmc_core.vocabulary`, and the words inside the blocks (field names such as "Goal" or
"Steward") from cmc's block view (:mod:`cmc_exporters.blocks`); this module holds only the few
words the deck adds around them (the footer, table headers, "+N more").
"""

from __future__ import annotations

import re

from cmc_core.vocabulary import Language

__all__ = ["ATTRIBUTION", "clean", "more_line", "word"]

#: Dutch and English of each word the deck writes itself.
_WORDS: dict[str, tuple[str, str]] = {
    "authors": ("Auteurs", "Authors"),
    "canvas_version": ("canvasversie", "canvas version"),
    "date": ("datum", "date"),
    "details": ("Toelichting", "Details"),
    "empty": ("nog niet ingevuld", "not filled in yet"),
    "interest": ("belang", "interest"),
    "language": ("taal", "language"),
    "overview": ("Overzicht", "Overview"),
    "questions": (
        "Nog niet ingevuld. Vragen om te beantwoorden:",
        "Not filled in yet. Questions to answer:",
    ),
    "schema": ("schema", "schema"),
    "status": ("Status", "Status"),
    "undated": ("zonder datum", "undated"),
    "untitled": ("Naamloos canvas", "Untitled canvas"),
    "who_or_what": ("Wie of wat", "Who or what"),
}

#: The attribution line every deck carries, in Dutch and English.
ATTRIBUTION: dict[Language, str] = {
    Language.NL: (
        "Community Model Canvas: methode van Weconomics (Paul Bessems). "
        "Gemaakt met cmc-pptx; niet verbonden aan Weconomics."
    ),
    Language.EN: (
        "Community Model Canvas: a method by Weconomics (Paul Bessems). "
        "Made with cmc-pptx; not affiliated with Weconomics."
    ),
}


def word(key: str, language: Language) -> str:
    """The deck's word ``key`` in ``language``."""
    dutch, english = _WORDS[key]
    return dutch if language is Language.NL else english


def more_line(hidden: int, language: Language) -> str:
    """The line that stands for ``hidden`` items left out of a full box."""
    return f"+{hidden} meer" if language is Language.NL else f"+{hidden} more"


# Line breaks of every kind become a newline; XML 1.0 cannot hold the others at all.
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
_FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """User text made safe for a text frame.

    XML 1.0 cannot hold most control characters, lone surrogates, U+FFFE or U+FFFF (and
    python-pptx would write control characters as visible ``_x0007_`` escapes), so they are
    removed; line breaks of every kind (CR, CR LF, vertical tab, form feed, NEL, U+2028, U+2029)
    become a newline, which the deck sets as a new paragraph. Tabs are kept.
    """
    return _FORBIDDEN_IN_XML.sub("", _LINE_BREAKS.sub("\n", text))
