"""Strings that stress a file format: awkward free text and awkward (but plain) ids.

Free text is where YAML, JSON and TOML disagree most: words YAML reads as booleans, nulls or
numbers, leading dashes and hashes, quotes, backslashes, line breaks of every kind, invisible and
right-to-left characters. Ids are awkward too (``yes``, ``1e3``, ``-x``, letters from any script)
but never contain white space, quotes, control characters or :data:`SENTINEL`, so that ``repr``
of an id is the id in quotes and a test can find a renamed id in a message unambiguously.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = [
    "AWKWARD_KINDS",
    "AWKWARD_STRINGS",
    "SENTINEL",
    "SPECIAL_IDS",
    "awkward_text",
    "entity_ids",
    "plain_text",
]

#: A character no generated text or id ever contains. Tests use it to build tokens (renamed ids,
#: for example) that cannot collide with anything already in a canvas.
SENTINEL = "\u27e6"  # MATHEMATICAL LEFT WHITE SQUARE BRACKET: printable, so repr keeps it

#: Strings a careless writer of YAML, JSON or TOML gets wrong, by kind. Many are read as
#: something other than a string when written unquoted. Drawing picks a kind first, so rare
#: kinds (line separators, control characters) turn up as often as the many YAML words.
# fmt: off
AWKWARD_KINDS: dict[str, tuple[str, ...]] = {
    "yaml words": (
        "yes", "no", "Yes", "NO", "on", "Off", "y", "n", "true", "False", "TRUE",
        "null", "Null", "NULL", "~", "none", "None",
    ),
    "numbers and dates": (
        "1e3", "-1e-3", "1E3", "0x1F", "0o17", "0b101", "1_000", "+1", "-0", "007", ".5", "1.",
        ".inf", "-.inf", ".NaN", "nan", "inf", "2024-01-31", "2024-01-31T12:30:00Z", "12:30",
        "1:20:30",
    ),
    "indicators": (
        "-", "--", "---", "...", "- item", "-leading dash", "? key", ":", ": value",
        "key: value", "#", "# not a comment", "a #b", "&anchor", "*alias", "!tag", "!!str",
        "|", ">", "|-", ">+", "%YAML 1.2", "@at", "`tick", "<<", "=", "a = b", "[section]",
        "[[array]]", "[a, b]", "{a: b}",
    ),
    "quotes and escapes": (
        "'", '"', "''", '""', "it's", 'say "hi"', "'quoted'", '"quoted"', '"""', "'''",
        "back\\slash", "C:\\path\\n", "\\u0041", "\\",
    ),
    "line breaks": (
        "\n", "\n\n", "line\nbreak", "trailing newline\n", "\nleading newline",
        "crlf\r\nline", "\r", "cr\rline", "line\u2028separator", "para\u2029separator",
        "next\u0085line", "\u2028",
    ),
    "white space": (
        "tab\there", "\t", "  leading spaces", "trailing spaces  ", " ", "   ", "\u00a0nbsp",
        "\u3000ideographic", "\u000bvertical tab", "\u000cform feed",
    ),
    "unicode": (
        "Zoë", "Ĳsselmonde", "Straße", "ﬁne", "İstanbul", "日本語", "中文", "한국어",
        "עברית", "العربية", "emoji 🚢📦", "👩\u200d💻", "e\u0301", "zero\u200bwidth",
        "\ufeffbom", "\u202eright-to-left override", "\U0001d11e",
    ),
    "control characters": ("nul\x00byte", "bell\x07", "esc\x1b[0m", "del\x7f", "\x1f", "\x00"),
}
# fmt: on

#: Every awkward string, all kinds together.
AWKWARD_STRINGS: tuple[str, ...] = tuple(
    string for strings in AWKWARD_KINDS.values() for string in strings
)

#: Ids that look like something else to a YAML or TOML reader.
# fmt: off
SPECIAL_IDS: tuple[str, ...] = (
    "yes", "no", "on", "off", "true", "false", "null", "Null", "~", "1e3", "1E3", "0x1F",
    "007", "1_000", "-1", "+1", ".5", ".inf", "-", "-x", "--", "2024-01-31", "12:30", "#a",
    "a#b", "&a", "*a", "!a", "@a", "%a", "a:b", "[a]", "{a}", "Zoë", "日本", "İ", "ß",
)
# fmt: on

_TEXT_CHARACTERS = st.characters(
    codec="utf-8",  # no lone surrogates: they cannot be written to any file
    exclude_characters=SENTINEL,
)
_ID_CHARACTERS = st.characters(
    categories=("Lu", "Ll", "Lt", "Lo", "Nd"),
    include_characters="-_.:/#@+~&*!%",
    exclude_characters=SENTINEL,
)


def plain_text(*, min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[str]:
    """Text of any Unicode characters (no surrogates, no :data:`SENTINEL`), short by default."""
    return st.text(_TEXT_CHARACTERS, min_size=min_size, max_size=max_size)


def awkward_text(*, max_parts: int = 3) -> st.SearchStrategy[str]:
    """Free text built from up to ``max_parts`` awkward strings and random Unicode snippets.

    Shrinks towards the empty string, then towards a single :data:`AWKWARD_STRINGS` entry.
    """
    awkward = st.one_of([st.sampled_from(strings) for strings in AWKWARD_KINDS.values()])
    part = st.one_of(awkward, plain_text(max_size=8))
    return st.lists(part, max_size=max_parts).map("".join)


def entity_ids() -> st.SearchStrategy[str]:
    """A non-empty id: a YAML- or TOML-special word, or letters, digits and punctuation.

    Ids never hold white space, quotes, control characters or :data:`SENTINEL`.
    """
    return st.one_of(
        st.text(_ID_CHARACTERS, min_size=1, max_size=8),
        st.sampled_from(SPECIAL_IDS),
    )
