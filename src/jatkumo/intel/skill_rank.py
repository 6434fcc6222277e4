"""Soft skill ranking: candidate ESCO skills scored by how much of a label the ad's words cover.

Input: the analysed fields of a document (title, text), the lexical skill ranking of
`annotate` (named skills, profile relatives, occupation-profile skills, uncut), the ranked
occupations' skill profiles, and a `SkillVocabulary` built once per index. Output: at most
`limit` skills, best first, each with evidence spans and a reason.

Why: an ad rarely writes an ESCO skill's label; it paraphrases it ("kykyä lukea
konepiirustuksia" for *read engineering drawings*, whose Finnish label is "konepiirustusten
lukeminen"). Exact lemma keys miss that, and the occupation profile alone proposes hundreds of
skills. So every candidate (a named skill, an ESCO neighbour of one, or any skill of the top
occupation groups' ESCO profiles) is scored by *soft lexical evidence*:

1. Terms: every word of a label and of the text is reduced to light stems (`stem`: inflection
   and the common derivational endings cut, so lukea / lukeminen, hitsata / hitsaus / hitsaaja
   meet), a compound also gives the stems of its parts (kassatyö → kassa, työ). A term weighs
   its IDF over the skill labels of its language (the taxonomy is the reference corpus).
2. Coverage of a label in one sentence (or the title) = IDF weight of the label's terms the
   sentence holds / IDF weight of all its terms; × the sentence's section factor
   (`extract.sections`: requirements and tasks count more, offers less, job terms not at all).
   A concept's soft evidence is its best label in its best sentence; only labels in the text's
   language count (plus language-neutral ones such as SQL).
3. Score = soft evidence^2 × prior, prior = 1 + profile weight when a top occupation profile
   holds the skill, OUTSIDE_PROFILE (a skill outside every profile counts half) otherwise.
   Skills with coverage below MIN_COVERAGE are not returned — in particular a profile skill
   the text does not speak of is suppressed, however central to the occupation.
4. One set of words evidences one concept: candidates are taken best first, and a candidate
   whose matched words (in its best sentence) are all already used by a better one is dropped
   (near-duplicate ESCO concepts such as "technical drawings" / "read engineering drawings").
5. Output: score ≥ THRESHOLD, at most `limit`: an ad with weak evidence returns fewer skills.

Every returned skill keeps evidence: the matched words of its best sentence (`how =
"soft_label"`, `matched` = the label and how much of it the sentence covers), or, when it was
named exactly, its lexical evidence first. `score_parts` = `coverage`, `section`,
`occupation_profile`, `lexical`.

Pure Python, no Django. The per-concept label terms are computed once per vocabulary (lazily,
memoised), so the per-document cost is tokens × stems plus candidates × labels.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from jatkumo.intel.extract import Section, sections
from jatkumo.intel.language import Analyser
from jatkumo.intel.lexicon import LexiconIndex
from jatkumo.intel.types import AnalysedText, Evidence, Mention, TokenFlag

MIN_COVERAGE = 0.5
OUTSIDE_PROFILE = 0.5
SPECIFIC_LABELS = 3  # a match must weigh as much as a word found in 3 labels
SOFT_WEIGHT = 0.5
THRESHOLD = 0.6
SOFT_HOW = "soft_label"
PROFILE_HOW = "occupation_profile"
TITLE_FACTOR = 1.0
LIMIT = 10
SKILL_SCHEME = "esco_skill"

# Endings cut from a lemma, longest first (after the cut, trailing vowels go too, keeping ≥ 3
# letters, and the stem is at most STEM_LENGTH letters): Finnish action nouns (-minen), agent
# nouns (-ja), deverbal nouns (-us, -nti, -nta), infinitives (-da, -ta, -a); English and
# Swedish inflection and derivation.
_ENDINGS: dict[str, tuple[str, ...]] = {
    "fi": ("minen", "misen", "nti", "nta", "ntä", "us", "ys", "ja", "jä", "da", "dä", "ta", "tä"),
    "en": (
        "ation",
        "ition",
        "ing",
        "ion",
        "ment",
        "ness",
        "ity",
        "ers",
        "er",
        "or",
        "ed",
        "es",
        "s",
        "al",
        "ic",
        "y",
    ),
    "sv": ("ningar", "ning", "are", "ande", "het", "er", "ar", "or", "a", "e"),
}
_VOWELS = "aeiouyäöå"
STEM_LENGTH = 6
_WORD = re.compile(r"\w", re.UNICODE)


def stem(word: str, language: str) -> str:
    """A lemma → a light stem: `lukea`, `lukeminen` → `luk`; `hitsata`, `hitsaus` → `hits`."""
    word = word.lower()
    if len(word) <= 3 or not word.isalpha():
        return word
    for ending in _ENDINGS.get(language, ()):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    while len(word) > 3 and word[-1] in _VOWELS:
        word = word[:-1]
    return word[:STEM_LENGTH]


@dataclass(frozen=True, slots=True)
class LabelTerms:
    """One label of a concept as weighted terms: label position, language, (stem, idf)s, total."""

    label: int
    language: str
    terms: tuple[tuple[str, float], ...]
    total: float


class SkillVocabulary:
    """Per ESCO skill: its labels (own and of aligned YSO concepts) as weighted stems, and an
    inverted index from a stem to the labels that cannot reach MIN_COVERAGE without it.

    Built once per index (on first use, ≈ 1–2 s for the full taxonomy) and shared by every call.
    """

    def __init__(self, index: LexiconIndex, analyser: Analyser) -> None:
        self.index = index
        self.analyser = analyser
        self._terms: dict[int, tuple[LabelTerms, ...]] | None = None
        self._postings: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.specific: dict[str, float] = {}  # language → IDF of a word in SPECIFIC_LABELS labels
        self._word_stems: dict[tuple[str, str], tuple[str, ...]] = {}

    def word_stems(self, word: str, language: str) -> tuple[str, ...]:
        """A lemma → its stem and (Finnish compounds) the stems of its parts, memoised."""
        cached = self._word_stems.get((word, language))
        if cached is None:
            stems = [stem(word, language)]
            if language == "fi" and len(word) > 6 and word.isalpha():
                parts = self.analyser.analyse_word(word, "fi")[0].parts
                if len(parts) > 1:
                    stems += [stem(part, language) for part in parts if len(part) > 2]
            cached = tuple(dict.fromkeys(stems))
            self._word_stems[(word, language)] = cached
        return cached

    def terms(self, concept: int) -> tuple[LabelTerms, ...]:
        """A concept's labels as weighted stems (empty for a concept that is not a skill)."""
        return self._built().get(concept, ())

    def postings(self, language: str, term: str) -> list[tuple[int, int]]:
        """(language or "*" for neutral labels, stem) → (concept, label number in
        `terms(concept)`) of the labels that cannot reach MIN_COVERAGE without the stem."""
        self._built()
        return self._postings.get((language, term), [])

    def _built(self) -> dict[int, tuple[LabelTerms, ...]]:
        if self._terms is None:
            self._terms = self._build()
        return self._terms

    def _language(self, label: int) -> str:
        _text, language, kind = self.index.labels[label]
        return "*" if kind == "neutral" else language

    def _key_stems(self, key: tuple[str, ...], language: str) -> list[str]:
        lang = "fi" if language == "*" else language
        stems = [s for word in key if _WORD.search(word) for s in self.word_stems(word, lang)]
        return list(dict.fromkeys(stems))

    def _targets(self) -> dict[int, tuple[int, ...]]:
        """Index position → the ESCO skills its labels name (itself, or an aligned YSO's)."""
        index = self.index
        targets: dict[int, tuple[int, ...]] = {
            position: (position,)
            for position, concept in enumerate(index.concepts)
            if concept.scheme == SKILL_SCHEME
        }
        for yso, aligned in index.aligned.items():
            skills = tuple(t for t in aligned if index.concepts[t].scheme == SKILL_SCHEME)
            if skills:
                targets[yso] = skills
        return targets

    def _build(self) -> dict[int, tuple[LabelTerms, ...]]:
        targets = self._targets()
        labels: dict[int, list[tuple[int, str, list[str]]]] = defaultdict(list)
        seen: set[tuple[int, int]] = set()
        frequency: dict[str, Counter[str]] = defaultdict(Counter)
        documents: Counter[str] = Counter()
        for key, entries in self.index.entries.items():
            for concept, label, _weight, how in entries:
                if how != "label" or concept not in targets:
                    continue
                language = self._language(label)
                stems = self._key_stems(key, language)
                for target in targets[concept] if stems else ():
                    if (target, label) not in seen:
                        seen.add((target, label))
                        labels[target].append((label, language, stems))
                        frequency[language].update(stems)
                        documents[language] += 1
        idf = {
            language: {t: math.log(1.0 + documents[language] / n) for t, n in counts.items()}
            for language, counts in frequency.items()
        }
        self.specific = {
            language: math.log(1.0 + count / SPECIFIC_LABELS)
            for language, count in documents.items()
        }
        result: dict[int, tuple[LabelTerms, ...]] = {}
        postings: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for concept, found in labels.items():
            terms_of: list[LabelTerms] = []
            for label, language, stems in found:
                terms = tuple((s, idf[language][s]) for s in stems)
                total = sum(w for _s, w in terms)
                number = len(terms_of)
                terms_of.append(LabelTerms(label, language, terms, total))
                # A label reaches MIN_COVERAGE only with at least one of its heaviest terms:
                # those until the rest weigh less than MIN_COVERAGE × total.
                rest = total
                for term, weight in sorted(terms, key=lambda item: -item[1]):
                    if rest < MIN_COVERAGE * total:
                        break
                    postings[(language, term)].append((concept, number))
                    rest -= weight
            result[concept] = tuple(terms_of)
        self._postings = dict(postings)
        return result


@dataclass(frozen=True, slots=True)
class _Sentence:
    field: str
    start: int
    end: int
    factor: float
    # stem → character spans of the tokens that carry it
    stems: dict[str, list[tuple[int, int]]]


def _sentences(
    fields: Sequence[tuple[str, AnalysedText]], vocabulary: SkillVocabulary
) -> list[_Sentence]:
    result: list[_Sentence] = []
    for name, analysed in fields:
        language = analysed.language
        if name == "title":
            found = [Section(0, len(analysed.text), "title")]
            factors = [TITLE_FACTOR]
        else:
            found = sections(analysed.text)
            factors = [s.factor for s in found]
        starts = [s.start for s in found]
        buckets: list[dict[str, list[tuple[int, int]]]] = [defaultdict(list) for _ in found]
        for token in analysed.tokens:
            if TokenFlag.NUMBER in token.flags:
                continue
            at = bisect.bisect_right(starts, token.start) - 1
            if at < 0 or token.start >= found[at].end or factors[at] <= 0:
                continue
            span = (token.start, token.end)
            words: set[str] = set()
            for lemma in token.lemmas[:2]:
                words.update(piece for piece in lemma.split("-") if piece)
            words.update(token.parts)
            bucket = buckets[at]
            for word in words:
                for s in vocabulary.word_stems(word, language):
                    if span not in bucket[s]:
                        bucket[s].append(span)
        for section, factor, bucket in zip(found, factors, buckets, strict=True):
            if bucket:
                result.append(_Sentence(name, section.start, section.end, factor, dict(bucket)))
    return result


@dataclass(frozen=True, slots=True)
class _Soft:
    coverage: float  # share of the label's IDF weight the sentence holds
    matched: float  # IDF weight of the label's terms the sentence holds
    factor: float  # section factor of the sentence
    label: int
    sentence: int
    spans: tuple[tuple[int, int], ...]

    specificity: float  # matched IDF / IDF of a word in SPECIFIC_LABELS labels, at most 1

    @property
    def value(self) -> float:
        """Soft evidence: (coverage × section)² × specificity."""
        return (self.coverage * self.factor) ** 2 * self.specificity


def _soft(
    concept: int,
    numbers: Iterable[int],
    vocabulary: SkillVocabulary,
    sentences: Sequence[_Sentence],
    where: Mapping[str, list[int]],
) -> _Soft | None:
    """A concept's best label (of `numbers`) in its best sentence, by coverage × section."""
    best: _Soft | None = None
    best_value = 0.0
    labels = vocabulary.terms(concept)
    for number in numbers:
        label = labels[number]
        # the whole text must hold enough of the label before sentences are looked at
        if sum(w for t, w in label.terms if t in where) < MIN_COVERAGE * label.total:
            continue
        matched: dict[int, float] = defaultdict(float)
        for term, weight in label.terms:
            for at in where.get(term, ()):
                matched[at] += weight
        for at, weight in matched.items():
            sentence = sentences[at]
            coverage = weight / label.total
            reference = vocabulary.specific.get(label.language, 1.0) or 1.0
            specificity = min(1.0, weight / reference)
            value = (coverage * sentence.factor) ** 2 * specificity
            if value > best_value and coverage >= MIN_COVERAGE:
                spans = sorted(
                    {span for term, _w in label.terms for span in sentence.stems.get(term, ())}
                )
                best_value = value
                best = _Soft(
                    coverage, weight, sentence.factor, label.label, at, tuple(spans), specificity
                )
    return best


def _covered(
    sentences: Sequence[_Sentence],
    where: Mapping[str, list[int]],
    *,
    named: Mapping[str, Mention],
    profile: Callable[[str], float],
    vocabulary: SkillVocabulary,
    language: str,
    candidates: Collection[int] | None,
) -> tuple[dict[str, _Soft], dict[str, float]]:
    """Named or profile skills whose labels the text covers → soft evidence, profile weight."""
    index = vocabulary.index
    # Labels the text can cover: through the stems each label needs (SkillVocabulary).
    reachable: dict[int, set[int]] = defaultdict(set)
    for term in where:
        for concept, number in vocabulary.postings(language, term):
            reachable[concept].add(number)
        for concept, number in vocabulary.postings("*", term):
            reachable[concept].add(number)
    found: dict[str, _Soft] = {}
    weights: dict[str, float] = {}
    for concept, numbers in reachable.items():
        uri = index.concepts[concept].uri
        if candidates is not None and concept not in candidates and uri not in named:
            continue
        weight = profile(uri)
        if weight <= 0 and uri not in named:
            continue
        soft = _soft(concept, numbers, vocabulary, sentences, where)
        if soft is not None:
            found[uri] = soft
            weights[uri] = weight
    return found, weights


def soft_rank(
    fields: Sequence[tuple[str, AnalysedText]],
    lexical: Sequence[Mention],
    profile: Callable[[str], float],
    vocabulary: SkillVocabulary,
    language: str,
    *,
    candidates: Collection[int] | None = None,
    limit: int = LIMIT,
    threshold: float = THRESHOLD,
    soft_weight: float = SOFT_WEIGHT,
) -> list[Mention]:
    """Candidates (the uncut lexical ranking ∪ profile skills) → skills, best first.

    `lexical` is `annotate`'s ranking (named skills, profile relatives, occupation-profile
    skills); `profile` gives a skill URI's profile weight over the top occupation groups (0–1,
    0 when in none); `candidates` (optional) are the index positions of the profile skills, a
    quick filter (a concept outside it and not named is not scored).
    Score = lexical score of a skill the text names (0 for one only lent by the occupation)
    + soft_weight × soft evidence × prior (module docstring).
    """
    index = vocabulary.index
    positions = index.concept_position()
    sentences = _sentences(fields, vocabulary)
    where: dict[str, list[int]] = defaultdict(list)
    for number, sentence in enumerate(sentences):
        for term in sentence.stems:
            where[term].append(number)
    texts = dict(fields)
    ranked = {m.uri: m for m in lexical}
    named = {uri: m for uri, m in ranked.items() if m.evidence and m.evidence[0].how != PROFILE_HOW}
    found, weights = _covered(
        sentences,
        where,
        named=named,
        profile=profile,
        vocabulary=vocabulary,
        language=language,
        candidates=candidates,
    )
    scored: list[tuple[float, str, _Soft | None, float, float]] = []
    for uri in dict.fromkeys([*named, *found]):
        soft = found.get(uri)
        # A skill the text names keeps its lexical score; one only lent by the occupation
        # (occupation_profile) counts only when the text also speaks of it (soft evidence).
        mention = named.get(uri) or (ranked.get(uri) if soft is not None else None)
        weight = weights[uri] if uri in weights else profile(uri)
        prior = 1.0 + weight if weight > 0 else OUTSIDE_PROFILE
        evidence = soft.value * prior if soft else 0.0
        value = (mention.score if mention else 0.0) + soft_weight * evidence
        if value >= threshold:
            scored.append((value, uri, soft, prior, evidence))
    scored.sort(key=lambda item: (-item[0], item[1]))
    result: list[Mention] = []
    for value, uri, soft, prior, evidence in scored[:limit]:
        mention = named.get(uri) or (ranked.get(uri) if soft is not None else None)
        concept = index.concepts[positions[uri]]
        parts: list[tuple[str, float]] = [("lexical", mention.score if mention else 0.0)]
        spans: tuple[Evidence, ...] = ()
        if soft is not None:
            spans = _soft_evidence(soft, sentences[soft.sentence], texts, index, prior)
            parts += [
                ("coverage", round(soft.coverage, 4)),
                ("section", soft.factor),
                ("specificity", round(soft.specificity, 4)),
                ("occupation_profile", round(prior, 4)),
                ("soft", round(soft_weight * evidence, 4)),
            ]
        evidence_spans = tuple(dict.fromkeys((*(mention.evidence if mention else ()), *spans)))
        result.append(
            Mention(
                uri,
                concept.scheme,
                concept.name(language),
                round(value, 4),
                evidence_spans,
                tuple(parts),
            )
        )
    return result


def _soft_evidence(
    soft: _Soft,
    sentence: _Sentence,
    texts: Mapping[str, AnalysedText],
    index: LexiconIndex,
    prior: float,
) -> tuple[Evidence, ...]:
    """The matched words of the best sentence, each saying which label and how much of it."""
    source = texts[sentence.field].text
    label_text, label_language, _kind = index.labels[soft.label]
    where_said = "the title" if sentence.field == "title" else "one sentence"
    reason = f"{label_text} ({label_language}): {soft.coverage:.0%} of its words in {where_said}"
    if prior > 1:
        reason += f"; in the occupation's ESCO profile ({prior - 1:.2f})"
    return tuple(
        Evidence(start, end, source[start:end], sentence.field, reason, SOFT_HOW)
        for start, end in soft.spans
    )
