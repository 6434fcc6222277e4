"""Done when: a company describes a need in its own words, sees what was understood, the
matching offerings or packages and the contacts, corrects the skills and sends it; a provider
then moves the case through its states, and notification emails go out. Real headless Chromium.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from jatkumo.broker import matching
from jatkumo.broker.models import Case, CaseState
from jatkumo.catalogue import search
from jatkumo.catalogue.tagging import offering_tags_refresh
from tests.accounts.factories import PASSWORD
from tests.broker.case_factories import NEED_TEXT, BrokerWorld, broker_world_create
from tests.conftest import concept_create

pytestmark = pytest.mark.browser
SHOTS = Path(tempfile.gettempdir()) / "shots"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def world(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[BrokerWorld]:
    # The live server reads from another thread, so the data must be committed.
    monkeypatch.setattr(matching, "STAMP_TTL", 0.0)
    monkeypatch.setattr(search, "STAMP_TTL", 0.0)
    matching.match_index_reset()
    world = broker_world_create()
    concept_create(
        key="tig",
        scheme="esco_skill",
        labels=[("fi", "preferred", "TIG-hitsaus"), ("en", "preferred", "TIG welding")],
    )
    for offering in (world.welding_course, world.drawing_course):
        offering_tags_refresh(offering=offering)
    yield world
    matching.match_index_reset()


def _shot(page: Any, name: str) -> None:
    """Save a screenshot and check the page with axe-core: no serious or critical violations."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"broker-{name}.png"), full_page=True)
    if AXE.exists():
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        serious = [
            (v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], name


def _company_sends_the_need(page: Any, base: str) -> None:
    page.goto(base + "/en/")
    page.get_by_role("link", name="Describe a need").click()
    page.get_by_label("What do you need?").fill(NEED_TEXT)
    page.get_by_label("Municipality").select_option("536")
    page.get_by_label("Company name").fill("Nokian Metalli Oy")
    page.get_by_label("Business ID (Y-tunnus)").fill("0737546-2")
    page.get_by_label("Your name").fill("Matti Meikäläinen")
    page.get_by_label("Email").fill("matti@nokianmetalli.example")
    page.get_by_label("I agree that my need").check()
    _shot(page, "intake")
    page.get_by_role("button", name="Show what fits").click()

    page.wait_for_url(re.compile(r"/en/broker/needs/[0-9a-f-]{36}/"))
    assert page.get_by_role("heading", level=1).inner_text() == "What we understood"
    skills = page.locator("#skills .tag-list")
    assert "welding" in skills.inner_text()
    assert "read engineering drawings" in skills.inner_text()
    assert page.locator("mark", has_text="hitsata").first.is_visible()
    assert page.get_by_role("link", name="Hitsauksen perusteet").first.is_visible()
    assert page.get_by_role("link", name="Koneenpiirustusten lukeminen").first.is_visible()
    routing = page.locator(".broker-routing")
    assert "Tiina Tekniikka" in routing.inner_text()
    assert "Sami Teollisuus" in routing.inner_text()
    _shot(page, "understood")

    page.get_by_role("button", name="Remove read engineering drawings").click()
    assert "read engineering drawings" not in page.locator("#skills .tag-list").inner_text()
    page.get_by_label("Add a skill").fill("TIG")
    page.get_by_role("button", name="Search skills").click()
    page.get_by_role("button", name="Add TIG welding").click()
    assert "TIG welding" in page.locator("#skills .tag-list").inner_text()
    page.get_by_role("button", name="Restore read engineering drawings").click()
    _shot(page, "corrected")

    page.get_by_role("button", name="Send the need").click()
    page.wait_for_url(re.compile(r"/en/broker/status/[0-9a-f-]{36}/\?sent=1"))
    assert "your need was sent" in page.get_by_role("heading", level=1).inner_text()
    _shot(page, "status")


def _provider_moves_the_case(page: Any, base: str) -> None:
    page.goto(base + "/en/accounts/login/?next=/en/broker/inbox/")
    page.get_by_label("Username").fill("tredu")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/en/broker/inbox/"))
    assert page.get_by_role("heading", name=re.compile("New company need")).is_visible()
    _shot(page, "inbox")
    page.get_by_role("button", name="Open the case").first.click()
    page.wait_for_url(re.compile(r"/en/broker/cases/\d+/"))
    for state in ("Contacted", "Proposal made", "Agreed"):
        page.get_by_label("New state").select_option(label=state)
        page.get_by_role("button", name="Change state").click()
        assert page.locator("#case-state").inner_text() == state
    _shot(page, "case")
    page.get_by_role("navigation", name="Work").get_by_role("link", name="Cases").click()
    assert page.get_by_role("link", name=re.compile("tarttis kaks kaveria")).is_visible()
    _shot(page, "cases")


def test_broker__company_need_to_an_agreed_case(
    page: Any, chromium: Any, live_server: Any, world: BrokerWorld
) -> None:
    mail.outbox.clear()
    _company_sends_the_need(page, live_server.url)
    case = Case.objects.get()
    assert case.state == CaseState.ROUTED
    assert {r.organisation.name for r in case.routings.all()} >= {"Tredu", "Sasky"}

    provider = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    try:
        _provider_moves_the_case(provider.new_page(), live_server.url)
    finally:
        provider.close()
    case.refresh_from_db()
    assert case.state == CaseState.AGREED
    assert case.first_response_at is not None
    subjects = [m.subject for m in mail.outbox]
    assert any("New company need" in s for s in subjects)
    assert any("Agreed" in s for s in subjects)
    company_mail = [m for m in mail.outbox if "matti@nokianmetalli.example" in m.to]
    assert len(company_mail) >= 4  # routed, contacted, proposal, agreed
