"""Tokenisation keeps job-ad terms whole and gives offsets that point back into the text."""

from __future__ import annotations

import pytest

from jatkumo.intel.language import Analyser, tokenise
from jatkumo.intel.language.tokenise import token_bounds
from jatkumo.intel.types import TokenFlag


def surfaces(text: str) -> list[str]:
    return [span.surface for span in tokenise(text)]


def test_tokenise__keeps_abbreviations_hyphenated_and_slashed_terms_whole():
    text = "CNC-koneistus, PLC ja C/CE-kortti; LOVe sekä EA1 (SFS-EN ISO 9606-1)."
    assert surfaces(text) == [
        "CNC-koneistus",
        "PLC",
        "ja",
        "C/CE-kortti",
        "LOVe",
        "sekä",
        "EA1",
        "SFS-EN",
        "ISO",
        "9606-1",
    ]


def test_tokenise__offsets_point_at_the_surface_in_the_original_text():
    text = "Haemme  CNC-koneistajaa\nja C/CE-kortin omaavan kuljettajan."
    for span in tokenise(text):
        assert text[span.start : span.end] == span.surface
    by_surface = {span.surface: (span.start, span.end) for span in tokenise(text)}
    assert by_surface["CNC-koneistajaa"] == (8, 23)
    assert by_surface["C/CE-kortin"] == (27, 38)


def test_tokenise__keeps_colon_inflected_abbreviations_as_one_token():
    assert surfaces("TES:n mukainen palkka ja PLC:tä") == [
        "TES:n",
        "mukainen",
        "palkka",
        "ja",
        "PLC:tä",
    ]


def test_tokenise__does_not_glue_a_label_colon_to_the_next_word():
    assert surfaces("Työaika: kokoaikatyö") == ["Työaika", "kokoaikatyö"]


def test_tokenise__splits_a_slash_between_ordinary_words():
    assert surfaces("myynti/markkinointi ja TCP/IP") == ["myynti", "markkinointi", "ja", "TCP/IP"]


def test_tokenise__keeps_dates_and_decimals_whole_and_flags_them_as_numbers():
    spans = tokenise("Hae 15.3.2026 mennessä, 2,5 vuotta")
    assert [span.surface for span in spans] == ["Hae", "15.3.2026", "mennessä", "2,5", "vuotta"]
    assert TokenFlag.NUMBER in spans[1].flags
    assert TokenFlag.NUMBER in spans[3].flags


def test_tokenise__marks_an_elided_compound_head_as_truncated():
    spans = tokenise("kaivos- ja metsäkoneteollisuudelle")
    assert spans[0].surface == "kaivos-"
    assert TokenFlag.TRUNCATED in spans[0].flags


def test_tokenise__does_not_take_a_list_dash_into_a_word():
    assert surfaces("Tehtävät:\n- MAG-hitsaus\n- silloitus") == [
        "Tehtävät",
        "MAG-hitsaus",
        "silloitus",
    ]


def test_tokenise__lowercases_finnish_letters_and_keeps_the_surface():
    span = tokenise("ÄÄNITEKNIIKKA Åbo")[0]
    assert span.surface == "ÄÄNITEKNIIKKA"
    assert span.norm == "äänitekniikka"


def test_tokenise__keeps_decomposed_letters_inside_the_word_and_composes_the_key():
    text = "ta\u0308ydennyskoulutus alkaa"
    span = tokenise(text)[0]
    assert span.surface == text[:18]
    assert span.norm == "täydennyskoulutus"


def test_tokenise__makes_typographic_hyphens_plain_in_the_key_only():
    text = "CNC\u2011koneistus"
    span = tokenise(text)[0]
    assert span.surface == text
    assert span.norm == "cnc-koneistus"


@pytest.mark.parametrize(
    ("word", "flags"),
    [
        ("CNC", {TokenFlag.ABBREVIATION}),
        ("LOVe", {TokenFlag.ABBREVIATION}),
        ("EA1", {TokenFlag.ABBREVIATION}),
        ("C/CE-kortti", {TokenFlag.ABBREVIATION, TokenFlag.HYPHENATED, TokenFlag.SLASHED}),
        ("Hitsaaja", set()),
        ("2026", {TokenFlag.NUMBER}),
    ],
)
def test_tokenise__flags_the_shape_of_a_word(word, flags):
    assert set(tokenise(word)[0].flags) == flags


@pytest.mark.parametrize(
    "text",
    [
        "CNC-koneistus, PLC ja C/CE-kortti; myynti/markkinointi TES:n mukaan 15.3.2026.",
        "kaivos- ja metsäteollisuus, TCP/IP ja /alku sekä loppu/",
        "",
    ],
)
def test_token_bounds__are_the_offsets_of_the_spans(text):
    assert token_bounds(text) == [(span.start, span.end) for span in tokenise(text)]


def test_analyser__tokens_have_the_spans_surface_norm_and_shape():
    text = "CNC-koneistus ja C/CE-kortti, kaivos- ja metsäteollisuus 9606-1 Tiimi"
    tokens = Analyser().analyse(text, "en").tokens
    spans = tokenise(text)
    assert [(t.surface, t.start, t.end, t.norm) for t in tokens] == [
        (s.surface, s.start, s.end, s.norm) for s in spans
    ]
    assert all(s.flags <= t.flags for s, t in zip(spans, tokens, strict=True))
