"""Funding instruments and the glossary as public pages, in Finnish, Swedish and English."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.guidance.factories import content_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def content() -> None:
    content_load()


@pytest.mark.parametrize(
    ("prefix", "lang", "name", "text"),
    [
        ("", "fi", "JOTPA-rahoitteinen koulutus", "jakaa hakukierroksilla rahaa koulutuksiin"),
        ("/sv", "sv", "Utbildning finansierad av JOTPA", "Pengarna går till utbildningsanordnaren"),
        ("/en", "en", "JOTPA-funded training", "The money goes to the training provider"),
    ],
)
@pytest.mark.usefixtures("content")
def test_funding_detail__renders_in_each_language(client, prefix, lang, name, text):
    response = client.get(f"{prefix}/guidance/funding/jotpa/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{name}</h1>" in html
    assert text in html
    assert 'href="https://www.jotpa.fi/"' in html


def test_funding_detail__links_offerings_by_interchange_code(client, content):
    for code in ("free", "participant_fee", "employer_paid", "jotpa", "tyovoimakoulutus"):
        assert client.get(f"/en/guidance/funding/{code}/").status_code == 200
    response = client.get("/en/guidance/funding/yhteishankinta/")
    html = response.content.decode()

    assert "/catalogue/?funding=yhteishankinta" in html
    assert "RekryKoulutus" in html  # related instruments
    assert "employment areas on 1 January 2025" in html  # what is changing


def test_funding_detail__an_ended_instrument_says_so(client, content):
    html = client.get("/en/guidance/funding/aikuiskoulutustuki/").content.decode()

    assert "guidance-status--ended" in html
    assert "Abolished on 1 August 2024." in html


def test_funding_detail__unknown_code_is_404(client, content):
    assert client.get("/en/guidance/funding/no-such-thing/").status_code == 404


def test_funding_list__groups_every_instrument(client, content):
    html = client.get("/en/guidance/funding/").content.decode()

    assert "Apprenticeship (oppisopimus)" in html
    assert "Adult education allowance (abolished)" in html
    assert html.count('class="result') >= 15


@pytest.mark.parametrize(
    ("prefix", "term", "explanation"),
    [
        ("", "osaamispiste", "Ammatillisen koulutuksen laajuuden mitta."),
        ("/sv", "kompetenspoäng", "Mått på omfattningen i yrkesutbildning."),
        ("/en", "vocational competence point", "The measure of size in vocational education."),
    ],
)
def test_glossary__lists_terms_with_anchors_in_each_language(
    client, content, prefix, term, explanation
):
    response = client.get(f"{prefix}/guidance/glossary/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="osaamispiste"' in html
    assert f'<span class="glossary-term">{term}</span>' in html
    assert explanation in html
    assert response.context["count"] >= 40


def test_glossary__is_alphabetical_with_scandinavian_letters_last(client, content):
    response = client.get("/guidance/glossary/")

    letters = [letter for letter, _terms in response.context["groups"]]
    assert letters[0] == "A"
    assert letters == sorted(letters, key=lambda c: "Z" + c if c in "ÅÄÖ" else c)


def test_glossary__search_finds_a_term_by_abbreviation_or_word(client, content):
    by_abbreviation = client.get("/en/guidance/glossary/", {"q": "osp"})
    by_word = client.get("/en/guidance/glossary/", {"q": "apprentice"})

    assert "osaamispiste" in {
        t.slug for _l, terms in by_abbreviation.context["groups"] for t in terms
    }
    found = {t.slug for _l, terms in by_word.context["groups"] for t in terms}
    assert "oppisopimus" in found


def test_glossary_links__links_the_first_inflected_mention_to_the_glossary(content):
    template = Template("{% load guidance_tags %}{{ text|glossary_links }}")
    with translation.override("fi"):
        html = template.render(
            Context({"text": "Työntekijä opiskelee oppisopimuksella. Oppisopimus <b>on</b> hyvä."})
        )

    assert html.count('href="/guidance/glossary/#oppisopimus"') == 1
    assert ">oppisopimuksella</a>" in html
    assert "&lt;b&gt;" in html  # the text itself is escaped


def test_guidance_home__is_linked_from_the_main_navigation(client, content):
    html = client.get("/en/guidance/").content.decode()

    assert 'href="/en/guidance/" aria-current="page"' in html
    assert 'href="/en/guidance/sme/"' in html
