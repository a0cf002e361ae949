"""`cmc workshop merge`'s parts: the agenda as Markdown and HTML, and the merged canvas."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from cmc_core.examples import example_text
from cmc_core.fileformat import load
from cmc_core.testing import HOSTILE_TEXTS, INJECTION_MARKER, assert_safe_html

from cmc_workshop.agenda_report import html_report, markdown_report
from cmc_workshop.agreement import agenda
from cmc_workshop.folder import Workshop
from cmc_workshop.merge import merged_canvas, workshop_report, write_canvas
from cmc_workshop.safety import unsafe_text

GOAL, TARGET, INSIDE = "boundary-goal", "boundary-target-group", "boundary-inside"
BOUNDARY = "block-boundary"


@pytest.fixture
def room(tmp_path: Path) -> Workshop:
    canvas = tmp_path / "port.cmc.yaml"
    canvas.write_text(example_text("port-logistics"), encoding="utf-8")
    made = Workshop.start(tmp_path / "room", canvas, title="Port <day>")
    alice, bob, carol = made.join("Alice"), made.join("Bob"), made.join("Carol")
    made.save_answers(alice, BOUNDARY, {GOAL: "Fewer empty trips", TARGET: "Shippers"})
    made.save_answers(bob, BOUNDARY, {GOAL: "More trains", TARGET: "shippers"})
    made.save_answers(carol, BOUNDARY, {GOAL: "More trains", TARGET: "Shippers ", INSIDE: ["x"]})
    return made


class _Items(HTMLParser):
    """The agenda items of an HTML report, in order, as (question, status)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and found.get("class") == "agenda-item":
            self.items.append((str(found["data-question"]), str(found["data-status"])))


def test_the_html_report_shows_the_agenda_in_its_order(room: Workshop) -> None:
    report = workshop_report(room)
    expected = agenda(room.questionnaires(), room.answers(), room.decisions())
    parser = _Items()
    parser.feed(html_report(report))
    assert parser.items == [(item.question, item.status) for item in expected]
    assert parser.items[0] == (GOAL, "divided")
    assert (TARGET, "unanimous") in parser.items


def test_the_markdown_report_lists_positions_and_who_holds_them(room: Workshop) -> None:
    text = markdown_report(workshop_report(room))
    assert text.startswith("# Workshop agenda: Port \\<day\\>\n")
    divided = text.split("## Unanimous")[0]
    assert "- **More trains** (2): Bob, Carol" in divided
    assert "- **Fewer empty trips** (1): Alice" in divided
    assert "**Shippers** (Alice, Bob, Carol)" in text.split("## Unanimous")[1]


@pytest.fixture
def hostile_room(tmp_path: Path) -> Workshop:
    canvas = tmp_path / "port.cmc.yaml"
    canvas.write_text(example_text("port-logistics"), encoding="utf-8")
    made = Workshop.start(tmp_path / "hostile", canvas, title=HOSTILE_TEXTS[0])
    names = [t for t in HOSTILE_TEXTS if t.strip() and len(t) <= 60 and t.isprintable()]
    # Control characters and direction marks are refused (test_workshop_hardening.py).
    texts = [t for t in HOSTILE_TEXTS if not unsafe_text(t)]
    assert len(texts) < len(HOSTILE_TEXTS)
    for number, text in enumerate(texts):
        name = names[number % len(names)] + f" {number}"
        person = made.join(name[-60:] if len(name) > 60 else name)
        made.save_answers(person, BOUNDARY, {GOAL: text, INSIDE: [text, "x"]})
    return made


def test_the_html_report_escapes_every_payload(hostile_room: Workshop) -> None:
    page = html_report(workshop_report(hostile_room))
    assert_safe_html(page.encode("utf-8"))
    assert "&lt;script&gt;" in page
    assert "<script" not in page.lower()
    assert "default-src 'none'" in page


def test_the_markdown_report_escapes_every_payload(hostile_room: Workshop) -> None:
    text = markdown_report(workshop_report(hostile_room))
    assert INJECTION_MARKER in text  # the payloads are there, as text
    assert not re.search(r"(?<!\\)<(script|img|svg|cmc-injected)", text, re.IGNORECASE)
    assert "\\<script\\>" in text


def test_the_merged_canvas_has_the_unanimous_answers_and_the_open_points(
    room: Workshop, tmp_path: Path
) -> None:
    before = room.canvas_path.read_bytes()
    old_note = {n.key.value: n.text for n in room.canvas().notes}["boundary"]
    document, points = merged_canvas(room, workshop_report(room))
    out = tmp_path / "merged.cmc.yaml"
    write_canvas(room, document, out)
    merged = load(out).canvas
    assert merged.boundary.target_group == "Shippers"  # unanimous, the most common spelling
    assert merged.boundary.goal == room.canvas().boundary.goal  # divided: not written
    # One participant's answer is no agreement: the canvas keeps what it held.
    assert merged.boundary.inclusion_criteria == room.canvas().boundary.inclusion_criteria
    note = {n.key.value: n.text for n in merged.notes}["boundary"]
    assert note.startswith(old_note.rstrip())  # what the note said is kept
    assert "Open punten van de workshop Port <day>:" in note  # the canvas is Dutch
    assert "More trains (Bob, Carol) / Fewer empty trips (Alice)" in note
    assert [item.question for item, _reason in points] == [GOAL, INSIDE]
    assert "x (alleen Carol antwoordde), niet ingevuld" in note
    assert out.read_text("utf-8").startswith("# Community Model Canvas")  # comments kept
    assert room.canvas_path.read_bytes() == before  # the workshop's canvas is not changed


def test_merge_never_writes_the_workshops_own_canvas(room: Workshop) -> None:
    from cmc_workshop.records import WorkshopError

    document, _points = merged_canvas(room, workshop_report(room))
    with pytest.raises(WorkshopError, match="own canvas"):
        write_canvas(room, document, room.canvas_path)
