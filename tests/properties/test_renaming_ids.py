"""Property: renaming every id consistently changes no diagnostic, except where it names ids.

The renaming is a bijection onto fresh tokens that keeps the ids' order (rules list entities
sorted by name and id, so an order-changing renaming may legitimately reorder a message). The
tokens contain a character no generated canvas holds, so mapping them back in messages and
subjects is exact.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_core import Canvas, Report
from cmc_core.rules import validate
from cmc_core.strategies import SENTINEL, canvases, id_strings, rename_ids, valid_canvases

Comparable = tuple[str, str, str, str | None, tuple[tuple[str, float], ...]]


def order_keeping_renaming(canvas: Canvas) -> dict[str, str]:
    return {old: f"{SENTINEL}{n:05d}" for n, old in enumerate(sorted(id_strings(canvas)))}


def renamed_back(report: Report, renaming: dict[str, str]) -> Counter[Comparable]:
    back = {new: old for old, new in renaming.items()}
    token = re.compile(re.escape(SENTINEL) + r"\d{5}")

    def restore(text: str) -> str:
        return token.sub(lambda match: back[match.group()], text)

    return Counter(
        (
            d.code,
            str(d.severity),
            restore(d.message),
            None if d.subject is None else restore(d.subject),
            d.figures,
        )
        for d in report
    )


def comparable(report: Report) -> Counter[Comparable]:
    return Counter((d.code, str(d.severity), d.message, d.subject, d.figures) for d in report)


@settings(deadline=None)
@given(canvas=st.one_of(canvases(), valid_canvases()))
def test_renaming_ids_consistently_changes_only_the_names_in_diagnostics(canvas: Canvas) -> None:
    renaming = order_keeping_renaming(canvas)
    renamed = rename_ids(canvas, renaming)
    assert id_strings(renamed) == set(renaming.values())
    assert renamed_back(validate(renamed), renaming) == comparable(validate(canvas))


@settings(deadline=None)
@given(canvas=canvases())
def test_renaming_there_and_back_restores_the_canvas(canvas: Canvas) -> None:
    renaming = order_keeping_renaming(canvas)
    back = {new: old for old, new in renaming.items()}
    assert rename_ids(rename_ids(canvas, renaming), back.__getitem__) == canvas
