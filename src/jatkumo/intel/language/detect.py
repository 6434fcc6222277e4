"""Language detection: lower-cased words → fi / sv / en with a confidence, explainably.

Three kinds of evidence, each a share of the text's words (so each lies in [0, 1]):

* function words: the share of words found in a short list of the language's most frequent words
  (and of everyday workplace verbs: `tarvitaan`, `behöver`, `need`), weighted 2;
* spelling: the share of words with a pattern typical of the language (Finnish double vowels and
  case endings, Swedish `å` / `sj` / `-ning`, English `th` / `w` / `-ing`), weighted 1;
* for Finnish only, when an analyser is at hand: the share of words the Finnish dictionary
  recognises (Voikko knows almost no English or Swedish word), weighted 2.

The language with the highest sum wins; the confidence is its share of all three sums. Short
company texts are dominated by function words and dictionary hits, which is why both weigh most.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from jatkumo.intel.types import LANGUAGES, Language, LanguageGuess


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


FUNCTION_WORDS: dict[Language, frozenset[str]] = {
    "fi": _word_set(
        """ja on ei että joka jotka jonka joita se ne hän me te he mä sä tämä nämä tuo sekä tai
        kuin kun jos mutta myös vain nyt niin sitten vielä jo olla ole olen oli ovat olet olemme
        ollut meillä meidän teillä sinulla sinun sinua sinulta meille haemme etsimme tarvitaan
        tarvitsemme tarttis kaks osaa osaava työ työhön työssä tehtävä tehtävään alan kanssa
        mukaan noin yli alle myös lisäksi voi voit siis eli esim mm"""
    ),
    "sv": _word_set(
        """och att det som en ett är på för med av till har inte den de vi ni du jag han hon
        man om eller men så kan ska var vid från hos också samt detta dessa sig sin sitt våra
        vår er ert behöver söker vill arbete jobb tjänst erfarenhet kunskaper inom mot efter
        under över bara nu"""
    ),
    "en": _word_set(
        """the and to of a an in is are be was were we you they he she it our your their for
        with on at by from as or but not this that these those will can would should need
        needs looking seeking job work experience skills have has who which what please
        into about up"""
    ),
}

_SPELLING: dict[Language, re.Pattern[str]] = {
    "fi": re.compile(
        r"(aa|ee|ii|oo|uu|yy|ää|öö|ei|ie|uo|yö|äi)"
        r"|(ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|nen|mme|tte|ja|jä)$"
    ),
    "sv": re.compile(r"å|sj|stj|skj|tj|ck|(ning|het|ligt?|ande|ende|ar|or|er)$"),
    "en": re.compile(r"th|wh|w|sh|ea|ou|(ing|tion|ly|ed|ers?)$"),
}
_NOT_LANGUAGE: dict[Language, re.Pattern[str]] = {
    "fi": re.compile(r"[åwxzqc]"),  # loans aside, Finnish spelling never needs these
    "sv": re.compile(r"[wqz]|y[äö]|[äö]y|(aa|ää|uu|yy|ii)"),
    "en": re.compile(r"[åäöü]"),
}
WEIGHTS = {"function": 2.0, "spelling": 1.0, "dictionary": 2.0}


def detect_language(
    words: Sequence[str],
    finnish_known: Callable[[str], bool] | None = None,
    default: Language = "fi",
) -> LanguageGuess:
    """Lower-cased words → the most likely language; `default` with confidence 0 if no words.

    `finnish_known(word)` says whether the Finnish dictionary recognises a word; without it the
    decision rests on function words and spelling alone.
    """
    evidence = [_word_evidence(word) for word in words]
    alphabetic = [word for word, found in zip(words, evidence, strict=True) if found is not None]
    if not alphabetic:
        return LanguageGuess(default, 0.0, tuple((lang, 0.0) for lang in LANGUAGES))
    count = len(alphabetic)
    # Column i of the evidence: how many words are function words / spelled like LANGUAGES[i].
    rows = [found for found in evidence if found is not None]
    totals = [sum(column) for column in zip(*rows, strict=True)]
    scores: dict[Language, float] = {}
    for i, lang in enumerate(LANGUAGES):
        function_share = totals[i] / count
        spelling_share = totals[len(LANGUAGES) + i] / count
        scores[lang] = WEIGHTS["function"] * function_share + WEIGHTS["spelling"] * spelling_share
    if finnish_known is not None:
        known = sum(finnish_known(word) for word in alphabetic) / count
        scores["fi"] += WEIGHTS["dictionary"] * known
    best = max(LANGUAGES, key=lambda lang: (scores[lang], lang == default))
    total = sum(scores.values())
    confidence = scores[best] / total if total > 0 else 0.0
    return LanguageGuess(
        best, round(confidence, 3), tuple((lang, round(scores[lang], 3)) for lang in LANGUAGES)
    )


_ROWS: dict[tuple[int, ...], tuple[int, ...]] = {}  # at most 2⁶ distinct rows


@functools.lru_cache(maxsize=65_536)
def _word_evidence(word: str) -> tuple[int, ...] | None:
    """A word → 1/0 per language for "is a function word", then per language for "is spelled
    like it"; None for a word without letters (it does not count). Cached: words repeat a lot,
    and the regular expressions are the cost of detection."""
    if not any(char.isalpha() for char in word):
        return None
    function = tuple(int(word in FUNCTION_WORDS[lang]) for lang in LANGUAGES)
    spelling = tuple(
        int(bool(_SPELLING[lang].search(word)) and not _NOT_LANGUAGE[lang].search(word))
        for lang in LANGUAGES
    )
    row = function + spelling
    return _ROWS.setdefault(row, row)  # one shared tuple per pattern: the cache stays small
