"""Public and staff pages pass axe-core in real Chromium: no serious or critical violations.

axe-core comes from npm (package.json at the repository root; `npm ci` installs it).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from jatkumo.catalogue import search
from tests.catalogue.public_factories import Catalogue, catalogue_create
from tests.conftest import toy_taxonomy_create
from tests.organisations.factories import ContactRoleFactory, EducationFieldFactory

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def site(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Catalogue]:
    if not AXE.exists():
        reason = "axe-core is missing: run `npm ci` in the repository root"
        if os.environ.get("CI"):
            pytest.fail(reason)  # `make test` installs it: a skip in CI would hide a broken set-up
        pytest.skip(reason)
    monkeypatch.setattr(search, "STAMP_TTL", 0.0)
    search.catalogue_index_reset()
    toy_taxonomy_create()
    catalogue = catalogue_create()
    ict = EducationFieldFactory.create(code="06", name="Tietojenkäsittely ja tietoliikenne (ICT)")
    ContactRoleFactory.create(
        organisation=catalogue.tamk,
        education_field=ict,
        person__first_name="Aino",
        person__last_name="Aaltonen",
        person__title="Koulutuspäällikkö",
    )
    yield catalogue
    search.catalogue_index_reset()


def _serious_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/taxonomy/?q=hitsaus",
        "/catalogue/",
        "/catalogue/?q=hitsaus",
        "/catalogue/tredu/TREDU-TRUKKI-1/",
        "/contacts/",
        "/en/catalogue/embed/",
    ],
)
def test_public_page__has_no_serious_accessibility_violations(page, live_server, site, path):
    page.goto(live_server.url + path)

    violations = _serious_violations(page)

    assert violations == [], json.dumps(violations, indent=1)


def test_staff_pages__have_no_serious_accessibility_violations(page, live_server, site):
    from tests.accounts.factories import PASSWORD, UserFactory

    UserFactory.create_provider_staff(username="tredu-staff", organisation=site.tredu)
    page.goto(live_server.url + "/en/accounts/login/?next=/en/catalogue/manage/")
    page.get_by_label("Username").fill("tredu-staff")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/catalogue/manage/" in url)

    found = {}
    for path in (
        "/en/catalogue/manage/",
        "/en/catalogue/manage/new/",
        f"/en/catalogue/manage/{site.forklift.pk}/edit/",
        "/en/catalogue/manage/import/",
    ):
        page.goto(live_server.url + path)
        assert page.url.endswith(path), page.url  # the staff page itself, not a login redirect
        found[path] = _serious_violations(page)

    assert all(not v for v in found.values()), json.dumps(found, indent=1)
