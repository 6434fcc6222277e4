"""Stage `search`: documents and a typed query → analysed terms → BM25 ranking with reasons.

Input: documents as weighted text fields (title, description, keywords, ...) in Finnish, Swedish
or English, the concepts each document is tagged with, and the labels of those concepts (every
kind, company language included). Output: for a query, the documents that match every content
word (or, failing that, any of them), BM25 scores with a boost for concept matches, and the
reasons a document matched.

Words meet on lemmas and compound parts from `intel.language`, so `trukkikorttia` finds
`trukkikortti`, `hitsauskoulutus` finds `hitsaus` (its non-generic parts) and a company-language
label (`koodari`) finds documents tagged with its concept. A query is analysed as Finnish,
Swedish and English at once; a word is a union of its readings in the three languages.

Masks of matching documents are Python integers (`intel.bitset`), so a caller can AND them
with its filters and count facets cheaply. Pure Python, no Django.
"""

from __future__ import annotations

import dataclasses
import math
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jatkumo.intel.bitset import Membership, mask_of
from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.language.finnish import suffix_guess
from jatkumo.intel.types import LANGUAGES, Language, Reading, Token, TokenFlag

STOPWORDS = frozenset(
    [
        "ja",
        "tai",
        "sekä",
        "eli",
        "on",
        "ovat",
        "ei",
        "se",
        "ne",
        "ja",
        "joka",
        "jotka",
        "kuin",
        "myös",
        "mutta",
        "että",
        "jos",
        "kun",
        "niin",
        "minä",
        "mä",
        "sinä",
        "haluan",
        "haluaisin",
        "tarvitsen",
        "tarvitaan",
        "etsin",
        "olla",
        "voida",
        "saada",
        "och",
        "eller",
        "att",
        "i",
        "på",
        "av",
        "för",
        "med",
        "som",
        "en",
        "ett",
        "är",
        "till",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "in",
        "on",
        "to",
        "with",
        "at",
        "by",
        "is",
        "are",
        "i",
        "want",
        "need",
        "my",
    ]
)
"""Words that carry no topic; dropped from documents and queries."""

GENERIC = frozenset(
    [
        "koulutus",
        "kurssi",
        "opinto",
        "opinnot",
        "opiskelu",
        "opetus",
        "valmennus",
        "täydennyskoulutus",
        "lisäkoulutus",
        "utbildning",
        "kurs",
        "training",
        "course",
        "courses",
        "education",
        "learning",
    ]
)
"""Words that name learning itself: they rank but never restrict (`hitsauskoulutus` → hitsaus)."""

FUNCTION_CLASSES = frozenset(
    {
        "asemosana",  # pronoun: mitä, missä, meillä
        "seikkasana",  # adverb: edelleen, nopeasti, itse
        "sidesana",  # conjunction
        "suhdesana",  # adposition: kautta, pitkin
        "huudahdussana",  # interjection
        "kieltosana",  # negation verb
        "lukusana",  # numeral: kaks, kolme
        "numeral",  # digits
        "paikannimi",  # place name: the need's place is a preference, not its topic
    }
)
"""Finnish word classes (Voikko) that carry no topic of a need: a word whose best Finnish
reading has one of them is `QueryWord.function` (matching leaves it out)."""

NOUN_CLASSES = frozenset({"nimisana", "nimisana_laatusana"})
MODIFIER_CLASSES = frozenset({"teonsana", "laatusana"})  # verbs and adjectives
COLLOQUIAL = frozenset(
    [
        "ens",
        "mut",
        "oo",
        "ois",
        "olis",
        "vois",
        "tarvis",
        "tarttis",
        "pitäis",
        "pitäs",
        "pitäisi",
        "tarvittais",
        "haluttais",
        "kaks",
        "yks",
        "niinku",
        "jne",
        "esim",
        "yms",
        "ym",
        "vaan",
        "vähän",
        "tosi",
        "kans",
        "tää",
        "toi",
        "sit",
        "nii",
        "ku",
        "jotain",
        "jossain",
        "mitään",
    ]
)
"""Spoken-Finnish need words that carry no topic (`ens vuonna`, `tarvis`, `kaks`), by form."""

QUANTIFIERS = frozenset(["kaikki", "jokainen", "moni", "muutama", "usea", "paljo", "koko", "lisä"])
"""Finnish quantifier lemmas that Voikko reads as nouns or adjectives (`kaikille`, `monelta`,
`koko porukka`, `kaks hitsaajaa lisää`): they say how many, not what, so matching leaves them
out like function words."""

_FOREIGN_FUNCTION_WORDS = """
    a an the this that these those some any all each every both few many more most much other
    another such no not only own same so than too very just also again still already even ever
    i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs who whom whose which what where when why how there here
    am is are was were be been being have has had having do does did doing will would shall
    should can could may might must need needed want wanted would looking
    get got please thanks hi hello dear
    of in on at by for from to into onto with without within about above below over under
    between through during before after since until upon around via per as if or and but nor
    because while though although whether then once
    one two three four five six seven eight nine ten dozen half several new
    och eller men att som om när där här hur vad vem vilka vilken vilket
    jag mig min mitt mina vi oss vår vårt våra du dig din ditt dina han honom hans hon henne
    hennes den det de dem deras denna detta dessa
    är var vara varit blir bli blev har hade ha kan kunde ska skulle vill ville måste behöver
    behövs får fick gärna också redan bara även mycket många mer mest några någon något inga
    ingen inget alla varje
    i på av för med till från om under över efter före utan mellan genom hos vid
    en ett två tre fyra fem sju åtta nio tio ny nya nytt
"""
FOREIGN_FUNCTION = frozenset(_FOREIGN_FUNCTION_WORDS.split())
"""English and Swedish function words (pronouns, determiners, auxiliaries, prepositions,
conjunctions, numbers, request verbs): Voikko gives them no Finnish word class, so they are
marked by form. Only matching uses `QueryWord.function`; documents keep every word."""

DOC_PART_WEIGHT = 0.5  # a compound part counts half an occurrence in a document
QUERY_PART_WEIGHT = 0.6  # matching a query word only by its parts scores less than the whole
GENERIC_WEIGHT = 0.3
CONCEPT_BOOST = 3.0
GENERIC_SHARE = 0.5  # a word in more than half of the documents is generic too
_MASK_CACHE = 4096


@dataclass(frozen=True, slots=True)
class Field:
    """One text of a document: its language (None: detect) and its weight (title 2, text 1)."""

    text: str
    language: Language | None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class QueryWord:
    """One content word of a query: what was typed, its lemmas in any language, its parts."""

    surface: str
    lemmas: frozenset[str]
    parts: tuple[str, ...]
    start: int = dataclasses.field(default=0, compare=False)  # character offset in the query text
    function: bool = dataclasses.field(default=False, compare=False)  # see FUNCTION_CLASSES
    noun: bool = dataclasses.field(default=False, compare=False)  # a Finnish common noun
    modifier: bool = dataclasses.field(default=False, compare=False)  # a verb or adjective


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a document matched one query word: `text`, `part` (compound part) or `concept`."""

    word: str
    how: str
    concept: int | None = None


@dataclass(frozen=True, slots=True)
class WordMatch:
    word: QueryWord
    mask: int
    lemma_mask: int
    concepts: tuple[int, ...]
    generic: bool


@dataclass(frozen=True, slots=True)
class QueryMatch:
    """A query against an index: its words, the matching documents, what was left out.

    `relaxed` is true when no document has every content word, so documents with any are
    listed; `ignored` are the words that no document contains.
    """

    words: tuple[WordMatch, ...]
    mask: int
    relaxed: bool
    ignored: tuple[str, ...]

    @property
    def terms(self) -> frozenset[str]:
        """Every lemma and part the matched words stand for (for highlighting)."""
        found: set[str] = set()
        for match in self.words:
            found |= match.word.lemmas
            found.update(part for part in match.word.parts if part not in GENERIC)
        return frozenset(found)


# --- analysis ----------------------------------------------------------------------------------


def _part_base(part: str, language: Language, analyser: Analyser) -> str:
    """`trukin` (a genitive first part) → `trukki`; parts that are base forms stay."""
    if language != "fi" or len(part) < 3:
        return part
    readings = analyser.analyse_word(part, "fi")
    confirmed = [r.lemma for r in readings if not r.guess]
    return part if not confirmed or part in confirmed else confirmed[0]


def token_terms(
    token: Token, language: Language, analyser: Analyser
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A token → (its candidate lemmas, its compound parts in base form), stopwords dropped."""
    lemmas = tuple(lemma for lemma in token.lemmas if lemma not in STOPWORDS)
    if not lemmas or token.norm in STOPWORDS:
        return (), ()
    parts: dict[str, None] = {}
    for reading in token.readings:
        if len(reading.parts) > 1:
            for part in reading.parts:
                parts[_part_base(part, language, analyser)] = None
    return lemmas, tuple(part for part in parts if part not in lemmas and part not in STOPWORDS)


def document_terms(
    fields: Sequence[Field], analyser: Analyser | None = None
) -> tuple[dict[str, float], float]:
    """Weighted term frequencies of a document and its weighted length (in tokens)."""
    analyser = analyser or default_analyser()
    counts: dict[str, float] = defaultdict(float)
    length = 0.0
    for field in fields:
        if not field.text.strip():
            continue
        analysed = analyser.analyse(field.text, field.language)
        for token in analysed.tokens:
            lemmas, parts = token_terms(token, analysed.language, analyser)
            if not lemmas:
                continue
            length += field.weight
            counts[lemmas[0]] += field.weight
            for lemma in lemmas[1:]:
                counts[lemma] += field.weight * DOC_PART_WEIGHT
            for part in parts:
                counts[part] += field.weight * DOC_PART_WEIGHT
    return dict(counts), length


def query_words(text: str, analyser: Analyser | None = None) -> tuple[QueryWord, ...]:
    """A query → its content words, each read as Finnish, Swedish and English at once."""
    analyser = analyser or default_analyser()
    per_language = [(lang, analyser.analyse(text, lang).tokens) for lang in LANGUAGES]
    words = []
    for index, token in enumerate(per_language[0][1]):
        lemmas: dict[str, None] = {}
        parts: dict[str, None] = {}
        for lang, tokens in per_language:
            found, split = token_terms(tokens[index], lang, analyser)
            lemmas.update(dict.fromkeys(found))
            if lang == "fi":
                parts.update(dict.fromkeys(split))
                if TokenFlag.UNKNOWN in tokens[index].flags:
                    lemmas.update(dict.fromkeys(_colloquial_stems(token.norm)))
        if lemmas:
            readings = per_language[0][1][index].readings
            function = (
                readings[0].word_class in FUNCTION_CLASSES
                or token.norm in COLLOQUIAL
                or readings[0].lemma in QUANTIFIERS
                or (
                    token.norm in FOREIGN_FUNCTION
                    and not token.surface.isupper()  # IT, MIG, AM, DIN: acronyms are topics
                    and not _finnish_word(token, readings)
                )
            )
            noun = readings[0].word_class in NOUN_CLASSES and not readings[0].proper
            modifier = readings[0].word_class in MODIFIER_CLASSES
            words.append(
                QueryWord(
                    token.surface,
                    frozenset(lemmas),
                    tuple(parts),
                    token.start,
                    function,
                    noun,
                    modifier,
                )
            )
    return tuple(words)


def _finnish_word(token: Token, readings: Sequence[Reading]) -> bool:
    """Whether Voikko reads the token as a Finnish word (not unknown, not a lone abbreviation
    such as `who` → WHO): then its Finnish word class decides, not the foreign list."""
    return TokenFlag.UNKNOWN not in token.flags and readings[0].word_class != "lyhenne"


def _colloquial_stems(word: str) -> list[str]:
    """Stems of an unknown Finnish word: `lähärit` → `lähäri` (plural), `excelillä` → `excel`."""
    stems = [word[:-1]] if word.endswith("t") and len(word) > 4 else []
    guess = suffix_guess(word)
    return [*stems, guess] if guess else stems


# --- phrases: concept labels in a query ----------------------------------------------------------


class PhraseIndex:
    """Concept labels as lemma sequences; finds the labels a query contains, word by word."""

    def __init__(self, analyser: Analyser | None = None) -> None:
        self._analyser = analyser or default_analyser()
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)

    def add(self, key: int, text: str, language: Language) -> None:
        """Index one label of concept `key`."""
        analysed = self._analyser.analyse(text, language)
        lemmas = [token_terms(t, language, self._analyser)[0] for t in analysed.tokens]
        sequence = tuple(found[0] for found in lemmas if found)
        if sequence and (sequence, key) not in self._by_first[sequence[0]]:
            self._by_first[sequence[0]].append((sequence, key))

    def find(self, words: Sequence[QueryWord]) -> dict[int, set[int]]:
        """Query word position → the concepts whose label covers that position."""
        found: dict[int, set[int]] = defaultdict(set)
        for start, word in enumerate(words):
            for lemma in word.lemmas:
                for sequence, key in self._by_first.get(lemma, ()):
                    end = start + len(sequence)
                    if end <= len(words) and all(
                        sequence[i] in words[start + i].lemmas for i in range(1, len(sequence))
                    ):
                        for position in range(start, end):
                            found[position].add(key)
        return found


# --- the index -----------------------------------------------------------------------------------


class SearchIndex:
    """BM25 (k1, b) postings with precomputed per-posting scores, and concept → documents."""

    def __init__(
        self,
        postings: dict[str, tuple[array[int], array[float]]],
        concept_docs: dict[int, tuple[array[int], array[float]]],
        phrases: PhraseIndex,
        size: int,
        analyser: Analyser,
    ) -> None:
        self.postings = postings
        self.concept_docs = concept_docs
        self.phrases = phrases
        self.size = size
        self._analyser = analyser
        self._masks: dict[tuple[str, object], int] = {}

    def _cached_mask(self, key: tuple[str, object], docs: array[int]) -> int:
        mask = self._masks.get(key)
        if mask is None:
            if len(self._masks) >= _MASK_CACHE:
                self._masks.clear()
            mask = self._masks[key] = mask_of(docs, self.size)
        return mask

    def term_mask(self, term: str) -> int:
        """Documents that contain `term` (as a lemma or a compound part)."""
        found = self.postings.get(term)
        return self._cached_mask(("t", term), found[0]) if found else 0

    def concept_mask(self, concept: int) -> int:
        """Documents tagged with `concept`."""
        found = self.concept_docs.get(concept)
        return self._cached_mask(("c", concept), found[0]) if found else 0

    def _generic(self, word: QueryWord) -> bool:
        if word.lemmas & GENERIC:
            return True
        common = self.size >= 20 and all(
            len(self.postings.get(lemma, ((),))[0]) > GENERIC_SHARE * self.size
            for lemma in word.lemmas
        )
        return common

    def _word_match(self, word: QueryWord, concepts: set[int]) -> WordMatch:
        lemma_mask = 0
        for lemma in word.lemmas:
            lemma_mask |= self.term_mask(lemma)
        mask = lemma_mask
        parts = [part for part in word.parts if part not in GENERIC]
        if parts:
            both = -1
            for part in parts:
                both &= self.term_mask(part)
            mask |= both
        for concept in concepts:
            mask |= self.concept_mask(concept)
        return WordMatch(word, mask, lemma_mask, tuple(sorted(concepts)), self._generic(word))

    def match(self, text: str) -> QueryMatch:
        """The documents a query matches: every content word if possible, else any of them."""
        words = query_words(text, self._analyser)
        concepts = self.phrases.find(words)
        matches = [self._word_match(w, concepts.get(i, set())) for i, w in enumerate(words)]
        ignored = tuple(m.word.surface for m in matches if not m.mask)
        found = tuple(m for m in matches if m.mask)
        required = [m for m in found if not m.generic] or list(found)
        every = -1 if required else 0
        for m in required:
            every &= m.mask
        if every or not required:
            return QueryMatch(found, max(every, 0), relaxed=False, ignored=ignored)
        anything = 0
        for m in found:
            anything |= m.mask
        return QueryMatch(found, anything, relaxed=True, ignored=ignored)

    def scores(self, match: QueryMatch, allowed: int) -> dict[int, float]:
        """BM25 + concept boosts of the matching documents within `allowed`."""
        inside = Membership(allowed & match.mask)
        total: dict[int, float] = defaultdict(float)
        hits: dict[int, int] = defaultdict(int)
        for word in match.words:
            best = self._word_scores(word, inside)
            weight = GENERIC_WEIGHT if word.generic else 1.0
            for doc, score in best.items():
                total[doc] += score * weight
                hits[doc] += 1
        if match.relaxed:  # more of the words first
            n = len(match.words)
            return {doc: score * (1 + hits[doc]) / (1 + n) for doc, score in total.items()}
        return total

    def _word_scores(self, word: WordMatch, inside: Membership) -> dict[int, float]:
        best: dict[int, float] = {}
        for lemma in word.word.lemmas:
            docs, scores = self.postings.get(lemma, (array("I"), array("f")))
            for doc, score in zip(docs, scores, strict=True):
                if doc in inside and score > best.get(doc, 0.0):
                    best[doc] = score
        parts = [part for part in word.word.parts if part not in GENERIC]
        summed: dict[int, float] = defaultdict(float)
        for part in parts:
            docs, scores = self.postings.get(part, (array("I"), array("f")))
            for doc, score in zip(docs, scores, strict=True):
                if doc in inside:
                    summed[doc] += score * QUERY_PART_WEIGHT / len(parts)
        for doc, score in summed.items():
            if score > best.get(doc, 0.0):
                best[doc] = score
        for concept in word.concepts:
            docs, weights = self.concept_docs[concept]
            for doc, weight in zip(docs, weights, strict=True):
                if doc in inside:
                    best[doc] = best.get(doc, 0.0) + CONCEPT_BOOST * weight
        return best

    def explain(self, match: QueryMatch, doc: int) -> tuple[Reason, ...]:
        """Why `doc` matched: one reason per matched query word (concepts named by key)."""
        reasons = []
        for word in match.words:
            if not word.mask >> doc & 1:
                continue
            concept = next((c for c in word.concepts if self.concept_mask(c) >> doc & 1), None)
            how = "text" if word.lemma_mask >> doc & 1 else "part" if concept is None else "concept"
            reasons.append(Reason(word.word.surface, how, concept))
        return tuple(reasons)


class SearchIndexBuilder:
    """Collects documents one at a time (no per-document dicts are kept), then builds the index."""

    def __init__(self, analyser: Analyser | None = None, k1: float = 1.2, b: float = 0.75) -> None:
        self._analyser = analyser or default_analyser()
        self._k1, self._b = k1, b
        self._postings: dict[str, tuple[array[int], array[float]]] = {}
        self._concepts: dict[int, tuple[array[int], array[float]]] = {}
        self._lengths = array("f")
        self.phrases = PhraseIndex(self._analyser)

    def add(self, fields: Sequence[Field], concepts: Mapping[int, float]) -> int:
        """Add a document; returns its number (0, 1, 2, ...)."""
        doc = len(self._lengths)
        counts, length = document_terms(fields, self._analyser)
        self._lengths.append(length)
        for term, count in counts.items():
            docs, tfs = self._postings.setdefault(term, (array("I"), array("f")))
            docs.append(doc)
            tfs.append(count)
        for concept, weight in concepts.items():
            docs, weights = self._concepts.setdefault(concept, (array("I"), array("f")))
            docs.append(doc)
            weights.append(weight)
        return doc

    def build(self) -> SearchIndex:
        """Turn term frequencies into BM25 scores (idf × saturated, length-normalised tf)."""
        size = len(self._lengths)
        average = (sum(self._lengths) / size) if size else 1.0
        k1, b = self._k1, self._b
        norms = [k1 * (1 - b + b * length / (average or 1.0)) for length in self._lengths]
        for docs, tfs in self._postings.values():
            idf = math.log(1 + (size - len(docs) + 0.5) / (len(docs) + 0.5))
            for i, doc in enumerate(docs):
                tf = tfs[i]
                tfs[i] = idf * tf * (k1 + 1) / (tf + norms[doc])
        return SearchIndex(self._postings, self._concepts, self.phrases, size, self._analyser)
