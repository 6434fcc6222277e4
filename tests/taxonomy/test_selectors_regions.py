"""Municipalities of the region an installation serves (used by the need and SME forms)."""

import pytest

from jatkumo.taxonomy.models import Region, RegionLevel
from jatkumo.taxonomy.selectors import municipality_list, municipality_sub_regions


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


@pytest.mark.django_db
def test_municipality_sub_regions__walks_up_to_the_sub_region_and_leaves_out_the_rest():
    _region_tree()
    pirkanmaa = Region.objects.get(code="MK06")
    Region.objects.create(code="999", level=RegionLevel.MUNICIPALITY, name="X", parent=pirkanmaa)
    Region.objects.create(code="998", level=RegionLevel.MUNICIPALITY, name="Y")

    assert municipality_sub_regions() == {"837": "SK064", "536": "SK064", "091": "SK011"}
