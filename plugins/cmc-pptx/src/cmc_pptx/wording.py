"""The deck's own words in Dutch and English, and the cleaning of user text for XML.

Labels of blocks, zones and vocabulary members come from :mod:`cmc_core.blueprint` and
:mod:`cmc_core.vocabulary`; this module holds only the few words the deck adds around them
(field names such as "Goal" or "Steward", the footer, "+N more").
"""

from __future__ import annotations

import re

from cmc_core.vocabulary import Language

__all__ = ["ATTRIBUTION", "clean", "more_line", "word"]

#: Dutch and English of each word the deck writes itself.
_WORDS: dict[str, tuple[str, str]] = {
    "access": ("Toegang", "Access"),
    "agreements": ("Afspraken", "Agreements"),
    "baseline": ("Nu", "Today"),
    "baseline_share": ("Aandeel communicatie en controle", "Share of communication and control"),
    "authors": ("Auteurs", "Authors"),
    "basis": ("Onderbouwing", "Basis"),
    "canvas_version": ("canvasversie", "canvas version"),
    "capabilities": ("Voorzieningen", "Capabilities"),
    "counter": ("tegen", "for"),
    "customer": ("Eindklant", "End customer"),
    "date": ("datum", "date"),
    "decision_making": ("Besluitvorming", "Decision making"),
    "decision_rights": ("Beslisrechten", "Decision rights"),
    "empty": ("nog niet ingevuld", "not filled in yet"),
    "exclusive": ("exclusief voor", "exclusive to"),
    "expected_saving": ("Verwachte besparing", "Expected saving"),
    "external": ("extern", "external"),
    "financing": ("Financiering", "Financing"),
    "flow": ("Van → naar", "From → to"),
    "goal": ("Doel", "Goal"),
    "inside": ("Binnen", "Inside"),
    "instruments": ("Instrumenten", "Instruments"),
    "interest": ("belang", "interest"),
    "language": ("taal", "language"),
    "legal_form": ("Rechtsvorm", "Legal form"),
    "maturity": ("Volwassenheid", "Maturity"),
    "measure": ("Meten", "Measure"),
    "mitigation": ("aanpak", "mitigation"),
    "mode": ("Soort en vorm", "Kind and mode"),
    "note": ("Notitie", "Note"),
    "outside": ("Buiten", "Outside"),
    "overview": ("Overzicht", "Overview"),
    "parent_domain": ("Deel van", "Part of"),
    "party": ("Partij", "Party"),
    "primary": ("primair", "primary"),
    "principles": ("Principes", "Principles"),
    "problem": ("Probleem", "Problem"),
    "process_area": ("Procesgebied", "Process area"),
    "profile": ("Profiel en rollen", "Profile and roles"),
    "questions": (
        "Nog niet ingevuld. Vragen om te beantwoorden:",
        "Not filled in yet. Questions to answer:",
    ),
    "reason": ("waarom", "why"),
    "resistance": ("Weerstand", "Resistance"),
    "schema": ("schema", "schema"),
    "serves_end_customer": ("bedient de eindklant", "serves the end customer"),
    "source": ("bron", "source"),
    "status": ("Status", "Status"),
    "steps": ("Stappen", "Steps"),
    "steward": ("Beheerder", "Steward"),
    "target_group": ("Doelgroep", "Target group"),
    "undated": ("zonder datum", "undated"),
    "untitled": ("Naamloos canvas", "Untitled canvas"),
    "users": ("Gebruikers", "Users"),
    "value": ("Waarde", "Value"),
    "via_commonality": ("via de commonality", "via the commonality"),
    "waste": ("Verspilling", "Waste"),
    "who": ("Wie en ernst", "Who and severity"),
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
