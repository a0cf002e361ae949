"""The score card as a radar chart: the geometry, computed here, drawn by the SVG templates.

One axis per applicable dimension, clockwise from the top; rings at 25, 50, 75 and 100; the
band cut-offs as dashed rings; the scores as a polygon with a dot on each axis. Labels sit
outside the chart, anchored away from the centre and wrapped to fit
(:mod:`cmc_exporters._measure`). Coordinates are rounded to 0.1 so the output is stable and
short. A radar needs three axes to enclose anything: with fewer applicable dimensions there is
no chart (the score table says it all).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from cmc_core.scoring import DEFAULT_BANDS, Bands
from cmc_exporters._document import DimensionRow
from cmc_exporters._measure import wrap

__all__ = ["Axis", "RadarChart", "radar_chart"]

_RINGS = (25.0, 50.0, 75.0, 100.0)
#: The least number of axes a radar chart is drawn for.
MINIMUM_AXES = 3


def _r(value: float) -> float:
    return round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0


@attrs.frozen
class Axis:
    """One dimension's spoke: from the centre to (x, y), its score's dot, its label."""

    x: float
    y: float
    dot_x: float
    dot_y: float
    label_x: float
    label_y: float
    anchor: str
    lines: tuple[str, ...]
    score_text: str
    band: str | None


@attrs.frozen
class RadarChart:
    """Everything the template draws, in a ``width`` x ``height`` view box."""

    width: float
    height: float
    cx: float
    cy: float
    radius: float
    font_size: float
    rings: tuple[str, ...]
    band_rings: tuple[str, ...]
    axes: tuple[Axis, ...]
    polygon: str


def _points(corners: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_r(x):g},{_r(y):g}" for x, y in corners)


def radar_chart(
    dimensions: Sequence[DimensionRow],
    radius: float = 120.0,
    margin: float = 110.0,
    font_size: float = 11.0,
    bands: Bands = DEFAULT_BANDS,
) -> RadarChart | None:
    """The radar of the applicable dimensions, or ``None`` with fewer than three.

    :param margin: room around the circle for the labels, on each side.
    """
    shown = [d for d in dimensions if d.applicable]
    if len(shown) < MINIMUM_AXES:
        return None
    cx = cy = radius + margin
    angles = [2 * math.pi * i / len(shown) - math.pi / 2 for i in range(len(shown))]

    def corner(angle: float, score: float) -> tuple[float, float]:
        length = radius * score / 100
        return cx + length * math.cos(angle), cy + length * math.sin(angle)

    axes = []
    for dimension, angle in zip(shown, angles, strict=True):
        x, y = corner(angle, 100)
        dot_x, dot_y = corner(angle, dimension.score)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        lines = wrap(dimension.title, margin - 12 if anchor != "middle" else 2 * margin, font_size)
        if len(lines) > 3:
            lines = [*lines[:2], lines[2] + " …"]
        label_x = cx + (radius + 10) * cos
        label_y = cy + (radius + 10) * sin
        block = (len(lines) + 1) * font_size * 1.2
        if sin < -0.3:
            label_y -= block - font_size  # above the chart: grow upwards
        elif abs(sin) <= 0.3:
            label_y -= block / 2 - font_size
        else:
            label_y += font_size
        axes.append(
            Axis(
                x=_r(x),
                y=_r(y),
                dot_x=_r(dot_x),
                dot_y=_r(dot_y),
                label_x=_r(label_x),
                label_y=_r(label_y),
                anchor=anchor,
                lines=tuple(lines),
                score_text=dimension.score_text,
                band=dimension.band,
            )
        )
    rings = tuple(_points([corner(a, ring) for a in angles]) for ring in _RINGS)
    band_rings = tuple(
        _points([corner(a, cut) for a in angles]) for cut in (bands.adequate, bands.strong)
    )
    polygon = _points([corner(a, d.score) for d, a in zip(shown, angles, strict=True)])
    size = 2 * (radius + margin)
    return RadarChart(
        width=_r(size),
        height=_r(size),
        cx=_r(cx),
        cy=_r(cy),
        radius=radius,
        font_size=font_size,
        rings=rings,
        band_rings=band_rings,
        axes=tuple(axes),
        polygon=polygon,
    )
