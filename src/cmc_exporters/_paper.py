"""Paper sizes for the poster exporters: ``-O paper=a3|a2|a1|a0`` and ``-O orientation=...``.

The html exporter turns the choice into a CSS ``@page`` size and grows its print font with the
paper (see :attr:`Paper.scale`); the svg exporter gives the image that physical size. The
default is A3 landscape, the workshop poster.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs

from cmc_core.exporting import ExportSettingError
from cmc_core.translation import Messages

__all__ = ["PAPER_SIZES", "Paper", "PaperSettingError", "paper_from"]

#: Width and height in millimetres, in landscape, by name.
PAPER_SIZES: dict[str, tuple[int, int]] = {
    "a3": (420, 297),
    "a2": (594, 420),
    "a1": (841, 594),
    "a0": (1189, 841),
}
ORIENTATIONS = ("landscape", "portrait")

_ = Messages("cmc_exporters", "exporters")


class PaperSettingError(ExportSettingError):
    """A ``paper`` or ``orientation`` setting names no known choice."""


@attrs.frozen
class Paper:
    """A paper size and orientation.

    :param name: ``a3``, ``a2``, ``a1`` or ``a0``.
    :param orientation: ``landscape`` or ``portrait``.
    """

    name: str = "a3"
    orientation: str = "landscape"

    @property
    def size_mm(self) -> tuple[int, int]:
        """Width and height in millimetres."""
        long, short = PAPER_SIZES[self.name]
        return (long, short) if self.orientation == "landscape" else (short, long)

    @property
    def scale(self) -> float:
        """How much larger than on A3 the print font is: the square root of how much longer
        the paper's sides are (A2 1.19, A1 1.41, A0 1.68).

        A larger sheet gets both larger text, to be read from further away, and more room: a
        canvas that fills two A3 pages fits on one A1.
        """
        return round(math.sqrt(PAPER_SIZES[self.name][0] / PAPER_SIZES["a3"][0]), 3)

    @property
    def css_size(self) -> str:
        """The CSS ``@page`` size as width and height, such as ``420mm 297mm``.

        Measures rather than names: CSS names A3 but not A2 to A0, and browsers print an
        unknown name on their default paper.
        """
        width, height = self.size_mm
        return f"{width}mm {height}mm"


def _choice(
    exporter: str, settings: Mapping[str, str], key: str, choices: tuple[str, ...], default: str
) -> str:
    value = settings.get(key, default).strip().lower() or default
    if value not in choices:
        # In the language of the moment: the command line says it in its own words around it.
        expected = _(
            "one of {choices} (default {default})", choices=", ".join(choices), default=default
        )
        raise PaperSettingError(exporter, key, settings[key], expected)
    return value


def paper_from(exporter: str, settings: Mapping[str, str], default: str = "a3") -> Paper:
    """The paper the settings ask for (``paper`` and ``orientation``), ``default`` (A3)
    landscape when they ask for none.

    :param exporter: the name of the exporter reading them, for the error.
    :raises PaperSettingError: for an unknown size or orientation, naming the choices.
    """
    return Paper(
        _choice(exporter, settings, "paper", tuple(PAPER_SIZES), default),
        _choice(exporter, settings, "orientation", ORIENTATIONS, "landscape"),
    )
