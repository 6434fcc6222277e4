"""Stage `extract`: analysed text → concept mentions with a score and evidence spans.

Input: one or more analysed fields of a document (`("title", AnalysedText)`, `("text", ...)`)
and a `LexiconIndex`. Output: `Mention`s (ESCO skills, ESCO occupations, ISCO groups), best
first, each with the spans that evidence it, the label that matched and the parts of its score.

Method:
1. Units: every token gives one unit (hyphenated lemmas one per piece) holding all its candidate
   lemmas, so an ambiguous word form matches a label through any of its readings.
2. Label hits: lemma n-grams over the units are looked up in the index (a dict; a prefix set
   stops each n-gram walk as soon as no key can continue it).
3. Compound hits: a compound word also matches labels equal to its head (`lähihoitajaksi` →
   hoitaja, weight × 0.6) or to another part (`hitsauskoulutusta` → hitsaus, weight × 0.5).
4. Overlaps: a hit inside a longer hit is dropped (the longest, most specific label wins); a
   compound-part hit counts as shorter than a whole word.
5. YSO concepts stand for the ESCO concepts they are aligned to; unaligned YSO hits are dropped.
6. Score of a concept = best entry weight (label kind × specificity × match kind)
   × (1 + 0.3·log2 evidence count) × 1.5 when the title evidences it × position (1.0–1.2,
   earlier in the text is higher).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.lexicon import Entry, Key, LexiconIndex, token_units
from jatkumo.intel.types import AnalysedText, Evidence, Mention, TokenFlag

HEAD_FACTOR = 0.6
PART_FACTOR = 0.5
TITLE_FACTOR = 1.5
OUTPUT_SCHEMES = frozenset({"esco_skill", "esco_occupation", "isco_group"})
MAX_ALTERNATIVES = 4


@dataclass(frozen=True, slots=True)
class Unit:
    """One matching unit of a text: candidate lemmas, character span, compound parts."""

    lemmas: tuple[str, ...]
    start: int
    end: int
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A key found in a field: unit span (length for overlap), characters, entries, how."""

    field: str
    first: int
    last: int  # exclusive
    length: float
    start: int
    end: int
    entries: tuple[Entry, ...]
    how: str


def text_units(analysed: AnalysedText) -> list[Unit]:
    """Tokens → units; a hyphenated token's pieces get their own spans where the surface allows."""
    units: list[Unit] = []
    for token in analysed.tokens:
        if TokenFlag.NUMBER in token.flags:
            units.append(Unit((token.norm,), token.start, token.end, ()))
            continue
        pieces = token_units(token)
        parts = token.parts if len(token.parts) > 1 and len(pieces) == 1 else ()
        surface_pieces = token.surface.split("-")
        if len(pieces) > 1 and len(surface_pieces) == len(pieces):
            offset = token.start
            for piece, surface in zip(pieces, surface_pieces, strict=True):
                units.append(Unit(piece[:MAX_ALTERNATIVES], offset, offset + len(surface), ()))
                offset += len(surface) + 1
        else:
            for piece in pieces:
                units.append(Unit(piece[:MAX_ALTERNATIVES], token.start, token.end, parts))
    return units


def _ngram_hits(units: Sequence[Unit], index: LexiconIndex, language: str, field: str) -> list[Hit]:
    hits: list[Hit] = []
    entries, prefixes = index.entries, index.prefixes
    for first in range(len(units)):
        partial: list[Key] = [()]
        last = first
        while partial and last < len(units):
            extended: list[Key] = []
            for key in partial:
                for lemma in units[last].lemmas:
                    candidate = (*key, lemma)
                    if candidate in entries:
                        found = index.lookup(candidate, language)
                        if found:
                            hits.append(
                                Hit(
                                    field,
                                    first,
                                    last + 1,
                                    float(last + 1 - first),
                                    units[first].start,
                                    units[last].end,
                                    tuple(found),
                                    "label",
                                )
                            )
                    if candidate in prefixes:
                        extended.append(candidate)
            partial = extended
            last += 1
    return hits


def _compound_hits(
    units: Sequence[Unit], index: LexiconIndex, language: str, field: str, analyser: Analyser
) -> list[Hit]:
    hits: list[Hit] = []
    for position, unit in enumerate(units):
        if not unit.parts:
            continue
        for number, part in enumerate(unit.parts):
            head = number == len(unit.parts) - 1
            candidates = {part}
            if not head and language == "fi" and len(part) > 3:
                candidates |= {r.lemma for r in analyser.analyse_word(part, "fi")[:2]}
            factor = HEAD_FACTOR if head else PART_FACTOR
            for candidate in candidates:
                if len(candidate) < 3:
                    continue
                found = index.lookup((candidate,), language)
                if found:
                    weighted = tuple((c, lab, w * factor, h) for c, lab, w, h in found)
                    how = "compound_head" if head else "compound_part"
                    hits.append(
                        Hit(field, position, position + 1, 0.5, unit.start, unit.end, weighted, how)
                    )
    return hits


def _resolve_overlaps(hits: list[Hit], useful: set[int] | None = None) -> list[Hit]:
    """Drop every hit that overlaps a strictly longer kept hit in the same field."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.length, -max(e[2] for e in h.entries))):
        if any(
            k.field == hit.field
            and k.length > hit.length
            and k.first < hit.last
            and hit.first < k.last
            for k in kept
        ):
            continue
        kept.append(hit)
    return kept


def find_hits(
    fields: Sequence[tuple[str, AnalysedText]],
    index: LexiconIndex,
    *,
    analyser: Analyser | None = None,
) -> list[Hit]:
    """Every field → label and compound hits of output concepts, overlaps resolved."""
    analyser = analyser or default_analyser()
    useful = _useful_concepts(index)
    result: list[Hit] = []
    for field_name, analysed in fields:
        units = text_units(analysed)
        hits = _ngram_hits(units, index, analysed.language, field_name)
        hits += _compound_hits(units, index, analysed.language, field_name, analyser)
        hits = [
            Hit(h.field, h.first, h.last, h.length, h.start, h.end, kept, h.how)
            for h in hits
            if (kept := tuple(e for e in h.entries if e[0] in useful))
        ]
        result += _resolve_overlaps(hits)
    return result


_USEFUL_CACHE: dict[int, set[int]] = {}


def _useful_concepts(index: LexiconIndex) -> set[int]:
    """Concepts whose mentions can be reported: ESCO/ISCO ones and YSO ones aligned to ESCO."""
    key = id(index)
    if key not in _USEFUL_CACHE:
        _USEFUL_CACHE.clear()
        _USEFUL_CACHE[key] = {
            i
            for i, concept in enumerate(index.concepts)
            if concept.scheme in OUTPUT_SCHEMES or i in index.aligned
        }
    return _USEFUL_CACHE[key]


def extract(
    fields: Sequence[tuple[str, AnalysedText]],
    index: LexiconIndex,
    *,
    analyser: Analyser | None = None,
) -> list[Mention]:
    """Analysed fields (title, text) → mentions of ESCO skills/occupations and ISCO groups.

    Evidence offsets index the field's own text (`Evidence.field` names it).
    """
    texts = dict(fields)
    language = fields[-1][1].language if fields else "fi"
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    best: dict[int, float] = defaultdict(float)
    first_position: dict[int, float] = {}
    for hit in find_hits(fields, index, analyser=analyser):
        source = texts[hit.field].text
        length = max(1, len(source))
        for concept, label, weight, how in hit.entries:
            targets = index.aligned.get(concept, (concept,))
            matched = f"{index.labels[label][0]} ({index.labels[label][1]})"
            via = "via_yso" if concept in index.aligned else (hit.how if how == "label" else how)
            for target in targets:
                if index.concepts[target].scheme not in OUTPUT_SCHEMES:
                    continue
                span = Evidence(
                    hit.start, hit.end, source[hit.start : hit.end], hit.field, matched, via
                )
                if span not in evidence[target]:
                    evidence[target].append(span)
                best[target] = max(best[target], weight)
                if hit.field != "title":
                    position = hit.start / length
                    first_position[target] = min(first_position.get(target, 1.0), position)
    mentions = []
    for target, spans in evidence.items():
        places = {(s.field, s.start) for s in spans}
        count_factor = 1.0 + 0.3 * math.log2(len(places))
        title = TITLE_FACTOR if any(s.field == "title" for s in spans) else 1.0
        position = 1.0 + 0.2 * (1.0 - first_position.get(target, 1.0))
        score = best[target] * count_factor * title * position
        found = index.concepts[target]
        parts = (
            ("specificity", round(best[target], 4)),
            ("evidence_count", round(count_factor, 4)),
            ("title", title),
            ("position", round(position, 4)),
        )
        mentions.append(
            Mention(
                found.uri,
                found.scheme,
                found.name(language),
                round(score, 4),
                tuple(sorted(spans, key=lambda s: (s.field != "title", s.start))),
                parts,
            )
        )
    mentions.sort(key=lambda m: (-m.score, m.uri))
    return mentions
