"""The broker's matching adapter and the `match` command over a small catalogue in the DB."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from jatkumo.broker import matching
from jatkumo.catalogue.models import OfferingConcept
from tests.catalogue.public_factories import offering_create, organisation_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(toy_taxonomy, settings, tmp_path):
    settings.DATA_DIR = tmp_path / "var"
    matching.STAMP_TTL = 0
    matching.match_index_reset()
    tredu = organisation_create("Tredu", "tredu")
    takk = organisation_create("TAKK", "takk")
    welding = offering_create(
        tredu, "TREDU-1", title_fi="Hitsauksen tutkinnon osa", description_fi="MIG- ja TIG-hitsaus."
    )
    OfferingConcept.objects.create(offering=welding, concept=toy_taxonomy.welding, score=0.9)
    offering_create(takk, "TAKK-2", title_fi="Kirjanpidon perusteet", description_fi="Tilinpäätös.")
    return welding


def test_need_match__understands_the_skill_and_ranks_the_welding_course_first(catalogue):
    result = matching.need_match(text="Tarvis saada porukkaa jotka osaa hitsata, hitsaus tutuksi")

    assert result.results[0].offering_id == "TREDU-1"
    assert result.results[0].provider == "Tredu"
    assert any("hitsaus" in reason for reason in result.results[0].reasons)
    assert not result.unmet


def test_need_match__a_skill_the_company_already_has_is_not_understood_or_matched(catalogue):
    asked = matching.need_match(text="Hitsauspätevyydet puuttuu, kirjanpito")
    result = matching.need_match(text="Hitsauspätevyydet on jo kaikilla kunnossa, kirjanpito")

    welding = catalogue.tags.get().concept.uri
    assert welding in [s["uri"] for s in asked.skills]
    assert welding not in [s["uri"] for s in result.skills]
    assert [r.offering_id for r in result.results][:1] == ["TAKK-2"]


def test_need_match__index_follows_a_new_offering(catalogue):
    matching.need_match(text="kirjanpito")
    offering_create(
        organisation_create("SASKY", "sasky"),
        "S-3",
        title_fi="Kirjanpito",
        description_fi="Kirjanpito.",
    )

    result = matching.need_match(text="kirjanpito")

    assert "S-3" in [r.offering_id for r in result.results]


def test_match_command__jsonl_contract(catalogue, tmp_path, capsys):
    needs = tmp_path / "needs.jsonl"
    needs.write_text(json.dumps({"id": "N-1", "text": "hitsaus"}) + "\n", encoding="utf-8")

    call_command("match", "--input", str(needs), "--format", "jsonl")

    line = json.loads(capsys.readouterr().out.strip())
    assert line["need_id"] == "N-1"
    assert set(line) == {"need_id", "unmet", "results", "packages"}
    assert set(line["results"][0]) == {"offering_id", "provider", "title", "score", "reasons"}


def test_match_command__rejects_bad_lines_with_numbers_and_prints_nothing(
    catalogue, tmp_path, capsys
):
    needs = tmp_path / "needs.jsonl"
    needs.write_text(
        '{"id": "N-1", "text": "hitsaus"}\n{"id": "N-2"}\nnot json\n', encoding="utf-8"
    )

    with pytest.raises(CommandError) as error:
        call_command("match", "--input", str(needs), "--format", "jsonl")

    assert "line 2" in str(error.value)
    assert "line 3" in str(error.value)
    assert capsys.readouterr().out == ""


def test_match_command__explains_in_text(catalogue, capsys):
    call_command("match", "hitsaus")

    out = capsys.readouterr().out
    assert "Hitsauksen tutkinnon osa" in out
    assert "Skills understood" in out
