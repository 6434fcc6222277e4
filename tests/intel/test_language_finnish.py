"""Finnish analysis with Voikko: lemmas, compound parts, ambiguity, names and unknown words."""

from __future__ import annotations

import threading

import libvoikko
import pytest

from jatkumo.intel.language import Analyser, LanguageResourceMissingError, default_analyser
from jatkumo.intel.types import TokenFlag

pytestmark = pytest.mark.voikko

# Real job-ad and company-language word forms: (form, expected best lemma, expected parts).
JOB_AD_FORMS = [
    ("hitsauskoulutusta", "hitsauskoulutus", ("hitsaus", "koulutus")),
    ("hitsaajaa", "hitsaaja", ("hitsaaja",)),
    ("lähihoitajia", "lähihoitaja", ("lähi", "hoitaja")),
    ("sähköasentajan", "sähköasentaja", ("sähkö", "asentaja")),
    ("trukkikorttia", "trukkikortti", ("trukki", "kortti")),
    ("tulityökortin", "tulityökortti", ("tuli", "työ", "kortti")),
    ("hygieniapassi", "hygieniapassi", ("hygienia", "passi")),
    (
        "ammattikorkeakoulututkinnon",
        "ammattikorkeakoulututkinto",
        ("ammatti", "korkea", "koulu", "tutkinto"),
    ),
    ("työterveyshuoltoa", "työterveyshuolto", ("työ", "terveys", "huolto")),
    ("asiakaspalvelutehtäviin", "asiakaspalvelutehtävä", ("asiakas", "palvelu", "tehtävä")),
    ("CNC-koneistajaa", "cnc-koneistaja", ("cnc", "koneistaja")),
    ("PLC-ohjelmointia", "plc-ohjelmointi", ("plc", "ohjelmointi")),
    ("C/CE-kortti", "c/ce-kortti", ("c/ce", "kortti")),
    ("B-ajokortti", "b-ajokortti", ("b", "ajo", "kortti")),
    ("IT-tukihenkilöksi", "it-tukihenkilö", ("it", "tuki", "henkilö")),
    ("LVI-asentajaa", "lvi-asentaja", ("lvi", "asentaja")),
    ("logistiikka-alan", "logistiikka-ala", ("logistiikka", "ala")),
    ("siivoojia", "siivooja", ("siivooja",)),
    ("vuorotyötä", "vuorotyö", ("vuoro", "työ")),
    ("sairaanhoitajaksi", "sairaanhoitaja", ("sairaan", "hoitaja")),
    ("kiinteistönhoitajan", "kiinteistönhoitaja", ("kiinteistön", "hoitaja")),
    ("rakennustyömaalla", "rakennustyömaa", ("rakennus", "työ", "maa")),
    ("metsäkoneteollisuudelle", "metsäkoneteollisuus", ("metsä", "kone", "teollisuus")),
    ("lääkeluvat", "lääkelupa", ("lääke", "lupa")),
    ("laitoshuoltajaksi", "laitoshuoltaja", ("laitos", "huoltaja")),
    ("kirvesmiehiä", "kirvesmies", ("kirves", "mies")),
    ("työturvallisuuskorttia", "työturvallisuuskortti", ("työ", "turvallisuus", "kortti")),
    ("hitsausohjeiden", "hitsausohje", ("hitsaus", "ohje")),
    ("konepiirustuksia", "konepiirustus", ("kone", "piirustus")),
    ("vuorolisineen", "vuorolisä", ("vuoro", "lisä")),
    ("ohjelmistokehittäjää", "ohjelmistokehittäjä", ("ohjelmisto", "kehittäjä")),
    ("kotihoidossa", "kotihoito", ("koti", "hoito")),
    ("osaamista", "osaaminen", ("osaaminen",)),
    ("asiakaspalveluosaamista", "asiakaspalveluosaaminen", ("asiakas", "palvelu", "osaaminen")),
    ("perehdytämme", "perehdyttää", ("perehdyttää",)),
    ("tiimiimme", "tiimi", ("tiimi",)),
    ("HITSAAJA", "hitsaaja", ("hitsaaja",)),
]


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    return default_analyser()


@pytest.mark.parametrize(("form", "lemma", "parts"), JOB_AD_FORMS)
def test_finnish_word__gets_its_lemma_and_compound_parts(analyser, form, lemma, parts):
    reading = analyser.analyse_word(form)[0]
    assert (reading.lemma, reading.parts) == (lemma, parts)


def test_finnish_word__ambiguous_form_gives_every_lemma(analyser):
    lemmas = analyser.analyse("kuusi", "fi").tokens[0].lemmas
    assert set(lemmas) == {"kuusi", "kuu"}
    assert lemmas[0] == "kuusi"  # the possessive reading ("your moon") comes last


def test_finnish_word__verb_and_noun_readings_are_both_kept(analyser):
    assert analyser.analyse("osaa", "fi").tokens[0].lemmas == ("osata", "osa")


def test_finnish_word__name_reading_is_dropped_when_a_common_word_exists(analyser):
    token = analyser.analyse("Lahti", "fi").tokens[0]
    assert all(not reading.proper for reading in token.readings)
    assert TokenFlag.PROPER_NOUN not in token.flags


def test_finnish_word__name_only_word_is_kept_and_flagged(analyser):
    tokens = analyser.analyse("Virtanen Tampereella", "fi").tokens
    assert [token.lemma for token in tokens] == ["virtanen", "tampere"]
    assert all(TokenFlag.PROPER_NOUN in token.flags for token in tokens)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("tarttis", "tarvita"), ("kaks", "kaksi"), ("pitäis", "pitää"), ("meil", "me")],
)
def test_finnish_word__spoken_form_is_repaired_and_flagged_as_a_guess(analyser, form, lemma):
    token = analyser.analyse(form, "fi").tokens[0]
    assert token.lemmas[0] == lemma
    assert form in token.lemmas  # the surface stays available
    assert {TokenFlag.GUESS, TokenFlag.UNKNOWN} <= token.flags


def test_finnish_word__unknown_word_keeps_its_surface_and_a_stripped_guess(analyser):
    token = analyser.analyse("Excelin", "fi").tokens[0]
    assert token.lemmas == ("excelin", "excel")
    assert token.readings[1].guess


def test_finnish_word__unknown_abbreviation_is_lowercased_not_stripped(analyser):
    tokens = analyser.analyse("LOVe EA1 TES:n", "fi").tokens
    assert [token.lemmas for token in tokens] == [("love",), ("ea1",), ("tes",)]


def test_finnish_word__code_with_abbreviation_tail_is_not_analysed_as_a_word(analyser):
    token = analyser.analyse("SFS-EN", "fi").tokens[0]
    assert token.lemmas == ("sfs-en",)


def test_analyse__colloquial_sentence_gives_usable_lemmas(analyser):
    analysed = analyser.analyse("tarttis kaks kaveria jotka osaa hitsata")
    assert analysed.language == "fi"
    assert analysed.lemma_sequence() == ("tarvita", "kaksi", "kaveri", "joka", "osata", "hitsata")


def test_analyse__tokens_carry_evidence_spans(analyser):
    text = "Haemme CNC-koneistajaa Sastamalaan."
    token = analyser.analyse(text).tokens[1]
    assert text[token.start : token.end] == "CNC-koneistajaa"
    assert token.lemma == "cnc-koneistaja"


def test_analyser__warm_cache_answers_without_asking_voikko_again():
    analyser = Analyser(cache_size=100)
    analyser.analyse("hitsaaja hitsaaja", "fi")
    info = analyser.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_analyser__is_safe_to_share_between_threads():
    analyser = Analyser()
    words = [form for form, _, _ in JOB_AD_FORMS]
    results: list[tuple[str, ...]] = []

    def work() -> None:
        results.append(analyser.analyse(" ".join(words), "fi").lemma_sequence())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1
    assert results[0] == tuple(lemma for _, lemma, _ in JOB_AD_FORMS)


@pytest.mark.parametrize(
    "failure",
    [
        OSError("libvoikko.so.1: cannot open shared object file"),
        libvoikko.VoikkoException("Specified dictionary variant was not found"),
    ],
)
def test_analyser__missing_library_or_dictionary_names_the_debian_packages(monkeypatch, failure):
    def voikko_failing(language: str) -> None:
        raise failure

    monkeypatch.setattr(libvoikko, "Voikko", voikko_failing)
    analyser = Analyser()
    with pytest.raises(LanguageResourceMissingError, match="apt-get install libvoikko1 voikko-fi"):
        analyser.analyse("hitsaaja", "fi")


def test_analyser__building_it_loads_no_dictionary(monkeypatch):
    def voikko_forbidden(language: str) -> None:
        raise AssertionError("Voikko must not load before the first Finnish word")

    monkeypatch.setattr(libvoikko, "Voikko", voikko_forbidden)
    Analyser()
