"""The index the rules share, and the one-pass sweep over the flows behind it."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import ValueFlow
from cmc_core.rules.ids import IdColumn
from cmc_core.rules.index import CanvasIndex, IdUse
from cmc_core.rules.sweep import sweep_flows
from cmc_core.vocabulary import Period

from .builders import DEMANDERS, SUPPLIERS, valid_canvas


def flows_between(pairs: list[tuple[str | None, str | None]], ids: list[str] | None = None):  # type: ignore[no-untyped-def]
    """Flows with these (from, to) pairs and, by default, increasing ids."""
    ids = ids or [f"f-{number:05d}" for number in range(len(pairs))]
    return tuple(
        ValueFlow(flow_id, value="v-transport", from_party=source, to_party=target)
        for flow_id, (source, target) in zip(ids, pairs, strict=True)
    )


@pytest.mark.parametrize("block", [1, 3, 4096])
def test_the_sweep_gives_the_same_answers_whatever_the_block_size(block: int) -> None:
    rng = random.Random(block)
    pairs = [(rng.choice(SUPPLIERS), rng.choice(DEMANDERS)) for _ in range(50)]
    flows = list(flows_between(pairs))
    flows[7] = ValueFlow("f-00007", from_party="p-d1", to_party="p-s1", counter_of="f-00006")
    flows[20] = ValueFlow("f-00020", from_party="p-s2", to_party="p-s2")
    found = sweep_flows(flows, block=block)
    primary = [flow for flow in flows if not flow.counter_of]
    assert found.flow_count == 50
    assert found.primary_count == 49
    assert found.ids_increasing
    assert (found.first_id, found.last_id) == ("f-00000", "f-00049")
    assert found.counter_positions == [7]
    assert found.counter_from_keys == {"p-d1"}
    assert found.primary_from_keys == {flow.from_party for flow in primary}
    assert found.primary_to_keys == {flow.to_party for flow in primary}
    assert found.from_bound >= max(Counter(flow.from_party for flow in primary).values())
    assert [start <= 20 < start + block for start in found.loop_blocks] == [True]
    assert found.references == {("v-transport", None, None), (None, None, None)}
    assert found.primary_froms == [flow.from_party for flow in primary]
    assert found.primary_tos == [flow.to_party for flow in primary]


def weighed(volumes: list[tuple[float | None, str]], block: int) -> CanvasIndex:
    flows = tuple(
        ValueFlow(f"f-{n:03d}", from_party="p-s1", to_party="p-d1", volume=volume, unit=unit)
        for n, (volume, unit) in enumerate(volumes)
    )
    index = CanvasIndex(Canvas(flows=flows))
    index.__dict__["sweep"] = sweep_flows(flows, block=block)
    return index


@pytest.mark.parametrize("block", [1, 2, 4096])
def test_the_sweep_weighs_volumes_in_one_unit_across_blocks(block: int) -> None:
    index = weighed([(2.0, "EUR"), (5.0, " EUR"), (1.0, "EUR ")], block)
    assert index.volume_range == (5.0, 8.0)
    assert index.sweep.unit == "EUR"


@pytest.mark.parametrize("block", [1, 2, 4096])
@pytest.mark.parametrize(
    "volumes",
    [
        [(2.0, "EUR"), (5.0, "EUR"), (1.0, "TEU")],  # two units: not comparable
        [(2.0, "EUR"), (5.0, "EUR"), (None, "")],  # a flow without a volume
        [(None, ""), (5.0, "EUR"), (1.0, "EUR")],
        [(0.0, "EUR"), (0.0, "EUR")],  # nothing to divide by
        [(1e308, "EUR"), (1e308, "EUR")],  # a total too large for a float
    ],
)
def test_volumes_are_no_basis_unless_every_market_flow_gives_one_in_one_unit(
    volumes: list[tuple[float | None, str]], block: int
) -> None:
    assert weighed(volumes, block).volume_range is None


def test_an_exact_sweep_counts_every_party_and_bounds_by_the_largest_count() -> None:
    pairs = [("p-s1", "p-d1"), ("p-s1", "p-d2"), ("p-s2", "p-d2"), (None, "p-d2")]
    found = sweep_flows(flows_between(pairs), block=3, exact=True)
    assert found.from_counts == Counter({"p-s1": 2, "p-s2": 1, None: 1})
    assert found.to_counts == Counter({"p-d2": 3, "p-d1": 1})
    assert (found.from_bound, found.to_bound) == (2, 3)
    assert found.primary_from_keys == {"p-s1", "p-s2", None}
    assert sweep_flows(flows_between(pairs)).from_counts is None


def test_ids_that_go_down_once_are_not_increasing_even_across_blocks() -> None:
    flows = flows_between([("p-s1", "p-d1")] * 4, ids=["a", "b", "d", "c"])
    assert not sweep_flows(flows, block=2).ids_increasing
    assert sweep_flows(flows[:3], block=2).ids_increasing


def test_equal_neighbouring_ids_are_not_increasing() -> None:
    flows = flows_between([("p-s1", "p-d1")] * 2, ids=["a", "a"])
    assert not sweep_flows(flows).ids_increasing


def test_an_empty_canvas_sweeps_to_nothing() -> None:
    found = sweep_flows(())
    assert (found.flow_count, found.primary_count, found.from_bound) == (0, 0, 0)
    assert found.first_id is None


def test_the_index_finds_flow_ids_by_bisection_when_they_are_sorted() -> None:
    index = CanvasIndex(valid_canvas())
    assert index.flow_ids_increasing
    assert index.flow_ids_present(["f-03", "f-99", "p-s1", "a"]) == {"f-03"}
    assert "flow_id_set" not in index.__dict__


def test_the_index_finds_flow_ids_in_any_order() -> None:
    canvas = valid_canvas()
    index = CanvasIndex(canvas.evolve(flows=canvas.flows[::-1]))
    assert not index.flow_ids_increasing
    assert index.flow_ids_present(["f-03", "f-99"]) == {"f-03"}
    assert index.flow_id_column.duplicates == frozenset()


def test_repeated_ids_are_found_across_collections() -> None:
    canvas = valid_canvas()
    flows = (*canvas.flows, ValueFlow("p-s1"), ValueFlow("f-02"))
    index = CanvasIndex(canvas.evolve(flows=flows))
    assert index.repeated_ids == {"p-s1", "f-02"}
    assert index.id_uses(["p-s1", "f-02"]) == [
        IdUse("p-s1", "parties[0]"),
        IdUse("f-02", "flows[1]"),
        IdUse("p-s1", "flows[12]"),
        IdUse("f-02", "flows[13]"),
    ]


def test_a_single_party_lookup_does_not_build_the_whole_table() -> None:
    index = CanvasIndex(valid_canvas())
    party = index.party("p-d2")
    assert party is not None
    assert party.name == "Demander 2"
    assert index.party("p-none") is None
    assert "party_by_id" not in index.__dict__


def test_primary_columns_leave_out_the_counter_flows() -> None:
    canvas = valid_canvas()
    back = ValueFlow("f-13", from_party="p-d1", to_party="p-s1", counter_of="f-01")
    index = CanvasIndex(canvas.add(back))
    assert index.primary_count == 12
    assert len(index.primary_column("from")) == 12
    assert "p-d1" not in index.primary_from_keys
    assert "p-d1" in index.from_keys
    assert list(index.counter_flow_positions) == [12]
    assert index.counts("from")["p-s1"] == 2


def test_missing_references_are_kept_as_keys() -> None:
    canvas = Canvas(flows=flows_between([(None, "p-d1"), ("", None)]))
    index = CanvasIndex(canvas)
    assert index.from_keys == {None, ""}
    assert index.to_keys == {"p-d1", None}
    assert index.may_have_self_loops is False


# -- id columns ----------------------------------------------------------------------------------


def test_a_sorted_id_column_finds_ids_by_bisection_without_a_set() -> None:
    column = IdColumn(lambda: ["a", "c", "e"])
    assert column.increasing
    assert column.bounds == ("a", "e")
    assert column.present({"c", "d", "z", "0"}) == {"c"}
    assert column.duplicates == frozenset()
    assert "id_set" not in column.__dict__


def test_an_unsorted_id_column_finds_duplicates() -> None:
    column = IdColumn(lambda: ["e", "a", "e", "c", "a"])
    assert not column.increasing
    assert column.duplicates == {"a", "e"}
    assert column.present(["c", "x"]) == {"c"}


def test_sorted_columns_with_disjoint_ranges_share_nothing() -> None:
    flows = IdColumn(lambda: ["f-1", "f-2"])
    parties = IdColumn(lambda: ["p-1", "p-2"])
    assert flows.shared_with(parties) == frozenset()
    assert "ids" in parties.__dict__  # it had to read them to see they are sorted
    assert "id_set" not in flows.__dict__


def test_overlapping_columns_share_their_common_ids() -> None:
    sorted_column = IdColumn(lambda: ["a", "b", "x"])
    unsorted = IdColumn(lambda: ["z", "b", "q"])
    assert sorted_column.shared_with(unsorted) == {"b"}
    assert unsorted.shared_with(sorted_column) == {"b"}
    assert IdColumn(lambda: []).shared_with(unsorted) == frozenset()


def test_a_column_told_its_order_does_not_check_it_again() -> None:
    column = IdColumn(lambda: ["b", "a"], increasing=True, bounds=("a", "b"))
    assert column.increasing


def test_ids_that_are_not_strings_are_not_taken_for_sorted() -> None:
    assert not IdColumn(lambda: ["a", None, "b"]).increasing  # type: ignore[list-item]


def test_an_empty_canvas_is_validated_without_trouble() -> None:
    from cmc_core.rules import validate

    codes = validate(Canvas()).codes()
    assert {"CMC001", "CMC002", "CMC005", "CMC007", "CMC009", "CMC012"} <= codes
    assert not codes & {"CMC010", "CMC011", "CMC021", "CMC022", "CMC023"}


def test_the_party_named_by_a_shared_id_does_not_depend_on_the_order_of_the_parties() -> None:
    from cmc_core.model import Party
    from cmc_core.vocabulary import Role

    twins = (Party("p-x", name="Zeta", roles=(Role.NGO,)), Party("p-x", name="Alpha"))
    for parties in (twins, twins[::-1]):
        index = CanvasIndex(Canvas(parties=parties))
        chosen = index.party("p-x")
        assert chosen is not None
        assert chosen.name == "Alpha"
        assert index.party_by_id["p-x"].name == "Alpha"


@pytest.mark.parametrize("block", [1, 4096])
def test_volumes_over_different_periods_are_no_basis_but_one_period_is(block: int) -> None:
    def flows(*periods: Period | None) -> CanvasIndex:
        made = tuple(
            ValueFlow(f"f-{n}", from_party="p-s1", to_party="p-d1", volume=4.0, unit="t", period=p)
            for n, p in enumerate(periods)
        )
        index = CanvasIndex(Canvas(flows=made))
        index.__dict__["sweep"] = sweep_flows(made, block=block)
        return index

    assert flows(Period.WEEK, Period.YEAR).volume_range is None
    assert flows(None, Period.YEAR).volume_range is None
    one = flows(Period.WEEK, Period.WEEK)
    assert (one.volume_range, one.sweep.period) == ((4.0, 8.0), Period.WEEK)
