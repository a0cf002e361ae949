"""Load problems in Dutch: a Dutch run of ``cmc convert`` explains a file it cannot read without
an English sentence, also where the reason comes from a parser, libyaml, a date or base64.

The English texts stay as they were (the hostile corpus and the other tests read them); here each
case is run in both languages: Dutch shows no English stop-word, English shows its known words.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from tests.english import english_words

from cmc_core.cli import cli
from cmc_core.fileformat.reasons import validator_reason
from cmc_core.model.blocks import Waste
from cmc_core.translation import using_language

#: (file name, content, a fragment of the English message, a fragment of the Dutch message).
CASES = [
    ("int.cmc.yaml", "schema_version: !!int abc\n", "'abc' is not a whole number", "geen geheel"),
    (
        "bool.cmc.yaml",
        "schema_version: 2\nmeta: {name: !!bool maybe}\n",
        "'maybe' is not true or false",
        "is niet true of false",
    ),
    (
        "float.cmc.yaml",
        "schema_version: 2\nwaste: {baseline_share: !!float abc}\n",
        "'abc' is not a number",
        "'abc' is geen getal",
    ),
    (
        "binary.cmc.yaml",
        'schema_version: 2\nmeta:\n  name: !!binary "abc"\n',
        "!!binary data is not base64 (Incorrect padding)",
        "(onjuiste opvulling)",
    ),
    (
        "date.cmc.yaml",
        "schema_version: 2\nmeta:\n  date: 2024-13-01\n",
        "'2024-13-01' is not a date that exists (month must be in 1..12)",
        "de maand moet tussen 1 en 12 liggen",
    ),
    (
        "stamp.cmc.yaml",
        "schema_version: 2\nmeta: {created: !!timestamp someday}\n",
        "'someday' is not a date or a time",
        "geen datum of tijd",
    ),
    (
        "two.cmc.yaml",
        "schema_version: 2\n---\nschema_version: 2\n",
        "but found another document",
        "er volgt nog een document",
    ),
    (
        "key.cmc.yaml",
        "schema_version: 2\nmeta:\n  [a]: b\n",
        "a mapping or a list cannot be a key",
        "kan geen sleutel zijn",
    ),
    (
        "tagged.cmc.yaml",
        "schema_version: 2\nmeta: !!int {name: x}\n",
        "!!int tags a single value, not a mapping",
        "hoort bij één waarde",
    ),
    (
        "set.cmc.yaml",
        "schema_version: 2\nmeta: !!set [a]\n",
        "!!set takes a mapping of its members",
        "!!set neemt",
    ),
    (
        "omap.cmc.yaml",
        "schema_version: 2\nmeta: !!omap {a: b}\n",
        "!!omap takes a list of mappings of one key each",
        "!!omap neemt",
    ),
    (
        "merge.cmc.yaml",
        "schema_version: 2\nmeta:\n  <<: {name: a}\n  <<: {name: b}\n",
        'found duplicate merge key "<<"',
        "dubbele samenvoegsleutel",
    ),
    (
        "merge-text.cmc.yaml",
        "schema_version: 2\nmeta:\n  <<: x\n",
        "expected a mapping or list of mappings for merging",
        "om samen te voegen",
    ),
    (
        "escape.cmc.yaml",
        'schema_version: 2\nmeta:\n  name: "a\\qb"\n',
        "found unknown escape character (while parsing a quoted scalar)",
        "onbekend escape-teken",
    ),
    (
        "version.cmc.yaml",
        "%YAML 9.0\n---\nschema_version: 2\n",
        "found incompatible YAML document",
        "onverenigbare YAML-versie",
    ),
    (
        "end.cmc.yaml",
        "schema_version: 2\n...\nmeta: {}\n",
        "did not find expected <document start>",
        "documentstart",
    ),
    (
        "comma.cmc.json",
        '{"schema_version": 2,}',
        "trailing comma is not allowed",
        "een komma na het laatste element",
    ),
    (
        "literal.cmc.json",
        '{"schema_version": tru}',
        "invalid literal, expected 'true'",
        "ongeldig woord; verwacht 'true'",
    ),
    (
        "zero.cmc.json",
        '{"schema_version": 02}',
        "number with leading zero is not allowed",
        "met een nul begint",
    ),
    (
        "twice.cmc.toml",
        '[meta]\nname = "x"\n[meta]\n',
        "Cannot declare ('meta',) twice",
        "kan niet twee keer worden gedeclareerd",
    ),
    (
        "header.cmc.toml",
        "schema_version = 2\n[meta",
        "Expected ']' at the end of a table declaration (at end of document)",
        "(aan het einde van het document)",
    ),
    (
        "inline.cmc.toml",
        'schema_version = 2\nmeta = {name = "x"}\nmeta.status = "draft"\n',
        "Cannot mutate immutable namespace ('meta',)",
        "is een inline tabel",
    ),
]


def convert(path: Path, language: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        cli,
        ["convert", str(path), str(path.parent / "out.json")],
        env={"CMC_LANG": language, **(env or {})},
        catch_exceptions=False,
    )


@pytest.mark.parametrize(
    ("name", "content", "english", "dutch"), CASES, ids=[case[0] for case in CASES]
)
def test_a_file_cmc_cannot_read_is_explained_in_dutch_and_in_english(
    tmp_path: Path, name: str, content: str, english: str, dutch: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    in_english = convert(path, "en")
    in_dutch = convert(path, "nl")
    assert (in_english.exit_code, in_dutch.exit_code) == (2, 2)
    assert english in in_english.stderr
    assert dutch in in_dutch.stderr
    assert in_dutch.stderr.count("\n") == in_english.stderr.count("\n") == 1
    assert english_words(in_dutch.stderr) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_and_a_file_beyond_the_limit_are_refused_in_dutch(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.cmc.yaml"
    os.mkfifo(pipe)
    refused = convert(pipe, "nl")
    assert refused.exit_code == 2
    assert "geen gewoon bestand" in refused.stderr
    assert english_words(refused.stderr) == []
    assert "not a regular file" in convert(pipe, "en").stderr
    large = tmp_path / "large.cmc.yaml"
    large.write_text("schema_version: 2\n", encoding="utf-8")
    too_large = convert(large, "nl", {"CMC_MAX_INPUT_BYTES": "10"})
    assert too_large.exit_code == 2
    assert "groter dan 10 bytes" in too_large.stderr
    assert english_words(too_large.stderr) == []
    bad_limit = convert(large, "nl", {"CMC_MAX_INPUT_BYTES": "tien"})
    assert bad_limit.exit_code == 2
    assert "CMC_MAX_INPUT_BYTES moet een positief geheel aantal bytes zijn" in bad_limit.stderr
    assert english_words(bad_limit.stderr) == []


def test_a_configuration_that_is_no_toml_is_refused_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cmc.toml").write_text("select = [\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--lang", "nl", "--example", "port-logistics"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "cmc.toml" in result.stderr
    assert "ongeldige waarde (aan het einde van het document)" in result.stderr
    assert english_words(result.stderr) == []


def test_the_models_own_checks_are_said_in_dutch() -> None:
    with pytest.raises(ValueError, match="must be") as raised:
        Waste(baseline_share=150)
    english = str(raised.value)
    with using_language("en"):
        assert validator_reason(english) == english
    with using_language("nl"):
        dutch = validator_reason(english)
        twice = validator_reason("sharing is given twice")
    assert dutch == "baseline_share moet een percentage van 0 tot en met 100 zijn, niet 150"
    assert twice == "sharing staat er twee keer in"
