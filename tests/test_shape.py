"""The model describes itself once, and every place that used to repeat its shape reads it.

Before the model carried its own declarations (:mod:`cmc_core.fields`), the shape of a canvas
was written out by hand in each of these places:

==========================================  ===========================================
place                                       what it repeated
==========================================  ===========================================
``canvas.py`` ``_COLLECTIONS``              the entity collections
``rules/index.py`` ``ID_COLLECTIONS``       the entity collections
``rules/builtin/integrity.py``              every reference field and its kind, the words
``strategies/_ids.py``                      every id and reference field (renaming)
``questionnaires/bindings.py``              the collections, the list fields, the keyed fields
``questionnaires/apply.py``                 id prefixes, party and value reference fields
``diffing/compare.py``                      set-like fields, blocks of fields, keyed fields
``fileformat/layout.py``                    renames, bounds, keyed fields
``model.py`` validators                     the bounds again
``fileformat/fastpath.py`` + mirrors        a second and third reading of the layout
``strategies/_anything.py``                 every field of every record
``strategies/_mutations.py``                the places a reference can dangle
``testing/_hostile.py``                     every free-text field
==========================================  ===========================================

Each test below adds a field or an entity in a *subclass* (so the real model is untouched) and
shows that the place sees it with no change of its own, or checks that a table the place
publishes is exactly what the description says.
"""

from __future__ import annotations

import attrs
import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_core import Canvas, Commonality, Party, Role, ValueFlow
from cmc_core.diffing import SET_LIKE_FIELDS, diff_canvases
from cmc_core.fields import PARTY, Kind, bounded, entity, reference, references
from cmc_core.fileformat import json_schema, loads
from cmc_core.fileformat.layout import entry_fields
from cmc_core.fileformat.mirror import mirror_of
from cmc_core.model import Waste
from cmc_core.questionnaires import ENTITY_COLLECTIONS, LIST_TARGETS
from cmc_core.rules import validate
from cmc_core.shape import (
    collections,
    fields,
    file_key,
    is_unordered,
    keyed_fields,
    kinds,
    record_types,
    singles,
    text_fields,
)
from cmc_core.shape import (
    references as references_of,
)
from cmc_core.strategies import id_strings, records, rename_ids
from cmc_core.strategies._mutations import GHOST_PLACES
from cmc_core.testing import examples, hostile_canvas


@attrs.frozen
class SponsoredCommonality(Commonality):
    """A commonality with one more reference: who sponsors it."""

    sponsor: str | None = reference(PARTY)
    backers: tuple[str, ...] = references(PARTY)


SPONSOR = Kind("sponsor", (("sponsor", "sponsors"), ("sponsor", "sponsors")), id_prefix="s")


@entity(SPONSOR)
@attrs.frozen
class Sponsor:
    id: str
    name: str = ""
    party: str | None = reference(PARTY)
    share: float | None = bounded(0, 100, unit="a percentage")


@attrs.frozen
class SponsoredCanvas(Canvas):
    """A canvas with one more collection of entities."""

    sponsors: tuple[Sponsor, ...] = ()


def sponsored(canvas: Canvas, sponsor: str, backers: tuple[str, ...] = ()) -> Canvas:
    commonality = SponsoredCommonality("c-1", "Platform", primary=True, sponsor=sponsor)
    return canvas.evolve(commonalities=(attrs.evolve(commonality, backers=backers),))


def base() -> Canvas:
    return Canvas(parties=(Party("p-1", "One", (Role.SUPPLIER,)), Party("p-2", "Two")))


# -- a reference field added in a subclass ---------------------------------------------------


def test_the_description_lists_a_subclass_s_reference_fields() -> None:
    names = [(r.name, r.kind, r.many) for r in references_of(SponsoredCommonality)]
    assert ("sponsor", PARTY, False) in names
    assert ("backers", PARTY, True) in names
    assert len(names) == len(references_of(Commonality)) + 2


def test_the_integrity_rule_checks_a_reference_field_added_in_a_subclass() -> None:
    report = validate(sponsored(base(), "p-ghost", ("p-2", "p-nobody")), config=None)
    dangling = [(d.path, d.message) for d in report.diagnostics if d.code == "CMC022"]
    assert [path for path, _ in dangling] == [
        "commonalities[0].backers[1]",
        "commonalities[0].sponsor",
    ]
    assert "names 'p-ghost' as its sponsor, which is not a party" in dangling[1][1]
    assert "names 'p-nobody' as a backer" in dangling[0][1]
    clean = validate(sponsored(base(), "p-1", ("p-2",)))
    assert "CMC022" not in clean.codes()


def test_renaming_ids_renames_a_reference_field_added_in_a_subclass() -> None:
    canvas = sponsored(base(), "p-1", ("p-2",))
    assert {"p-1", "p-2", "c-1"} <= id_strings(canvas)
    renamed = rename_ids(canvas, {"p-1": "q-1", "p-2": "q-2"})
    commonality = renamed.commonalities[0]
    assert isinstance(commonality, SponsoredCommonality)
    assert (commonality.sponsor, commonality.backers) == ("q-1", ("q-2",))


@settings(max_examples=examples(30), deadline=None)
@given(data=st.data())
def test_the_strategies_draw_a_reference_field_added_in_a_subclass(data: st.DataObject) -> None:
    pool = ["p-a", "p-b"]
    drawn = data.draw(records(SponsoredCommonality, ids=st.sampled_from(pool)))
    assert isinstance(drawn, SponsoredCommonality)
    assert drawn.sponsor is None or drawn.sponsor in pool
    assert set(drawn.backers) <= set(pool)


def test_the_strategies_draw_every_value_a_subclass_field_can_take() -> None:
    seen: set[object] = set()

    @settings(max_examples=examples(60), deadline=None, database=None)
    @given(records(SponsoredCommonality, ids=st.just("p-a")))
    def collect(drawn: SponsoredCommonality) -> None:
        seen.add(drawn.sponsor)

    collect()
    assert seen == {None, "p-a"}


def test_the_diff_reads_a_subclass_s_list_of_references_as_a_set() -> None:
    before = sponsored(base(), "p-1", ("p-1", "p-2"))
    after = sponsored(base(), "p-1", ("p-2", "p-1"))
    diff = diff_canvases(before, after)
    assert diff.changes == ()
    assert [r.path for r in diff.reordered] == ["commonalities[c-1].backers"]
    moved = diff_canvases(before, sponsored(base(), "p-2", ("p-1", "p-2")))
    assert [c.path for c in moved.changes] == ["commonalities[c-1].sponsor"]


# -- an entity collection added in a subclass ------------------------------------------------


def sponsored_canvas() -> SponsoredCanvas:
    return SponsoredCanvas(
        parties=base().parties,
        sponsors=(Sponsor("s-1", "Fund", party="p-1"), Sponsor("p-2", "Twin", party="p-9")),
    )


def test_the_description_lists_a_collection_added_in_a_subclass() -> None:
    names = [c.name for c in collections(SponsoredCanvas)]
    *own, nested = [c.name for c in collections(Canvas)]
    assert names == [*own, "sponsors", nested]
    assert kinds(SponsoredCanvas)["sponsor"] is SPONSOR


def test_entities_unique_ids_and_references_cover_a_collection_added_in_a_subclass() -> None:
    canvas = sponsored_canvas()
    assert [e.id for e in canvas.entities()] == ["p-1", "p-2", "s-1", "p-2"]
    found = {(d.code, d.path) for d in validate(canvas).diagnostics}
    assert ("CMC022", "sponsors[1].party") in found  # p-9 is no party
    assert ("CMC023", "sponsors[1].id") in found  # p-2 is a party's id already
    assert canvas.add(Sponsor("s-2")).sponsors[-1].id == "s-2"


def test_renaming_ids_covers_a_collection_added_in_a_subclass() -> None:
    renamed = rename_ids(sponsored_canvas(), lambda old: old.upper())
    assert isinstance(renamed, SponsoredCanvas)
    assert [(s.id, s.party) for s in renamed.sponsors] == [("S-1", "P-1"), ("P-2", "P-9")]


def test_a_bounded_field_is_checked_when_made() -> None:
    with pytest.raises(ValueError, match="share must be a percentage from 0 to 100, not 101"):
        Sponsor("s-1", share=101)


# -- tables the library publishes are the description -----------------------------------------


def test_the_questionnaire_targets_are_the_description_s() -> None:
    assert {c.name for c in collections(Canvas)} == ENTITY_COLLECTIONS
    lists = {"process_steps"} | {
        f"{single.name}.{a.name}"
        for single in singles(Canvas)
        for a in fields(single.record)
        if a.type == tuple[str, ...]
    }
    assert lists == LIST_TARGETS


def test_the_diff_s_set_like_fields_are_the_unordered_ones() -> None:
    declared = {a.name for r in record_types(Canvas) for a in fields(r) if is_unordered(a)}
    assert declared == SET_LIKE_FIELDS
    assert {"roles", "users", "holders", "instruments"} <= SET_LIKE_FIELDS


def test_the_file_layout_the_mirrors_and_the_json_schema_read_the_declarations() -> None:
    assert file_key(ValueFlow, "from_party") == "from"
    flow_keys = [field.encode_name for field in msgspec.structs.fields(mirror_of(ValueFlow))]
    assert flow_keys == [file_key(ValueFlow, a.name) for a in entry_fields(ValueFlow)]
    schema = json_schema()["$defs"]
    assert set(schema["ValueFlow"]["properties"]) == set(flow_keys)
    share = schema["Waste"]["properties"]["baseline_share"]
    assert (share["minimum"], share["maximum"]) == (0, 100)
    assert set(json_schema()["properties"]) >= set(keyed_fields(Canvas))


def test_the_readers_refuse_what_the_declared_bounds_refuse() -> None:
    with pytest.raises(ValueError, match="a percentage from 0 to 100"):
        Waste(baseline_share=100.5)
    text = '{"schema_version": 1, "waste": {"baseline_share": 100.5}}'
    with pytest.raises(Exception, match="from 0 to 100"):
        loads(text, "json")


def test_every_reference_rule_cmc022_checks_can_be_made_to_dangle() -> None:
    cmc011 = {"flows.value", "flows.from_party", "flows.to_party"}
    checked = {
        f"{c.name}.{r.name}"
        for c in collections(Canvas)
        for r in references_of(c.entity)
        if r.kind.name != "organisation"
    } - cmc011
    checked |= {f"{s.name}.{r.name}" for s in singles(Canvas) for r in references_of(s.record)}
    assert checked - set(GHOST_PLACES) == {"meta.focal_party"}  # it would break CMC017 too


def test_the_hostile_canvas_fills_every_free_text_field() -> None:
    canvas = hostile_canvas()
    held = [(s.name, s.read(canvas)) for s in singles(Canvas)]
    held += [(c.name, item) for c in collections(Canvas) for item in c.read(canvas)]
    held += [(name, item) for name in keyed_fields(Canvas) for item in getattr(canvas, name)]
    empty = [
        f"{where}.{a.name}"
        for where, record in held
        for a in text_fields(type(record))
        if not getattr(record, a.name)
    ]
    assert empty == []
    assert len(held) > 40


@attrs.frozen
class WatchedFlow(ValueFlow):
    """A flow with a list of references and a single one of its own."""

    watchers: tuple[str, ...] = references(PARTY)
    auditor: str | None = reference(PARTY)


def test_the_integrity_rule_checks_what_a_flow_subclass_adds_and_lists_on_flows() -> None:
    canvas = base().evolve(
        flows=(
            ValueFlow("f-0", from_party="p-1", to_party="p-ghost"),
            WatchedFlow("f-1", to_party="p-gone", watchers=("p-1", "p-nope"), auditor="p-x"),
        )
    )
    found = [d.path for d in validate(canvas).diagnostics if d.code == "CMC022"]
    assert found == ["flows[1].auditor", "flows[1].watchers[1]"]
    ends = [d.path for d in validate(canvas).diagnostics if d.code == "CMC011"]
    assert "flows[1].to" in ends  # a subclass's flow ends stay CMC011's, reported once


def test_a_reference_to_a_kind_the_canvas_does_not_hold_is_refused() -> None:
    @attrs.frozen
    class SponsoredParty(Party):
        sponsor: str | None = reference(SPONSOR)

    canvas = base().evolve(parties=(SponsoredParty("p-1", sponsor="s-1"),))
    with pytest.raises(TypeError, match="no collection of Canvas holds sponsors"):
        validate(canvas)


def test_two_collections_of_one_kind_are_refused() -> None:
    @attrs.frozen
    class TwoPartyLists(Canvas):
        partners: tuple[Party, ...] = ()

    with pytest.raises(TypeError, match="holds parties in two collections"):
        validate(TwoPartyLists())


@pytest.mark.parametrize(
    ("declaration", "annotation", "problem"),
    [
        (bounded(0, 3), "str", "bounds need a number"),
        (references(PARTY), "str", "an unordered or keyed field needs a tuple"),
        (reference(PARTY), "int | None", "refers to party but is neither"),
    ],
)
def test_a_declaration_that_does_not_fit_its_field_is_refused(
    declaration: object, annotation: str, problem: str
) -> None:
    from cmc_core import shape

    namespace = {"value": declaration, "__annotations__": {"value": annotation}}
    wrong = attrs.frozen(type("Wrong", (), namespace))
    with pytest.raises(TypeError, match=problem):
        shape.references(wrong)


def test_the_diff_reads_a_collection_added_in_a_canvas_subclass() -> None:
    before = sponsored_canvas()
    after = before.evolve(sponsors=(before.sponsors[0], attrs.evolve(before.sponsors[1], share=5)))
    assert [c.path for c in diff_canvases(before, after).changes] == ["sponsors[p-2].share"]


def test_the_diff_reports_an_entity_that_became_a_subclass_as_one_change() -> None:
    plain = base().evolve(commonalities=(Commonality("c-1", "Platform", primary=True),))
    sponsored_ = sponsored(base(), "p-1")
    assert [(c.kind.value, c.path) for c in diff_canvases(plain, sponsored_).changes] == [
        ("changed", "commonalities[c-1]")
    ]
    with pytest.raises(TypeError, match="cannot compare a Canvas with a SponsoredCanvas"):
        diff_canvases(base(), sponsored_canvas())


@attrs.frozen
class CountedSponsor(Sponsor):
    """Plain numbers next to a bounded one: every field a subclass may add can be drawn."""

    visits: int = 0
    rating: float | None = None
    rank: int | None = bounded(1, 5)


def test_the_strategies_draw_plain_and_bounded_numbers_of_a_subclass() -> None:
    drawn: list[CountedSponsor] = []

    @settings(max_examples=examples(60), deadline=None, database=None)
    @given(records(CountedSponsor))
    def collect(sponsor: CountedSponsor) -> None:
        drawn.append(sponsor)

    collect()
    assert all(isinstance(s.visits, int) for s in drawn)
    assert all(s.rank is None or 1 <= s.rank <= 5 for s in drawn)
    assert all(s.share is None or 0 <= s.share <= 100 for s in drawn)
    assert any(s.rank is not None for s in drawn)
