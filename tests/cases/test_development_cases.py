"""The six development cases of ``shared/cases`` (issue 13): real consortia, encoded by hand from
their dossiers' sections 1-7 (``data/``), judged as each dossier's section 8 expects.

Agreement is measured three ways, as the issue asks:

* the **verdict**: a dossier that expects a **Fail** anywhere expects errors; one that expects
  only passes and warnings expects none;
* the **rule families**: the families in which the library reports an error are exactly those
  the dossier marks **Fail** (warnings are a matter of degree the dossiers do not pin down, so
  only the failing families are compared);
* the **balance ranks**: the market-balance scores order the cases as the dossiers' balance
  ranks do (1 = very balanced, 10 = dominated), with a Spearman rank correlation of at least
  0.9.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from cmc_core import assess, load
from cmc_core.assessment import Assessment

DATA = Path(__file__).parent / "data"

#: The rule families of the dossiers' section 8, by the codes that judge them.
FAMILIES: dict[str, frozenset[str]] = {
    "parties": frozenset({"CMC001", "CMC002"}),
    "access": frozenset({"CMC003"}),
    "decisions": frozenset({"CMC024"}),
    "concentration": frozenset({"CMC021", "CMC026"}),
    "hub": frozenset({"CMC025"}),
    "leader": frozenset({"CMC004"}),
    "both sides": frozenset({"CMC005"}),
    "steward": frozenset({"CMC006"}),
    "end customer": frozenset({"CMC009"}),
    "waste": frozenset({"CMC018"}),
}


@attrs.frozen
class Case:
    """What a dossier's section 8 expects."""

    file: str
    fails: frozenset[str]
    rank: int

    @property
    def verdict(self) -> str:
        return "fail" if self.fails else "pass"


CASES = (
    Case("01_ideal_currence.cmc.yaml", frozenset({"concentration", "leader"}), 4),
    Case("02_dakosy_hamburg_pcs.cmc.yaml", frozenset({"concentration", "leader"}), 5),
    Case(
        "03_amazon_marketplace.cmc.yaml",
        frozenset({"access", "decisions", "concentration", "hub", "leader", "steward"}),
        9,
    ),
    Case(
        "04_gnx_wwre_retail_exchanges.cmc.yaml",
        frozenset({"access", "decisions", "leader", "waste"}),
        8,
    ),
    Case("05_joindata_agri_data.cmc.yaml", frozenset(), 3),
    Case("06_royal_floraholland.cmc.yaml", frozenset({"access", "decisions"}), 6),
)


def _assessed(case: Case) -> Assessment:
    return assess(load(DATA / case.file).canvas)


def failing_families(assessment: Assessment) -> frozenset[str]:
    """The families in which the report has an error."""
    codes = {error.code for error in assessment.report.errors}
    return frozenset(name for name, family in FAMILIES.items() if codes & family)


def market_balance(assessment: Assessment) -> float:
    return assessment.scores.dimension("market-balance").score


def spearman(first: list[float], second: list[float]) -> float:
    """Spearman's rank correlation of two lists without ties."""

    def ranks(values: list[float]) -> list[int]:
        order = sorted(range(len(values)), key=values.__getitem__)
        ranked = [0] * len(values)
        for rank, position in enumerate(order):
            ranked[position] = rank
        return ranked

    a, b = ranks(first), ranks(second)
    n = len(a)
    return 1 - 6 * sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) / (n * (n * n - 1))


@pytest.fixture(scope="module")
def assessed() -> dict[str, Assessment]:
    return {case.file: _assessed(case) for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.file.split(".")[0] for case in CASES])
def test_the_verdict_agrees_with_the_dossier(case: Case, assessed: dict[str, Assessment]) -> None:
    assessment = assessed[case.file]
    assert ("fail" if assessment.has_errors else "pass") == case.verdict
    other = {error.code for error in assessment.report.errors} - frozenset().union(
        *FAMILIES.values()
    )
    assert not other, f"errors outside the dossier's families: {sorted(other)}"


@pytest.mark.parametrize("case", CASES, ids=[case.file.split(".")[0] for case in CASES])
def test_the_failing_rule_families_agree_with_the_dossier(
    case: Case, assessed: dict[str, Assessment]
) -> None:
    assert failing_families(assessed[case.file]) == case.fails


def test_verdicts_agree_in_6_of_6_and_families_in_at_least_5_of_6(
    assessed: dict[str, Assessment],
) -> None:
    verdicts = sum(
        ("fail" if assessed[case.file].has_errors else "pass") == case.verdict for case in CASES
    )
    families = sum(failing_families(assessed[case.file]) == case.fails for case in CASES)
    assert verdicts == 6
    assert families >= 5


def test_market_balance_orders_the_cases_as_their_balance_ranks(
    assessed: dict[str, Assessment],
) -> None:
    scores = [market_balance(assessed[case.file]) for case in CASES]
    # A high score is balanced, a high rank dominated: the correlation with minus the rank.
    rho = spearman(scores, [-case.rank for case in CASES])
    assert rho >= 0.9, dict(zip([case.file for case in CASES], scores, strict=True))


def test_every_case_cites_its_dossier_and_names_its_sources() -> None:
    for case in CASES:
        text = (DATA / case.file).read_text(encoding="utf-8")
        assert "../shared/cases/" in text
        assert "§" in text
        document = load(DATA / case.file)
        cited = {key for party in document.canvas.parties for key in party.sources}
        listed = {source.id for source in document.canvas.sources}
        assert cited <= listed, case.file


def test_the_spearman_helper_is_right() -> None:
    assert spearman([1, 2, 3], [10, 20, 30]) == 1
    assert spearman([1, 2, 3], [30, 20, 10]) == -1
    assert spearman([1, 2, 3, 4], [1, 2, 4, 3]) == pytest.approx(0.8)
