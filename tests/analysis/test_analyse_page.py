"""The analysis page: a person pastes text and sees the evidence highlighted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jatkumo.analysis import engine

pytestmark = [pytest.mark.voikko, pytest.mark.django_db]


@pytest.fixture
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "var"
    engine._current = None
    return settings.DATA_DIR


def test_analyse_page__highlights_the_words_that_evidence_a_skill(client, toy_taxonomy, data_dir):
    response = client.post(
        reverse("analysis:analyse"),
        {"title": "Hitsaaja", "text": "Tarjoamme hitsauskoulutusta.", "language": ""},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark" in html
    assert "7212" in html


def test_analyse_page__empty_text_shows_a_field_error(client, data_dir):
    response = client.post(reverse("analysis:analyse"), {"title": "x", "text": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert "result" not in response.context


def test_analyse_page__renders_the_form_in_swedish(client):
    response = client.get("/sv/analyse/")

    assert response.status_code == 200
    assert 'lang="sv"' in response.content.decode()
