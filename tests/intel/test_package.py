"""Stage `package`: weighted set cover across providers, toy data, no database."""

from __future__ import annotations

from jatkumo.intel.match import rank
from jatkumo.intel.match_types import Match, Need, NeedSkill
from jatkumo.intel.package import compose
from tests.intel.match_toy import FINNISH, FORKLIFT, SAFETY, toy_index


def _candidate(
    key: int,
    provider: str,
    covers: set[str],
    weeks: float | None = None,
    price: float | None = None,
):
    return (Match(key, 1.0, (), (), ()), provider, frozenset(covers), weeks, price)


def test_compose__covers_three_skills_with_three_providers():
    aspects = {"a": 1.0, "b": 1.0, "c": 1.0}
    candidates = [
        _candidate(1, "P1", {"a"}, 2, 100),
        _candidate(2, "P2", {"b"}, 1, 50),
        _candidate(3, "P3", {"c"}, 4, 0),
        _candidate(4, "P1", {"b"}),
    ]

    best = compose(aspects, candidates)[0]

    assert set(best.keys) == {1, 2, 3}
    assert best.coverage == 1.0
    assert best.uncovered == ()
    assert best.duration_weeks == 4
    assert best.price_eur == 150


def test_compose__never_puts_two_offerings_of_one_provider_together():
    aspects = {"a": 1.0, "b": 1.0}
    candidates = [_candidate(1, "P1", {"a"}), _candidate(2, "P1", {"b"})]

    assert compose(aspects, candidates) == ()


def test_compose__no_package_when_one_offering_covers_everything():
    aspects = {"a": 1.0, "b": 1.0}
    candidates = [_candidate(1, "P1", {"a", "b"}), _candidate(2, "P2", {"b"})]

    assert compose(aspects, candidates) == ()


def test_compose__says_what_stays_uncovered():
    aspects = {"skill:a": 1.0, "skill:b": 1.0, "skill:z": 1.0}
    candidates = [_candidate(1, "P1", {"skill:a"}), _candidate(2, "P2", {"skill:b"})]

    best = compose(aspects, candidates, {"skill:z": "zebra care"})[0]

    assert best.uncovered == ("zebra care",)
    assert round(best.coverage, 2) == 0.67


def test_compose__greedy_beyond_the_exact_limit_still_finds_the_cover():
    aspects = {"a": 1.0, "b": 1.0, "c": 1.0}
    candidates = [_candidate(i, f"X{i}", set()) for i in range(30)]
    candidates[3] = _candidate(3, "P1", {"a", "b"})
    candidates[7] = _candidate(7, "P2", {"c"})

    best = compose(aspects, candidates)[0]

    assert set(best.keys) == {3, 7}


def test_rank__composes_a_package_for_a_multi_skill_need():
    skills = (
        NeedSkill(FORKLIFT, "operate forklift", 0.9, ("trukkikortti",)),
        NeedSkill(SAFETY, "health and safety", 0.9, ("työturvallisuuskortti",)),
        NeedSkill(FINNISH, "Finnish", 0.9, ("työelämäsuomi",)),
    )
    outcome = rank(
        toy_index(), Need("trukkikortti, työturvallisuuskortti ja työelämäsuomi", skills)
    )

    assert outcome.packages
    best = outcome.packages[0]
    assert len(best.keys) == 3
    assert best.coverage == 1.0


def test_leaders__every_leader_must_answer_its_part():
    from jatkumo.intel.package import _leaders

    aspects = {"part:0": 1.0, "part:1": 1.0}
    labels = {"part:0": "trukkikortti", "part:1": "CE-kuskeja"}
    # both candidates answer only part 0; part 1's best document (12) is not a candidate
    candidates = [_candidate(1, "P", {"part:0"}), _candidate(2, "Q", {"part:0"})]
    scores = [{10: 1.0, 11: 0.9}, {12: 1.0, 11: 0.05}]

    assert _leaders(aspects, candidates, scores, [10, 11], labels) == ()

    # each part's best answer is a candidate that answers it: the best of each is proposed
    candidates = [_candidate(1, "P", {"part:0", "part:1"}), _candidate(2, "Q", {"part:1"})]
    scores = [{10: 1.0, 11: 0.2}, {11: 1.0, 10: 0.95}]
    found = _leaders(aspects, candidates, scores, [10, 11], labels)
    assert [set(p.keys) for p in found] == [{1, 2}]
    assert found[0].coverage == 1.0

    # a third part nobody answers stays uncovered, and the coverage says so
    aspects3 = {**aspects, "part:2": 2.0}
    found = _leaders(
        aspects3, candidates, [*scores, {13: 1.0}], [10, 11], {**labels, "part:2": "x"}
    )
    assert found[0].coverage == 0.5
    assert found[0].uncovered == ("x",)
