"""A small brokering world: providers with contacts in engineering (07) and manufacturing (C),
welding and drawing-reading skills, offerings, users of every role, and a fixed matcher result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from jatkumo.accounts.models import User
from jatkumo.broker import matching
from jatkumo.broker.matching import MatchedOffering, MatchedPackage, MatchResult
from jatkumo.broker.models import Case, Need
from jatkumo.broker.services import need_create, need_submit
from jatkumo.catalogue.models import Offering
from jatkumo.organisations.models import ContactRole, Organisation, ServiceKind
from jatkumo.taxonomy.models import Concept, Industry, Region, RegionLevel, Relation
from tests.accounts.factories import UserFactory
from tests.catalogue.factories import OfferingFactory
from tests.conftest import concept_create
from tests.organisations.factories import (
    ContactRoleFactory,
    EducationFieldFactory,
    OrganisationFactory,
    PersonFactory,
)

PREF = "preferred"


@dataclass
class BrokerWorld:
    welding: Concept
    drawings: Concept
    welder: Concept
    tredu: Organisation
    sasky: Organisation
    tamk: Organisation
    tredu_contact: ContactRole
    sasky_contact: ContactRole
    tamk_ict_contact: ContactRole
    welding_course: Offering
    drawing_course: Offering
    tredu_staff: User
    sasky_staff: User
    tamk_staff: User
    coordinator: User
    extra: dict[str, Any] = field(default_factory=dict)


def regions_create() -> None:
    region = Region.objects.create(code="MK06", level=RegionLevel.REGION, name="Pirkanmaa")
    sub = Region.objects.create(
        code="SK064", level=RegionLevel.SUB_REGION, name="Tampereen seutukunta", parent=region
    )
    for code, name in (("837", "Tampere"), ("536", "Nokia")):
        Region.objects.create(code=code, level=RegionLevel.MUNICIPALITY, name=name, parent=sub)
    Industry.objects.create(code="C", name="Teollisuus")
    Industry.objects.create(code="J", name="Informaatio ja viestintä")


def _skills() -> tuple[Concept, Concept, Concept]:
    welding = concept_create(
        key="welding",
        scheme="esco_skill",
        labels=[("fi", PREF, "hitsaus"), ("en", PREF, "welding"), ("fi", "alternative", "hitsata")],
    )
    drawings = concept_create(
        key="drawings",
        scheme="esco_skill",
        labels=[
            ("fi", PREF, "piirustusten lukeminen"),
            ("en", PREF, "read engineering drawings"),
            ("fi", "alternative", "lukea piirustuksia"),
        ],
    )
    welder = concept_create(
        key="welder",
        scheme="esco_occupation",
        code="7212.1",
        labels=[("fi", PREF, "hitsaaja"), ("en", PREF, "welder")],
    )
    Relation.objects.create(subject=welding, kind="essential_for", object=welder, source="toy")
    return welding, drawings, welder


def _contact(org: Organisation, first: str, last: str, **fields: Any) -> ContactRole:
    person = PersonFactory(first_name=first, last_name=last, title="Koulutuspäällikkö")
    role: ContactRole = ContactRoleFactory(organisation=org, person=person, **fields)
    return role


def broker_world_create() -> BrokerWorld:
    """Three providers: Tredu (field 07, tailored training), Sasky (industry C, apprenticeship)
    and TAMK (field 06 ICT only, so never routed a welding need)."""
    regions_create()
    welding, drawings, welder = _skills()
    engineering = EducationFieldFactory(code="07", name="Tekniikan alat")
    ict = EducationFieldFactory(code="06", name="Tietojenkäsittely ja tietoliikenne (ICT)")
    tredu = OrganisationFactory.create_provider(name_fi="Tredu", slug="tredu")
    sasky = OrganisationFactory.create_provider(name_fi="Sasky", slug="sasky")
    tamk = OrganisationFactory.create_provider(name_fi="TAMK", slug="tamk")
    welding_course = OfferingFactory.create_published(
        provider=tredu,
        external_id="HITS-1",
        title_fi="Hitsauksen perusteet",
        description_fi="MIG/MAG-hitsaus työn ohessa.",
        keywords=["hitsaus"],
        municipalities=["536"],
        industries=["C"],
    )
    drawing_course = OfferingFactory.create_published(
        provider=sasky,
        external_id="PIIR-1",
        title_fi="Koneenpiirustusten lukeminen",
        description_fi="Opit lukemaan teknisiä piirustuksia ja mittoja.",
        keywords=["piirustukset"],
        municipalities=["536"],
        industries=["C"],
    )
    return BrokerWorld(
        welding=welding,
        drawings=drawings,
        welder=welder,
        tredu=tredu,
        sasky=sasky,
        tamk=tamk,
        tredu_contact=_contact(
            tredu,
            "Tiina",
            "Tekniikka",
            education_field=engineering,
            service=ServiceKind.TAILORED_TRAINING,
        ),
        sasky_contact=_contact(
            sasky,
            "Sami",
            "Teollisuus",
            industry=Industry.objects.get(code="C"),
            service=ServiceKind.APPRENTICESHIP,
        ),
        tamk_ict_contact=_contact(
            tamk, "Iida", "Ict", education_field=ict, service=ServiceKind.CONTINUOUS_LEARNING
        ),
        welding_course=welding_course,
        drawing_course=drawing_course,
        tredu_staff=UserFactory.create_provider_staff(organisation=tredu, username="tredu"),
        sasky_staff=UserFactory.create_provider_staff(organisation=sasky, username="sasky"),
        tamk_staff=UserFactory.create_provider_staff(organisation=tamk, username="tamk"),
        coordinator=UserFactory.create_coordinator(username="koordinaattori"),
    )


def match_result(world: BrokerWorld, *, unmet: bool = False) -> MatchResult:
    """What the matcher says about the welding-and-drawings need (fixed, for fast tests)."""
    if unmet:
        return MatchResult("fi", [], None, "", "normal", [], [], True, ["nothing fits"], 0.0)
    skills = [
        {"uri": world.welding.uri, "label": "hitsaus", "score": 0.9, "words": ["hitsata"]},
        {
            "uri": world.drawings.uri,
            "label": "piirustusten lukeminen",
            "score": 0.8,
            "words": ["lukea piirustuksia"],
        },
    ]
    courses = (world.welding_course, world.drawing_course)
    results = [
        MatchedOffering(o.external_id, o.pk, o.provider.name, o.title, 0.7, [f"covers {o.title}"])
        for o in courses
    ]
    package = MatchedPackage(
        [o.external_id for o in courses],
        [o.pk for o in courses],
        [o.provider.name for o in courses],
        1.0,
        [world.welding.uri, world.drawings.uri],
        [],
        6.0,
        900.0,
    )
    occupation = {"isco": "7212.1", "uri": world.welder.uri, "label": "hitsaaja"}
    return MatchResult("fi", skills, occupation, "C", "high", results, [package], False, [], 0.8)


@pytest.fixture
def fixed_match(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace the matcher with a fixed result: set `state["result"]`; calls are recorded."""
    state: dict[str, Any] = {"result": None, "calls": []}

    def fake(**kwargs: Any) -> MatchResult:
        state["calls"].append(kwargs)
        return state["result"]

    monkeypatch.setattr(matching, "need_match", fake)
    return state


NEED_TEXT = (
    "tarttis kaks kaveria jotka osaa hitsata ja lukea piirustuksia, mielellään Nokian lähellä"
)


def need_values(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "text": NEED_TEXT,
        "company_name": "Nokian Metalli Oy",
        "company_business_id": "0737546-2",
        "municipality": "536",
        "contact_name": "Matti Meikäläinen",
        "contact_email": "matti@nokianmetalli.example",
    }
    values.update(overrides)
    return values


def case_create(world: BrokerWorld, state: dict[str, Any], **overrides: Any) -> Case:
    """A sent need (through the intake services) with its routed case."""
    state["result"] = state["result"] or match_result(world)
    need: Need = need_create(values=need_values(**overrides), consent=True)
    return need_submit(need=need)
