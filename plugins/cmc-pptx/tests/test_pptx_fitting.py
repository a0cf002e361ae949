"""Font sizes are computed to fit: the estimate, the search within the clamp, and the overflow."""

from __future__ import annotations

import pytest
from cmc_core.testing import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_pptx.fitting import (
    AVERAGE_GLYPH_WIDTH_EM,
    ELLIPSIS,
    LINE_SPACING_EM,
    FontClamp,
    cut_to_lines,
    fit_table,
    fit_text,
    line_count,
    text_height,
)

CLAMP = FontClamp(6, 14)


def more(hidden: int) -> str:
    return f"+{hidden} more"


def width_for(characters: int, size: float) -> float:
    """A box width that holds exactly ``characters`` average characters a line at ``size``."""
    return characters * AVERAGE_GLYPH_WIDTH_EM * size


def height_for(lines: int, size: float) -> float:
    return lines * LINE_SPACING_EM * size


def test_a_font_clamp_tries_every_half_point_from_the_largest_down() -> None:
    assert FontClamp(8, 10).sizes() == (10, 9.5, 9, 8.5, 8)


def test_a_font_clamp_refuses_a_minimum_above_its_maximum() -> None:
    with pytest.raises(ValueError, match="minimum <= maximum"):
        FontClamp(12, 8)


def test_text_wraps_at_word_boundaries_as_a_greedy_wrapper_does() -> None:
    width = width_for(10, 10)

    assert line_count("aaaa bbbb", width, 10) == 1
    assert line_count("aaaa bbbb cccc", width, 10) == 2
    assert line_count("aaaa\nbbbb", width, 10) == 2


def test_a_word_longer_than_a_line_is_broken_across_lines() -> None:
    assert line_count("x" * 25, width_for(10, 10), 10) == 3


def test_wide_characters_count_double_and_combining_marks_nothing() -> None:
    width = width_for(10, 10)

    assert line_count("日本語日本", width, 10) == 1
    assert line_count("日本語日本語", width, 10) == 2
    assert line_count("e\u0301" * 10, width, 10) == 1


def test_short_text_gets_the_largest_size_of_the_clamp() -> None:
    fitted = fit_text(["Short."], 200, 100, CLAMP, more)

    assert fitted.size == CLAMP.maximum
    assert fitted.items == ("Short.",)
    assert not fitted.cut


def test_text_that_fits_only_smaller_gets_the_largest_size_at_which_it_fits() -> None:
    text = "word " * 40
    width, height = 150.0, 80.0

    fitted = fit_text([text], width, height, CLAMP, more)

    assert CLAMP.minimum < fitted.size < CLAMP.maximum
    assert text_height([text], width, fitted.size) <= height
    assert text_height([text], width, fitted.size + 0.5) > height


def test_items_that_do_not_fit_at_the_minimum_end_with_a_count_of_those_left_out() -> None:
    items = [f"Party number {n} with a long specialisation" for n in range(40)]
    width, height = 120.0, height_for(8, CLAMP.minimum)

    fitted = fit_text(items, width, height, CLAMP, more)

    assert fitted.size == CLAMP.minimum
    assert fitted.cut
    assert fitted.items[-1] == f"+{fitted.hidden} more"
    shown = fitted.items[:-1]
    assert len(shown) + fitted.hidden == len(items)
    assert all(item == items[n] or item.endswith(ELLIPSIS) for n, item in enumerate(shown))
    assert text_height(fitted.items, width, fitted.size) <= height


def test_a_single_item_too_long_for_its_box_is_cut_with_an_ellipsis_and_no_count() -> None:
    text = "Donaudampfschifffahrt " * 200
    width, height = 100.0, height_for(5, CLAMP.minimum)

    fitted = fit_text([text], width, height, CLAMP, more)

    (item,) = fitted.items
    assert item.endswith(ELLIPSIS)
    assert text.startswith(item[:-1])
    assert fitted.hidden == 0
    assert line_count(item, width, CLAMP.minimum) <= 5


def test_cutting_keeps_the_longest_start_that_fits() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta"
    width = width_for(12, 10)

    cut = cut_to_lines(text, 2, width, 10)

    assert cut == "alpha beta gamma delta" + ELLIPSIS
    assert line_count(cut, width, 10) == 2
    for end in range(len(cut), len(text) + 1):  # every longer start needs a third line
        longer = text[:end].rstrip() + ELLIPSIS
        assert longer == cut or line_count(longer, width, 10) > 2


paragraphs = st.lists(st.text(min_size=0, max_size=300), min_size=1, max_size=12)


@settings(max_examples=examples(150), deadline=None)
@given(
    items=paragraphs,
    characters=st.integers(min_value=4, max_value=80),
    lines=st.integers(min_value=3, max_value=30),
)
def test_fitted_text_lies_within_the_clamp_and_its_box(
    items: list[str], characters: int, lines: int
) -> None:
    width, height = width_for(characters, CLAMP.minimum), height_for(lines, CLAMP.minimum)

    fitted = fit_text(items, width, height, CLAMP, more)

    assert CLAMP.minimum <= fitted.size <= CLAMP.maximum
    assert text_height(fitted.items, width, fitted.size) <= height + 1e-6
    if not fitted.cut:
        assert fitted.items == tuple(items)


@settings(max_examples=examples(150), deadline=None)
@given(
    text=st.text(min_size=1, max_size=200),
    extra=st.text(min_size=1, max_size=400),
    characters=st.integers(min_value=4, max_value=60),
    lines=st.integers(min_value=3, max_value=20),
)
def test_longer_text_never_gets_a_larger_size_than_its_start(
    text: str, extra: str, characters: int, lines: int
) -> None:
    width, height = width_for(characters, CLAMP.minimum), height_for(lines, CLAMP.minimum)

    short = fit_text([text], width, height, CLAMP, more)
    long = fit_text([text + extra], width, height, CLAMP, more)

    assert long.size <= short.size


def test_a_table_of_few_short_rows_gets_the_largest_size() -> None:
    rows = [("A", "supplier")]

    fitted = fit_table(("Party", "Role"), rows, (100, 100), 200, clamp=CLAMP, more=more)

    assert fitted.size == CLAMP.maximum
    assert fitted.rows == (("Party", "Role"), ("A", "supplier"))


def test_a_table_too_long_for_its_box_keeps_its_header_and_counts_the_rows_left_out() -> None:
    rows = [(f"Party {n}", "a specialisation of some length " * 3) for n in range(50)]
    height = 150.0

    fitted = fit_table(("Party", "Profile"), rows, (60, 90), height, clamp=CLAMP, more=more)

    assert fitted.size == CLAMP.minimum
    assert fitted.rows[0] == ("Party", "Profile")
    assert fitted.rows[-1] == (f"+{fitted.hidden} more", "")
    assert len(fitted.rows) - 2 + fitted.hidden == len(rows)
    assert sum(fitted.row_heights) <= height
    assert len(fitted.row_heights) == len(fitted.rows)


@settings(max_examples=examples(100), deadline=None)
@given(
    rows=st.lists(st.tuples(st.text(max_size=120), st.text(max_size=200)), max_size=30),
    height=st.floats(min_value=60, max_value=400),
)
def test_a_fitted_table_never_grows_taller_than_its_box(
    rows: list[tuple[str, str]], height: float
) -> None:
    fitted = fit_table(("Value", "Flow"), rows, (70, 100), height, clamp=CLAMP, more=more)

    assert CLAMP.minimum <= fitted.size <= CLAMP.maximum
    assert sum(fitted.row_heights) <= height + 1e-6
