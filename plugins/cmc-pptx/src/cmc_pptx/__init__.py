"""cmc-pptx: export a Community Model Canvas as an editable PowerPoint deck.

The plugin registers one exporter, ``pptx``: an overview slide of the whole canvas laid out like
the canvas, then one slide per zone with every block in a native text box or table. Font sizes
are computed to fit each box (:mod:`cmc_pptx.fitting`); nothing is a picture. Use it with
``cmc export canvas.cmc.yaml --to pptx -o deck.pptx``.

Settings (``-O key=value``):

``notes``
    ``yes`` (default) or ``no`` (also ``ja`` or ``nee``): whether the slides have speaker
    notes: the canvas's name, description, authors and status on the overview, and the full,
    untruncated text of every block on its zone slide.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from cmc_core import hookimpl
from cmc_core.canvas import Canvas
from cmc_core.exporting import Exporter, ExportOptions, ExportSettingError
from cmc_core.translation import current_language
from cmc_core.vocabulary import Language

__all__ = ["EXPORTER", "PptxSettingError", "cmc_register_exporters", "export_pptx"]

__version__ = "0.1.0"

_YES = frozenset({"yes", "true", "on", "1", "ja"})
_NO = frozenset({"no", "false", "off", "0", "nee"})
#: What a flag takes, said in the language of the moment: ``cmc export`` puts it in its message.
_EXPECTED_FLAG = {Language.NL: "ja of nee", Language.EN: "yes or no"}


class PptxSettingError(ExportSettingError):
    """A setting of the ``pptx`` exporter has a value it does not understand."""


def _flag(settings: Mapping[str, str], key: str, default: bool) -> bool:
    value = settings.get(key)
    if value is None:
        return default
    if value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    raise PptxSettingError("pptx", key, value, _EXPECTED_FLAG[current_language()])


def export_pptx(canvas: Canvas, options: ExportOptions) -> bytes:
    """The canvas as a .pptx deck, in the language ``options`` asks for (else the canvas's own).

    The same canvas and options always give the same bytes: no clock, no machine details.

    :raises PptxSettingError: when a setting has a value the exporter does not understand.
    """
    # python-pptx (and lxml with it) loads only when a deck is made, not when plugins are listed.
    from cmc_pptx.content import block_contents
    from cmc_pptx.deck import build_deck
    from cmc_pptx.document import footer_lines, overview_notes, reproducible_bytes, set_properties
    from cmc_pptx.wording import clean, word

    notes = _flag(options.settings, "notes", default=True)
    language = options.language_for(canvas)
    name = " ".join(clean(canvas.meta.name).split()) or word("untitled", language)
    deck = build_deck(
        block_contents(canvas, language),
        name,
        footer=footer_lines(canvas, name, language),
        language=language,
        overview_notes=overview_notes(canvas, name, language) if notes else None,
    )
    set_properties(deck, canvas, name, language)
    return reproducible_bytes(deck, canvas)


#: The exporter this plugin registers.
EXPORTER = Exporter(
    name="pptx",
    title="PowerPoint deck (editable)",
    media_type="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extension=".pptx",
    export=export_pptx,
    description=(
        "An overview slide of the canvas and one slide per zone, with every block as a native "
        "text box or table whose font size is computed to fit. Setting: notes=yes|no."
    ),
    settings=("notes",),  # so that a misspelt -O key is refused, not ignored
)


@hookimpl
def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the ``pptx`` exporter."""
    register(EXPORTER)
