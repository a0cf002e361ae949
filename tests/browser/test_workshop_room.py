"""The workshop room (``cmc workshop serve``) in a real browser: Debian's headless Chromium,
driven over the DevTools protocol (``chromium.py``, ``workshop_pages.py``).

A workshop is started on the bundled ``port-logistics`` canvas and served on a free port of
127.0.0.1 by a child process. Three participants, each in a browser context of their own, join
and answer the boundary questionnaire: two give the same parent domain, one another. The
facilitator's agenda puts that disagreement first; adopting one answer writes it into the canvas
file and the live poster (open in a fifth context) shows it, both within a second of the click.
Then every hostile text of the exporter tests is a participant's name and answer: nothing runs
on the participant's, the facilitator's or the poster's page, and every page sets a
Content-Security-Policy.

Needs ``chromium`` (``apt-get install chromium``), ``websocket-client``, and the plugin with its
``serve`` extra (``pip install -e "./plugins/cmc-workshop[serve]"``). Without them these tests
skip, saying so, except under ``CI``, where they fail: CI must run them.
"""

from __future__ import annotations

import importlib.util
import re
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cmc_core.testing import HOSTILE_TEXTS, INJECTION_MARKER

from .conftest import missing

pytestmark = pytest.mark.slow  # drives a real Chromium and a server

QUESTIONNAIRE = "block-boundary"
#: A short-text question that fills ``boundary.parent_domain``, which the poster shows.
QUESTION = "boundary-parent-domain"
MAJORITY = "Rijn-Schelde-delta"
MINORITY = "Noordzeekanaalgebied en achterland"
#: A long-text question, for the hostile answers (line breaks and all).
LONG_QUESTION = "boundary-goal"
#: Payloads that would set the trap if they ran, on top of the exporter tests' hostile texts.
TRAPS = (
    "<img src=x onerror=window.__pwned=1>",
    "<script>window.__pwned=1</script>",
    "<svg onload=window.__pwned=1></svg>",
    '"><img src=x onerror=window.__pwned=1 data-x="',
    "javascript:window.__pwned=1",
)
PAYLOADS = (*TRAPS, *HOSTILE_TEXTS)
#: The directives every page's policy must hold (the contract's strict policy).
STRICT = ("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium that reaches 127.0.0.1 and resolves no host name."""
    try:
        from .chromium import Chromium, find_chromium
        from .workshop_pages import LOOPBACK_ONLY
    except ImportError:
        missing("the websocket-client package is not installed (pip install websocket-client)")
    for module, package in (
        ("cmc_workshop", "cmc-workshop"),
        ("starlette", "cmc-workshop[serve]"),
        ("uvicorn", "cmc-workshop[serve]"),
    ):
        if importlib.util.find_spec(module) is None:
            missing(f"{module} is not installed (pip install -e './plugins/{package}')")
    binary = find_chromium()
    if binary is None:
        missing("no chromium on the path (apt-get install chromium)")
    assert binary is not None
    chromium = Chromium(
        binary, tmp_path_factory.mktemp("chromium-profile"), extra_flags=LOOPBACK_ONLY
    )
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Any]:
    from .workshop_scenario import served_workshop

    with served_workshop(tmp_path) as workshop:
        yield workshop


def frame_text(poster: Any) -> str:
    """The text of the document the poster's frame shows ('' while it is being replaced)."""
    try:
        return str(poster.frame_evaluate("#poster", "document.body.textContent"))
    except (LookupError, RuntimeError):
        return ""


def seconds_until_shown(
    served: Any, poster: Any, version: str, clicked: float
) -> tuple[float, float]:
    """How long after ``clicked`` the canvas file held :data:`MINORITY` as its parent domain,
    and how long until the poster showed a new version with it in its frame."""
    on_disk = on_poster = None
    while on_disk is None or on_poster is None:
        now = time.monotonic() - clicked
        assert now < 5, f"after 5 s: on disk {on_disk}, on the poster {on_poster}"
        if on_disk is None and served.workshop.canvas().boundary.parent_domain == MINORITY:
            on_disk = now
        shows = poster.evaluate("document.body.dataset.version")
        if on_poster is None and shows != version and MINORITY in frame_text(poster):
            on_poster = time.monotonic() - clicked
        time.sleep(0.01)
    return on_disk, on_poster


def assert_strict_policy(headers: list[dict[str, str]], where: str) -> None:
    assert headers, f"no document loaded at {where}"
    for header in headers:
        policy = header.get("content-security-policy", "")
        for directive in STRICT:
            assert directive in policy, f"{where}: {directive!r} missing from {policy!r}"
        assert header.get("x-content-type-options") == "nosniff", where


def test_the_disagreement_comes_first_and_its_adoption_is_on_the_poster_within_1_s(
    browser: Any, served: Any
) -> None:
    from .workshop_pages import tab
    from .workshop_scenario import adopt_button, answer, join

    with tab(browser) as poster, tab(browser) as facilitator:
        poster.goto(served.url("/poster"))
        version = poster.wait_until("document.body.dataset.version", what="body[data-version]")
        assert MINORITY not in poster.frame_evaluate("#poster", "document.body.textContent")
        people = (("Anouk", "nl", MAJORITY), ("Bram", "en", MAJORITY), ("Chen", "nl", MINORITY))
        statuses: dict[str, str] = {}
        for name, language, parent_domain in people:
            with tab(browser) as participant:
                join(participant, served, name, language)
                assert participant.exists(f'a.questionnaire[data-questionnaire="{QUESTIONNAIRE}"]')
                answers = {QUESTION: parent_domain}
                status = answer(participant, QUESTIONNAIRE, answers)
                statuses[language] = status
                assert re.search(r"\b1\b", status), status  # the others were left empty
                assert not participant.exists("#status li.problem"), status
                assert participant.errors() == []
        saved = served.workshop.answers()
        assert {name: saved[name].get(QUESTION) for name, _, _ in people} == {
            name: parent_domain for name, _, parent_domain in people
        }

        facilitator.goto(served.facilitator_url)
        first = "document.querySelector('ol#agenda > li.agenda-item')"
        item = facilitator.wait_until(
            f"(e => e && [e.dataset.questionnaire, e.dataset.question, e.dataset.status,"
            f" e.dataset.agreement])({first})",
            what="the first item of the agenda",
        )
        assert item[:3] == [QUESTIONNAIRE, QUESTION, "divided"]
        assert float(item[3]) == pytest.approx(2 / 3, abs=0.01)
        positions = facilitator.evaluate(
            f"[...{first}.querySelectorAll('li.position')].map(p => p.textContent)"
        )
        assert len(positions) == 2
        assert "Anouk" in positions[0]
        assert "Bram" in positions[0]
        assert "Chen" in positions[1]

        facilitator.wait_until(f"!!{adopt_button(QUESTION, MINORITY)}", what="the adopt button")
        clicked = time.monotonic()
        facilitator.click_element(adopt_button(QUESTION, MINORITY), "the adopt button")
        on_disk, on_poster = seconds_until_shown(served, poster, version, clicked)
        assert on_disk < 1.0, f"the canvas file held the answer {on_disk:.3f} s after the click"
        assert on_poster < 1.0, f"the poster showed the answer {on_poster:.3f} s after the click"
        decisions = served.workshop.decisions()
        assert [(d.question, d.value, d.agreed) for d in decisions] == [
            (QUESTION, MINORITY, ("Chen",))
        ]
        facilitator.wait_until(
            f"(e => e && e.dataset.status !== 'divided')({first})"
            f' || document.querySelector(\'li.agenda-item[data-question="{QUESTION}"]'
            f'[data-status="decided"]\')',
            what="the agenda taking in the decision",
        )
        assert poster.errors() == []
        assert facilitator.errors() == []
        assert_strict_policy(facilitator.document_headers("/f/"), "the facilitator's page")
        assert_strict_policy(poster.document_headers("/poster"), "the poster")
    # each participant was answered in the language they picked when joining
    assert "Opgeslagen" in statuses["nl"], statuses
    assert "Saved" in statuses["en"], statuses


def as_name(payload: str, taken: set[str]) -> str:
    """``payload`` made a name the workshop accepts: control and format characters become
    spaces, at most 60 characters, and a number added when the name is taken."""
    cleaned = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in payload
    )
    name = " ".join(cleaned.split())[:60] or "blank"
    number = 2
    while name.casefold().replace(" ", "") in taken:
        suffix = f" #{number}"
        name = name[: 60 - len(suffix)] + suffix
        number += 1
    taken.add(name.casefold().replace(" ", ""))
    return name


#: What a page holds that a payload could have put there: script elements with inline code,
#: event-handler attributes, ``javascript:`` URLs (a form field may hold that text), and
#: elements or attributes named after the injection marker.
INJECTED = f"""(() => {{
  const all = [...document.querySelectorAll('*')];
  const named = (e, test) => [...e.attributes].filter(test).map(a => e.tagName + ' ' + a.name);
  const marker = '{INJECTION_MARKER}';
  const urls = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
  return [
    ...[...document.querySelectorAll('script')].filter(s => !s.src || s.textContent.trim())
       .map(s => 'inline script: ' + s.textContent.slice(0, 80)),
    ...all.flatMap(e => named(e, a => a.name.toLowerCase().startsWith('on'))),
    ...all.flatMap(e => named(e, a => urls.includes(a.name.toLowerCase())
                                      && /^\\s*javascript:/i.test(a.value))),
    ...all.filter(e => e.tagName.toLowerCase().includes(marker)
                       || named(e, a => a.name.includes(marker)).length)
       .map(e => 'injected ' + e.tagName),
  ];
}})()"""


def assert_nothing_ran(page: Any, where: str) -> None:
    assert page.trapped() == [], where
    assert page.dialogs() == [], where
    assert page.evaluate(INJECTED) == [], where


def test_no_participant_name_or_answer_runs_a_script_on_any_page(browser: Any, served: Any) -> None:
    from .workshop_pages import tab
    from .workshop_scenario import adopt_button, answer, join

    with tab(browser) as poster, tab(browser) as facilitator, tab(browser) as participant:
        poster.goto(served.url("/poster"))
        version = poster.wait_until("document.body.dataset.version", what="body[data-version]")
        facilitator.goto(served.facilitator_url)
        taken: set[str] = set()
        names = []
        for payload in PAYLOADS:
            name = as_name(payload, taken)
            names.append(name)
            token = join(participant, served, name)
            assert_nothing_ran(participant, f"the home page of {name!r}")
            answers = {LONG_QUESTION: payload, QUESTION: name}
            status = answer(participant, QUESTIONNAIRE, answers)
            assert status, name
            assert_nothing_ran(participant, f"saving the answers of {name!r}")
            participant.goto(served.url(f"/p/{token}/q/{QUESTIONNAIRE}"))  # answers shown again
            assert_nothing_ran(participant, f"the questionnaire of {name!r}")
        assert_strict_policy(participant.document_headers("/p/"), "the participant's pages")
        assert_strict_policy(participant.document_headers("/join"), "the join page")

        # A name taken is refused on a page that shows it: as text.
        participant.goto(served.url("/join"))
        participant.fill("#name", TRAPS[0])
        participant.fill("#code", served.workshop.join_code)
        participant.click_and_wait_for_load("#join")
        assert TRAPS[0] in participant.text(), "the refusal names the name taken"
        assert_nothing_ran(participant, "the page refusing a name taken")

        # The facilitator's page took in every answer through its own script, then reloaded.
        last = names[-1]
        facilitator.wait_until(
            f"document.querySelector('ol#agenda').textContent.includes({last!r})",
            timeout=15,
            what="the facilitator's agenda showing the last participant",
        )
        assert_nothing_ran(facilitator, "the facilitator's page, refreshed by its script")
        facilitator.goto(served.facilitator_url)
        text = facilitator.text("ol#agenda")
        for trap in TRAPS[:3]:
            assert trap in text, f"{trap!r} is not shown as text on the agenda"
        assert_nothing_ran(facilitator, "the facilitator's page")

        # Adopting a hostile answer puts it on the poster: still nothing runs.
        adopt = adopt_button(LONG_QUESTION, TRAPS[0])
        facilitator.wait_until(f"!!{adopt}", what="the adopt button")
        facilitator.click_element(adopt, "the adopt button")
        poster.wait_until(
            f"document.body.dataset.version && document.body.dataset.version !== {version!r}",
            what="the poster showing the new canvas",
        )
        deadline = time.monotonic() + 5
        while TRAPS[0] not in frame_text(poster):
            assert time.monotonic() < deadline, "the adopted answer is not on the poster"
            time.sleep(0.05)
        assert poster.frame_evaluate("#poster", INJECTED) == []
        assert_nothing_ran(poster, "the poster")
        assert_nothing_ran(facilitator, "the facilitator's page after adopting")
        assert_strict_policy(poster.document_headers("/poster"), "the poster")
        frames = poster.document_headers("/poster/")
        assert frames, "the poster's frame was not loaded"
        for policy in (h.get("content-security-policy", "") for h in frames):
            assert "default-src 'none'" in policy, f"the poster frame's policy: {policy!r}"
