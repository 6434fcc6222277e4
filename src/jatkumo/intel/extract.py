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
6. Sections: every sentence of the text is labelled by `sections` (requirements, tasks, offer,
   job terms, how to apply, company description, ...) and a hit's weight is × its section's
   factor (SECTION_FACTOR); hits in sections with factor 0 are dropped.
7. Score of a concept = best (entry weight × section factor; entry weight = label kind ×
   specificity × match kind) × (1 + 0.3·log2 evidence count) × 1.5 when the title evidences it
   × position (1.0–1.2, earlier in the text is higher).
"""

from __future__ import annotations

import bisect
import math
import re
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


# --- sections of a job ad or need ------------------------------------------------------------
#
# A job ad says what it asks for under headings or cue phrases ("Toivomme", "Vi förväntar",
# "Requirements"), and says other things elsewhere: who the employer is (the opening sentences
# about the company), what it offers ("Tarjoamme"), the terms of the job ("Työaika:",
# "Palkkaus:") and how to apply ("Hakeminen:"). A skill named only there is not a requirement.
# `sections` labels every sentence of a text with one kind; `extract` multiplies a mention's
# weight by the kind's factor (SECTION_FACTOR; 0 drops the mention and its evidence).

SECTION_FACTOR: dict[str, float] = {
    "requirements": 1.25,  # Toivomme / Edellytämme / Vi förväntar / Requirements
    "tasks": 1.25,  # Työtehtävät / Tehtäviisi kuuluu / Arbetsuppgifter / Responsibilities
    "hire": 1.0,  # Haemme X / Vi söker / We are looking for: names the job
    "body": 1.0,  # no cue: a text without structure is all body (needs, short texts)
    "nice": 0.7,  # eduksi / plussaa / meriterande / an advantage: not a core requirement
    "company": 0.5,  # the opening sentences about the organisation
    "offer": 0.3,  # Tarjoamme / Vi erbjuder / We offer
    "conditions": 0.0,  # Työn tiedot / Työaika / Palkkaus / Sijainti / Työsuhteen kesto
    "apply": 0.0,  # Hakeminen / Hae viimeistään / Lisätietoja / How to apply
}


def _cues(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")", re.IGNORECASE)


# Kind → cue phrases; a cue at the start of a sentence or heading sets the section from there.
_START_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "conditions",
        _cues(
            r"työn tiedot",
            r"työaika",
            r"työsuhteen (?:kesto|muoto|tyyppi)",
            r"palkkaus",
            r"palkka\b",
            r"sijainti",
            r"työpaikan (?:sijainti|osoite)",
            r"työn alkamis",
            r"information om tjänsten",
            r"arbetstid",
            r"anställningens (?:längd|form)",
            r"lön\b",
            r"ort\b",
            r"placeringsort",
            r"job details",
            r"working hours",
            r"employment(?: type)?:",
            r"salary",
            r"location",
            r"start date",
        ),
    ),
    (
        "apply",
        _cues(
            r"hakeminen",
            r"hae\b",
            r"hakuaika",
            r"haku päättyy",
            r"lähetä hakemus",
            r"lisätietoja",
            r"ansökan",
            r"sök\b",
            r"mer information",
            r"how to apply",
            r"apply\b",
            r"for more information",
            r"further information",
        ),
    ),
    (
        "offer",
        _cues(
            r"(?:me )?tarjoamme",
            r"tarjolla",
            r"meillä saat",
            r"vi erbjuder",
            r"vi kan erbjuda",
            r"we offer",
            r"what we offer",
            r"benefits",
        ),
    ),
    (
        "requirements",
        _cues(
            r"toivomme",
            r"edellytämme",
            r"odotamme",
            r"vaadimme",
            r"vaatimukset",
            r"(?:sinulla|teillä) (?:on|tulee olla)",
            r"osaat",
            r"hallitset",
            r"olet\b",
            r"vi förväntar",
            r"vi förutsätter",
            r"vi önskar",
            r"krav",
            r"kvalifikationer",
            r"du har",
            r"du är",
            r"requirements",
            r"qualifications",
            r"we (?:hope|expect|require)",
            r"you (?:have|are|must|should)",
            r"must have",
        ),
    ),
    (
        "tasks",
        _cues(
            r"työtehtävät",
            r"tehtävät",
            r"tehtäviisi kuuluu",
            r"tehtävään kuuluu",
            r"työhösi kuuluu",
            r"työskentelet",
            r"vastaat",
            r"tehtävänäsi",
            r"arbetsuppgifter",
            r"i arbetet ingår",
            r"dina (?:arbets)?uppgifter",
            r"du kommer att",
            r"your tasks",
            r"responsibilities",
            r"duties",
            r"you will",
        ),
    ),
)
# Cues that count anywhere in a sentence.
_NICE = _cues(
    r"eduksi",
    r"plussaa",
    r"etua\b",
    r"arvostamme",
    r"meriterande",
    r"en fördel",
    r"ett plus",
    r"uppskattas",
    r"an advantage",
    r"a plus",
    r"nice to have",
    r"an asset",
    r"desirable",
    r"preferred",
    r"a bonus",
)
_REQUIRED = _cues(r"vaaditaan", r"edellytetään", r"krävs", r"is required", r"are required")
_HIRE = _cues(
    r"haemme",
    r"etsimme",
    r"hakee",
    r"etsii",
    r"rekrytoimme",
    r"tarvitsemme",
    r"söker",
    r"looking for",
    r"hiring",
    r"seeking",
)
_COMPANY = re.compile(r"\b(?:Oy|Oyj|Ab|Abp|Ky|Ltd|Inc|ry|Olemme|Yrityksemme|Vi är|We are)\b")
_SENTENCE = re.compile(r".+?(?:[.!?]+(?=\s)|$)")
_KEY_VALUE = re.compile(r"^\s*[^\s:][^:]{0,40}:\s*\S")


@dataclass(frozen=True, slots=True)
class Section:
    """A sentence or line of a text and the kind of ad section it belongs to."""

    start: int
    end: int
    kind: str

    @property
    def factor(self) -> float:
        return SECTION_FACTOR[self.kind]


def _start_kind(sentence: str) -> str | None:
    head = sentence.lstrip(" \t-•*–·").lower()
    for kind, pattern in _START_CUES:
        found = pattern.match(head)
        if found:
            return kind
    return None


def _within(sentence: str, kind: str) -> str:
    """A sentence's own cues refine the kind of its section: nice-to-have, required, hiring."""
    if kind not in {"company", "body", "tasks", "requirements", "hire"}:
        return kind
    if _NICE.search(sentence):
        return "nice"
    if _REQUIRED.search(sentence):
        return "requirements"
    if _HIRE.search(sentence) and kind in {"company", "body"}:
        return "hire"
    return kind


def sections(text: str) -> list[Section]:
    """Text → its sentences and lines with a section kind each, in order (see SECTION_FACTOR).

    Rules: a heading (a short line without a full stop) or a `Key: value` line whose start is a
    cue sets the section of the lines that follow, until the next cue; a sentence that starts
    with a cue sets it for the rest of its paragraph. A sentence with a nice-to-have cue is
    `nice`, one with "vaaditaan"/"krävs" is `requirements`, one that says whom the employer
    looks for is `hire`. When a text has several paragraphs and its first sentence is about the
    organisation (a company form such as Oy/Ab/Ltd, or "Olemme"/"We are"), the first paragraph
    is `company` up to the first cue. Everything else is `body`.
    """
    result: list[Section] = []
    paragraphs = text.count("\n\n") > 0
    heading_kind = "body"
    sentence_kind: str | None = None
    position = 0
    first_paragraph = True
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            if result:
                first_paragraph = False
            sentence_kind = None
            continue
        words = stripped.split()
        heading = len(words) <= 6 and not stripped.endswith(".")
        cue = _start_kind(stripped)
        if cue and (heading or _KEY_VALUE.match(line)):
            heading_kind = cue
            sentence_kind = None
            result.append(Section(line_start, line_start + len(line), cue))
            continue
        for found in _SENTENCE.finditer(line):
            sentence = found.group()
            if not sentence.strip():
                continue
            start = _start_kind(sentence)
            if start is not None:
                sentence_kind = start
            if (
                first_paragraph
                and paragraphs
                and not result
                and start is None
                and _COMPANY.search(sentence)
            ):
                sentence_kind = "company"
            kind = _within(sentence, sentence_kind or heading_kind)
            if kind == "hire" and sentence_kind == "company":
                sentence_kind = None
            result.append(Section(line_start + found.start(), line_start + found.end(), kind))
    return result


def section_factor(found: Sequence[Section], offset: int) -> tuple[float, str]:
    """The factor and kind of the section that holds character `offset` (body when none)."""
    starts = [s.start for s in found]
    at = bisect.bisect_right(starts, offset) - 1
    if at >= 0 and offset < found[at].end:
        return found[at].factor, found[at].kind
    return SECTION_FACTOR["body"], "body"


def extract(
    fields: Sequence[tuple[str, AnalysedText]],
    index: LexiconIndex,
    *,
    analyser: Analyser | None = None,
    use_sections: bool = True,
) -> list[Mention]:
    """Analysed fields (title, text) → mentions of ESCO skills/occupations and ISCO groups.

    Evidence offsets index the field's own text (`Evidence.field` names it). With
    `use_sections` a hit's weight is multiplied by its section's factor (`sections`); hits in
    sections with factor 0 (job terms, how to apply) are dropped.
    """
    texts = dict(fields)
    language = fields[-1][1].language if fields else "fi"
    parts_of = {
        name: sections(analysed.text) if use_sections and name != "title" else []
        for name, analysed in fields
    }
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    best: dict[int, float] = defaultdict(float)
    best_parts: dict[int, tuple[float, float]] = {}
    first_position: dict[int, float] = {}
    for hit in find_hits(fields, index, analyser=analyser):
        source = texts[hit.field].text
        length = max(1, len(source))
        factor, _kind = section_factor(parts_of[hit.field], hit.start)
        if factor <= 0.0:
            continue
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
                if weight * factor > best[target]:
                    best[target] = weight * factor
                    best_parts[target] = (weight, factor)
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
        specificity, factor = best_parts[target]
        parts = (
            ("specificity", round(specificity, 4)),
            ("section", factor),
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
