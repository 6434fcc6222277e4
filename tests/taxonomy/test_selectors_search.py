"""Concept search: what a user finds, and in which order."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jatkumo.taxonomy import query
from jatkumo.taxonomy.selectors import concept_label, concept_search

pytestmark = pytest.mark.django_db


def _labels(result, lang: str = "en") -> list[str]:
    return [concept_label(hit.concept, lang) for hit in result.hits]


def test_concept_search__ranks_exact_then_prefix_then_word_then_substring(toy_taxonomy):
    result = concept_search(q="hitsaus", lang="fi", limit=10)

    tiers = [hit.tier for hit in result.hits]
    assert tiers == sorted(tiers)
    assert {hit.concept for hit in result.hits[:2]} == {
        toy_taxonomy.welding,
        toy_taxonomy.yso_welding,
    }
    assert [hit.concept for hit in result.hits[2:]] == [toy_taxonomy.tig, toy_taxonomy.spot]
    assert [hit.tier for hit in result.hits] == [0, 0, 2, 3]


def test_concept_search__prefers_preferred_labels_over_alternative_ones(toy_taxonomy):
    result = concept_search(q="welding", lang="en", limit=10)

    # "welding" is the YSO preferred label but only an alternative label of the ESCO skill.
    assert result.hits[0].concept == toy_taxonomy.yso_welding
    assert result.hits[1].concept == toy_taxonomy.welding
    assert result.hits[1].matched.kind == "alternative"


def test_concept_search__finds_by_label_in_any_language(toy_taxonomy):
    for q in ("svetsare", "welder", "HITSAAJA"):
        assert concept_search(q=q, limit=5).hits[0].concept == toy_taxonomy.welder


def test_concept_search__filters_by_scheme_and_counts(toy_taxonomy):
    result = concept_search(q="weld", scheme="esco_occupation", limit=10)

    assert result.count == 1
    assert _labels(result) == ["welder"]  # not the skills, not the ISCO group


def test_concept_search__pages_with_limit_and_offset(toy_taxonomy):
    everything = concept_search(q="weld", limit=50)
    first = concept_search(q="weld", limit=2, offset=0)
    second = concept_search(q="weld", limit=2, offset=2)

    assert first.count == second.count == everything.count > 4
    assert [h.concept for h in first.hits + second.hits] == [h.concept for h in everything.hits[:4]]


def test_concept_search__highlights_the_matching_part(toy_taxonomy):
    hit = concept_search(q="hitsaus", lang="fi", limit=10).hits[2]

    assert (hit.highlight.before, hit.highlight.match, hit.highlight.after) == (
        "TIG-",
        "hitsaus",
        "",
    )


def test_concept_search__runs_a_fixed_number_of_queries(toy_taxonomy):
    with CaptureQueriesContext(connection) as queries:
        result = concept_search(q="w", limit=20)
        _labels(result)

    assert len(queries) == 3  # rank + count, concepts, labels


def test_concept_search__empty_query_lists_concepts_of_a_scheme(toy_taxonomy):
    result = concept_search(q="  ", scheme="esco_occupation", limit=10)

    assert result.count == 2
    assert {h.concept for h in result.hits} == {toy_taxonomy.welder, toy_taxonomy.machinist}


def test_concept_label__falls_back_from_swedish_to_finnish(toy_taxonomy):
    concept = concept_search(q="tig", limit=1).hits[0].concept

    assert concept_label(concept, "sv") == "TIG-hitsaus"


@pytest.mark.voikko
def test_concept_search__finds_inflected_finnish_words_by_base_form(toy_taxonomy):
    if not query.voikko_available():
        pytest.skip("libvoikko with the Finnish dictionary (voikko-fi) is not installed")

    assert concept_search(q="hitsausta", limit=5).hits[0].concept in {
        toy_taxonomy.welding,
        toy_taxonomy.yso_welding,
    }
    assert concept_search(q="koneistajia", limit=5).hits[0].concept == toy_taxonomy.machinist
