from jatkumo.intel.normalise import normalise_text


def test_normalise_text__folds_case_space_and_typographic_dashes():
    assert normalise_text("  Hitsaus\u2013 TIG  ") == "hitsaus- tig"


def test_normalise_text__keeps_finnish_letters_distinct():
    assert normalise_text("Sähkö") == "sähkö"
    assert normalise_text("Sähkö") != normalise_text("Sahko")


def test_normalise_text__composes_decomposed_umlauts():
    decomposed = "ta\u0308ydennyskoulutus"  # a + combining diaeresis
    assert normalise_text(decomposed) == "täydennyskoulutus"


def test_normalise_text__is_idempotent():
    once = normalise_text("C/CE-kortti \u201cammattipätevyys\u201d")
    assert normalise_text(once) == once
