"""Demo content: the Pirkanmaa continuous-learning network, its members, contacts and users.

The content lives in `<data_dir>/demo/organisations.json`. Loading goes through the services, so
the demo obeys the same rules as real input. Loading is idempotent: whatever exists already
(organisation by slug, person by email, user by username, ...) is left as it is, and a second
run creates nothing. The demo users share the demo admin's password file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from jatkumo.accounts.models import User
from jatkumo.accounts.services import demo_password_get, user_create
from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.organisations.models import (
    ContactRole,
    Network,
    NetworkMembership,
    Organisation,
    Person,
)
from jatkumo.organisations.services import (
    contact_role_create,
    network_create,
    organisation_create,
    person_create,
)
from jatkumo.taxonomy.models import EducationField, Industry, Region

DEMO_FILE = Path("demo") / "organisations.json"


def _read(data_dir: Path) -> dict[str, Any]:
    path = data_dir / DEMO_FILE
    if not path.is_file():
        raise ValidationFailed(
            _("The demo content was not found."),
            details=[RowError(source=str(path), message=_("No such file."))],
        )
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _taxonomy_errors(document: dict[str, Any], *, source: str) -> list[RowError]:
    """One error per region, field of education or industry code the demo needs but lacks."""
    wanted: dict[str, set[str]] = {
        "region": {document["network"]["region"]},
        "field": set(),
        "industry": set(),
    }
    for organisation in document["organisations"]:
        if organisation.get("municipality"):
            wanted["region"].add(organisation["municipality"])
        for contact in organisation.get("contacts", []):
            if contact.get("education_field"):
                wanted["field"].add(contact["education_field"])
            if contact.get("industry"):
                wanted["industry"].add(contact["industry"])
    found = {
        "region": set(
            Region.objects.filter(code__in=wanted["region"]).values_list("code", flat=True)
        ),
        "field": set(
            EducationField.objects.filter(code__in=wanted["field"]).values_list("code", flat=True)
        ),
        "industry": set(
            Industry.objects.filter(code__in=wanted["industry"]).values_list("code", flat=True)
        ),
    }
    labels = {
        "region": _("region or municipality"),
        "field": _("field of education"),
        "industry": _("industry"),
    }
    return [
        RowError(
            source=source,
            field=kind,
            message=_("The %(what)s with code %(code)s is missing.")
            % {"what": labels[kind], "code": code},
        )
        for kind in ("region", "field", "industry")
        for code in sorted(wanted[kind] - found[kind])
    ]


def _network(spec: dict[str, Any], counts: dict[str, int]) -> Network:
    network = Network.objects.filter(slug=spec["slug"]).first()
    if network is None:
        network = network_create(
            name=spec["name"]["fi"],
            name_sv=spec["name"].get("sv", ""),
            name_en=spec["name"].get("en", ""),
            slug=spec["slug"],
            region_code=spec["region"],
            description=spec.get("description", ""),
        )
        counts["networks"] += 1
    return network


def _organisation(spec: dict[str, Any], counts: dict[str, int]) -> Organisation:
    organisation = Organisation.objects.filter(slug=spec["slug"]).first()
    if organisation is None:
        organisation = organisation_create(
            name=spec["name"]["fi"],
            name_sv=spec["name"].get("sv", ""),
            name_en=spec["name"].get("en", ""),
            short_name=spec.get("short_name", ""),
            slug=spec["slug"],
            business_id=spec.get("business_id", ""),
            municipality_code=spec.get("municipality", ""),
            website=spec.get("website", ""),
            description=spec.get("description", ""),
            kinds=spec["kinds"],
        )
        counts["organisations"] += 1
    return organisation


def _memberships(
    network: Network, organisation: Organisation, kinds: list[str], counts: dict[str, int]
) -> None:
    # Only adds: memberships that someone added by hand survive a reload.
    for kind in kinds:
        _membership, created = NetworkMembership.objects.get_or_create(
            network=network, organisation=organisation, kind=kind
        )
        counts["memberships"] += int(created)


def _person(spec: dict[str, Any], counts: dict[str, int]) -> Person:
    person = Person.objects.filter(email__iexact=spec["email"]).first()
    if person is None:
        person = person_create(
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            email=spec["email"],
            phone=spec.get("phone", ""),
            title=spec.get("title", ""),
        )
        counts["people"] += 1
    return person


def _contact(
    spec: dict[str, Any],
    organisation: Organisation,
    people: dict[str, dict[str, Any]],
    counts: dict[str, int],
) -> None:
    person = _person(people[spec["person"]], counts)
    field = (
        EducationField.objects.get(code=spec["education_field"])
        if spec.get("education_field")
        else None
    )
    industry = Industry.objects.get(code=spec["industry"]) if spec.get("industry") else None
    exists = ContactRole.objects.filter(
        person=person,
        organisation=organisation,
        service=spec["service"],
        education_field=field,
        industry=industry,
    ).exists()
    if not exists:
        contact_role_create(
            person=person,
            organisation=organisation,
            service=spec["service"],
            education_field=field,
            industry=industry,
            description=spec.get("description", ""),
        )
        counts["contact_roles"] += 1


def _users(specs: list[dict[str, Any]], password: str, counts: dict[str, int]) -> None:
    for spec in specs:
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            organisation = Organisation.objects.get(slug=spec["organisation"])
            user = user_create(
                username=spec["username"],
                role=spec["role"],
                email=spec["email"],
                organisation_id=organisation.pk,
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                preferred_language=spec.get("language", "fi"),
            )
            counts["users"] += 1
        # Like the demo admin: the printed password always works, also after a rerun.
        user.set_password(password)
        user.save(update_fields=["password"])


def organisations_load_demo(
    *, data_dir: Path, secret_dir: Path | None = None, password: str | None = None
) -> dict[str, int]:
    """Load the demo network, organisations, people, contact roles and users; return what was made.

    `data_dir` holds `demo/organisations.json` (the bundled data directory). The demo users get
    `password`, or else the demo admin's password kept in `secret_dir` (default: the data
    directory of the installation, `settings.DATA_DIR`). Needs the taxonomy (regions, fields of
    education, industries) loaded first; raises `ValidationFailed` naming each missing code.
    """
    document = _read(data_dir)
    source = str(DEMO_FILE)
    errors = _taxonomy_errors(document, source=source)
    if errors:
        raise ValidationFailed(
            _("The demo content needs the taxonomy loaded first (jatkumo setup)."), details=errors
        )
    counts = dict.fromkeys(
        ("networks", "organisations", "memberships", "people", "contact_roles", "users"), 0
    )
    people = {person["email"]: person for person in document["people"]}
    with transaction.atomic():
        network = _network(document["network"], counts)
        for spec in document["organisations"]:
            organisation = _organisation(spec, counts)
            _memberships(network, organisation, spec.get("memberships", []), counts)
            for contact in spec.get("contacts", []):
                _contact(contact, organisation, people, counts)
        if document.get("users"):
            if password is None:
                password = demo_password_get(data_dir=secret_dir or settings.DATA_DIR)
            _users(document["users"], password, counts)
    return counts


def demo_user_list(*, data_dir: Path) -> list[tuple[str, str, str]]:
    """(username, role, organisation slug) of each demo user, for the CLI to print."""
    document = _read(data_dir)
    return [
        (spec["username"], spec["role"], spec.get("organisation", ""))
        for spec in document.get("users", [])
    ]
