"""The SME self-service: questions → one shareable answer page with reasons."""

from __future__ import annotations

import pytest
from django.utils import translation

from jatkumo.guidance.advice import actions_for, funding_matches
from jatkumo.guidance.models import SelfServiceAnswer
from tests.guidance.factories import VALID_ANSWERS, SmeWorld, fresh_index, sme_world_create

__all__ = ["fresh_index"]


@pytest.fixture
def world(db: None, fresh_index: None) -> SmeWorld:
    return sme_world_create()


def _submit(client, answers=None, prefix="/en"):
    return client.post(f"{prefix}/guidance/sme/", answers or VALID_ANSWERS)


# --- the rules (no database) -------------------------------------------------------------


@pytest.fixture
def english():
    """The reasons are checked in their English source wording, whatever ran before."""
    with translation.override("en"):
        yield


@pytest.mark.usefixtures("english")
def test_actions__each_suggestion_says_which_answer_triggered_it():
    actions = {a.key: a for a in actions_for({**VALID_ANSWERS, "headcount": 6})}

    assert {"mapping", "technology", "safety", "group"} <= set(actions)
    assert "language" not in actions
    assert actions["technology"].reasons == (
        "because you said: New technology, machines or software",
    )
    assert "because you said: 6 people need to learn" in actions["group"].reasons


def test_actions__recruiting_suggests_apprenticeship_and_rekrykoulutus():
    actions = actions_for({"change": ["language"], "roles": ["recruits"], "budget": "none"})

    keys = [a.key for a in actions]
    assert keys == ["language", "recruit", "free"]
    recruit = actions[1]
    assert {"oppisopimus", "rekrykoulutus"} <= set(recruit.instruments)
    assert "apprenticeship" in recruit.services


@pytest.mark.usefixtures("english")
def test_funding_matches__needs_every_named_question_and_skips_empty_rules():
    suits = {
        "jotpa": {"size": ["small"], "budget": ["none", "small"]},
        "employer_paid": {"budget": ["moderate"]},
        "muutoskoulutus": {},
    }

    small_no_money = funding_matches({"size": "small", "budget": "none"}, suits)
    large_no_money = funding_matches({"size": "large", "budget": "none"}, suits)

    assert [m.code for m in small_no_money] == ["jotpa"]
    assert small_no_money[0].reasons == (
        "because you said: 10–49 people",
        "because you said: No money for training",
    )
    assert large_no_money == []


# --- the pages ---------------------------------------------------------------------------


def test_sme__valid_answers_are_stored_and_lead_to_the_answer_page(client, world):
    response = _submit(client)

    answer = SelfServiceAnswer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/guidance/sme/{answer.public_id}/"
    assert answer.answers["change"] == ["technology", "safety"]
    assert answer.answers["headcount"] == 6
    assert answer.language == "en"


def test_sme__answer_page_shows_actions_offerings_contacts_and_funding(client, world):
    response = client.get(_submit(client)["Location"])

    html = response.content.decode()
    page = response.context["page"]
    assert response.status_code == 200
    assert "Train the team on the new technology at your own workplace" in html
    assert "because you said: New technology, machines or software" in html
    offerings = [item.offering for item in page.offerings]
    assert offerings[0] == world.robotics  # in the sector, nearby, starting soon
    assert world.hot_work in offerings
    assert world.nursing not in offerings
    assert world.draft not in offerings
    assert page.offerings[0].in_sector
    assert page.offerings[0].nearby
    contacts = [item.role for item in page.contacts]
    assert contacts[:2] == [world.industry_contact, world.field_contact]
    assert world.apprenticeship_contact in contacts  # tailored training is suggested
    assert world.hidden_contact not in contacts
    assert "Iida Teollisuus" in html
    assert "Salainen" not in html
    funding = [item.instrument.code for item in page.funding]
    assert "tasmakoulutus" in funding
    assert "employer_paid" in funding
    assert "aikuiskoulutustuki" not in funding
    assert "/en/guidance/funding/tasmakoulutus/" in html


def test_sme__share_link_renders_the_same_answer_again(client, world):
    location = _submit(client)["Location"]
    first = client.get(location)

    other_visitor = client.__class__()
    again = other_visitor.get(location)

    assert again.status_code == 200
    assert again.context["summary"] == first.context["summary"]
    assert [a.key for a in again.context["page"].actions] == [
        a.key for a in first.context["page"].actions
    ]
    assert f'value="http://testserver{location}"' in again.content.decode()


def test_sme__answer_page_follows_the_visitors_language(client, world):
    location = _submit(client)["Location"]

    finnish = client.get(location.replace("/en/", "/"))

    assert finnish.status_code == 200
    assert '<html lang="fi">' in finnish.content.decode()
    assert "TäsmäKoulutus" in finnish.content.decode()


def test_sme__bad_input_shows_field_errors_and_stores_nothing(client, world):
    bad = {**VALID_ANSWERS, "size": "", "headcount": "lots", "industry": "ZZ"}
    bad["change"] = ["technology", "safety", "green", "digital"]

    response = _submit(client, bad)

    errors = response.context["form"].errors
    assert response.status_code == 400
    assert errors["size"] == ["Choose how many people work in the company."]
    assert errors["headcount"] == ["Give the number of people as a whole number, e.g. 5."]
    assert errors["industry"] == ["Choose one of the options."]
    assert errors["change"] == ["Choose at most three changes – the most important ones."]
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert 'aria-invalid="true"' in html
    assert SelfServiceAnswer.objects.count() == 0


def test_sme__empty_form_names_every_missing_answer(client, world):
    response = client.post("/en/guidance/sme/", {})

    assert set(response.context["form"].errors) == {
        "industry", "size", "change", "roles", "headcount", "urgency", "budget"
    }  # fmt: skip
    assert SelfServiceAnswer.objects.count() == 0


def test_sme__honeypot_rejects_bots(client, world):
    response = _submit(client, {**VALID_ANSWERS, "website": "http://spam.example"})

    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert SelfServiceAnswer.objects.count() == 0


def test_sme__unknown_answer_id_is_404(client, world):
    response = client.get("/en/guidance/sme/00000000-0000-0000-0000-000000000000/")

    assert response.status_code == 404


def test_sme__change_the_answers_prefills_the_form(client, world):
    answer_id = _submit(client)["Location"].rstrip("/").rsplit("/", 1)[1]

    response = client.get("/en/guidance/sme/", {"from": answer_id})

    html = response.content.decode()
    assert '<option value="C" selected>' in html
    assert 'value="technology"' in html
    assert "checked" in html
