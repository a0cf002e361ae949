"""The ``bmc`` exporter speaks Dutch: the nine blocks' labels and guiding questions come from the
``exporters`` catalog in the export's language, and a refusal is said in the language of the
moment (the command line's), down to the codes it lists."""

from __future__ import annotations

import attrs
import pytest
from click.testing import CliRunner

from cmc_core import Canvas
from cmc_core.cli import cli
from cmc_core.exporting import ExportOptions
from cmc_core.model import Party
from cmc_core.rules import bmc_blockers
from cmc_core.testing import sample_canvases
from cmc_core.translation import Messages, using_language
from cmc_core.vocabulary import Language
from cmc_exporters._bmc_bridge import BMC_BLOCKS, bmc_blocks
from cmc_exporters.bmc import BMC_EXPORTER, BmcRefusedError
from english import english_words

_ = Messages("cmc_exporters", "exporters")

#: The nine blocks in Osterwalder's reading order, with their Dutch labels.
DUTCH_LABELS = {
    "customer_segments": "Klantsegmenten",
    "value_propositions": "Waardeproposities",
    "channels": "Kanalen",
    "customer_relationships": "Klantrelaties",
    "revenue_streams": "Inkomstenstromen",
    "key_resources": "Kernmiddelen",
    "key_activities": "Kernactiviteiten",
    "key_partners": "Kernpartners",
    "cost_structure": "Kostenstructuur",
}


def _port() -> tuple[Canvas, Party]:
    canvas = sample_canvases()["port-logistics"]
    party = canvas.party("p-vandijk")
    assert party is not None
    return canvas, party


def _export(canvas: Canvas, party: str) -> str:
    options = ExportOptions(settings={"party": party})
    return BMC_EXPORTER.export_bytes(canvas, options).decode("utf-8")


def test_the_table_holds_the_nine_blocks_in_english_source_texts() -> None:
    assert [key for key, *_rest in BMC_BLOCKS] == list(DUTCH_LABELS)
    labels = {key: label for key, label, _sources, _question in BMC_BLOCKS}
    assert labels["customer_segments"] == "Customer segments"
    assert all(_.translate(label, Language.NL) != label for label in labels.values())


def test_the_blocks_carry_labels_and_questions_in_the_language_asked_for() -> None:
    canvas, party = _port()
    dutch = bmc_blocks(canvas, party, Language.NL)
    english = bmc_blocks(canvas, party, Language.EN)
    assert {block.key: block.label for block in dutch} == DUTCH_LABELS
    assert dutch[0].question == "Voor wie creëren we waarde?"
    assert (english[0].label, english[0].question) == (
        "Customer segments",
        "For whom do we create value?",
    )
    # The language of the moment does not decide: the one asked for does.
    with using_language("en"):
        assert bmc_blocks(canvas, party, Language.NL) == dutch
    headings = "\n".join(f"{block.label}: {block.question}" for block in dutch)
    assert english_words(headings) == []
    assert [block.sources for block in dutch] == [block.sources for block in english]


def test_an_unknown_party_is_refused_in_dutch_naming_the_choices() -> None:
    canvas, _party = _port()
    with using_language("nl"), pytest.raises(BmcRefusedError) as refused:
        _export(canvas, "p-nobody")
    message = str(refused.value)
    assert message.startswith("Het canvas heeft geen partij 'p-nobody'")
    assert "p-vandijk (Transportbedrijf Van Dijk)" in message
    assert refused.value.blockers == ("'p-nobody' is geen partij van het canvas",)
    assert english_words(message) == []


def test_without_a_party_the_refusal_says_in_dutch_how_to_name_one() -> None:
    canvas, _party = _port()
    canvas = canvas.evolve(meta=attrs.evolve(canvas.meta, focal_party=None))
    with using_language("nl"), pytest.raises(BmcRefusedError) as refused:
        _export(canvas, "")
    message = str(refused.value)
    assert "-O party=ID" in message
    assert "De marktpartijen binnen de grens zijn: " in message
    assert english_words(message) == []


def test_a_dutch_refusal_lists_the_codes_of_the_dutch_blockers() -> None:
    canvas = sample_canvases()["single-owner-platform"]
    with using_language("nl"):
        blockers = bmc_blockers(canvas, "p-freshlink")
        with pytest.raises(BmcRefusedError) as refused:
            _export(canvas, "p-freshlink")
    codes = {line.split(" ", 1)[0] for line in blockers}
    assert set(refused.value.codes) == codes
    assert codes != {"CMC017"}  # the diagnostics' own codes, not only the rule of the gate
    first = str(refused.value).splitlines()[0]
    assert first.startswith("Nog geen Business Model Canvas voor 'p-freshlink': ")
    assert all(code in first for code in codes)


def test_cmc_export_says_the_refusal_in_english_with_lang_en() -> None:
    args = ["export", "--example", "port-logistics", "--to", "bmc", "-O", "party=p-nobody"]
    english = CliRunner().invoke(cli, [*args, "--lang", "en"])
    dutch = CliRunner().invoke(cli, args, env={"CMC_LANG": None})
    assert english.exit_code == dutch.exit_code == 2
    assert "There is no party 'p-nobody' in the canvas" in english.stderr
    assert "Het canvas heeft geen partij 'p-nobody'" in dutch.stderr
    assert english_words(dutch.stderr) == []
