"""Stage `lexicon`: labels → lemma-sequence keys with specificity weights; cache file."""

from __future__ import annotations

import pytest

from jatkumo.intel.language import analyse, default_analyser
from jatkumo.intel.lexicon import LexiconIndex, coordination_keys, label_key, lexicon_build
from jatkumo.intel.types import ConceptLabel, TaxonomyConcept
from tests.intel.toy_taxonomy import E, toy_index

pytestmark = pytest.mark.voikko


def _concepts(key: tuple[str, ...]) -> set[str]:
    index = toy_index()
    return {index.concepts[entry[0]].uri for entry in index.entries.get(key, [])}


def test_label_key__is_lemmas_with_hyphen_pieces_split():
    assert label_key(analyse("TIG-hitsaus", "fi").tokens) == ("tig", "hitsaus")
    assert label_key(analyse("Trukinkuljettajat", "fi").tokens) == ("trukinkuljettaja",)


def test_coordination_keys__lists_each_occupation_and_rebuilds_elided_heads():
    text = "Kone- ja laiteasentajat"
    assert coordination_keys(text, analyse(text, "fi").tokens) == [
        ("koneasentaja",),
        ("laiteasentaja",),
    ]


def test_index__holds_every_language_and_kind_of_label():
    assert _concepts(("trukkikortti",)) == {f"{E}esco_skill/forklift"}  # company, fi
    assert _concepts(("tig", "weld")) == {f"{E}esco_skill/tig"}  # preferred, en
    assert f"{E}isco_group/7212" in _concepts(("hitsaaja",))  # from the coordination
    assert f"{E}isco_group/8344" in _concepts(("trukinkuljettaja",))  # "ym." left out


def test_index__an_occupation_label_ending_in_a_learning_word_gives_no_head_entry():
    chef = TaxonomyConcept(
        f"{E}esco_occupation/chef",
        "esco_occupation",
        "5120.1",
        (
            ConceptLabel("fi", "company", "kokki-koulutus"),
            ConceptLabel("fi", "preferred", "pääkokki"),
        ),
    )
    driver = TaxonomyConcept(
        f"{E}esco_occupation/driver",
        "esco_occupation",
        "8342.1",
        (ConceptLabel("fi", "preferred", "maansiirtokoneiden kuljettaja"),),
    )
    index = lexicon_build([chef, driver], analyser=default_analyser())

    assert ("koulutus",) not in index.entries  # "koulutusta" alone does not name a chef
    assert [index.concepts[e[0]].uri for e in index.entries[("kuljettaja",)]] == [driver.uri]


def test_index__generic_one_word_key_weighs_less_than_a_specific_one():
    index = toy_index()
    generic = index.entries[("työ",)][0][2]
    specific = index.entries[("trukkikortti",)][0][2]
    assert generic < specific


def test_index__aligns_yso_to_esco_through_exact_match():
    index = toy_index()
    position = index.concept_position()
    assert index.aligned[position[f"{E}yso/p1"]] == (position[f"{E}esco_skill/drawings"],)


def test_index__cache_round_trip_and_stale_signature(tmp_path):
    path = tmp_path / "cache" / "lexicon.pickle"
    toy_index().save(path)
    loaded = LexiconIndex.load(path, "toy")
    assert loaded is not None
    assert loaded.entries == toy_index().entries
    assert LexiconIndex.load(path, "another taxonomy") is None
    assert LexiconIndex.load(tmp_path / "missing.pickle", "toy") is None


def test_coordination_keys__an_english_ing_word_shares_the_last_head():
    text = "learning and development manager"
    assert coordination_keys(text, analyse(text, "en").tokens, "en") == [
        ("learn", "manager"),
        ("development", "manager"),
    ]
    text = "Welders and flamecutters"  # whole names stay whole
    assert coordination_keys(text, analyse(text, "en").tokens, "en") == [
        ("welder",),
        ("flamecutters",),
    ]
