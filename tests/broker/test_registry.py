"""The unmet-demand registry: aggregates, filters, the page and the CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from jatkumo.broker.models import CaseState
from jatkumo.broker.registry import unmet_demand_series
from jatkumo.broker.registry_csv import COLUMNS
from tests.accounts.factories import UserFactory
from tests.broker.registry_factories import at, need_with_case, regions_create
from tests.conftest import ToyTaxonomy

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(toy_taxonomy: ToyTaxonomy) -> ToyTaxonomy:
    """Five needs: three unmet (two in industry C, Tampere region), one met, one withdrawn."""
    regions_create()
    t = toy_taxonomy
    need_with_case(
        text="Salainen konepaja tarvitsee TIG-hitsaajia",
        company_name="Konepaja Salainen Oy",
        contact_email="pomo@salainen.example",
        unmet=True,
        industry="C",
        municipality="837",
        skills=(t.welding, t.tig),
        created=at(2026, 1, 10),
    )
    need_with_case(
        unmet=True, industry="C", municipality="536", skills=(t.tig,), created=at(2026, 2, 3)
    )
    need_with_case(unmet=True, industry="J", municipality="790", created=at(2026, 2, 20))
    need_with_case(unmet=False, industry="C", municipality="837", skills=(t.welding,))
    need_with_case(unmet=True, industry="C", state=CaseState.WITHDRAWN, created=at(2026, 2, 1))
    return t


def _rows(group_by: str, **kwargs: object) -> dict[str, tuple[int, int]]:
    series = unmet_demand_series(group_by=group_by, **kwargs)  # type: ignore[arg-type]
    return {row.key: (row.unmet, row.needs) for row in series.rows}


def test_unmet_series__counts_by_industry_skill_sub_region_and_month(registry: ToyTaxonomy):
    assert _rows("industry") == {"C": (2, 3), "J": (1, 1)}
    assert _rows("skill") == {registry.tig.uri: (2, 2), registry.welding.uri: (1, 2), "": (1, 1)}
    assert _rows("sub_region") == {"SK064": (2, 3), "SK069": (1, 1)}
    months = _rows("month")
    assert months["2026-01"] == (1, 1)
    assert months["2026-02"] == (2, 2)


def test_unmet_series__filters_by_period_industry_and_sub_region(registry: ToyTaxonomy):
    import datetime as dt

    february = {"start": dt.date(2026, 2, 1), "end": dt.date(2026, 2, 28)}
    assert _rows("industry", **february) == {"C": (1, 1), "J": (1, 1)}
    assert _rows("industry", sub_region="SK069") == {"J": (1, 1)}
    assert _rows("sub_region", industry="C") == {"SK064": (2, 3)}


def test_unmet_series__states_source_method_and_first_date(registry: ToyTaxonomy):
    with translation.override("en"):
        series = unmet_demand_series(group_by="skill")
        source, method = str(series.source), str(series.method)
    assert series.unmet_total == 3
    assert series.needs_total == 4
    assert "broker" in source
    assert "calibrated threshold" in method
    assert series.since is not None
    assert series.since.isoformat() == "2026-01-10"


def test_registry_page__shows_counts_without_personal_data_to_the_public(
    client: Client, registry: ToyTaxonomy
):
    response = client.get(reverse("broker-registry:registry"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "TIG welding" in html or "TIG-hitsaus" in html
    assert "Lounais-Pirkanmaa" in html
    assert "unmet-demand.csv" not in html  # the link is to the API path
    assert "/api/v1/broker/unmet.csv" in html
    assert "Salainen" not in html
    assert "pomo@salainen.example" not in html


def test_registry_page__staff_see_need_texts_only_coordinators_see_contacts(
    client: Client, registry: ToyTaxonomy
):
    client.force_login(UserFactory.create_provider_staff())
    html = client.get(reverse("broker-registry:registry")).content.decode()
    assert "Salainen konepaja tarvitsee TIG-hitsaajia" in html
    assert "pomo@salainen.example" not in html
    client.force_login(UserFactory.create_coordinator())
    html = client.get(reverse("broker-registry:registry")).content.decode()
    assert "pomo@salainen.example" in html


def test_registry_page__filters_by_industry(client: Client, registry: ToyTaxonomy):
    response = client.get(reverse("broker-registry:registry"), {"industry": "J"})
    assert response.status_code == 200
    assert response.context["first"].unmet_total == 1


def test_unmet_csv__has_the_documented_columns_and_every_grouping(
    client: Client, registry: ToyTaxonomy
):
    response = client.get(reverse("api-v1:broker-api:unmet-csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == COLUMNS
    groups = {row[0] for row in rows[1:]}
    assert groups == {"industry", "skill", "sub_region", "month"}
    industry_c = next(row for row in rows[1:] if row[0] == "industry" and row[1] == "C")
    assert industry_c[3:5] == ["2", "3"]
    assert "Salainen" not in response.content.decode()


def test_unmet_csv__one_grouping_and_period(client: Client, registry: ToyTaxonomy):
    url = reverse("api-v1:broker-api:unmet-csv")
    response = client.get(url, {"group_by": "month", "from": "2026-02-01", "to": "2026-02-28"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [row[1] for row in rows[1:]] == ["2026-02"]
    assert rows[1][6:8] == ["2026-02-01", "2026-02-28"]
