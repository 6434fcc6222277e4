"""Stage `classify` and the whole annotation on toy occupations."""

from __future__ import annotations

import pytest

from jatkumo.intel.classify import classify, profile_skills
from jatkumo.intel.extract import extract
from jatkumo.intel.language import analyse
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


def test_classify__a_limit_gives_the_first_groups_of_the_whole_ranking():
    annotator = toy_annotator()
    text = "Teet CNC-koneistusta, hitsausta ja luet piirustuksia. Trukkikortti on plussaa."
    fields = [("title", analyse("Hitsaaja", "fi")), ("text", analyse(text, "fi"))]
    mentions = extract(fields, annotator.index)
    everything = classify(mentions, annotator.model, limit=100)
    assert len(everything) >= 3
    for limit in range(len(everything) + 1):
        assert classify(mentions, annotator.model, limit=limit) == everything[:limit]
    keys = [(-g.score, g.isco) for g in everything]
    assert keys == sorted(keys)
    assert all(g.score == round(sum(dict(g.parts).values()), 4) for g in everything)
    skills = profile_skills(everything, annotator.model, groups=len(everything))
    assert skills == sorted(skills, key=lambda s: (-s[1], s[0]))
    assert all(share > 0 for _uri, share, _code in skills)
