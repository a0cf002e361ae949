"""The ``dot`` exporter draws schema version 2's facts: flows of another kind than market as
grey arrows with an open circle, volumes in the labels (adding up where flows share an arrow),
groups under their names, in Dutch and in English. That Graphviz draws these canvases as the
network they mean is checked with the other canvases in ``test_dot_exporter``."""

from __future__ import annotations

from cmc_core import Canvas
from cmc_core.exporting import ExportOptions
from cmc_core.model import Commonality, Party, Value, ValueFlow
from cmc_core.vocabulary import Language, Role
from cmc_exporters.dot import DOT_EXPORTER

from .schema2 import hostile_schema2_canvas, reviewed_canvas, schema2_canvas
from .test_dot_exporter import assert_well_formed


def edge_lines(canvas: Canvas, language: Language) -> list[str]:
    text = DOT_EXPORTER.export_bytes(canvas, ExportOptions(language=language)).decode("utf-8")
    return [line.strip() for line in text.splitlines() if " -> " in line]


GREY_CIRCLE = ', color="#7a7a7a", fontcolor="#555555", arrowhead=odot'


def test_labels_give_volumes_and_other_kinds_than_market_are_grey_with_an_open_circle() -> None:
    assert edge_lines(schema2_canvas(), Language.EN) == [
        'p1 -> c1 [label="Milling wheat (in return: Payment; 12,000 t per year)\\n'
        'Milling wheat (3,000 t per year)"];',
        'c1 -> p3 [label="Milling wheat (in return: Payment; 12,000 t per year)"];',
        'c1 -> p4 [label="Milling wheat (3,000 t per year)"];',
        'p2 -> p3 [label="Milling wheat (1,500.5 t per year)"];',
        'p3 -> p1 [label="Payment", style=dashed, constraint=false];',
        f'p3 -> p5 [label="Exchange fee (fee; 0.5 %)"{GREY_CIRCLE}];',
        f'p1 -> p7 [label="Quality report (regulatory report)"{GREY_CIRCLE}];',
        f'p4 -> p5 [label="Authorisation to book transport (delegation)"{GREY_CIRCLE}];',
        'p5 -> c1 [label="stewards", style=dotted, arrowhead=none];',
    ]


def test_dutch_labels_say_kinds_numbers_and_groups_in_dutch() -> None:
    text = DOT_EXPORTER.export_bytes(schema2_canvas(), ExportOptions(language=Language.NL))
    dutch = text.decode("utf-8")
    assert 'p1 [label="Riverside Growers\' Cooperative\\n(240 organisaties)"];' in dutch
    assert 'p8 [label="Municipality of Riverside\\n(overheid, 1 organisatie)"];' in dutch
    assert 'label="Milling wheat (tegen: Payment; 12.000 t per jaar)' in dutch
    assert 'label="Milling wheat (1.500,5 t per jaar)"' in dutch
    assert f'p3 -> p5 [label="Exchange fee (vergoeding; 0,5 %)"{GREY_CIRCLE}];' in dutch
    assert "peildatum: 2019-06" in dutch.splitlines()[1]


def test_the_volumes_of_flows_that_share_an_arrow_add_up() -> None:
    canvas = Canvas(
        parties=(
            Party("s", "Terminal", (Role.SUPPLIER,)),
            Party("a", "Line A", (Role.DEMANDER,)),
            Party("b", "Line B", (Role.DEMANDER,)),
        ),
        values=(Value("v", "Handling"),),
        flows=(
            ValueFlow("f1", "v", "s", "a", via_commonality=True, volume=24, unit="%"),
            ValueFlow("f2", "v", "s", "b", via_commonality=True, volume=24.5, unit="%"),
            ValueFlow("f3", "v", "s", "b", via_commonality=True, volume=10, unit="TEU"),
            ValueFlow("f4", "v", "s", "b", via_commonality=True),
        ),
        commonalities=(Commonality("c", "Hub", primary=True),),
    )
    assert edge_lines(canvas, Language.EN) == [
        'p1 -> c1 [label="Handling (48.5 %)\\nHandling (10 TEU)\\nHandling"];',
        'c1 -> p2 [label="Handling (24 %)"];',
        'c1 -> p3 [label="Handling (24.5 %)\\nHandling (10 TEU)\\nHandling"];',
    ]


def test_volumes_are_written_out_in_full_never_in_exponent_form() -> None:
    assert edge_lines(reviewed_canvas(), Language.EN)[:3] == [
        'p1 -> c1 [label="Milling wheat (in return: Payment; 10,000,000,000,000,000,000,000 t per '
        'year)\\nMilling wheat (0.000000123 t per year)"];',
        'c1 -> p3 [label="Milling wheat (in return: Payment; 10,000,000,000,000,000,000,000 t per '
        'year)"];',
        'c1 -> p4 [label="Milling wheat (0.000000123 t per year)"];',
    ]
    dutch = edge_lines(reviewed_canvas(), Language.NL)[2]
    assert dutch == 'c1 -> p4 [label="Milling wheat (0,000000123 t per jaar)"];'


def test_the_text_of_schema_version_2_stays_inside_its_strings() -> None:
    output = DOT_EXPORTER.export_bytes(hostile_schema2_canvas(), ExportOptions())
    assert_well_formed(output)
