import json
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from jatkumo.accounts.models import Role, User
from jatkumo.core.errors import ValidationFailed
from jatkumo.organisations.demo import DEMO_FILE, demo_user_list, organisations_load_demo
from jatkumo.organisations.models import ContactRole, Organisation
from jatkumo.taxonomy.models import Region, RegionLevel
from tests.organisations.factories import EducationFieldFactory, IndustryFactory, RegionFactory

DATA_DIR = Path(settings.BUNDLED_DATA_DIR)


def _taxonomy_for_demo() -> None:
    """Just the taxonomy rows the demo refers to, read from the demo file itself."""
    document = json.loads((DATA_DIR / DEMO_FILE).read_text(encoding="utf-8"))
    pirkanmaa = RegionFactory.create_pirkanmaa()
    for organisation in document["organisations"]:
        RegionFactory.create(code=organisation["municipality"], parent=pirkanmaa)
        for contact in organisation.get("contacts", []):
            if contact.get("education_field"):
                EducationFieldFactory.create(code=contact["education_field"])
            if contact.get("industry"):
                IndustryFactory.create(code=contact["industry"])


@pytest.mark.django_db
def test_organisations_load_demo__loads_pirkanmaa_network_members_and_users(tmp_path):
    _taxonomy_for_demo()

    counts = organisations_load_demo(data_dir=DATA_DIR, secret_dir=tmp_path)

    assert counts["organisations"] >= 20
    assert counts["networks"] == 1
    assert counts["people"] >= 15
    assert counts["contact_roles"] >= 25
    assert counts["users"] == 5
    tamk = Organisation.objects.get(slug="tamk")
    assert tamk.business_id == "1015428-1"
    assert tamk.municipality is not None
    assert tamk.municipality.code == "837"
    assert set(tamk.memberships.values_list("kind", flat=True)) == {"member", "education_group"}
    assert ContactRole.objects.filter(
        organisation=tamk, education_field__code="06", service="continuous_learning"
    ).exists()
    assert all(
        email.endswith("@example.fi")
        for email in tamk.contact_roles.values_list("person__email", flat=True)
    )
    password = (tmp_path / "demo-admin-password.txt").read_text(encoding="utf-8")
    staff = User.objects.get(username="demo-tamk")
    assert staff.role == Role.PROVIDER_STAFF
    assert staff.organisation == tamk
    assert staff.check_password(password)


@pytest.mark.django_db
def test_organisations_load_demo__second_run_creates_nothing(tmp_path):
    _taxonomy_for_demo()
    organisations_load_demo(data_dir=DATA_DIR, password="demo-password-123")
    before = (Organisation.objects.count(), ContactRole.objects.count(), User.objects.count())

    counts = organisations_load_demo(data_dir=DATA_DIR, password="demo-password-123")

    assert set(counts.values()) == {0}
    after = (Organisation.objects.count(), ContactRole.objects.count(), User.objects.count())
    assert after == before


@pytest.mark.django_db
def test_organisations_load_demo__names_missing_taxonomy_and_writes_nothing(tmp_path):
    RegionFactory.create_pirkanmaa()

    with translation.override("en"), pytest.raises(ValidationFailed) as excinfo:
        organisations_load_demo(data_dir=DATA_DIR, secret_dir=tmp_path)

    report = excinfo.value.report(limit=100)
    assert "taxonomy" in report
    assert "837" in report
    assert "06" in report
    assert not Organisation.objects.exists()
    assert not Region.objects.filter(level=RegionLevel.MUNICIPALITY).exists()


def test_demo_user_list__names_one_user_per_role():
    users = demo_user_list(data_dir=DATA_DIR)
    assert {role for _username, role, _organisation in users} == {
        "provider_staff",
        "coordinator",
        "counsellor",
        "company_user",
    }
