"""Site pages: the home page in every language, the language switch, error pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/", "fi", "Viimeisimmät tietojen tuonnit"),
        ("/sv/", "sv", "Senaste dataimporter"),
        ("/en/", "en", "Latest data imports"),
    ],
)
def test_home__renders_in_each_language(client, toy_taxonomy, path, lang, text):
    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert "This service uses the ESCO classification" in html or lang != "en"


def test_home__counts_concepts_per_scheme(client, toy_taxonomy):
    response = client.get("/en/")

    schemes = {item["code"]: item["count"] for item in response.context["schemes"]}
    assert schemes == {"esco_occupation": 2, "esco_skill": 4, "isco_group": 1, "yso": 1}
    assert response.context["taxonomy"]["regions"] == 3


def test_language_switch__keeps_the_page_and_sets_the_language(client, toy_taxonomy):
    response = client.post(
        "/i18n/setlang/", {"language": "sv", "next": "/taxonomy/?q=hitsaus"}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/sv/taxonomy/?q=hitsaus"
    assert '<html lang="sv">' in response.content.decode()


def test_unknown_page__is_a_friendly_404(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_footer__attributes_the_data_sources(client):
    html = client.get("/en/").content.decode()

    assert "This service uses the ESCO classification of the European Commission." in html
    assert "Statistics Finland" in html
    assert "CC BY 4.0" in html
    assert "National Library of Finland" in html
