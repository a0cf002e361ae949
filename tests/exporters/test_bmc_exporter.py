"""The built-in ``bmc`` exporter keeps the exporter contract (refusing, with reasons, the canvases
a BMC must wait for), matches its snapshots, reads each of the nine blocks from the CMC as the
bridge of domain.md 5.4 says, and refuses while the CMC has errors (rule V17).
``CMC_UPDATE_SNAPSHOTS=1`` rewrites the snapshots."""

from __future__ import annotations

import attrs
import pytest
from click.testing import CliRunner

import cmc_exporters
from cmc_core import Canvas
from cmc_core.cli import cli
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.model import (
    Boundary,
    Commonality,
    EndCustomerValue,
    Meta,
    Party,
    ProcessArea,
    Value,
    ValueFlow,
    Waste,
)
from cmc_core.rules import bmc_blockers
from cmc_core.testing import ExporterContract, hostile_canvas, sample_canvases
from cmc_core.vocabulary import Language, Mode, ProcessKind, Role, SavingStatus, ValueKind
from cmc_exporters._bmc_bridge import bmc_blocks
from cmc_exporters._markdown_text import markdown_text
from cmc_exporters.bmc import BMC_EXPORTER, BmcRefusedError, render_bmc

from .gfm import assert_safe_markdown, reader_text
from .snapshot import assert_matches_snapshot

#: Parties whose BMC the snapshots hold: a carrier of the port, a hospital of the region.
SNAPSHOT_PARTIES = {"port-logistics": "p-vandijk", "regional-healthcare": "p-hospital"}


class TestBmcExporter(ExporterContract):
    refusals = (BmcRefusedError,)
    max_examples = 15

    @pytest.fixture
    def exporter(self) -> Exporter:
        return BMC_EXPORTER

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_exporters

    def assert_hostile_text_is_safe(self, output: bytes, canvas: Canvas) -> None:
        assert_safe_markdown(output)

    def extract_text(self, output: bytes) -> str:
        return reader_text(output)


def export(canvas: Canvas, party: str | None = None, language: Language | None = None) -> str:
    settings = {"party": party} if party else {}
    options = ExportOptions(language=language, settings=settings)
    return BMC_EXPORTER.export_bytes(canvas, options).decode("utf-8")


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
@pytest.mark.parametrize("name", list(SNAPSHOT_PARTIES))
def test_export_matches_the_stored_snapshot(name: str, language: Language) -> None:
    output = export(sample_canvases()[name], SNAPSHOT_PARTIES[name], language).encode()
    assert_matches_snapshot(
        "bmc", f"{name}.{SNAPSHOT_PARTIES[name]}.{language.value}.bmc.md", output
    )


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_the_hostile_canvas_renders_as_safe_markdown_for_each_of_its_parties(
    language: Language,
) -> None:
    canvas = hostile_canvas()
    for party in canvas.parties:
        assert_safe_markdown(render_bmc(canvas, party, language).encode())


# -- the bridge --------------------------------------------------------------------------------


def small_community() -> Canvas:
    """Two suppliers, two demanders, a network leader and a commonality, without errors."""
    parties = (
        Party("s1", "Alpha Transport", (Role.SUPPLIER,), specialisation="Cold chain trucking"),
        Party("s2", "Beta Barges", (Role.SUPPLIER,)),
        Party("d1", "Gamma Foods", (Role.DEMANDER,), serves_end_customer=True),
        Party("d2", "Delta Builders", (Role.DEMANDER,)),
        Party("n1", "Harbour Net", (Role.NETWORK_LEADER,)),
    )
    values = (
        Value("v-road", "Road transport", ValueKind.SERVICE),
        Value("v-slot", "Slot booking", ValueKind.INSTRUMENT),
        Value("v-pay", "Payment", ValueKind.MONEY),
        Value("v-water", "Barge transport", ValueKind.SERVICE),
    )
    flows = (
        ValueFlow("f1", "v-road", "s1", "d1", "v-pay", via_commonality=True, step="transact"),
        ValueFlow("f2", "v-slot", "s1", "d2", via_commonality=True, step="match"),
        ValueFlow("f3", "v-pay", "d2", "s1", counter_of="f2", step="transact"),
        ValueFlow("f4", "v-water", "s2", "d1", "v-pay", via_commonality=True, step="transact"),
        ValueFlow("f5", "v-water", "s2", "d2", "v-pay", via_commonality=True, step="transact"),
    )
    areas = (
        ProcessArea("a1", "Booking", ProcessKind.TRANSACTION, Mode.COOPERATE, ("s1", "s2", "d1")),
        ProcessArea("a2", "Status sharing", ProcessKind.INFORMATION, Mode.COOPERATE, ()),
        ProcessArea("a3", "Trucking", ProcessKind.EXECUTION, None, ("s1",), "Who drives best"),
        ProcessArea("a4", "Barging", ProcessKind.EXECUTION, Mode.COMPETE, ("s2",)),
    )
    commonality = Commonality(
        "c1", "Harbour platform", primary=True, capabilities=("Slot booking", "Status feed"),
        steward="n1", users=("s1", "s2", "d1", "d2"), financing="Fee per message",
    )  # fmt: skip
    return Canvas(
        meta=Meta(name="Harbour test community", focal_party="s1"),
        end_customer=EndCustomerValue(customer="Shops in the hinterland", value="On time"),
        boundary=Boundary(goal="Containers on time", target_group="Port companies"),
        parties=parties,
        values=values,
        flows=flows,
        process_areas=areas,
        commonalities=(commonality,),
    )


def blocks_of(canvas: Canvas, party: str) -> dict[str, tuple[str, ...]]:
    found = canvas.party(party)
    assert found is not None
    return {block.key: block.lines for block in bmc_blocks(canvas, found, Language.EN)}


def test_the_bridge_reads_each_block_from_the_party_s_place_in_the_community() -> None:
    blocks = blocks_of(small_community(), "s1")
    assert blocks["customer_segments"] == (
        "Gamma Foods",
        "Delta Builders",
        "End customer of the community: Shops in the hinterland",
    )
    assert blocks["value_propositions"] == (
        "Road transport (to Gamma Foods)",
        "Slot booking (to Delta Builders)",
    )
    assert blocks["revenue_streams"] == ("Payment (from Gamma Foods, Delta Builders)",)
    assert blocks["channels"][:2] == ("Harbour platform", "2 of 2 flows over the commonality")
    assert blocks["customer_relationships"] == ("Coordination steps: match, transact",)
    assert blocks["key_resources"] == (
        "Harbour platform: Slot booking; Status feed",
        "Own specialisation: Cold chain trucking",
    )
    assert blocks["key_activities"] == ("Trucking: Who drives best",)
    assert blocks["key_partners"] == (
        "Cooperating on Booking (transaction process): Beta Barges, Gamma Foods",
        "Cooperating on Status sharing (information process): all parties",
        "Network leader: Harbour Net",
    )
    assert blocks["cost_structure"] == (
        "Financing of Harbour platform: Fee per message",
        "Own execution: Trucking",
    )


def test_the_saving_in_the_cost_structure_is_called_realised_or_expected_by_its_status() -> None:
    canvas = small_community()
    said = {
        (
            SavingStatus.PROMISED,
            Language.EN,
        ): "Expected saving on communication and control: 12.5 %",
        (SavingStatus.PROMISED, Language.NL): (
            "Verwachte besparing op communicatie en controle: 12,5 %"
        ),
        (
            SavingStatus.REALISED,
            Language.EN,
        ): "Realised saving on communication and control: 12.5 %",
        (SavingStatus.REALISED, Language.NL): (
            "Gerealiseerde besparing op communicatie en controle: 12,5 %"
        ),
    }
    for (status, language), line in said.items():
        waste = Waste(expected_saving=12.5, status=status)
        party = canvas.party("s1")
        assert party is not None
        blocks = {b.key: b.lines for b in bmc_blocks(canvas.evolve(waste=waste), party, language)}
        assert blocks["cost_structure"][-1] == line


def test_a_counter_flow_is_revenue_for_its_receiver_not_a_proposition_of_its_sender() -> None:
    blocks = blocks_of(small_community(), "d2")
    assert blocks["value_propositions"] == ()
    assert "Slot booking" not in " ".join(blocks["revenue_streams"])
    supplier = blocks_of(small_community(), "s1")
    assert "Payment (from Gamma Foods, Delta Builders)" in supplier["revenue_streams"]


def test_an_empty_block_says_the_cmc_holds_nothing_for_it_yet() -> None:
    text = export(small_community(), "d2")
    propositions = text.split("## 2. Value propositions", 1)[1].split("## 3.", 1)[0]
    assert "- _Nothing in the CMC yet._" in propositions


def test_the_focal_party_of_the_canvas_is_the_default_and_the_setting_overrides_it() -> None:
    canvas = small_community()
    assert export(canvas).startswith("# Business Model Canvas: Alpha Transport\n")
    assert export(canvas, "s2").startswith("# Business Model Canvas: Beta Barges\n")


def test_every_bmc_carries_the_colophon_in_the_export_language() -> None:
    canvas = sample_canvases()["port-logistics"]
    dutch = export(canvas, "p-vandijk")
    assert (
        "_canvasversie 1.0 · schemaversie 2 · taal: Nederlands (nl) · datum: 2024-11-14_" in dutch
    )
    assert "## 1. Klantsegmenten" in dutch
    english = export(canvas, "p-vandijk", Language.EN)
    assert "language: English (en)" in english
    assert "## 9. Cost structure" in english
    assert english.rstrip().endswith("exported with cmc._")


# -- refusals ----------------------------------------------------------------------------------


def test_without_a_party_the_export_is_refused_naming_the_market_parties() -> None:
    named_one = sample_canvases()["port-logistics"]
    canvas = named_one.evolve(meta=attrs.evolve(named_one.meta, focal_party=None))
    with pytest.raises(BmcRefusedError, match=r"-O party=ID") as refused:
        export(canvas)
    for party in canvas.parties:
        named = f"{party.id} ({party.name})" in str(refused.value)
        assert named == (party.is_market_party and not party.external)


def test_the_focal_party_of_the_canvas_is_the_default() -> None:
    canvas = sample_canvases()["port-logistics"]
    assert canvas.meta.focal_party == "p-vandijk"
    assert export(canvas).splitlines()[0] == "# Business Model Canvas: Transportbedrijf Van Dijk"


def test_while_the_cmc_has_errors_the_export_is_refused_listing_the_blocking_codes() -> None:
    canvas = sample_canvases()["single-owner-platform"]
    party = "p-freshlink"
    with pytest.raises(BmcRefusedError) as refused:
        export(canvas, party)
    expected = bmc_blockers(canvas, party)
    assert refused.value.blockers == tuple(expected)
    assert set(refused.value.codes) == {line.split(" ", 1)[0] for line in expected}
    message = str(refused.value)
    assert "rule V17" in message
    assert "CMC017" in message
    for code in refused.value.codes:
        assert code in message.splitlines()[0]


def test_a_party_that_is_not_a_market_party_is_refused_with_rule_cmc017() -> None:
    with pytest.raises(BmcRefusedError) as refused:
        export(small_community(), "n1")
    assert refused.value.codes == ("CMC017",)
    assert "not a market party" in str(refused.value)


def test_an_unknown_party_is_refused_naming_the_choices() -> None:
    with pytest.raises(BmcRefusedError, match=r"no party 'p-nobody'.*s1 \(Alpha Transport\)"):
        export(small_community(), "p-nobody")


def test_cmc_export_prints_the_refusal_and_exits_with_status_2() -> None:
    result = CliRunner().invoke(cli, ["export", "--example", "single-owner-platform", "--to", "bmc",
                                      "-O", "party=p-freshlink"])  # fmt: skip
    assert result.exit_code == 2
    assert result.output.startswith("Error: No Business Model Canvas for 'p-freshlink' yet")
    assert "Traceback" not in result.output


def test_party_names_are_escaped_in_the_heading() -> None:
    canvas = small_community()
    party = canvas.parties[0]
    import attrs

    canvas = canvas.replace(attrs.evolve(party, name="*Alpha* <b>|</b>"))
    text = export(canvas, "s1")
    assert text.splitlines()[0] == f"# Business Model Canvas: {markdown_text('*Alpha* <b>|</b>')}"
