"""Fixtures shared by many test modules: a toy taxonomy and a real headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from jatkumo.intel.normalise import normalise_text
from jatkumo.taxonomy.models import Concept, Label, Region, Relation

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# --- toy taxonomy --------------------------------------------------------------------------

ToyLabels = list[tuple[str, str, str]]  # (language, kind, text)


def concept_create(
    *, key: str, scheme: str, code: str = "", labels: ToyLabels, description: str = ""
) -> Concept:
    """A concept with labels; `key` makes a readable URI."""
    concept = Concept.objects.create(
        uri=f"http://example.org/{scheme}/{key}",
        scheme=scheme,
        code=code,
        source="toy-1",
        description={"en": description} if description else {},
    )
    Label.objects.bulk_create(
        Label(
            concept=concept,
            language=language,
            kind=kind,
            text=text,
            normalized=normalise_text(text),
            source="toy-1",
        )
        for language, kind, text in labels
    )
    return concept


@dataclass
class ToyTaxonomy:
    welding: Concept  # skill: "hitsaus" / "welding techniques"
    tig: Concept  # skill: "TIG-hitsaus"
    spot: Concept  # skill: "pistehitsaus" (the query is inside a compound)
    machinery: Concept  # skill of the machinist
    welder: Concept  # occupation
    machinist: Concept  # occupation
    group: Concept  # ISCO group of the welder
    yso_welding: Concept  # YSO concept, exact match of `welding`


def toy_taxonomy_create() -> ToyTaxonomy:
    pref, alt = "preferred", "alternative"
    skill, occupation = "esco_skill", "esco_occupation"
    toy = ToyTaxonomy(
        welding=concept_create(
            key="welding",
            scheme=skill,
            description="Joining metals by melting them.",
            labels=[
                ("fi", pref, "hitsaus"),
                ("en", pref, "welding techniques"),
                ("sv", pref, "svetsning"),
                ("en", alt, "welding"),
                ("fi", alt, "hitsausmenetelmät"),
            ],
        ),
        tig=concept_create(
            key="tig",
            scheme=skill,
            labels=[("fi", pref, "TIG-hitsaus"), ("en", pref, "TIG welding")],
        ),
        spot=concept_create(
            key="spot",
            scheme=skill,
            labels=[("fi", pref, "pistehitsaus"), ("en", pref, "spot welding")],
        ),
        machinery=concept_create(
            key="machinery",
            scheme=skill,
            labels=[
                ("fi", pref, "metallintyöstökoneiden käyttö"),
                ("en", pref, "operate metalworking machinery"),
            ],
        ),
        welder=concept_create(
            key="welder",
            scheme=occupation,
            code="7212.1",
            labels=[("fi", pref, "hitsaaja"), ("en", pref, "welder"), ("sv", pref, "svetsare")],
        ),
        machinist=concept_create(
            key="machinist",
            scheme=occupation,
            code="7223.5",
            labels=[
                ("fi", pref, "koneistaja"),
                ("en", pref, "machinist"),
                ("sv", pref, "maskinarbetare"),
            ],
        ),
        group=concept_create(
            key="7212",
            scheme="isco_group",
            code="7212",
            labels=[
                ("fi", pref, "Hitsaajat ja kaasuleikkaajat"),
                ("en", pref, "Welders and flamecutters"),
            ],
        ),
        yso_welding=concept_create(
            key="p8291",
            scheme="yso",
            labels=[("fi", pref, "hitsaus"), ("sv", pref, "svetsning"), ("en", pref, "welding")],
        ),
    )
    relations = [
        (toy.welding, "essential_for", toy.welder),
        (toy.tig, "optional_for", toy.welder),
        (toy.machinery, "essential_for", toy.machinist),
        (toy.welder, "broader", toy.group),
        (toy.yso_welding, "exact_match", toy.welding),
    ]
    Relation.objects.bulk_create(
        Relation(subject=s, kind=k, object=o, source="toy-1") for s, k, o in relations
    )
    region = Region.objects.create(code="MK06", level="region", name="Pirkanmaa")
    sub = Region.objects.create(code="SK064", level="sub_region", name="Tampere", parent=region)
    Region.objects.create(code="837", level="municipality", name="Tampere", parent=sub)
    return toy


@pytest.fixture
def toy_taxonomy(db: None) -> ToyTaxonomy:
    return toy_taxonomy_create()


# --- browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install the Debian package `chromium`"
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI installs it: a skip there would hide a broken set-up
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself (creating data) would otherwise refuse to run.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh browser page (own cookies) with a desktop-sized viewport."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
