"""The ``mermaid`` exporter draws schema version 2's facts: flows of another kind than market
end in a circle, labels give volumes and kinds, groups say how many organisations, in Dutch
and in English. That Mermaid's parser reads these canvases as the network they mean is checked
with the other canvases in ``test_mermaid_exporter``."""

from __future__ import annotations

import attrs

from cmc_core.exporting import ExportOptions
from cmc_core.vocabulary import FlowKind, Language
from cmc_exporters.mermaid import MERMAID_EXPORTER

from .schema2 import hostile_schema2_canvas, reviewed_canvas, schema2_canvas
from .test_mermaid_exporter import assert_well_formed, decoded, small_canvas


def test_volumes_are_written_out_in_full_never_in_exponent_form() -> None:
    for language, huge, tiny in (
        (Language.EN, "10,000,000,000,000,000,000,000 t per year", "0.000000123 t per year"),
        (Language.NL, "10.000.000.000.000.000.000.000 t per jaar", "0,000000123 t per jaar"),
    ):
        options = ExportOptions(language=language)
        text = decoded(MERMAID_EXPORTER.export_bytes(reviewed_canvas(), options).decode("utf-8"))
        assert huge in text
        assert tiny in text


def test_other_kinds_than_market_end_in_a_circle_and_labels_give_volumes() -> None:
    text = MERMAID_EXPORTER.export_bytes(schema2_canvas()).decode("utf-8")
    edges = [decoded(line.strip()) for line in text.splitlines() if "|" in line]
    assert edges == [
        'p1 -->|"Milling wheat (in return: Payment; 12,000 t per year)\n'
        'Milling wheat (3,000 t per year)"| c1',
        'c1 -->|"Milling wheat (in return: Payment; 12,000 t per year)"| p3',
        'c1 -->|"Milling wheat (3,000 t per year)"| p4',
        'p2 -->|"Milling wheat (1,500.5 t per year)"| p3',
        'p3 -.->|"Payment"| p1',
        'p3 --o|"Exchange fee (fee; 0.5 %)"| p5',
        'p1 --o|"Quality report (regulatory report)"| p7',
        'p4 --o|"Authorisation to book transport (delegation)"| p5',
        'p5 -.-|"stewards"| c1',
    ]
    assert 'p1["Riverside Growers\' Cooperative<br>#40;240 organisations#41;"]' in text


def test_a_counter_flow_of_another_kind_is_dotted_and_ends_in_a_circle() -> None:
    canvas = small_canvas()
    flows = tuple(
        attrs.evolve(flow, kind=FlowKind.FEE) if flow.id == "f2" else flow for flow in canvas.flows
    )
    text = MERMAID_EXPORTER.export_bytes(canvas.evolve(flows=flows)).decode("utf-8")
    assert '  p2 -.-o|"Money #40;fee#41;"| p1' in text.splitlines()


def test_dutch_labels_say_kinds_numbers_and_groups_in_dutch() -> None:
    dutch = MERMAID_EXPORTER.export_bytes(schema2_canvas(), ExportOptions(language=Language.NL))
    text = decoded(dutch.decode("utf-8"))
    assert "(240 organisaties)" in text
    assert "Milling wheat (tegen: Payment; 12.000 t per jaar)" in text
    assert "Exchange fee (vergoeding; 0,5 %)" in text
    assert "Quality report (verplichte melding)" in text
    assert "peildatum: 2019-06" in text.splitlines()[4]


def test_the_text_of_schema_version_2_adds_no_syntax() -> None:
    assert_well_formed(MERMAID_EXPORTER.export_bytes(hostile_schema2_canvas()))
