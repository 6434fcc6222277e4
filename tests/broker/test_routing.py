"""Routing: which contact roles get a case, and why."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from jatkumo.broker.routing import isced_fields_for_isco, routing_targets
from jatkumo.broker.snapshot import match_snapshot
from tests.broker.case_factories import (
    BrokerWorld,
    broker_world_create,
    case_create,
    fixed_match,
    match_result,
)

__all__ = ["fixed_match"]


@pytest.mark.parametrize(
    ("code", "fields"),
    [("7212.1", ("07",)), ("2512", ("06",)), ("2221", ("09",)), ("8322", ("10", "07")), ("", ())],
)
def test_isco_to_isced__sub_major_group_first_then_major(code: str, fields: tuple) -> None:
    assert isced_fields_for_isco(code) == fields


@pytest.fixture
def world(db: None) -> Iterator[BrokerWorld]:
    with translation.override("en"):
        yield broker_world_create()


def test_routing__invites_field_and_industry_contacts_with_reasons(world: BrokerWorld) -> None:
    understood = match_snapshot(match_result(world))
    targets = routing_targets(
        understood=understood, industry="C", offering_ids=[world.welding_course.pk]
    )
    by_org = {t.organisation_id: t for t in targets}
    assert set(by_org) == {world.tredu.pk, world.sasky.pk}  # TAMK's ICT contact is not invited
    tredu = by_org[world.tredu.pk].reason
    assert "field of education 07 Tekniikan alat fits the occupation hitsaaja (ISCO 7212)" in tredu
    assert "offers tailored training for employers" in tredu
    assert "has a matching offering: Hitsauksen perusteet" in tredu
    assert "works with the industry C Teollisuus" in by_org[world.sasky.pk].reason
    assert targets[0].organisation_id == world.tredu.pk  # field, service and offering: best


def test_routing__skills_alone__lead_to_the_field_through_their_occupations(
    world: BrokerWorld,
) -> None:
    understood = {"skills": [{"uri": world.welding.uri, "label": "hitsaus"}], "occupation": None}
    targets = routing_targets(understood=understood)
    assert [t.organisation_id for t in targets] == [world.tredu.pk]
    assert "the skill hitsaus" in targets[0].reason


def test_routing__nothing_understood__nobody_invited(world: BrokerWorld) -> None:
    assert routing_targets(understood={"skills": []}) == []


def test_routing__case__one_routing_per_organisation_with_its_contact(
    world: BrokerWorld, fixed_match: dict[str, Any]
) -> None:
    case = case_create(world, fixed_match)
    routings = {r.organisation_id: r for r in case.routings.all()}
    assert routings[world.tredu.pk].contact_role == world.tredu_contact
    assert routings[world.sasky.pk].contact_role == world.sasky_contact
    assert all(r.reason for r in routings.values())


def test_routing__providers_with_a_matching_offering__are_invited_before_field_only_ones(
    world: BrokerWorld,
) -> None:
    understood = match_snapshot(match_result(world))
    with_offering = routing_targets(
        understood=understood, industry="C", offering_ids=[world.welding_course.pk]
    )
    without = routing_targets(understood=understood, industry="C", offering_ids=[])

    assert with_offering[0].organisation_id == world.tredu.pk
    # Field-only providers fill up to MIN_INVITED; with no offering at all, the field decides.
    assert len(without) == 2
    assert all("has a matching offering" not in t.reason for t in without)
