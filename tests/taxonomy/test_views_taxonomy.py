"""Taxonomy browser pages in every interface language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def _url(name: str, lang: str, *args: object) -> str:
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("fi", "Taitoja, ammatteja"), ("sv", "Färdigheter, yrken"), ("en", "Skills, occupations")],
)
def test_search_page__renders_in_each_language(client, toy_taxonomy, lang, heading):
    response = client.get(_url("taxonomy:search", lang), {"q": "hitsaus"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert "<mark>hitsaus</mark>" in html


def test_search_page__shows_the_label_in_the_interface_language_and_others(client, toy_taxonomy):
    response = client.get(_url("taxonomy:search", "en"), {"q": "svetsare"})

    html = response.content.decode()
    assert ">welder</a>" in html
    assert "hitsaaja" in html  # the Finnish name is shown beside it
    assert "7212.1" in html


def test_search_page__filters_by_scheme(client, toy_taxonomy):
    response = client.get(_url("taxonomy:search", "en"), {"q": "weld", "scheme": "yso"})

    hits = response.context["hits"]
    assert [item["hit"].concept for item in hits] == [toy_taxonomy.yso_welding]


def test_search_page__pages_through_long_results(client, toy_taxonomy):
    response = client.get(
        _url("taxonomy:search", "en"), {"q": "", "scheme": "esco_skill", "page": 9}
    )

    assert response.status_code == 200
    assert response.context["pages"].number == 1  # past the end: the last page


def test_concept_page__shows_labels_and_relations_both_ways(client, toy_taxonomy):
    welder = client.get(_url("taxonomy:concept", "en", toy_taxonomy.welder.pk)).content.decode()
    skill = client.get(_url("taxonomy:concept", "en", toy_taxonomy.welding.pk)).content.decode()

    assert "Essential skills" in welder
    assert "welding techniques" in welder
    assert "Optional skills" in welder
    assert "TIG welding" in welder
    assert "Broader concepts" in welder
    assert "Welders and flamecutters" in welder
    assert "svetsare" in welder
    assert "toy-1" in welder
    assert "Essential for occupations" in skill
    assert ">welder</a>" in skill
    assert "Exact matches" in skill
    assert "Joining metals by melting them." in skill


def test_concept_page__unknown_id_is_404(client, toy_taxonomy):
    response = client.get(_url("taxonomy:concept", "fi", 999999))

    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()


def test_related_page__lists_a_group_with_pages(client, toy_taxonomy):
    url = _url("taxonomy:concept-related", "en", toy_taxonomy.welder.pk, "essential-skills")

    response = client.get(url)

    assert response.status_code == 200
    assert "welding techniques" in response.content.decode()


def test_concept_by_uri__redirects_to_the_concept_page(client, toy_taxonomy):
    response = client.get(reverse("taxonomy:concept-by-uri"), {"uri": toy_taxonomy.welder.uri})

    assert response.status_code == 302
    assert response["Location"] == reverse("taxonomy:concept", args=[toy_taxonomy.welder.pk])
