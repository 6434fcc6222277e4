"""Settled clauses: what a need says the company already has or does not need."""

from __future__ import annotations

import pytest

from jatkumo.intel.match import rank
from jatkumo.intel.match_types import Need, NeedSkill
from jatkumo.intel.settled import (
    language_words,
    medium_spans,
    need_without_settled,
    only_settled,
    settled_spans,
)
from tests.intel.match_toy import FORKLIFT, SAFETY, toy_index


def _settled(text: str) -> list[str]:
    return [text[start:end].strip() for start, end in settled_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anniskelupassit on jo kaikilla kunnossa.", ["Anniskelupassit on jo kaikilla kunnossa"]),
        (
            "Trukkikortit meillä jo on, mutta työturvallisuuskortti puuttuu",
            ["Trukkikortit meillä jo on"],
        ),
        (
            "We already have forklift licences but need safety training",
            ["We already have forklift licences"],
        ),
        ("Hygieniapassia ei tarvita, kaikilla on se", ["Hygieniapassia ei tarvita"]),
        ("Vi behöver inte hygienpass", ["Vi behöver inte hygienpass"]),
        # `jo` with a need verb, or a state of the workplace, is not settled
        ("Trukkikortit tarvitaan jo ensi kuussa", []),
        ("Muistisairaita on jo yli puolet, hoitajille koulutusta", []),
        ("Ovat olleet meillä töissä jo pari vuotta", []),
    ],
)
def test_settled_spans__already_have_or_no_need(text, expected):
    assert _settled(text) == expected


def test_only_settled__a_word_also_asked_for_elsewhere_is_still_asked():
    text = "Trukkikortti on jo osalla. Muille trukkikortti."
    spans = settled_spans(text)

    assert only_settled(text, spans, ("Trukkikortti",)) is False
    assert only_settled(
        "Trukkikortti on jo kaikilla.",
        settled_spans("Trukkikortti on jo kaikilla."),
        ("Trukkikortti",),
    )


def test_rank__a_card_the_company_already_has_is_not_matched():
    index = toy_index()
    need = Need(
        "Trukkikortit on jo kaikilla, mutta työturvallisuuskortti puuttuu",
        (
            NeedSkill(FORKLIFT, "operate forklift", 0.9, ("Trukkikortit",)),
            NeedSkill(SAFETY, "health and safety", 0.9, ("työturvallisuuskortti",)),
        ),
    )

    assert [s.uri for s in need_without_settled(need).skills] == [SAFETY]
    matches = rank(index, need).matches
    assert matches[0].key == 3  # the safety card course
    forklift = [m for m in matches if m.key == 2]  # at most by the shared compound part `kortti`
    assert not forklift or (not forklift[0].covers and forklift[0].score < matches[0].score / 2)


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Tehtaalla 8 työntekijää jotka puhuu vaan englantia tai venäjää.", True),
        ("Työkieli on englanti.", True),
        ("Etsitään englanninkielistä esihenkilövalmennusta", True),
        ("Finnish-language courses won't work for most of the team", True),
        ("it would be great if the training was in English", True),
        ("Suomen kielen alkeita työpaikalle", False),
        ("tarvittais myös jotain ravintolatyön suomea kaikille", False),
    ],
)
def test_medium_spans__a_language_named_as_what_staff_speak_or_are_taught_in(text, medium):
    assert bool(medium_spans(text)) is medium


def test_language_words__every_evidence_word_names_a_language():
    assert language_words(("englantia",))
    assert language_words(("Suomen kielen", "Finnish"))
    assert not language_words(("trukkikortti",))
    assert not language_words(())
