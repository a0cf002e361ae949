"""The built-in ``mermaid`` exporter keeps the exporter contract, matches its snapshots, and its
output is read by the real Mermaid parser as exactly the value network we meant to draw.

The real parser is Mermaid itself, run by Node.js with jsdom as its DOM. Install both once:

    npm install --prefix ~/.cache/cmc-test-npm mermaid@11.17.2 jsdom@26.1.0

or point ``CMC_MERMAID_DIR`` at a directory holding ``node_modules/mermaid`` and
``node_modules/jsdom``. Without them the parser tests skip, saying so, except under ``CI``,
where they fail: CI must run them. Snapshots: ``CMC_UPDATE_SNAPSHOTS=1`` rewrites them.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import cmc_exporters
from cmc_core import Canvas
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.model import Commonality, Meta, Party, Value, ValueFlow
from cmc_core.strategies import canvases
from cmc_core.testing import HOSTILE_IDS, HOSTILE_TEXTS, ExporterContract, examples, hostile_canvas
from cmc_core.testing import sample_canvases as all_samples
from cmc_core.vocabulary import Language, Role
from cmc_exporters._network import Edge, EdgeKind, Network, value_network
from cmc_exporters.mermaid import MERMAID_EXPORTER, mermaid_text

from .schema2 import SNAPSHOT_NAMES, canvas_called, hostile_schema2_canvas, schema2_canvas
from .snapshot import assert_matches_snapshot

MERMAID_DIR = Path(os.environ.get("CMC_MERMAID_DIR", "~/.cache/cmc-test-npm")).expanduser()
INSTALL_HINT = "npm install --prefix ~/.cache/cmc-test-npm mermaid@11.17.2 jsdom@26.1.0"

# -- what a well-formed export looks like, line by line --------------------------------------

_LABEL = r'(?:[^"#;:%&<>\[\](){}|`\\$\n]|#\d+;|<br>)*'
_KEY = r"[pcu]\d+"
_GROUP = r"(?:suppliers|traders|commonality|demanders|stakeholders|unknown)"
_LINE_SHAPES = [
    r"---",
    r'title: "(?:[^"\\<>&%#\n]|\\.)*"',
    r"%% [^%\n]*",
    r"flowchart LR",
    rf'  subgraph {_GROUP}\["{_LABEL}"\]',
    r"    direction TB",
    rf'    {_KEY}(?:\["{_LABEL}"\]|\{{\{{"{_LABEL}"\}}\}})',
    r"  end",
    rf'  {_KEY} (?:-->|-\.->|-\.-|--o|-\.-o)\|"{_LABEL}"\| {_KEY}',
    rf"  classDef {_GROUP}Style [a-z:#0-9,. -]+",
    r"  classDef externalStyle stroke-dasharray:5 5",
    rf"  class {_KEY}(?:,{_KEY})* (?:{_GROUP}|external)Style",
]
WELL_FORMED_LINE = re.compile("|".join(f"(?:{shape})" for shape in _LINE_SHAPES))


def decoded(text: str) -> str:
    """What Mermaid shows for label text: entity codes as characters, ``<br>`` as new lines."""
    return html.unescape(re.sub(r"#(\d+);", r"&#\1;", text)).replace("<br>", "\n")


def assert_well_formed(output: bytes) -> None:
    """Every line is one of the shapes the exporter writes, so user text cannot add syntax."""
    lines = output.decode("utf-8").split("\n")
    assert lines[-1] == "", "the output ends with a newline"
    strays = [line for line in lines[:-1] if not WELL_FORMED_LINE.fullmatch(line)]
    assert strays == [], f"lines the exporter does not write: {strays[:3]}"


class TestMermaidExporter(ExporterContract):
    @pytest.fixture
    def exporter(self) -> Exporter:
        return MERMAID_EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_exporters

    def assert_hostile_text_is_safe(self, output: bytes, canvas: Canvas) -> None:
        assert_well_formed(output)

    def extract_text(self, output: bytes) -> str:
        return decoded(output.decode("utf-8"))


# -- snapshots ---------------------------------------------------------------------------------


SNAPSHOT_CASES = [(name, language) for name in SNAPSHOT_NAMES for language in Language]


@pytest.mark.parametrize(("name", "language"), SNAPSHOT_CASES)
def test_export_matches_the_stored_snapshot(name: str, language: Language) -> None:
    output = MERMAID_EXPORTER.export_bytes(canvas_called(name), ExportOptions(language=language))
    assert_matches_snapshot("mermaid", f"{name}.{language.value}.mmd", output)


# -- what the diagram says ---------------------------------------------------------------------


def test_labels_escape_every_character_mermaid_or_html_would_read() -> None:
    assert mermaid_text('a "b" #c; 50% <i>&</i> [x](y){z}|`\\$ k:v') == (
        "a #34;b#34; #35;c#59; 50#37; #60;i#62;#38;#60;/i#62; "
        "#91;x#93;#40;y#41;#123;z#125;#124;#96;#92;#36; k#58;v"
    )


def test_labels_put_line_breaks_and_controls_on_one_line_and_encode_invisible_characters() -> None:
    assert mermaid_text(" one\r\ntwo\u2028three\x00four\t ") == "one two three four"
    assert mermaid_text("rtl\u202eoverride") == "rtl#8238;override"


def test_node_ids_are_generated_never_taken_from_the_canvas() -> None:
    text = MERMAID_EXPORTER.export_bytes(hostile_canvas()).decode("utf-8")
    for hostile_id in HOSTILE_IDS.values():
        assert f"{hostile_id}[" not in text
        assert f" {hostile_id} " not in text
    assert re.findall(r"^    (\w+)\[", text, re.MULTILINE) == ["p1", "p2", "p3", "p4"]


def test_the_header_carries_name_versions_language_date_and_attribution() -> None:
    canvas = all_samples()["port-logistics"]
    lines = MERMAID_EXPORTER.export_bytes(canvas).decode("utf-8").splitlines()
    assert lines[:7] == [
        "---",
        'title: "Community Model Canvas: Havencommunity Noordmonde"',
        "---",
        "%% Community Model Canvas: Havencommunity Noordmonde",
        "%% canvasversie 1.0 · schemaversie 2 · taal: Nederlands (nl) · datum: 2024-11-14",
        "%% Gemaakt met de Community Model Canvas-methode (CMC) van Weconomics; "
        "geëxporteerd met cmc.",
        "flowchart LR",
    ]


def test_labels_follow_the_language_asked_for() -> None:
    canvas = all_samples()["port-logistics"]  # a Dutch canvas
    english = MERMAID_EXPORTER.export_bytes(canvas, ExportOptions(language=Language.EN))
    dutch = MERMAID_EXPORTER.export_bytes(canvas)
    assert b'subgraph suppliers["Suppliers"]' in english
    assert b'subgraph suppliers["Aanbieders"]' in dutch
    assert "(in return: Betaling)" in decoded(english.decode("utf-8"))
    assert "(tegen: Betaling)" in decoded(dutch.decode("utf-8"))


def small_canvas() -> Canvas:
    return Canvas(
        meta=Meta(name="Small", language=Language.EN, date="2025-01-02"),
        parties=(
            Party("s", "Supplier", (Role.SUPPLIER,)),
            Party("d", "Demander", (Role.DEMANDER,)),
            Party("n", "Net", (Role.NETWORK_LEADER,)),
        ),
        values=(Value("v", "Goods"), Value("m", "Money")),
        flows=(
            ValueFlow("f1", "v", "s", "d", counter_value="m", via_commonality=True),
            ValueFlow("f2", "m", "d", "s", counter_of="f1"),
            ValueFlow("f3", "v", "s", "ghost"),
        ),
        commonalities=(Commonality("c", "Hub", primary=True, steward="n"),),
    )


def test_flows_pass_through_the_commonality_counter_flows_are_dotted_and_gaps_are_shown() -> None:
    text = MERMAID_EXPORTER.export_bytes(small_canvas()).decode("utf-8")
    edges = [line.strip() for line in text.splitlines() if "|" in line]
    assert edges == [
        'p1 -->|"Goods #40;in return#58; Money#41;"| c1',
        'c1 -->|"Goods #40;in return#58; Money#41;"| p2',
        'p2 -.->|"Money"| p1',
        'p1 -->|"Goods"| u1',
        'p3 -.-|"stewards"| c1',
    ]
    assert '    u1["ghost"]' in text.splitlines()


# -- the real parser ---------------------------------------------------------------------------

_PARSE_SCRIPT = r"""
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [directory, inputPath, outputPath] = process.argv.slice(2);
const require = createRequire(directory + '/');
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(require.resolve('mermaid')).href);
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const results = [];
for (const text of JSON.parse(fs.readFileSync(inputPath, 'utf8'))) {
  try {
    const parsed = await mermaid.parse(text);
    const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
    results.push({
      ok: true,
      type: parsed.diagramType,
      config: parsed.config,
      vertices: [...db.getVertices().values()].map((v) => ({
        id: v.id, text: v.text, type: v.type, link: v.link ?? null,
        callback: Boolean(v.haveCallback),
      })),
      edges: db.getEdges().map((e) => ({
        start: e.start, end: e.end, text: e.text, stroke: e.stroke, type: e.type,
      })),
      subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: s.title, nodes: s.nodes })),
    });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error) });
  }
}
fs.writeFileSync(outputPath, JSON.stringify(results));
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install it: {INSTALL_HINT}")
    pytest.skip(f"{reason}; install it with: {INSTALL_HINT}")


class MermaidParser:
    """Runs Mermaid's own parser on many diagrams in one Node.js process."""

    def __init__(self, node: str, directory: Path, work: Path) -> None:
        self.node, self.directory, self.work = node, directory, work
        self.script = work / "parse_mermaid.mjs"
        self.script.write_text(_PARSE_SCRIPT, encoding="utf-8")

    def parse(self, texts: list[str]) -> list[dict[str, Any]]:
        source, target = self.work / "diagrams.json", self.work / "parsed.json"
        source.write_text(json.dumps(texts), encoding="utf-8")
        command = [self.node, str(self.script), str(self.directory), str(source), str(target)]
        finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        assert finished.returncode == 0, finished.stderr[-2000:]
        results: list[dict[str, Any]] = json.loads(target.read_text(encoding="utf-8"))
        return results


@pytest.fixture(scope="module")
def mermaid_parser(tmp_path_factory: pytest.TempPathFactory) -> MermaidParser:
    node = shutil.which("node")
    if node is None:
        _unavailable("Node.js is not installed (Debian package nodejs)")
    for package in ("mermaid", "jsdom"):
        if not (MERMAID_DIR / "node_modules" / package / "package.json").exists():
            _unavailable(f"the npm package {package} is not in {MERMAID_DIR}/node_modules")
    return MermaidParser(str(node), MERMAID_DIR, tmp_path_factory.mktemp("mermaid"))


_PLACEHOLDER = re.compile(r"ﬂ°°(\d+)¶ß|ﬂ°(\w+)¶ß")


def shown(parsed_text: str) -> list[str]:
    """The lines Mermaid shows for a label it parsed (it keeps entity codes as placeholders)."""

    def entity(match: re.Match[str]) -> str:
        number, name = match.groups()
        return chr(int(number)) if number else html.unescape(f"&{name};")

    return _PLACEHOLDER.sub(entity, parsed_text).split("<br>")


_STROKES = {EdgeKind.FLOW: "normal", EdgeKind.COUNTER: "dotted", EdgeKind.STEWARD: "dotted"}


def arrowhead(edge: Edge) -> str:
    """The end Mermaid draws: a steward's line none, market flows an arrowhead, flows of any
    other kind a circle."""
    if edge.kind is EdgeKind.STEWARD:
        return "arrow_open"
    return "arrow_point" if edge.is_market else "arrow_circle"


def assert_parsed_as(result: dict[str, Any], network: Network) -> None:
    """The parser saw exactly the network's nodes, groups and edges, with their texts."""
    assert result["ok"], result.get("error")
    assert result["type"] == "flowchart-v2"
    assert result["config"] == {}, "the diagram must set no configuration (no directive)"
    vertices = {v["id"]: shown(v["text"]) for v in result["vertices"]}
    assert vertices == {node.key: list(node.lines) for node in network.nodes()}
    assert not any(v["link"] or v["callback"] for v in result["vertices"])
    subgraphs = [(s["id"], shown(s["title"]), s["nodes"]) for s in result["subgraphs"]]
    expected_groups = [
        (group.value, [heading], [node.key for node in nodes])
        for group, heading, nodes in network.groups
    ]
    assert sorted(subgraphs) == sorted(expected_groups)
    edges = [
        (e["start"], e["end"], shown(e["text"]), e["stroke"], e["type"]) for e in result["edges"]
    ]
    expected_edges = [
        (edge.tail, edge.head, list(edge.lines), _STROKES[edge.kind], arrowhead(edge))
        for edge in network.edges
    ]
    assert edges == expected_edges


#: Text Mermaid rewrites before parsing: a line with ``style``/``classDef``, ``:`` and ``#``
#: loses its last ``;`` (Mermaid's encodeEntities), which once broke an entity code.
MERMAID_TRAPS = ("style x:#fff;", "Lifestyle:#1; classDef y:#0;", "#quot; #35; #x41; &#35;")
TEXTS = (*HOSTILE_TEXTS, *MERMAID_TRAPS)


def every_hostile_text_in_the_diagram() -> Canvas:
    """Every hostile text as a party, value and commonality name, and hostile ids."""
    ids = list(HOSTILE_IDS.values())
    parties = tuple(
        Party(f"{ids[i % len(ids)]}-{i}", text, (Role.SUPPLIER if i % 2 else Role.DEMANDER,))
        for i, text in enumerate(TEXTS)
    )
    values = tuple(Value(f"v{i}", text) for i, text in enumerate(TEXTS))
    flows = tuple(
        ValueFlow(
            f"f{i}",
            value=values[i].id,
            from_party=parties[i].id,
            to_party=parties[i - 1].id,
            counter_value=values[i - 1].id,
            via_commonality=i % 3 == 0,
            counter_of="f0" if i % 5 == 0 else None,
        )
        for i in range(1, len(TEXTS))
    )
    commonalities = tuple(
        Commonality(f"c-{i}", text, primary=i == 1, steward=parties[i].id)
        for i, text in enumerate(HOSTILE_TEXTS[:4])
    )
    meta = Meta(name=HOSTILE_TEXTS[14], canvas_version=HOSTILE_TEXTS[15], date=HOSTILE_TEXTS[16])
    return Canvas(meta=meta, parties=parties, values=values, flows=flows,
                  commonalities=commonalities)  # fmt: skip


def test_every_sample_and_hostile_canvas_parses_as_the_network_it_draws(
    mermaid_parser: MermaidParser,
) -> None:
    cases = [(name, language) for name, language in SNAPSHOT_CASES]
    canvases_to_draw = [canvas_called(name) for name, _ in cases]
    canvases_to_draw.append(every_hostile_text_in_the_diagram())
    languages = [language for _, language in cases] + [Language.NL]
    texts = [
        MERMAID_EXPORTER.export_bytes(canvas, ExportOptions(language=language)).decode("utf-8")
        for canvas, language in zip(canvases_to_draw, languages, strict=True)
    ]
    for canvas, language, result in zip(
        canvases_to_draw, languages, mermaid_parser.parse(texts), strict=True
    ):
        assert_parsed_as(result, value_network(canvas, language))


def test_generated_canvases_parse_as_the_network_they_draw(mermaid_parser: MermaidParser) -> None:
    drawn: list[tuple[Canvas, str]] = []

    @settings(
        max_examples=examples(40), deadline=None, database=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )  # fmt: skip
    @given(canvases())
    def collect(canvas: Canvas) -> None:
        drawn.append((canvas, MERMAID_EXPORTER.export_bytes(canvas).decode("utf-8")))

    collect()
    results = mermaid_parser.parse([text for _, text in drawn])
    for (canvas, _), result in zip(drawn, results, strict=True):
        assert_parsed_as(result, value_network(canvas, canvas.meta.language))


def test_the_parser_check_catches_a_label_that_breaks_out(mermaid_parser: MermaidParser) -> None:
    # The harness must be able to fail: an unescaped quote adds a node Mermaid reads.
    network = value_network(small_canvas(), Language.EN)
    text = MERMAID_EXPORTER.export_bytes(small_canvas()).decode("utf-8")
    broken = text.replace('p2["Demander"]', 'p2["Demander"] --> x1["injected"]')
    result = mermaid_parser.parse([broken])[0]
    with pytest.raises(AssertionError):
        assert_parsed_as(result, network)


# -- schema version 2 --------------------------------------------------------------------------


def test_schema_version_2_canvases_parse_as_the_network_they_draw(
    mermaid_parser: MermaidParser,
) -> None:
    drawn = [
        (canvas, language)
        for canvas in (schema2_canvas(), hostile_schema2_canvas())
        for language in Language
    ]
    texts = [
        MERMAID_EXPORTER.export_bytes(canvas, ExportOptions(language=language)).decode("utf-8")
        for canvas, language in drawn
    ]
    for (canvas, language), result in zip(drawn, mermaid_parser.parse(texts), strict=True):
        assert_parsed_as(result, value_network(canvas, language))
