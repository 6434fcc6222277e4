"""The public catalogue in real Chromium: search in colloquial Finnish, filter, reach a contact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from jatkumo.catalogue import search
from tests.catalogue.public_factories import Catalogue, catalogue_create

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")  # noqa: S108 — screenshots for people to look at


@pytest.fixture
def catalogue(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Catalogue]:
    monkeypatch.setattr(search, "STAMP_TTL", 0.0)
    search.catalogue_index_reset()
    yield catalogue_create()
    search.catalogue_index_reset()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"catalogue-{name}.png"), full_page=True)


def test_visitor__finds_forklift_training_and_reaches_the_contact_in_two_clicks(
    page, live_server, catalogue
):
    page.goto(live_server.url + "/en/catalogue/")
    page.get_by_role("searchbox").fill("trukkikorttia")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_selector(".offering-card")
    _shot(page, "search")

    assert page.locator(".result__title").all_inner_texts() == ["Trukinkuljettajan koulutus"]
    page.get_by_role("link", name=re.compile("Contact person")).first.click()  # 1st click
    contact = page.locator("#contact")
    assert "Ville Huttunen" in contact.inner_text()
    assert contact.get_by_role("link", name="ville.huttunen@example.fi").is_visible()  # 2nd click
    _shot(page, "offering")


def test_visitor__filters_without_javascript(chromium, live_server, catalogue):
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(live_server.url + "/en/catalogue/")
    page.get_by_label("Rolling intake").check()
    page.get_by_role("button", name="Apply filters").click()

    titles = page.locator(".result__title").all_inner_texts()
    assert sorted(titles) == ["Hitsaustekniikan tutkinnon osa", "Secure software development"]
    assert "start=continuous" in page.url
    _shot(page, "filtered")
    context.close()


def test_visitor__keyboard_reaches_search_box_and_first_result(page, live_server, catalogue):
    page.goto(live_server.url + "/en/catalogue/?q=hitsaus")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "catalogue-q":
            break
    assert page.evaluate("document.activeElement.id") == "catalogue-q"
    first = page.locator(".result__title a").first.inner_text()
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.result__title') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == first
    page.keyboard.press("Enter")
    page.wait_for_selector("#offering-title")
    assert page.locator("#offering-title").inner_text() == first


def test_embed_snippet__renders_offerings_on_a_page(page, live_server, catalogue):
    page.goto(live_server.url + "/en/catalogue/embed/")
    page.wait_for_selector(".jatkumo-item")

    assert page.locator(".jatkumo-item").count() == 5
    assert page.locator(".jatkumo-more").inner_text().endswith("(6)")
    _shot(page, "embed")


def test_contacts_page__screenshot(page, live_server, catalogue):
    from tests.organisations.factories import ContactRoleFactory, EducationFieldFactory

    ict = EducationFieldFactory.create(code="06", name="Tietojenkäsittely ja tietoliikenne (ICT)")
    ContactRoleFactory.create(
        organisation=catalogue.tamk,
        education_field=ict,
        person__first_name="Aino",
        person__last_name="Aaltonen",
        person__title="Koulutuspäällikkö",
    )
    ContactRoleFactory.create(
        organisation=catalogue.tredu, person__first_name="Ville", person__last_name="Huttunen"
    )
    page.goto(live_server.url + "/contacts/")

    assert "Aino Aaltonen" in page.locator("main").inner_text()
    _shot(page, "contacts")
