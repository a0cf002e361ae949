"""Rules about the parties themselves: CMC028 near-duplicate-party-names and CMC029 party-roles."""

from __future__ import annotations

import attrs
import pytest
from tests.english import english_words

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.model import Party, ValueFlow
from cmc_core.rules.builtin.parties import name_words
from cmc_core.translation import using_language
from cmc_core.vocabulary import Role

from .builders import diagnostics, only, valid_canvas


def with_parties(canvas: Canvas, *parties: Party, first: bool = False) -> Canvas:
    """The canvas with ``parties`` added after (or before) its own."""
    listed = (*parties, *canvas.parties) if first else (*canvas.parties, *parties)
    return attrs.evolve(canvas, parties=listed)


SUPERCOOP = Party("p-sc", name="SuperCoop Geldermalsen", roles=(Role.DEMANDER,))
TYPED = Party("p-typed", name="Supercoop", serves_end_customer=True)


# -- the name key ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("SuperCoop Geldermalsen", ("supercoop", "geldermalsen")),
        ("  Café-Rotterdam B.V. ", ("cafe", "rotterdam", "b", "v")),
        ("Coöperatie_De Ster", ("cooperatie", "de", "ster")),
        ("STRASSE", ("strasse",)),
        ("Straße", ("strasse",)),
        ("", ()),
    ],
)
def test_names_are_compared_without_case_accents_and_punctuation(
    name: str, words: tuple[str, ...]
) -> None:
    assert name_words(name) == words


# -- CMC028 near-duplicate-party-names -----------------------------------------------------------


def test_the_valid_canvas_has_no_near_duplicate_names_and_no_party_without_a_role() -> None:
    assert diagnostics(valid_canvas(), "CMC028") == []
    assert diagnostics(valid_canvas(), "CMC029") == []


@pytest.mark.parametrize("typed", ["supplier 1", "Supplier-1", "SUPPLIER  1.", "Süpplier 1"])
def test_a_name_that_differs_only_in_case_accents_or_punctuation_is_a_near_duplicate(
    typed: str,
) -> None:
    canvas = with_parties(valid_canvas(), Party("p-x", name=typed))
    found = only(canvas, "CMC028")
    assert (found.severity, found.subject, found.path) == (
        Severity.WARNING,
        "p-x",
        "parties[14].name",
    )
    assert f"'{typed}' (p-x) has nearly the same name as 'Supplier 1' (p-s1)" in found.message
    assert "did you mean 'Supplier 1'?" in found.message


@pytest.mark.parametrize("first", [False, True], ids=["typed-last", "typed-first"])
def test_a_name_that_starts_another_is_reported_on_the_party_that_carries_less(first: bool) -> None:
    canvas = with_parties(valid_canvas(), SUPERCOOP, TYPED, first=first)
    found = only(canvas, "CMC028")
    assert found.subject == "p-typed"
    assert found.message.startswith(
        "'Supercoop' (p-typed) has nearly the same name as 'SuperCoop Geldermalsen' (p-sc); "
        "did you mean 'SuperCoop Geldermalsen'?"
    )


def test_between_two_parties_with_roles_the_one_in_fewer_flows_gets_the_finding() -> None:
    canvas = valid_canvas()
    busy = Party("p-busy", name="Fresh Fruit", roles=(Role.DEMANDER,))
    idle = Party("p-idle", name="fresh fruit", roles=(Role.DEMANDER,))
    flow = ValueFlow("f-busy", value=canvas.flows[0].value, from_party="p-s1", to_party="p-busy")
    canvas = attrs.evolve(
        with_parties(canvas, idle, busy), flows=(*canvas.flows, flow)
    )  # the idle one is listed first, so document order alone would blame the other
    found = only(canvas, "CMC028")
    assert found.subject == "p-idle"
    assert "did you mean 'Fresh Fruit'?" in found.message


@pytest.mark.parametrize(
    "parties",
    [
        (  # a shared first word is no near name
            Party("p-g1", name="Gemeente Utrecht", roles=(Role.GOVERNMENT,)),
            Party("p-g2", name="Gemeente Amersfoort", roles=(Role.GOVERNMENT,)),
        ),
        (  # both hold roles, and not the same ones: a bank and its foundation
            Party("p-bank", name="Rabobank", roles=(Role.FINANCIER,)),
            Party("p-fund", name="Rabobank Foundation", roles=(Role.NGO,)),
        ),
        (  # seats of one organisation are named after it
            Party("p-hq", name="Supercoop", organisation="org-sc"),
            Party("p-br", name="Supercoop Geldermalsen", organisation="org-sc"),
        ),
        (  # too short a start to mean anything
            Party("p-de", name="De", roles=(Role.EXPERT,)),
            Party("p-dv", name="De Vries Transport"),
        ),
        (  # parties without a name are CMC029's, never near each other
            Party("p-n1"),
            Party("p-n2"),
        ),
    ],
    ids=["shared-first-word", "different-roles", "one-organisation", "short-start", "no-names"],
)
def test_names_that_only_share_a_start_are_not_reported(parties: tuple[Party, ...]) -> None:
    assert diagnostics(with_parties(valid_canvas(), *parties), "CMC028") == []


def test_several_parties_of_one_name_name_the_one_that_carries_most() -> None:
    copies = [Party(f"p-copy{n}", name="Supplier 2") for n in range(4)]
    found = diagnostics(with_parties(valid_canvas(), *copies), "CMC028")
    assert [d.subject for d in found] == [f"p-copy{n}" for n in range(4)]
    assert all("did you mean 'Supplier 2'?" in d.message for d in found)
    assert all("'Supplier 2' (p-s2)" in d.message for d in found)


def test_twelve_thousand_parties_with_many_alike_are_reported_once_each() -> None:
    """A scale the rule must handle without comparing every pair (which would take minutes
    here); its cost is measured by the validation benchmarks, not timed in a test."""
    many = tuple(
        Party(f"p-{n:05d}", name=f"Organisation {n} Trading", roles=(Role.SUPPLIER,))
        for n in range(10_000)
    )
    alike = tuple(Party(f"p-same{n:04d}", name="Same Name") for n in range(2_000))
    canvas = with_parties(valid_canvas(), *many, *alike)
    found = diagnostics(canvas, "CMC028")
    assert len(found) == 1_999  # every copy but the first, and none of the distinct names


# -- CMC029 party-roles ---------------------------------------------------------------------------


def test_a_party_without_a_role_and_a_name_near_another_gets_a_did_you_mean() -> None:
    found = only(with_parties(valid_canvas(), SUPERCOOP, TYPED), "CMC029")
    assert (found.severity, found.subject, found.path) == (
        Severity.WARNING,
        "p-typed",
        "parties[15].roles",
    )
    assert found.message == (
        "'Supercoop' (p-typed) holds no role, and its name is nearly that of "
        "'SuperCoop Geldermalsen' (p-sc); did you mean 'SuperCoop Geldermalsen'? If so, name "
        "that party instead; if not, give this one its roles."
    )


def test_a_party_without_a_role_and_no_near_name_is_asked_for_a_role() -> None:
    found = only(with_parties(valid_canvas(), Party("p-lonely", name="Harbour Pilots")), "CMC029")
    assert found.message.startswith("'Harbour Pilots' (p-lonely) holds no role: give it at least")
    assert "did you mean" not in found.message


def test_a_party_with_any_role_is_no_finding() -> None:
    expert = Party("p-expert", name="Harbour Pilots", roles=(Role.EXPERT,))
    assert diagnostics(with_parties(valid_canvas(), expert), "CMC029") == []


# -- Dutch ---------------------------------------------------------------------------------------


def test_both_rules_speak_dutch_in_a_dutch_run() -> None:
    canvas = with_parties(valid_canvas(), SUPERCOOP, TYPED, Party("p-los", name="Loodsen"))
    with using_language("nl"):
        found = diagnostics(canvas, "CMC028") + diagnostics(canvas, "CMC029")
    messages = [d.message for d in found]
    assert len(messages) == 3
    assert any("bedoelde je 'SuperCoop Geldermalsen'?" in m for m in messages)
    assert any(m.startswith("'Loodsen' (p-los) heeft geen rol") for m in messages)
    assert english_words("\n".join(messages)) == []
