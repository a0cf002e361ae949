"""What every export says about itself: the canvas, its versions, the language, the date, the
moment it describes and where the method comes from.

Each exporter writes these in its own way (comments, a title, columns) but from this one
source, so the wording is the same everywhere. The date is the canvas's own ``meta.date``,
never the clock: the same canvas always exports to the same bytes. ``meta.as_of`` (the moment
the canvas describes, schema version 2) follows it when the canvas gives one, so that exports
of snapshots of one community (pilot, launch, later) can be told apart.
"""

from __future__ import annotations

import attrs

from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language, label

__all__ = ["ATTRIBUTION", "METHOD", "Colophon", "colophon"]

_ = Messages("cmc_exporters", "exporters")

#: The method, as a short name for a data column.
METHOD = "Community Model Canvas (CMC), Weconomics"

_ATTRIBUTION = N_(
    "Made with the Community Model Canvas (CMC) method of Weconomics; exported with cmc."
)
#: The attribution line of an export, by language.
ATTRIBUTION: dict[Language, str] = {
    language: _.translate(_ATTRIBUTION, language) for language in Language
}

_WORDS: dict[str, str] = {
    "untitled": N_("(untitled)"),
    "canvas_version": N_("canvas version"),
    "schema_version": N_("schema version"),
    "language": N_("language"),
    "date": N_("date"),
    "no_date": N_("not given"),
    "as_of": N_("as of"),
}


@attrs.frozen
class Colophon:
    """The facts an export carries about its canvas, with the wording for ``language``.

    :param name: the canvas name as written (may be empty).
    :param date: ``meta.date``, or ``None`` when the canvas gives none.
    :param as_of: ``meta.as_of``, the moment the canvas describes, or ``None``.
    """

    name: str
    canvas_version: str
    schema_version: int
    language: Language
    date: str | None
    as_of: str | None = None

    def word(self, key: str) -> str:
        """A fixed word of the colophon in the export's language."""
        return _.translate(_WORDS[key], self.language)

    @property
    def title(self) -> str:
        """``Community Model Canvas: NAME`` (the name may hold any text: escape it)."""
        return f"Community Model Canvas: {self.name.strip() or self.word('untitled')}"

    @property
    def facts(self) -> str:
        """Versions, language, date and (when given) the moment described, on one line, such as
        ``canvas version 1.0 · ... · date: 2024-11-14 · as of: 2018``."""
        language = f"{label(self.language, self.language)} ({self.language.value})"
        facts = [
            f"{self.word('canvas_version')} {self.canvas_version}",
            f"{self.word('schema_version')} {self.schema_version}",
            f"{self.word('language')}: {language}",
            f"{self.word('date')}: {self.date or self.word('no_date')}",
        ]
        if self.as_of is not None and self.as_of.strip():
            facts.append(f"{self.word('as_of')}: {self.as_of.strip()}")
        return " · ".join(facts)

    @property
    def attribution(self) -> str:
        """The attribution line for the CMC method."""
        return ATTRIBUTION[self.language]

    def lines(self) -> tuple[str, str, str]:
        """The title, the facts and the attribution: the three lines of a header."""
        return (self.title, self.facts, self.attribution)


def colophon(canvas: Canvas, language: Language) -> Colophon:
    """The colophon of ``canvas`` exported in ``language``."""
    meta = canvas.meta
    return Colophon(meta.name, meta.canvas_version, SCHEMA_VERSION, language, meta.date, meta.as_of)
