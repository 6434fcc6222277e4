"""Finnish word analysis: one word form + Voikko analyses → ranked readings (lemma, compound parts).

Voikko gives every analysis of a form; we keep every distinct lemma (`kuusi` is a number, a
spruce and "your moon"), rank them, and derive compound parts from the analysis' STRUCTURE
field (`=ppppppp=pppppppppp`: `=` opens a part, every other symbol is one letter of the form).
WORDBASES is not used: it splits derivations (`hitsa+us`) which are not parts a reader would name.

When Voikko knows nothing, company language is usually the reason: abbreviations (`CNC`), inflected
abbreviations (`TES:n`), hyphenated terms with an unknown head (`PLC-ohjelmointia`), spoken forms
(`tarttis`, `kaks`, `pitäis`), or brand and tool names (`Excelin`). Each has a small, flagged
fallback here; none of them raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from jatkumo.intel.types import Reading

Analyses = Sequence[Mapping[str, str]]
"""What `libvoikko.Voikko.analyze(word)` returns: one dict of string fields per analysis."""

_MINEN_ENDING = re.compile(r"\[Tn4\]mi((?:\[[^\]]*\]|[^\[])*)$")
_FST_TAG = re.compile(r"\[[^\]]*\]")

PROPER_CLASSES = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})

# Spoken forms that no repair rule reaches; each maps to the standard form Voikko can analyse.
COLLOQUIAL = {
    "tarttis": "tarvitsisi",
    "tarvis": "tarvitsisi",
    "tartteis": "tarvitsisi",
    "tartten": "tarvitsen",
    "tarttee": "tarvitsee",
    "tarvii": "tarvitsee",
    "mä": "minä",
    "mää": "minä",
    "sä": "sinä",
    "sää": "sinä",
    "mun": "minun",
    "sun": "sinun",
    "kaks": "kaksi",
    "viis": "viisi",
    "yks": "yksi",
    "kuus": "kuusi",
    "oo": "ole",
    "oon": "olen",
    "ollu": "ollut",
    "mut": "mutta",
    "semmonen": "sellainen",
    "tommonen": "tuollainen",
    "tämmönen": "tällainen",
}

# Light suffix stripping for words no dictionary knows (brand names, tools, loans), longest
# first; the stem must keep at least three letters.
_GUESS_ENDINGS = (
    "ineen",
    "issa",
    "issä",
    "ista",
    "istä",
    "illa",
    "illä",
    "ille",
    "ilta",
    "iltä",
    "iksi",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "lla",
    "llä",
    "lta",
    "ltä",
    "lle",
    "ksi",
    "ien",
    "iin",
    "ia",
    "iä",
    "in",
)


def readings_from_analyses(word: str, analyses: Analyses) -> list[Reading]:
    """Voikko analyses of `word` → distinct readings, best first, names demoted.

    Ranking, most important first: common-word readings before name readings (names are kept
    only when nothing else exists), readings without a possessive suffix (`kuusi` the number
    before "your moon"), fewer compound parts (the lexicalised reading).
    """
    ranked: list[tuple[tuple[int, int, int, int], Reading]] = []
    for index, analysis in enumerate(analyses):
        word_class = analysis.get("CLASS", "")
        proper = word_class in PROPER_CLASSES
        structure = analysis.get("STRUCTURE", "")
        for offset, (baseform, reading_class) in enumerate(_baseforms(word, analysis)):
            parts = compound_parts(word, baseform, structure)
            reading = Reading(baseform.lower(), parts, reading_class, proper=proper)
            rank = (int(proper), int("POSSESSIVE" in analysis), len(parts), 2 * index + offset)
            ranked.append((rank, reading))
    ranked.sort(key=lambda pair: pair[0])
    readings = [reading for _, reading in ranked]
    if any(not reading.proper for reading in readings):
        readings = [reading for reading in readings if not reading.proper]
    return _distinct(readings)


def _baseforms(word: str, analysis: Mapping[str, str]) -> list[tuple[str, str]]:
    """(lemma, class) pairs one analysis stands for.

    Voikko gives the verb for a -minen noun (`osaamista` → `osata`), but job ads use the noun as a
    word of its own (`osaaminen`, `johtaminen`), so both are kept, the noun first.
    """
    baseform = analysis.get("BASEFORM", "")
    if not baseform:
        return []
    pairs = [(baseform, analysis.get("CLASS", ""))]
    match = _MINEN_ENDING.search(analysis.get("FSTOUTPUT", ""))
    if analysis.get("MOOD") == "MINEN-infinitive" and match:
        ending = _FST_TAG.sub("", match.group(1))
        stem = word[: len(word) - len(ending)] if ending else word
        if stem.lower().endswith("mi"):
            pairs.insert(0, (stem.lower() + "nen", "nimisana"))
    return pairs


def compound_parts(word: str, baseform: str, structure: str) -> tuple[str, ...]:
    """Split a lemma at the part boundaries that STRUCTURE marks on the word form, and at hyphens.

    `("hitsauskoulutusta", "hitsauskoulutus", "=ppppppp=pppppppppp")` → `("hitsaus", "koulutus")`.
    Earlier parts are read from the lemma at the word-form positions; that is safe because Finnish
    inflects only the last part. If the lemma does not begin with the same letters (rare), the
    word is kept whole rather than split wrongly.
    """
    lemma = baseform.lower()
    boundaries: list[int] = []
    position = 0
    for symbol in structure:
        if symbol == "=":
            boundaries.append(position)
        else:
            position += 1
    cuts = sorted({cut for cut in boundaries if 0 < cut < len(lemma)})
    if cuts and lemma[: cuts[-1]] != word[: cuts[-1]].lower():
        cuts = []
    pieces = [lemma[a:b] for a, b in zip([0, *cuts], [*cuts, len(lemma)], strict=True)]
    return split_hyphens(pieces)


def split_hyphens(pieces: Sequence[str]) -> tuple[str, ...]:
    """Split pieces at hyphens: `["cnc-", "koneistus"]` → `("cnc", "koneistus")`.

    `["b-ajo", "kortti"]` → `("b", "ajo", "kortti")`.
    """
    parts: list[str] = []
    for piece in pieces:
        parts.extend(part for part in piece.split("-") if part)
    return tuple(parts) if parts else tuple(pieces)


def repair_candidates(word: str) -> list[str]:
    """Standard spellings a spoken or clipped form may stand for: `pitäis` → `pitäisi`.

    Tried in order against the dictionary; the first that Voikko knows wins.
    """
    lower = word.lower()
    candidates = [COLLOQUIAL[lower]] if lower in COLLOQUIAL else []
    if lower.endswith("s"):
        candidates.append(lower + "i")  # pitäis, olis, vois: clipped conditional; kaks, yks
    if lower.endswith("l"):
        back = any(vowel in lower for vowel in "aou")
        candidates.append(lower + ("la" if back else "lä"))  # meil → meillä, kotona → -l
    if lower.endswith(("ny", "nu")):
        candidates.append(lower + "t")  # tehny → tehnyt
    return candidates


def suffix_guess(word: str) -> str | None:
    """A stem guess for an unknown word: `excelin` → `excel`; None when nothing safe to strip."""
    lower = word.lower()
    for ending in _GUESS_ENDINGS:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and sum(char.isalpha() for char in stem) >= 3:
            return stem
    return None


def fallback_readings(word: str, analyse: Callable[[str], Analyses]) -> list[Reading]:
    """Readings for a word Voikko does not know, every one flagged `guess` except the surface.

    Order: a repaired spoken form (`tarttis` → `tarvita`), then the lower-cased surface, then a
    suffix-stripped stem.
    """
    readings: list[Reading] = []
    for candidate in repair_candidates(word):
        repaired = readings_from_analyses(candidate, analyse(candidate))
        # `sinä` is also the essive of `se`; the standard word itself is what was meant.
        repaired.sort(key=lambda reading: reading.lemma != candidate)
        if repaired:
            readings.extend(_as_guesses(repaired))
            break
    lower = word.lower()
    readings.append(Reading(lower, split_hyphens([lower])))
    stem = suffix_guess(word)
    if stem and not readings[0].guess:
        readings.append(Reading(stem, (stem,), guess=True))
    return _distinct(readings)


def _as_guesses(readings: Sequence[Reading]) -> list[Reading]:
    return [Reading(r.lemma, r.parts, r.word_class, proper=r.proper, guess=True) for r in readings]


def _distinct(readings: Sequence[Reading]) -> list[Reading]:
    """Keep the first reading of every (lemma, parts) pair."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    result: list[Reading] = []
    for reading in readings:
        key = (reading.lemma, reading.parts)
        if key not in seen:
            seen.add(key)
            result.append(reading)
    return result
