"""Stage `classify` and the whole annotation on toy occupations."""

from __future__ import annotations

import pytest

from tests.intel.toy_taxonomy import E, toy_annotator

pytestmark = pytest.mark.voikko


def test_classify__title_names_the_occupation():
    result = toy_annotator().annotate("a1", "Työ alkaa heti.", title="Hitsaaja, Sastamala")
    assert result.occupations[0].isco == "7212"
    assert dict(result.occupations[0].parts)["title"] > 0
    assert result.occupations[0].evidence[0].text == "Hitsaaja"


def test_classify__skills_alone_rank_the_occupation_with_that_profile():
    result = toy_annotator().annotate("a2", "Teet CNC-koneistusta ja luet piirustuksia.")
    codes = [o.isco for o in result.occupations]
    assert codes[0] == "7223"
    assert "7212" in codes  # shares "read engineering drawings", ranked lower


def test_annotate__dict_has_the_cli_shape_and_every_skill_says_why():
    result = toy_annotator().annotate("a3", "Edellytämme trukkikortin.", title="Trukinkuljettaja")
    data = result.as_dict()
    assert set(data) == {"id", "language", "occupations", "skills"}
    assert data["occupations"][0]["isco"] == "8344"
    skill = data["skills"][0]
    assert skill["uri"] == f"{E}esco_skill/forklift"
    assert skill["evidence"][0]["text"] in {"trukkikortin", "Trukinkuljettaja"}
    assert all(s["evidence"] and s["score_parts"] for s in data["skills"])
