"""The taxonomy browser in a real headless Chromium, as a visitor uses it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ToyTaxonomy, toy_taxonomy_create

pytestmark = pytest.mark.browser


@pytest.fixture
def toy(transactional_db: None) -> ToyTaxonomy:
    # The live server reads from another thread, so the data must be committed.
    return toy_taxonomy_create()


def _search(page, live_server, path: str, text: str) -> None:
    page.goto(live_server.url + path)
    page.get_by_role("searchbox").first.fill(text)
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_selector(".results")


def test_search__finds_welding_by_its_finnish_name(page, live_server, toy):
    _search(page, live_server, "/taxonomy/", "hitsaus")

    titles = page.locator(".result__title").all_inner_texts()
    assert titles[:2] == ["hitsaus", "hitsaus"]  # ESCO skill and YSO concept, exact matches
    assert "TIG-hitsaus" in titles
    assert page.locator("mark").first.inner_text() == "hitsaus"
    assert "4 käsitettä" in page.locator(".result-summary").inner_text()


def test_search__finds_welding_by_its_english_name_in_the_english_interface(page, live_server, toy):
    _search(page, live_server, "/en/", "welding")

    assert page.url.startswith(live_server.url + "/en/taxonomy/?q=welding")
    titles = page.locator(".result__title").all_inner_texts()
    assert titles[0] == "welding"  # YSO preferred label beats the ESCO alternative label
    assert "welding techniques" in titles


def test_concept_page__shows_the_skills_of_an_occupation(page, live_server, toy):
    _search(page, live_server, "/en/taxonomy/", "welder")
    page.get_by_role("link", name="welder", exact=True).click()

    expect_heading = page.get_by_role("heading", level=1)
    assert expect_heading.inner_text() == "welder"
    essential = page.locator(
        "section", has=page.get_by_role("heading", name=re.compile("Essential"))
    )
    assert "welding techniques" in essential.inner_text()
    page.get_by_role("link", name="welding techniques").click()
    assert page.get_by_role("heading", level=1).inner_text() == "welding techniques"
    assert "Essential for occupations" in page.content()


def test_language_switch__to_swedish_keeps_the_page(page, live_server, toy):
    _search(page, live_server, "/taxonomy/", "hitsaus")

    page.get_by_role("button", name="svenska").click()
    page.wait_for_url(re.compile(r"/sv/taxonomy/\?q=hitsaus"))

    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("link", name="Startsida").is_visible()
    assert page.locator(".result__title").first.inner_text() == "svetsning"
