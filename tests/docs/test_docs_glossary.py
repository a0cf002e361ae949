"""The hand-written glossary agrees with the labels the library uses."""

from __future__ import annotations

import re
from pathlib import Path

from cmc_core.vocabulary import LABELS

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"
TERM = re.compile(r"^(?P<dutch>\S[^\n]*?) · (?P<english>[^\n]+)$", re.MULTILINE)


def glossary_terms() -> list[tuple[str, str]]:
    """(Dutch, English) of every term of the glossary directive."""
    text = GLOSSARY.read_text(encoding="utf-8")
    block = text[text.index("```{glossary}") : text.index("```\n", text.index("```{glossary}") + 3)]
    return [(m["dutch"], m["english"]) for m in TERM.finditer(block)]


def test_the_glossary_has_terms() -> None:
    assert len(glossary_terms()) >= 20


def test_a_term_that_is_a_vocabulary_label_has_the_same_dutch_and_english() -> None:
    english_to_dutch: dict[str, set[str]] = {}
    for dutch, english in LABELS.values():
        english_to_dutch.setdefault(english.lower(), set()).add(dutch.lower())
    checked = 0
    for dutch, english in glossary_terms():
        if english.lower() in english_to_dutch:
            checked += 1
            assert dutch.lower() in english_to_dutch[english.lower()], (dutch, english)
    assert checked >= 10, "the glossary should name the vocabulary's own words"


def test_every_role_and_connecting_factor_side_is_in_the_glossary() -> None:
    from cmc_core.vocabulary import FactorSide, Role

    terms = {english.lower() for _, english in glossary_terms()}
    wanted = [Role.SUPPLIER, Role.DEMANDER, Role.END_CUSTOMER, Role.DOMAIN_LEADER]
    wanted += [Role.NETWORK_LEADER, *FactorSide]
    for member in wanted:
        assert LABELS[member][1].lower() in terms, member
