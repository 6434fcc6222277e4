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

Speed: what depends only on a word type or an index key (a token's units, a unit's one-word
lookups, a compound's part hits, the reportable entries of a key, a label's display text) is
memoised per index in bounded dicts, so a warm extractor does little more than walk n-grams.
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.lexicon import Entry, Key, LexiconIndex, token_units
from jatkumo.intel.types import AnalysedText, Evidence, Mention, Reading, Token, TokenFlag

HEAD_FACTOR = 0.6
PART_FACTOR = 0.5
TITLE_FACTOR = 1.5
OUTPUT_SCHEMES = frozenset({"esco_skill", "esco_occupation", "isco_group"})
MAX_ALTERNATIVES = 4


class Unit(NamedTuple):
    """One matching unit of a text: candidate lemmas, character span, compound parts."""

    lemmas: tuple[str, ...]
    start: int
    end: int
    parts: tuple[str, ...]


class Hit(NamedTuple):
    """A key found in a field: unit span (length for overlap), characters, entries, how, and
    the highest weight of its entries (which of two equally long hits is resolved first)."""

    field: str
    first: int
    last: int  # exclusive
    length: float
    start: int
    end: int
    entries: tuple[Entry, ...]
    how: str
    top: float


# Units and hits are made by the thousand per document: named tuples are built several times
# faster than frozen dataclasses and are just as immutable.

# A token's units relative to its start: (lemmas, start offset, end offset, compound parts).
_UnitShape = tuple[tuple[str, ...], int, int, tuple[str, ...]]
# Output entries of a key and their highest weight.
_Found = tuple[tuple[Entry, ...], float]
# One lemma as the first unit of an n-gram: (key, output entries of the key, key continues).
_FirstStep = tuple[Key, _Found, bool]
# A compound part's hit: (weighted output entries, highest weight, how).
_PartHit = tuple[tuple[Entry, ...], float, str]
_K = TypeVar("_K")
_V = TypeVar("_V")
# Bound of every memo below (a memo is cleared when it reaches it): 215 dev ads, needs and
# offerings fill none beyond 6,000, and at ≈ 250 bytes an entry the bound keeps each memo
# under 5 MB however varied the texts.
MEMO_LIMIT = 20_000


class _IndexMemo:
    """What `extract` derives from an index again and again, computed once per key or label.

    Only the index's own content is memoised (and, for compound parts, the analyser's lemmas of
    a part), so results are exactly those of computing afresh.
    """

    def __init__(self, index: LexiconIndex) -> None:
        self.index = weakref.ref(index)
        self.useful = frozenset(
            i
            for i, concept in enumerate(index.concepts)
            if concept.scheme in OUTPUT_SCHEMES or i in index.aligned
        )
        self.found: dict[tuple[Key, str], _Found] = {}
        self.first: dict[tuple[tuple[str, ...], str], tuple[_FirstStep, ...]] = {}
        self.compound: dict[tuple[tuple[str, ...], str, Analyser], tuple[_PartHit, ...]] = {}
        self.matched: dict[int, str] = {}
        self.targets: dict[int, tuple[tuple[int, ...], bool]] = {}
        self.names: dict[tuple[int, str], str] = {}


_MEMO: _IndexMemo | None = None


def _memo(index: LexiconIndex) -> _IndexMemo:
    """The memo of `index` (one index is in use at a time; another one replaces it)."""
    global _MEMO  # noqa: PLW0603 — a cache of derived values, replaced with the index
    memo = _MEMO
    if memo is None or memo.index() is not index:
        memo = _MEMO = _IndexMemo(index)
    return memo


def _remember(cache: dict[_K, _V], key: _K, value: _V) -> _V:
    if len(cache) >= MEMO_LIMIT:
        cache.clear()
    cache[key] = value
    return value


_NOTHING: _Found = ((), 0.0)


def _found(memo: _IndexMemo, index: LexiconIndex, key: Key, language: str) -> _Found:
    """Entries of `key` in `language` whose concept can be reported, and their highest weight
    (memoised)."""
    cached = memo.found.get((key, language))
    if cached is None:
        useful = memo.useful
        kept = tuple(e for e in index.lookup(key, language) if e[0] in useful)
        found = (kept, max(e[2] for e in kept)) if kept else _NOTHING
        cached = _remember(memo.found, (key, language), found)
    return cached


# (surface, norm, length, number, id of the readings) → (the readings, the unit shapes). The
# analyser hands out one readings tuple per word type, so its identity is a cheap key (hashing
# the readings is not); the stored tuple guards against a reused id.
_ShapeKey = tuple[str, str, int, bool, int]
_SHAPES: dict[_ShapeKey, tuple[tuple[Reading, ...], tuple[_UnitShape, ...]]] = {}


def _token_shape(token: Token) -> tuple[_UnitShape, ...]:
    """A token's units relative to its start; the same for every occurrence of a word form."""
    number = TokenFlag.NUMBER in token.flags
    readings = token.readings
    key = (token.surface, token.norm, token.end - token.start, number, id(readings))
    cached = _SHAPES.get(key)
    if cached is not None and cached[0] is readings:
        return cached[1]
    shapes = _shape(token, number)
    _remember(_SHAPES, key, (readings, shapes))
    return shapes


def _shape(token: Token, number: bool) -> tuple[_UnitShape, ...]:
    shapes: list[_UnitShape] = []
    length = token.end - token.start
    if number:
        return (((token.norm,), 0, length, ()),)
    pieces = token_units(token)
    parts = token.parts if len(token.parts) > 1 and len(pieces) == 1 else ()
    surface_pieces = token.surface.split("-")
    if len(pieces) > 1 and len(surface_pieces) == len(pieces):
        offset = 0
        for piece, surface in zip(pieces, surface_pieces, strict=True):
            shapes.append((piece[:MAX_ALTERNATIVES], offset, offset + len(surface), ()))
            offset += len(surface) + 1
    else:
        for piece in pieces:
            shapes.append((piece[:MAX_ALTERNATIVES], 0, length, parts))
    return tuple(shapes)


def text_units(analysed: AnalysedText) -> list[Unit]:
    """Tokens → units; a hyphenated token's pieces get their own spans where the surface allows."""
    units: list[Unit] = []
    for token in analysed.tokens:
        start = token.start
        for lemmas, begin, end, parts in _token_shape(token):
            units.append(Unit(lemmas, start + begin, start + end, parts))
    return units


def _first_steps(
    lemmas: tuple[str, ...], memo: _IndexMemo, index: LexiconIndex, language: str
) -> tuple[_FirstStep, ...]:
    """Each lemma of a unit as a one-word key: its output entries and whether longer keys
    start with it (memoised per lemma tuple: most n-gram walks end here)."""
    cached = memo.first.get((lemmas, language))
    if cached is None:
        steps = []
        for lemma in lemmas:
            key = (lemma,)
            found = _found(memo, index, key, language) if key in index.entries else _NOTHING
            steps.append((key, found, key in index.prefixes))
        cached = _remember(memo.first, (lemmas, language), tuple(steps))
    return cached


def _ngram_hits(units: Sequence[Unit], index: LexiconIndex, language: str, field: str) -> list[Hit]:
    memo = _memo(index)
    hits: list[Hit] = []
    entries, prefixes = index.entries, index.prefixes
    count = len(units)
    for first in range(count):
        unit = units[first]
        partial: list[Key] = []
        for key, (found, top), continues in _first_steps(unit.lemmas, memo, index, language):
            if found:
                hit = Hit(field, first, first + 1, 1.0, unit.start, unit.end, found, "label", top)
                hits.append(hit)
            if continues:
                partial.append(key)
        last = first + 1
        while partial and last < count:
            extended: list[Key] = []
            lemmas = units[last].lemmas
            for key in partial:
                for lemma in lemmas:
                    candidate = (*key, lemma)
                    if candidate in entries:
                        found, top = _found(memo, index, candidate, language)
                        if found:
                            hits.append(
                                Hit(
                                    field,
                                    first,
                                    last + 1,
                                    float(last + 1 - first),
                                    unit.start,
                                    units[last].end,
                                    found,
                                    "label",
                                    top,
                                )
                            )
                    if candidate in prefixes:
                        extended.append(candidate)
            partial = extended
            last += 1
    return hits


def _part_hits(
    parts: tuple[str, ...], index: LexiconIndex, language: str, analyser: Analyser
) -> tuple[_PartHit, ...]:
    """The entries and `how` of each compound hit of a word with these parts (memoised)."""
    memo = _memo(index)
    cached = memo.compound.get((parts, language, analyser))
    if cached is not None:
        return cached
    hits: list[_PartHit] = []
    for number, part in enumerate(parts):
        head = number == len(parts) - 1
        candidates = {part}
        if not head and language == "fi" and len(part) > 3:
            candidates |= {r.lemma for r in analyser.analyse_word(part, "fi")[:2]}
        factor = HEAD_FACTOR if head else PART_FACTOR
        for candidate in candidates:
            if len(candidate) < 3:
                continue
            found, _top = _found(memo, index, (candidate,), language)
            if found:
                weighted = tuple((c, lab, w * factor, h) for c, lab, w, h in found)
                how = "compound_head" if head else "compound_part"
                hits.append((weighted, max(e[2] for e in weighted), how))
    return _remember(memo.compound, (parts, language, analyser), tuple(hits))


def _compound_hits(
    units: Sequence[Unit], index: LexiconIndex, language: str, field: str, analyser: Analyser
) -> list[Hit]:
    hits: list[Hit] = []
    for position, unit in enumerate(units):
        if not unit.parts:
            continue
        for entries, top, how in _part_hits(unit.parts, index, language, analyser):
            hit = Hit(field, position, position + 1, 0.5, unit.start, unit.end, entries, how, top)
            hits.append(hit)
    return hits


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Drop every hit that overlaps a strictly longer kept hit in the same field.

    Hits are taken longest first, so the kept hits longer than the current one are those of
    the lengths already done; the units they cover are collected in `covered`.
    """
    kept: list[Hit] = []
    covered: set[tuple[str, int]] = set()  # (field, unit) under a kept, strictly longer hit
    current: list[Hit] = []  # kept hits of the length being done
    length = -1.0
    for hit in sorted(hits, key=lambda h: (-h.length, -h.top)):
        if hit.length != length:
            for done in current:
                covered.update((done.field, unit) for unit in range(done.first, done.last))
            current, length = [], hit.length
        if any((hit.field, unit) in covered for unit in range(hit.first, hit.last)):
            continue
        kept.append(hit)
        current.append(hit)
    return kept


def find_hits(
    fields: Sequence[tuple[str, AnalysedText]],
    index: LexiconIndex,
    *,
    analyser: Analyser | None = None,
) -> list[Hit]:
    """Every field → label and compound hits of output concepts, overlaps resolved.

    Hits carry only the entries of concepts that can be reported (ESCO, ISCO, aligned YSO);
    a key with none gives no hit.
    """
    analyser = analyser or default_analyser()
    result: list[Hit] = []
    for field_name, analysed in fields:
        units = text_units(analysed)
        hits = _ngram_hits(units, index, analysed.language, field_name)
        hits += _compound_hits(units, index, analysed.language, field_name, analyser)
        result += _resolve_overlaps(hits)
    return result


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


# All start cues in one pattern, one named group per kind in the order above: at the start of
# a sentence the first alternative that matches wins, as when trying the kinds one by one.
_START = re.compile(
    "|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _START_CUES), re.IGNORECASE
)


def _start_kind(sentence: str) -> str | None:
    found = _START.match(sentence.lstrip(" \t-•*–·").lower())
    return found.lastgroup if found else None


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
    return _section_at(found, [s.start for s in found], offset)


def _section_at(found: Sequence[Section], starts: list[int], offset: int) -> tuple[float, str]:
    at = bisect.bisect_right(starts, offset) - 1
    if at >= 0 and offset < found[at].end:
        return found[at].factor, found[at].kind
    return SECTION_FACTOR["body"], "body"


def _targets(memo: _IndexMemo, index: LexiconIndex, concept: int) -> tuple[tuple[int, ...], bool]:
    """The output concepts a matched concept stands for, and whether it is an aligned YSO one."""
    cached = memo.targets.get(concept)
    if cached is None:
        aligned = concept in index.aligned
        targets = tuple(
            target
            for target in index.aligned.get(concept, (concept,))
            if index.concepts[target].scheme in OUTPUT_SCHEMES
        )
        cached = _remember(memo.targets, concept, (targets, aligned))
    return cached


def _matched(memo: _IndexMemo, index: LexiconIndex, label: int) -> str:
    """`text (language)` of a label: what evidence says matched."""
    cached = memo.matched.get(label)
    if cached is None:
        text, language, _kind = index.labels[label]
        cached = _remember(memo.matched, label, f"{text} ({language})")
    return cached


def _name(memo: _IndexMemo, index: LexiconIndex, concept: int, language: str) -> str:
    cached = memo.names.get((concept, language))
    if cached is None:
        cached = _remember(memo.names, (concept, language), index.concepts[concept].name(language))
    return cached


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
    memo = _memo(index)
    texts = dict(fields)
    language = fields[-1][1].language if fields else "fi"
    parts_of = {
        name: sections(analysed.text) if use_sections and name != "title" else []
        for name, analysed in fields
    }
    starts_of = {name: [s.start for s in found] for name, found in parts_of.items()}
    evidence: dict[int, list[Evidence]] = {}
    seen: set[tuple[int, int, int, str, str, str]] = set()
    best: dict[int, float] = {}
    best_parts: dict[int, tuple[float, float]] = {}
    first_position: dict[int, float] = {}
    for hit in find_hits(fields, index, analyser=analyser):
        field, start, end = hit.field, hit.start, hit.end
        factor, _kind = _section_at(parts_of[field], starts_of[field], start)
        if factor <= 0.0:
            continue
        source = texts[field].text
        surface = source[start:end]
        position = start / max(1, len(source)) if field != "title" else None
        for concept, label, weight, how in hit.entries:
            targets, aligned = _targets(memo, index, concept)
            if not targets:
                continue
            matched = _matched(memo, index, label)
            via = "via_yso" if aligned else (hit.how if how == "label" else how)
            span = Evidence(start, end, surface, field, matched, via)
            value = weight * factor
            for target in targets:
                # Evidence is equal when these are (its text is the same slice of the field).
                place = (target, start, end, field, matched, via)
                if place not in seen:
                    seen.add(place)
                    evidence.setdefault(target, []).append(span)
                if value > best.get(target, 0.0):
                    best[target] = value
                    best_parts[target] = (weight, factor)
                if position is not None:
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
                _name(memo, index, target, language),
                round(score, 4),
                tuple(sorted(spans, key=lambda s: (s.field != "title", s.start))),
                parts,
            )
        )
    mentions.sort(key=lambda m: (-m.score, m.uri))
    return mentions
