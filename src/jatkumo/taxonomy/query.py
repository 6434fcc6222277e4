"""Search query → the normalised terms to look for, and how well a label matches them.

Input: what a user typed into the taxonomy search. Output: the normalised query plus, for Finnish,
the same query with every word in its base form (`"hitsausta"` → `"hitsaus"`), so that inflected
queries find the labels, which are in base form. The shared analyser of `jatkumo.intel.language`
loads Voikko on first use; without it the search simply uses the query as typed.

Pure Python, no Django: the selectors turn the same rules into SQL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from jatkumo.intel.language import LanguageResourceMissingError, default_analyser
from jatkumo.intel.normalise import normalise_text

logger = logging.getLogger(__name__)

EXACT, PREFIX, WORD, SUBSTRING = 0, 1, 2, 3
"""Match tiers, best first: the whole label, its beginning, the beginning of a word in it, any."""

WORD_STARTS = (" ", "(", "-", "/")
"""Characters after which a new word begins inside a label."""

MAX_TERMS = 4


def voikko_available() -> bool:
    """Whether Finnish base forms can be used (libvoikko and the Finnish dictionary load)."""
    return bool(base_forms("koulutus"))


@lru_cache(maxsize=4096)
def base_forms(word: str) -> tuple[str, ...]:
    """Every confirmed Finnish base form of one word, normalised (empty without Voikko).

    Uses the shared analyser of `jatkumo.intel.language`, so search and extraction agree on
    lemmas; guesses for unknown words are left out, the query as typed covers those.
    """
    if not word.isalpha():
        return ()
    try:
        readings = default_analyser().analyse_word(word, "fi")
    except LanguageResourceMissingError as error:
        logger.info("Finnish base forms are not used in search: %s", error)
        return ()
    forms = {normalise_text(r.lemma) for r in readings if not r.guess and not r.proper}
    return tuple(sorted(forms))


def query_terms(text: str) -> tuple[str, ...]:
    """The normalised query first, then variants with Finnish base forms (at most `MAX_TERMS`)."""
    query = normalise_text(text)
    if not query:
        return ()
    terms = [query]
    words = query.split(" ")
    if len(words) == 1:
        terms += [form for form in base_forms(query) if form != query]
    else:
        lemmatised = " ".join((base_forms(word) or (word,))[0] for word in words)
        if lemmatised != query:
            terms.append(lemmatised)
    return tuple(terms[:MAX_TERMS])


def match_tier(normalized: str, terms: tuple[str, ...]) -> int | None:
    """The best tier at which a normalised label matches any term, or None if it does not."""
    best: int | None = None
    for term in terms:
        if normalized == term:
            return EXACT
        if normalized.startswith(term):
            tier = PREFIX
        elif any(start + term in normalized for start in WORD_STARTS):
            tier = WORD
        elif term in normalized:
            tier = SUBSTRING
        else:
            continue
        best = tier if best is None else min(best, tier)
    return best


@dataclass(frozen=True)
class Highlight:
    """A label split around the part that matched the query."""

    before: str
    match: str
    after: str


def highlight(text: str, terms: tuple[str, ...]) -> Highlight:
    """Split `text` around the first occurrence of the longest term found in it."""
    folded = text.lower()
    for term in sorted(terms, key=len, reverse=True):
        start = folded.find(term)
        if start >= 0 and len(folded) == len(text):
            end = start + len(term)
            return Highlight(text[:start], text[start:end], text[end:])
    return Highlight(text, "", "")
