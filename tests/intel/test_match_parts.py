"""Clause-level matching: a need cut into its requested parts, toy catalogue, no database."""

from __future__ import annotations

import pytest

from jatkumo.intel.match import MatchIndex, rank
from jatkumo.intel.match_parts import need_parts, part_scores
from jatkumo.intel.match_types import Need, NeedSkill
from jatkumo.intel.package import parts_compose
from tests.intel.match_toy import FORKLIFT, SAFETY, record, toy_index

ENGLISH = "http://example.org/esco_skill/english"


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    return toy_index()


def _need(text: str) -> Need:
    return Need(
        text,
        (
            NeedSkill(FORKLIFT, "operate forklift", 0.9, ("trukkikortti",)),
            NeedSkill(SAFETY, "health and safety", 0.9, ("työturvallisuuskortti",)),
        ),
    )


def test_need_parts__splits_at_commas_and_coordinators_and_keeps_the_words(index):
    need = _need("trukkikortti ja työturvallisuuskortti, sekä työelämäsuomi")

    parts = need_parts(need, index.terms(need.text))

    assert [p.text for p in parts] == ["trukkikortti", "työturvallisuuskortti", "työelämäsuomi"]
    assert parts[0].skills == (0,)
    assert parts[1].skills == (1,)


def test_need_parts__a_part_no_offering_answers_is_not_requested(index):
    need = _need("trukkikortti. Kiva porukka meillä")

    parts = need_parts(need, index.terms(need.text))

    assert [p.text for p in parts] == ["trukkikortti"]


def test_part_scores__rank_the_offering_that_answers_the_part_first(index):
    need = _need("trukkikortti ja työturvallisuuskortti")
    terms = index.terms(need.text)
    first, second = need_parts(need, terms)

    forklift = part_scores(index, need, terms, first)
    safety = part_scores(index, need, terms, second)

    assert index.records[max(forklift, key=forklift.__getitem__)].key == 2
    assert index.records[max(safety, key=safety.__getitem__)].key == 3


def test_parts_compose__members_answer_different_parts_and_name_them(index):
    need = _need("trukkikortti ja työturvallisuuskortti")
    terms = index.terms(need.text)
    parts = need_parts(need, terms)
    scores = tuple(part_scores(index, need, terms, part) for part in parts)
    matches = rank(index, need, packages=False).matches

    best = parts_compose(index, terms, parts, scores, matches, need=need)[0]

    assert set(best.keys) == {2, 3}
    assert best.coverage == 1.0
    assert best.covered == ("trukkikortti", "työturvallisuuskortti")


def test_parts_compose__with_two_understood_requests_other_parts_are_context(index):
    # "Suomen kieli" is answered by one offering (a coherent part), but it evidences no skill
    # while two other parts do: it describes the staff, so no package member is spent on it.
    need = _need("trukkikortti ja työturvallisuuskortti, suomen kieli")
    terms = index.terms(need.text)
    parts = need_parts(need, terms)
    scores = tuple(part_scores(index, need, terms, part) for part in parts)
    matches = rank(index, need, packages=False).matches

    assert [p.text for p in parts] == ["trukkikortti", "työturvallisuuskortti", "suomen kieli"]
    found = parts_compose(index, terms, parts, scores, matches, need=need)

    assert {frozenset(p.keys) for p in found} == {frozenset({2, 3})}
    assert found[0].uncovered == ()


def test_parts_compose__a_part_answered_better_by_a_course_for_employed_staff(index):
    # key 6 answers the forklift part a little better by words (trukkikortti twice), but it
    # is only for the unemployed: the need's preference factor (0.85) applies per part too
    unemployed = record(
        6,
        "TE",
        "Trukinkuljettajan koulutus",
        "Trukkikortti yhdessä päivässä, trukkikortti.",
        tags=[(FORKLIFT, "trukki")],
        target_groups=frozenset({"unemployed"}),
    )
    records = [*toy_index().records[:3], unemployed]
    local = MatchIndex(records)
    need = _need("trukkikortti ja työturvallisuuskortti")
    terms = local.terms(need.text)
    parts = need_parts(need, terms)
    scores = tuple(part_scores(local, need, terms, part) for part in parts)
    matches = rank(local, need, packages=False).matches

    best = parts_compose(local, terms, parts, scores, matches, need=need)[0]

    assert set(best.keys) == {2, 3}  # not the työvoimakoulutus (key 6), lowered by preferences


def test_terms__quantifiers_are_not_topics(index):
    terms = index.terms("trukkikortti kaikille ja koko porukalle monelle, kaks kuskia lisää")

    assert "kaikille" not in [w.surface for w in terms.words]
    assert not {"kaikille", "koko", "monelle", "lisää"} & {w.surface for w in terms.words}
    assert "trukkikortti" in [w.surface for w in terms.words]


def test_query_words__english_and_swedish_function_words_are_marked():
    from jatkumo.intel.search import query_words

    english = query_words("We have three new workers from abroad who need forklift training")
    swedish = query_words("Vi behöver två nya truckförare som har truckkort")
    finnish = query_words("alla olevat trukkikortit")  # Finnish words keep Voikko's reading

    content = {w.surface.lower() for w in (*english, *swedish) if not w.function}
    assert not {"we", "have", "three", "new", "from", "who", "need"} & content
    assert not {"vi", "behöver", "två", "nya", "som", "har"} & content
    assert {"workers", "forklift", "training", "truckförare", "truckkort"} <= content
    assert "trukkikortit" not in {w.surface for w in finnish if w.function}


def test_need_parts__merging_is_transitive(index):
    # the third part evidences both skills: it joins the first and the second into one
    need = _need("trukkikortti, työturvallisuuskortti, trukkikortti-työturvallisuuskortti")

    parts = need_parts(need, index.terms(need.text))

    assert len(parts) == 1
    assert parts[0].skills == (0, 1)


def test_parts_compose__a_language_the_staff_speak_is_not_a_request(index):
    need = Need(
        "trukkikortti, työntekijät puhuu vaan englantia",
        (
            NeedSkill(FORKLIFT, "operate forklift", 0.9, ("trukkikortti",)),
            NeedSkill(ENGLISH, "English", 0.9, ("englantia",)),
        ),
    )
    terms = index.terms(need.text)
    parts = need_parts(need, terms)
    scores = tuple(part_scores(index, need, terms, part) for part in parts)
    matches = rank(index, need, packages=False).matches

    assert parts_compose(index, terms, parts, scores, matches, need=need) == ()


def test_need_parts__parts_that_evidence_one_skill_are_one_part(index):
    need = Need(
        "trukkikortti, työturvallisuuskortti ja toinen trukkikortti",
        (NeedSkill(FORKLIFT, "operate forklift", 0.9, ("trukkikortti",)),),
    )

    parts = need_parts(need, index.terms(need.text))

    assert [p.text for p in parts] == [
        "trukkikortti … toinen trukkikortti",
        "työturvallisuuskortti",
    ]


def test_terms__leave_out_function_words_and_keep_absent_topic_nouns():
    index = MatchIndex(toy_index().records, vocabulary=frozenset({"harvesteri", "trukkikortti"}))

    terms = index.terms("meillä tarvis kaks trukkikorttia ja harvesterille kuljettaja")

    assert [w.surface for w in terms.words] == ["trukkikorttia", "kuljettaja"]
    assert [w.surface for w in terms.absent] == ["harvesterille"]


def test_unmet__a_topic_no_offering_has_lowers_the_confidence(index):
    knows = MatchIndex(index.records, vocabulary=frozenset({"harvesteri", "trukkikortti"}))
    chatter = MatchIndex(index.records, vocabulary=frozenset({"trukkikortti"}))
    text = "trukkikortti ja harvesteri"

    assert rank(knows, Need(text, ())).confidence < rank(chatter, Need(text, ())).confidence


def test_parts_compose__the_best_answer_of_each_request_even_if_one_offering_touches_both():
    # key 7 is tagged with both skills and answers the safety part at ≥ 75 % of the best, so
    # it alone "covers" every part and no cover-based package exists; the company still gets
    # the best offering for each thing it asked (key 7 for the forklift, key 3 for safety)
    both = record(
        7,
        "TAKK",
        "Trukkikortti",
        "Trukkikortti ja työturvallisuuskortti samalla kurssilla.",
        tags=[(FORKLIFT, "trukki"), (SAFETY, "työturvallisuus")],
    )
    local = MatchIndex([toy_index().records[2], both, toy_index().records[0]])
    need = _need("trukkikortti ja työturvallisuuskortti")
    terms = local.terms(need.text)
    parts = need_parts(need, terms)
    scores = tuple(part_scores(local, need, terms, part) for part in parts)
    matches = rank(local, need, packages=False).matches

    found = parts_compose(local, terms, parts, scores, matches, need=need)

    assert [set(p.keys) for p in found] == [{7, 3}]
    assert found[0].coverage == 1.0
    assert found[0].uncovered == ()
