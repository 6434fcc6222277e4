"""Language detection (fi / sv / en) and Swedish and English lemmatisation."""

from __future__ import annotations

import pytest

from jatkumo.intel.language import default_analyser, detect_language
from jatkumo.intel.types import TokenFlag

TEXTS = [
    ("tarttis kaks kaveria jotka osaa hitsata", "fi"),
    ("we need two welders", "en"),
    ("vi behöver svetsare", "sv"),
    ("Haemme CNC-koneistajaa", "fi"),
    ("lähihoitaja kotihoitoon", "fi"),
    ("Meillä ois tarvetta trukkikuskille syksyllä", "fi"),
    ("Looking for a forklift driver", "en"),
    ("We are hiring nurses for home care", "en"),
    ("Söker undersköterska till hemvården", "sv"),
    ("Vi söker en erfaren elektriker", "sv"),
    ("Tarvitaan siivoojia Tampereelle", "fi"),
    (
        "Konepaja valmistaa teräsrakenteita ja hitsattuja koneenosia kaivosteollisuudelle. "
        "Haemme tiimiimme kokenutta hitsaajaa vakituiseen työsuhteeseen.",
        "fi",
    ),
    (
        "Vi är ett växande företag inom fastighetsskötsel och söker nu en driftig medarbetare "
        "med erfarenhet av städning och kundservice.",
        "sv",
    ),
    (
        "Our company develops software for the manufacturing industry and we are looking for "
        "an experienced developer with skills in Python and cloud services.",
        "en",
    ),
    ("Osaatko PLC-ohjelmoinnin? Tule meille töihin!", "fi"),
    ("Vill du jobba som lastbilschaufför hos oss?", "sv"),
]


@pytest.mark.voikko
@pytest.mark.parametrize(("text", "language"), TEXTS)
def test_detect__short_and_long_company_texts_get_the_right_language(text, language):
    guess = default_analyser().detect(text)
    assert guess.language == language
    assert guess.confidence > 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [("we need two welders", "en"), ("vi behöver svetsare och elektriker", "sv")],
)
def test_detect__works_from_function_words_and_spelling_without_a_dictionary(text, language):
    assert detect_language(text.lower().split()).language == language


def test_detect__text_without_words_falls_back_to_finnish_with_no_confidence():
    guess = detect_language(["2026", "15.3."])
    assert (guess.language, guess.confidence) == ("fi", 0.0)


def test_detect__explains_itself_with_a_score_per_language():
    guess = detect_language(["we", "need", "welders"])
    assert dict(guess.scores).keys() == {"fi", "sv", "en"}
    assert max(guess.scores, key=lambda pair: pair[1])[0] == "en"


@pytest.mark.voikko
def test_analyse__detected_language_is_reported_with_its_confidence():
    analysed = default_analyser().analyse("vi behöver svetsare")
    assert analysed.language == "sv"
    assert 0.5 < analysed.language_confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Vi behöver svetsare", ("vi", "behöva", "svetsare")),
        ("svetsarna har goda kunskaper", ("svetsare", "ha", "god", "kunskap")),
    ],
)
def test_swedish__words_get_their_lemmas(text, lemmas):
    assert default_analyser().analyse(text, "sv").lemma_sequence() == lemmas


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("We needed two welders", ("we", "need", "two", "welder")),
        ("nurses with driving skills", ("nurse", "with", "drive", "skill")),
    ],
)
def test_english__words_get_their_lemmas(text, lemmas):
    assert default_analyser().analyse(text, "en").lemma_sequence() == lemmas


def test_english__hyphenated_term_is_lemmatised_on_its_last_part_and_split():
    token = default_analyser().analyse("CNC-machinists", "en").tokens[0]
    assert token.lemma == "cnc-machinist"
    assert token.parts == ("cnc", "machinist")


def test_english__abbreviation_stays_as_written_in_lower_case():
    token = default_analyser().analyse("PLC", "en").tokens[0]
    assert token.lemmas == ("plc",)
    assert TokenFlag.ABBREVIATION in token.flags


def test_detect__repeated_words_and_calls_give_the_same_guess():
    words = ["we", "need", "welders", "and", "we", "need", "them", "2026", "(", "welders"]
    first = detect_language(words)
    assert detect_language(words) == first
    assert first.language == "en"
    # words without letters do not count: the same guess with or without them
    assert detect_language([w for w in words if w.isalpha()]) == first
