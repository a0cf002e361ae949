"""The command line's own messages in Dutch: ``cmc export``, ``cmc diff``, ``cmc plugins`` and the
problems of a file that cannot be loaded print no English sentence (:mod:`tests.english`).

Before a canvas is read, messages follow ``CMC_LANG`` (or ``--lang``); after, the canvas's
language unless ``--lang`` says otherwise. Click's own words ("Usage:", its "Error:" for a
usage error) stay English, as docs/cli.md says.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.cli.conftest import Invoke
from tests.english import english_words

from cmc_core.examples import example_text

DUTCH = {"CMC_LANG": "nl"}

#: Files with the problems people make most, and a word of what the Dutch message says.
BROKEN = {
    "unknown-key.cmc.yaml": (
        "schema_version: 2\nmeta:\n  nmae: Haven\n",
        "meta heeft een onbekende sleutel 'nmae'; bedoelde je 'name'?",
    ),
    "wrong-type.cmc.yaml": (
        "schema_version: 2\nparties:\n  - id: p-a\n    name: 3\n    roles: supplier\n",
        "verwacht tekst, gevonden het getal 3; zet het tussen aanhalingstekens",
    ),
    "wrong-choice.cmc.yaml": (
        "schema_version: 2\nparties:\n  - id: p-a\n    name: A\n    roles: [suplier]\n",
        "verwacht een rol, gevonden de tekst 'suplier'; bedoelde je 'supplier'?",
    ),
    "syntax.cmc.yaml": (
        "schema_version: 2\nmeta: [a, b\n",
        "ongeldige YAML: verwachte ',' of ']' niet gevonden",
    ),
    "indented.cmc.yaml": (
        "schema_version: 2\nmeta:\n  name: x\n   date: y\n",
        "ongeldige YAML: ",
    ),
    "no-version.cmc.yaml": ("meta:\n  name: Haven\n", "het document heeft geen schema_version"),
    "empty.cmc.yaml": ("# nothing yet\n", "het bestand is leeg"),
    "newer.cmc.yaml": ("schema_version: 99\n", "werk cmc bij om het te lezen"),
    "a-list.cmc.yaml": ("- a\n- b\n", "het document moet een verzameling sleutels zijn"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_load_problem_is_dutch_with_cmc_lang_nl(invoke: Invoke, write: object, name: str) -> None:
    text, said = BROKEN[name]
    Path(name).write_text(text, encoding="utf-8")
    result = invoke("check", name, env=DUTCH)
    assert result.exit_code == 2
    assert said in result.stderr
    assert result.stderr.startswith(f"{name}:")
    assert english_words(result.stderr) == []
    assert english_words(result.stdout) == []  # the summary: "... kon niet worden geladen."


def test_a_missing_file_is_dutch_in_every_command(invoke: Invoke) -> None:
    for args in (
        ("check", "missing.cmc.yaml"),
        ("export", "missing.cmc.yaml", "--to", "json"),
        ("diff", "missing.cmc.yaml", "example:port-logistics"),
    ):
        result = invoke(*args, env=DUTCH)
        assert result.exit_code == 2
        assert "missing.cmc.yaml: kan het bestand niet lezen: Bestand of map bestaat niet" in (
            result.stderr
        )
        assert english_words(result.stderr) == []


def test_lang_en_keeps_a_load_problem_english_under_cmc_lang_nl(invoke: Invoke) -> None:
    Path("a.cmc.yaml").write_text("schema_version: 2\nmeta:\n  nmae: x\n", encoding="utf-8")
    result = invoke("export", "a.cmc.yaml", "--to", "json", "--lang", "en", env=DUTCH)
    assert "meta has an unknown key 'nmae'; did you mean 'name'?" in result.stderr


def test_a_dutch_export_says_what_it_did_in_dutch(invoke: Invoke) -> None:
    result = invoke(
        "--verbose", "export", "--example", "port-logistics", "--to", "markdown", "-o", "a.md",
        env=DUTCH,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == "a.md geschreven."
    assert "Configuratie: geen gevonden; de standaardinstellingen gelden." in lines
    title = next(line for line in lines if line.startswith("Exporter: markdown"))
    assert title.endswith("taal: nl.")
    # The exporter's title is the exporter's own text; the rest is cmc's.
    assert english_words(result.stderr.replace(title, "")) == []


def test_export_errors_are_dutch(invoke: Invoke) -> None:
    unknown = invoke("export", "--example", "port-logistics", "--to", "htm", env=DUTCH)
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("Fout: er is geen exporter 'htm'; bedoelde je 'html'? ")
    assert english_words(unknown.stderr) == []
    Path("c.cmc.yaml").write_text(example_text("port-logistics"), encoding="utf-8")
    same = invoke("export", "c.cmc.yaml", "--to", "yaml", "-o", "c.cmc.yaml")
    assert same.exit_code == 2
    assert same.stderr == (
        "Fout: c.cmc.yaml: is het canvas dat geëxporteerd wordt; kies een ander bestand bij -o.\n"
    )


def test_plugins_lists_in_dutch(invoke: Invoke) -> None:
    result = invoke("plugins", env=DUTCH)
    assert result.exit_code == 0
    assert "(ingebouwd)" in result.stdout
    assert "    regels: CMC001" in result.stdout
    assert english_words(result.stdout) == []


def edited_port(*more: tuple[str, str]) -> str:
    """The port example with a party renamed (and ``more`` edits), as ``new.cmc.yaml``."""
    text = example_text("port-logistics")
    for before, after in (
        ("    name: Noordmonde Container Terminal\n", "    name: NCT Noordmonde\n"),
        *more,
    ):
        assert before in text
        text = text.replace(before, after)
    Path("new.cmc.yaml").write_text(text, encoding="utf-8")
    return "new.cmc.yaml"


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_diff_in_dutch_prints_no_english(invoke: Invoke, output_format: str) -> None:
    removed_value = (
        "  - id: v-vaarschema\n    name: Vaarschema en beschikbare ruimte\n"
        "    kind: information\n    level: instrument\n"
    )
    maturity = ("spoor.\n    maturity: 2\n", "spoor.\n    maturity: 3\n")
    new = edited_port((removed_value, ""), maturity)
    result = invoke("diff", "example:port-logistics", new, "--format", output_format)
    assert result.exit_code == 1
    if output_format == "markdown":
        assert result.stdout.startswith("# Verschillen tussen twee canvassen\n")
        assert "| | Pad | Oud | Nieuw |" in result.stdout
    else:
        assert result.stdout.splitlines()[-1] == "3 wijzigingen: 1 verwijderd, 2 gewijzigd."
    # File values ("information", "instrument") are the canvas's words; cmc's must be Dutch.
    canvas_words = re.findall(r"[A-Za-z]+", example_text("port-logistics"))
    assert english_words(result.stdout, allowed=canvas_words) == []
    assert english_words(result.stdout.replace("information", "")) == []


def test_diff_follows_the_new_canvas_and_lang_overrides_it(invoke: Invoke) -> None:
    dutch = invoke("diff", "example:port-logistics", edited_port())
    assert dutch.stdout.splitlines()[-1] == "1 wijziging: 1 gewijzigd."
    english = invoke("diff", "example:port-logistics", edited_port(), "--lang", "en")
    assert english.stdout.splitlines()[-1] == "1 change: 1 changed."
