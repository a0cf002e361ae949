"""``cmc check`` with a broken ``cmc.toml``: the complaint speaks ``CMC_LANG`` or ``--lang``.

A configuration is read before any canvas, so its mistakes cannot follow a canvas's language;
they follow ``--lang``, else ``CMC_LANG`` or the locale, and the ``Error:`` before them speaks
the same language. English stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.english import english_words

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]
DUTCH = {"CMC_LANG": "nl"}
#: An English canvas: the configuration's language must not come from the canvas either.
ENGLISH_CANVAS = ("--example", "regional-healthcare")

#: A broken cmc.toml, the key it names, and what the complaint says in Dutch and in English.
BROKEN = {
    "misspelt key": (
        'selct = ["CMC001"]\n',
        "selct: onbekende sleutel; bedoelde je 'select'?",
        "selct: unknown key; did you mean 'select'?",
    ),
    "unknown key": ("colour = 'red'\n", "colour: onbekende sleutel", "colour: unknown key"),
    "list of codes": (
        "select = 3\n",
        "select: verwacht een lijst van regelcodes of voorvoegsels van codes, gevonden 3",
        "select: expected a list of rule codes or code prefixes, got 3",
    ),
    "bad code": (
        'ignore = ["CMC-1"]\n',
        "ignore: 'CMC-1' is geen regelcode of voorvoegsel van een code zoals 'CMC001' of 'CMC0'",
        "ignore: 'CMC-1' is not a rule code or code prefix such as 'CMC001' or 'CMC0'",
    ),
    "severity table": (
        'severity = ["CMC001"]\n',
        "severity: verwacht een tabel van regelcode = ernst, gevonden ['CMC001']",
        "severity: expected a table of rule code = severity, got ['CMC001']",
    ),
    "severity per prefix": (
        'severity = { CMC0 = "info" }\n',
        "severity.CMC0: 'CMC0' is geen regelcode zoals 'CMC001' (de ernst stel je per code in)",
        "severity.CMC0: 'CMC0' is not a rule code such as 'CMC001' (severities are set per code)",
    ),
    "count": (
        "min_suppliers = 0\n",
        "min_suppliers: verwacht een geheel getal van ten minste 1, gevonden 0",
        "min_suppliers: expected a whole number of at least 1, got 0",
    ),
    "huge count": (
        "min_demanders = 99999999999\n",
        "min_demanders: verwacht een geheel getal van 1 tot en met 1.000.000.000, gevonden",
        "min_demanders: expected a whole number from 1 to 1,000,000,000, got 99999999999",
    ),
    "number": (
        "hhi_threshold = 'high'\n",
        "hhi_threshold: verwacht een getal, gevonden 'high'",
        "hhi_threshold: expected a number, got 'high'",
    ),
    "share": (
        "hub_share = 1.5\n",
        "hub_share: verwacht een aandeel van 0 tot en met 1, gevonden 1.5",
        "hub_share: expected a share from 0 to 1, got 1.5",
    ),
    "finite": (
        "even_split_margin = inf\n",
        "even_split_margin: verwacht een eindig getal, gevonden inf",
        "even_split_margin: expected a finite number, got inf",
    ),
    "code naming no rule": (
        'select = ["CMC999"]\n',
        "select: 'CMC999' is geen regel.",
        "select: 'CMC999' names no rule.",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_config_mistake_is_dutch_with_cmc_lang_nl(
    invoke: Invoke, write: Write, case: str
) -> None:
    content, dutch, _english = BROKEN[case]
    write("cmc.toml", content)
    result = invoke("check", *ENGLISH_CANVAS, env=DUTCH)
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: ")
    assert "cmc.toml" in result.stderr
    assert dutch in result.stderr
    assert english_words(result.stderr) == []
    assert result.stdout == ""
    assert_no_traceback(result)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_lang_nl_wins_over_an_english_environment(invoke: Invoke, write: Write, case: str) -> None:
    content, dutch, _english = BROKEN[case]
    write("cmc.toml", content)
    result = invoke("check", *ENGLISH_CANVAS, "--lang", "nl", env={"CMC_LANG": "en"})
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout: ")
    assert dutch in result.stderr
    assert english_words(result.stderr) == []


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_english_is_as_it_was(invoke: Invoke, write: Write, case: str) -> None:
    content, _dutch, english = BROKEN[case]
    write("cmc.toml", content)
    result = invoke("check", "--example", "port-logistics", env={"CMC_LANG": "en"})
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert english in result.stderr


def test_a_misspelt_severity_level_is_dutch_apart_from_the_levels_themselves(
    invoke: Invoke, write: Write
) -> None:
    write("cmc.toml", 'severity = { CMC001 = "warn" }\n')
    result = invoke("check", *ENGLISH_CANVAS, env=DUTCH)
    assert result.exit_code == 2
    assert (
        "severity.CMC001: verwacht een van error, warning, info, gevonden 'warn'; "
        "bedoelde je 'warning'?"
    ) in result.stderr
    # The levels are the words a cmc.toml is written with, so they stay as they are.
    assert english_words(result.stderr, allowed=("error", "warning")) == []
