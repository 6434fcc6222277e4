"""Stage `match`: toy catalogue, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from jatkumo.intel.match import MatchIndex, rank
from jatkumo.intel.match_baseline import baseline_rank
from jatkumo.intel.match_types import Preferences
from jatkumo.intel.unmet import UnmetModel, urgency_of
from tests.intel.match_toy import FORKLIFT, SAFETY, WELDING, need, toy_index


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    return toy_index()


def test_rank__puts_the_offering_that_covers_the_skill_first_and_says_why(index):
    outcome = rank(index, need("porukkaa jotka osaa hitsata, hitsaus tutuksi", WELDING))

    best = outcome.matches[0]
    assert best.key == 1
    assert [c.uri for c in best.covers] == [WELDING]
    assert best.covers[0].offering_words == ("hitsaus",)
    assert "hitsaus" in best.words
    assert not outcome.unmet


def test_rank__finds_an_inflected_compound_by_its_lemma(index):
    outcome = rank(index, need("trukkikortit kolmelle kesätyöntekijälle"))

    assert outcome.matches[0].key == 2


def test_rank__a_language_mismatch_is_a_soft_penalty_with_a_note(index):
    english = need("forklift licence trukki", FORKLIFT, language="en")

    outcome = rank(index, english)

    keys = [m.key for m in outcome.matches]
    assert keys.index(5) < keys.index(2)
    finnish_only = next(m for m in outcome.matches if m.key == 2)
    assert ("languages", "fi") in finnish_only.notes


def test_rank__a_strict_preference_filters_out(index):
    strict = Preferences(languages=frozenset({"en"}), strict=frozenset({"languages"}))

    outcome = rank(index, need("trukkikortti forklift", FORKLIFT, preferences=strict))

    assert [m.key for m in outcome.matches] == [5]


def test_rank__start_after_needed_by_and_budget_are_noted(index):
    prefs = Preferences(max_price_eur=100.0)

    outcome = rank(
        index, need("trukkikortti", FORKLIFT, needed_by=dt.date(2026, 6, 1), preferences=prefs)
    )

    forklift = next(m for m in outcome.matches if m.key == 2)
    assert {name for name, _v in forklift.notes} >= {"start", "price"}


def test_rank__a_need_nothing_answers_is_unmet_with_a_reason(index):
    outcome = rank(index, need("sommelier-tason viinikoulutus salihenkilökunnalle"))

    assert outcome.unmet
    assert outcome.reasons
    assert outcome.packages == ()


def test_unmet_model__decides_by_the_threshold():
    assert UnmetModel(0.4).decide(0.3)[0]
    assert not UnmetModel(0.4).decide(0.5)[0]


def test_baseline__ranks_by_bm25_alone(index):
    outcome = baseline_rank(index, need("hitsaus ja hitsausohjeet"))

    assert outcome.matches[0].key == 1
    assert outcome.matches[0].covers == ()


def test_urgency__from_words_and_date():
    today = dt.date(2026, 1, 1)
    assert urgency_of("tarvis nopeasti", None, today) == "high"
    assert urgency_of("jotain", dt.date(2026, 2, 1), today) == "high"
    assert urgency_of("jotain", None, today) == "normal"
    assert urgency_of("jotain", dt.date(2027, 1, 1), today) == "low"


def test_rank__safety_need_ranks_the_safety_card(index):
    outcome = rank(index, need("työturvallisuuskortti koko porukalle", SAFETY))

    assert outcome.matches[0].key == 3


def test_preferences__a_stated_language_mismatch_costs_more_than_an_inferred_one():
    from jatkumo.intel.preferences import preference_fit
    from tests.intel.match_toy import toy_records

    finnish_only = toy_records()[1]
    stated = need("forklift", preferences=Preferences(languages=frozenset({"en"})))
    inferred = need("forklift", language="en")

    assert preference_fit(stated, finnish_only)[0] < preference_fit(inferred, finnish_only)[0]


def test_preferences__an_offering_aimed_at_other_industries_fits_less():
    import dataclasses

    from jatkumo.intel.preferences import preference_fit
    from tests.intel.match_toy import toy_records

    health_care = dataclasses.replace(toy_records()[3], industries=frozenset({"Q"}))
    any_industry = toy_records()[3]

    factor, notes, allowed = preference_fit(need("suomi", industry="I"), health_care)

    assert factor < 1.0
    assert allowed
    assert notes == (("industry", "Q"),)
    assert preference_fit(need("suomi", industry="Q"), health_care)[0] == 1.0
    assert preference_fit(need("suomi", industry="I"), any_industry)[0] == 1.0  # none named
    assert preference_fit(need("suomi"), health_care)[0] == 1.0  # industry not stated
