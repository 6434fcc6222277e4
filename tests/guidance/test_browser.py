"""The SME self-service walked in a real headless Chromium, as a company would use it."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from jatkumo.guidance.models import SelfServiceAnswer
from tests.guidance.factories import SmeWorld, fresh_index, sme_world_create

pytestmark = pytest.mark.browser
__all__ = ["fresh_index"]
SHOTS = Path(tempfile.gettempdir()) / "shots"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def world(transactional_db: None, fresh_index: None) -> SmeWorld:
    # The live server reads from another thread, so the data must be committed.
    return sme_world_create()


def _shot(page, name: str, *, full_page: bool = True) -> None:
    """Save a screenshot and check the page with axe-core (when installed): no serious or
    critical accessibility violations."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"guidance-{name}.png"), full_page=full_page)
    if AXE.exists():
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        serious = [
            (v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], name


def test_sme_path__from_the_navigation_to_a_shared_answer(page, live_server, world):
    page.goto(live_server.url + "/en/")
    page.get_by_role("link", name="For companies").click()
    _shot(page, "home")
    page.get_by_role("link", name="Start – it takes five minutes").click()

    page.get_by_label("Sector").select_option("C")
    page.get_by_label("10–49 people").check()
    page.get_by_label("Municipality").select_option("837")
    page.get_by_label("New technology, machines or software").check()
    page.get_by_label("Safety and competence cards").check()
    page.get_by_label("Production, installation or field staff").check()
    page.get_by_label("How many people, roughly?").fill("6")
    page.get_by_label("Within three months").check()
    _shot(page, "sme-form")
    page.get_by_role("button", name="Show the answer").click()

    # Budget was left out: the form says so and keeps the other answers.
    alert = page.get_by_role("alert")
    assert "Choose the budget, even if it is none." in alert.inner_text()
    assert page.get_by_label("10–49 people").is_checked()
    _shot(page, "sme-form-error")
    page.get_by_label("A moderate amount, if it pays off").check()
    page.get_by_role("button", name="Show the answer").click()

    page.wait_for_url(re.compile(r"/en/guidance/sme/[0-9a-f-]{36}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Learning plan for your company"
    assert page.get_by_text(
        "because you said: New technology, machines or software"
    ).first.is_visible()
    assert page.get_by_role("link", name="Teollisuusrobotiikan perusteet").is_visible()
    assert page.get_by_role("heading", name="Iida Teollisuus").is_visible()
    assert page.get_by_role("link", name="TäsmäKoulutus (tailored retraining)").is_visible()
    _shot(page, "sme-answer")
    shared = page.locator("#share-url").input_value()
    assert shared == page.url
    assert SelfServiceAnswer.objects.count() == 1

    page.get_by_role("link", name="TäsmäKoulutus (tailored retraining)").click()
    assert "Changing" in page.locator(".guidance-status").first.inner_text()
    _shot(page, "funding-detail")

    page.goto(live_server.url + "/guidance/glossary/")
    _shot(page, "glossary-top", full_page=False)
    page.goto(live_server.url + "/guidance/glossary/#oppisopimus")
    assert page.locator("#oppisopimus").is_visible()
    _shot(page, "glossary", full_page=False)
