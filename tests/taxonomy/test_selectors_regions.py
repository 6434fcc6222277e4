"""Municipalities of the region an installation serves (used by the need and SME forms)."""

import pytest

from jatkumo.taxonomy.models import Region, RegionLevel
from jatkumo.taxonomy.selectors import municipality_list


def _region_tree() -> None:
    pirkanmaa = Region.objects.create(code="MK06", level=RegionLevel.REGION, name="Pirkanmaa")
    uusimaa = Region.objects.create(code="MK01", level=RegionLevel.REGION, name="Uusimaa")
    tampere_sk = Region.objects.create(
        code="SK064", level=RegionLevel.SUB_REGION, name="Tampere", parent=pirkanmaa
    )
    helsinki_sk = Region.objects.create(
        code="SK011", level=RegionLevel.SUB_REGION, name="Helsinki", parent=uusimaa
    )
    for code, name, parent in [("837", "Tampere", tampere_sk), ("536", "Nokia", tampere_sk)]:
        Region.objects.create(code=code, level=RegionLevel.MUNICIPALITY, name=name, parent=parent)
    Region.objects.create(
        code="091", level=RegionLevel.MUNICIPALITY, name="Helsinki", parent=helsinki_sk
    )


@pytest.mark.django_db
def test_municipality_list__gives_the_regions_municipalities_by_name():
    _region_tree()

    assert [r.name for r in municipality_list(region_code="MK06")] == ["Nokia", "Tampere"]


@pytest.mark.django_db
def test_municipality_list__falls_back_to_every_municipality_for_an_unknown_region():
    _region_tree()

    assert len(municipality_list(region_code="MK99")) == 3
