"""The deck as a file: metadata from the canvas, and bytes that are the same on every run.

python-pptx stamps each zip member with the current time and would keep the template's core
properties (its author, its dates). Here the core properties are taken from the canvas alone
(``meta.date``, never the clock), and the package is rewritten by
:func:`cmc_core.reproducible.reproducible_zip` with every member stamped with the canvas's date
and the members in a fixed order, so that the same canvas always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.reproducible import document_date, reproducible_zip
from cmc_core.vocabulary import Language, label
from pptx.oxml.ns import qn
from pptx.presentation import Presentation

from cmc_pptx.wording import ATTRIBUTION, clean, word

__all__ = [
    "canvas_date",
    "footer_lines",
    "overview_notes",
    "reproducible_bytes",
    "set_properties",
]

#: The longest text a core property may hold (python-pptx refuses more).
_PROPERTY_LIMIT = 255


def canvas_date(canvas: Canvas) -> dt.datetime | None:
    """``meta.date`` as a UTC time (:func:`cmc_core.reproducible.document_date`), for the
    document properties; ``None`` if absent, unreadable or before the year 1000."""
    moment = document_date(canvas)
    # A document date needs a four-digit year (W3CDTF); older dates stay in the footer only.
    return moment if moment is not None and moment.year >= 1000 else None


def footer_lines(canvas: Canvas, name: str, language: Language) -> tuple[str, str]:
    """The bottom lines of every slide: canvas, versions, language and date; then the method."""
    meta = canvas.meta
    date = clean(meta.date or "").strip() or word("undated", language)
    facts = (
        name,
        f"{word('canvas_version', language)} {clean(meta.canvas_version).strip() or '?'}",
        f"{word('schema', language)} {SCHEMA_VERSION}",
        f"{word('language', language)}: {label(language, language)}",
        f"{word('date', language)}: {date}",
    )
    return " · ".join(facts), ATTRIBUTION[language]


def overview_notes(canvas: Canvas, name: str, language: Language) -> str:
    """The speaker notes of the overview: the canvas's name, description, authors and status."""
    meta = canvas.meta
    lines = [name, clean(meta.description).strip()]
    authors = "; ".join(text for text in (clean(a).strip() for a in meta.authors) if text)
    lines.append(f"{word('authors', language)}: {authors}" if authors else "")
    lines.append(f"{word('status', language)}: {label(meta.status, language)}")
    return "\n\n".join(line for line in lines if line)


def _limited(text: str) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def set_properties(
    presentation: Presentation, canvas: Canvas, name: str, language: Language
) -> None:
    """Fill the core properties (title, author, dates...) from the canvas and nothing else."""
    meta = canvas.meta
    properties = presentation.core_properties
    properties.title = _limited(name)
    properties.subject = "Community Model Canvas"
    properties.author = _limited("; ".join(meta.authors))
    properties.keywords = "Community Model Canvas; CMC; Weconomics"
    properties.comments = _limited(meta.description)
    properties.category = "Community Model Canvas"
    properties.language = language.value
    properties.version = _limited(meta.canvas_version)
    properties.content_status = label(meta.status, language)
    properties.last_modified_by = "cmc-pptx"
    properties.revision = 1
    moment = canvas_date(canvas)
    if moment is not None:
        properties.created = properties.modified = moment
    else:
        # An undated canvas gets no dates at all rather than the template's (or the clock's).
        element = properties._element  # no public API removes a core property
        for child in list(element):
            if child.tag in (qn("dcterms:created"), qn("dcterms:modified")):
                element.remove(child)


def reproducible_bytes(presentation: Presentation, canvas: Canvas) -> bytes:
    """The saved presentation, every zip member stamped with the canvas's date (1 January 1980
    when it has none) and the members in a fixed order: the same canvas, the same bytes."""
    saved = io.BytesIO()
    presentation.save(saved)
    return reproducible_zip(saved.getvalue(), document_date(canvas))
