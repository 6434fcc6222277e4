"""Case states, who may change them, response times, sharing and reopening."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from jatkumo.broker.models import Case, CaseEvent, CaseState, EventKind
from jatkumo.broker.selectors import case_list_for_user
from jatkumo.broker.services_cases import (
    PermissionDenied,
    case_note_add,
    case_propose_offering,
    case_reopen,
    case_share,
    case_transition,
)
from jatkumo.core.errors import ApplicationError
from tests.accounts.factories import UserFactory
from tests.broker.case_factories import (
    BrokerWorld,
    broker_world_create,
    case_create,
    fixed_match,
    match_result,
)

__all__ = ["fixed_match"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> BrokerWorld:
    return broker_world_create()


@pytest.fixture
def case(world: BrokerWorld, fixed_match: dict[str, Any]) -> Case:
    return case_create(world, fixed_match)


def test_case__moves_through_its_states_and_writes_history(world: BrokerWorld, case: Case) -> None:
    for state in (CaseState.CONTACTED, CaseState.PROPOSAL, CaseState.AGREED, CaseState.DELIVERED):
        case = case_transition(case=case, to_state=state, user=world.tredu_staff)
    assert case.state == CaseState.DELIVERED
    moves = [
        (e.from_state, e.to_state, e.actor_id, e.organisation_id)
        for e in case.events.filter(kind=EventKind.STATE)
    ]
    assert moves[0] == (CaseState.NEW, CaseState.ROUTED, None, None)
    assert moves[-1] == (
        CaseState.AGREED,
        CaseState.DELIVERED,
        world.tredu_staff.pk,
        world.tredu.pk,
    )


def test_case__skipping_a_state__is_refused_with_a_clear_error(
    world: BrokerWorld, case: Case
) -> None:
    with (
        translation.override("en"),
        pytest.raises(ApplicationError, match="cannot move from “Routed” to “Agreed”"),
    ):
        case_transition(case=case, to_state=CaseState.AGREED, user=world.tredu_staff)
    case.refresh_from_db()
    assert case.state == CaseState.ROUTED


def test_case__provider_not_routed__cannot_move_or_see_it(world: BrokerWorld, case: Case) -> None:
    with pytest.raises(PermissionDenied):
        case_transition(case=case, to_state=CaseState.CONTACTED, user=world.tamk_staff)
    assert list(case_list_for_user(user=world.tamk_staff)) == []
    assert list(case_list_for_user(user=world.tredu_staff)) == [case]
    assert list(case_list_for_user(user=world.coordinator)) == [case]


def test_case__company_user__sees_own_needs_and_can_withdraw(
    world: BrokerWorld, case: Case
) -> None:
    company_user = UserFactory.create_company_user(organisation=case.need.company)
    other_company = UserFactory.create_company_user()
    assert list(case_list_for_user(user=company_user)) == [case]
    assert list(case_list_for_user(user=other_company)) == []
    with pytest.raises(PermissionDenied):
        case_transition(case=case, to_state=CaseState.CONTACTED, user=company_user)
    case = case_transition(case=case, to_state=CaseState.WITHDRAWN, user=company_user)
    assert case.state == CaseState.WITHDRAWN


def test_case__first_response__recorded_on_the_routing_and_the_case(
    world: BrokerWorld, case: Case
) -> None:
    assert case.first_response_at is None
    case = case_transition(case=case, to_state=CaseState.CONTACTED, user=world.sasky_staff)
    routing = case.routings.get(organisation=world.sasky)
    assert routing.responded_at is not None
    assert case.first_response_at == routing.responded_at
    assert case.routings.get(organisation=world.tredu).responded_at is None
    case_note_add(case=case, user=world.tredu_staff, text="Soitin.")
    assert case.routings.get(organisation=world.tredu).responded_at is not None
    case.refresh_from_db()
    assert case.first_response_at == routing.responded_at  # the earliest stays


def test_case__share__makes_it_visible_to_every_provider(world: BrokerWorld, case: Case) -> None:
    case_share(case=case, user=world.tredu_staff)
    assert list(case_list_for_user(user=world.tamk_staff, scope="shared")) == [case]
    assert CaseEvent.objects.filter(case=case, kind=EventKind.SHARED).count() == 1
    # A provider of the network answers the shared case and so joins it.
    case_propose_offering(case=case, user=world.tamk_staff, offering=world.welding_course)
    assert case.routings.filter(organisation=world.tamk).exists()
    case.refresh_from_db()
    assert case.state == CaseState.PROPOSAL


def test_case__share__refused_for_providers_not_routed(world: BrokerWorld, case: Case) -> None:
    with pytest.raises(PermissionDenied):
        case_share(case=case, user=world.tamk_staff)


def test_case__unmet_need__becomes_unmet_and_a_coordinator_can_reopen_it(
    world: BrokerWorld, fixed_match: dict[str, Any]
) -> None:
    fixed_match["result"] = match_result(world, unmet=True)
    case = case_create(world, fixed_match, text="Tarvitaan kvanttilaskennan asiantuntijoita.")
    assert case.unmet
    assert case.state == CaseState.UNMET
    assert not case.routings.exists()
    with pytest.raises(PermissionDenied):
        case_reopen(case=case, user=world.tredu_staff)
    case = case_reopen(case=case, user=world.coordinator)
    assert case.state == CaseState.NEW


def test_case__empty_note__refused(world: BrokerWorld, case: Case) -> None:
    with translation.override("en"), pytest.raises(ApplicationError, match="Write the note first"):
        case_note_add(case=case, user=world.tredu_staff, text="  ")
