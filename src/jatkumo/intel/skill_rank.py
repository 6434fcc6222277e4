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
4. Output: score ≥ THRESHOLD, at most `limit`: an ad with weak evidence returns fewer skills.
   Of equal evidence for one concept, the first label (vocabulary order) and sentence count.

Every returned skill keeps evidence: the matched words of its best sentence (`how =
"soft_label"`, `matched` = the label and how much of it the sentence covers), or, when it was
named exactly, its lexical evidence first. `score_parts` = `coverage`, `section`,
`occupation_profile`, `lexical`.

Pure Python, no Django. The per-concept label terms and an inverted index (stem → label codes)
are computed once per vocabulary (lazily); a token's stems are memoised per surface form, and
the caller keeps each occupation group's candidate postings (`profile_postings`). So the
per-document cost is one pass over the tokens plus the labels the text can cover.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from jatkumo.intel.extract import Section, sections
from jatkumo.intel.language import Analyser
from jatkumo.intel.lexicon import LexiconIndex
from jatkumo.intel.types import AnalysedText, Evidence, Mention, Token, TokenFlag

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
LABEL_BITS = 16  # a label as concept << LABEL_BITS | number (a concept has fewer labels)
WORD_CACHE = 200_000  # word types / surfaces whose stems are kept (then the memo starts over)

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
    """One label of a concept as weighted terms: label position, language, (stem, idf)s, total,
    the weight it needs to count (MIN_COVERAGE × total) and its specificity reference (the IDF
    of a word found in SPECIFIC_LABELS labels of its language)."""

    label: int
    language: str
    terms: tuple[tuple[str, float], ...]
    total: float
    need: float = 0.0
    reference: float = 1.0


Postings = Mapping[str, tuple[int, ...]]
"""Stem → the labels (of one language) that cannot reach MIN_COVERAGE without it, each as a code:
concept << LABEL_BITS | the label's number in `SkillVocabulary.terms(concept)`."""


class SkillVocabulary:
    """Per ESCO skill: its labels (own and of aligned YSO concepts) as weighted stems, and an
    inverted index from a stem to the labels that cannot reach MIN_COVERAGE without it.

    Built once per index (on first use, ≈ 1–2 s for the full taxonomy) and shared by every call.
    The stems of a word type and of a token's surface are memoised (bounded by WORD_CACHE).
    """

    def __init__(self, index: LexiconIndex, analyser: Analyser) -> None:
        self.index = index
        self.analyser = analyser
        self._terms: dict[int, tuple[LabelTerms, ...]] | None = None
        self._postings: dict[str, dict[str, tuple[int, ...]]] = {}  # language or "*" → Postings
        self._language_postings: dict[str, dict[str, tuple[int, ...]]] = {}
        self._label_keys: dict[int, tuple[tuple[str, ...], ...]] = {}
        self.specific: dict[str, float] = {}  # language → IDF of a word in SPECIFIC_LABELS labels
        self._word_stems: dict[tuple[str, str], tuple[str, ...]] = {}
        self._surface_stems: dict[str, dict[str, tuple[str, ...]]] = {}
        self._language_keys: dict[tuple[int, str], tuple[tuple[int, tuple[str, ...]], ...]] = {}
        self._label_of: dict[int, LabelTerms] = {}

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
            if len(self._word_stems) >= WORD_CACHE:
                self._word_stems.clear()
            self._word_stems[(word, language)] = cached
        return cached

    def token_stems(self, token: Token, language: str) -> tuple[str, ...]:
        """A token → the stems of its two best lemmas (hyphenated pieces) and compound parts;
        empty for a number. Memoised per surface form (`surface_stems`): the analyser's
        readings and flags of a token are a function of its surface and the language."""
        memo = self.surface_stems(language)
        cached = memo.get(token.surface)
        if cached is None:
            if TokenFlag.NUMBER in token.flags:
                cached = ()
            else:
                words: dict[str, None] = {}
                for lemma in token.lemmas[:2]:
                    words.update((piece, None) for piece in lemma.split("-") if piece)
                words.update((part, None) for part in token.parts)
                cached = tuple(
                    dict.fromkeys(s for word in words for s in self.word_stems(word, language))
                )
            if len(memo) >= WORD_CACHE:
                memo.clear()
            memo[token.surface] = cached
        return cached

    def surface_stems(self, language: str) -> dict[str, tuple[str, ...]]:
        """The memo of `token_stems` for one language: surface → stems."""
        memo = self._surface_stems.get(language)
        if memo is None:
            memo = self._surface_stems[language] = {}
        return memo

    def terms(self, concept: int) -> tuple[LabelTerms, ...]:
        """A concept's labels as weighted stems (empty for a concept that is not a skill)."""
        return self._built().get(concept, ())

    def language_keys(self, concept: int, language: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """A concept's labels in `language` or language-neutral: (code, the stems a label cannot
        reach MIN_COVERAGE without) each (memoised)."""
        key = (concept, language)
        cached = self._language_keys.get(key)
        if cached is None:
            cached = tuple(
                (concept << LABEL_BITS | number, keys)
                for number, (label, keys) in enumerate(
                    zip(self.terms(concept), self._label_keys.get(concept, ()), strict=True)
                )
                if label.language in (language, "*")
            )
            self._language_keys[key] = cached
        return cached

    @property
    def label_of(self) -> dict[int, LabelTerms]:
        """Code (concept << LABEL_BITS | number in `terms(concept)`) → the label."""
        self._built()
        return self._label_of

    def postings(self, language: str, term: str) -> list[tuple[int, int]]:
        """(language or "*" for neutral labels, stem) → (concept, label number in
        `terms(concept)`) of the labels that cannot reach MIN_COVERAGE without the stem."""
        self._built()
        mask = (1 << LABEL_BITS) - 1
        codes = self._postings.get(language, {}).get(term, ())
        return [(c >> LABEL_BITS, c & mask) for c in codes]

    def language_postings(self, language: str) -> Postings:
        """`Postings` of every skill label in `language` or language-neutral (memoised)."""
        cached = self._language_postings.get(language)
        if cached is None:
            self._built()
            cached = dict(self._postings.get(language, {}))
            for term, codes in self._postings.get("*", {}).items():
                cached[term] = cached.get(term, ()) + codes
            self._language_postings[language] = cached
        return cached

    def profile_postings(self, weights: Mapping[str, float], language: str) -> Postings:
        """An occupation profile (skill URI → weight) → `Postings` of the labels, in `language`
        or language-neutral, of its skills of weight > 0: the candidates of `soft_rank`."""
        positions = self.index.concept_position()
        found: dict[str, list[int]] = defaultdict(list)
        for uri, weight in weights.items():
            concept = positions.get(uri)
            if concept is not None and weight > 0:
                for code, keys in self.language_keys(concept, language):
                    for term in keys:
                        found[term].append(code)
        return {term: tuple(codes) for term, codes in found.items()}

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
        self._word_stems.clear()  # the label words: not the texts' words
        idf = {
            language: {t: math.log(1.0 + documents[language] / n) for t, n in counts.items()}
            for language, counts in frequency.items()
        }
        self.specific = {
            language: math.log(1.0 + count / SPECIFIC_LABELS)
            for language, count in documents.items()
        }
        result: dict[int, tuple[LabelTerms, ...]] = {}
        postings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        label_keys: dict[int, tuple[tuple[str, ...], ...]] = {}
        for concept, found in labels.items():
            terms_of: list[LabelTerms] = []
            keys_of: list[tuple[str, ...]] = []
            for label, language, stems in found:
                terms = tuple((s, idf[language][s]) for s in stems)
                total = sum(w for _s, w in terms)
                number = len(terms_of)
                if number >> LABEL_BITS:
                    break  # (never: a concept has far fewer labels)
                reference = self.specific.get(language, 1.0) or 1.0
                terms_of.append(
                    LabelTerms(label, language, terms, total, MIN_COVERAGE * total, reference)
                )
                # A label reaches MIN_COVERAGE only with at least one of its heaviest terms:
                # those until the rest weigh less than MIN_COVERAGE × total.
                keys: list[str] = []
                rest = total
                for term, weight in sorted(terms, key=lambda item: -item[1]):
                    if rest < MIN_COVERAGE * total:
                        break
                    postings[language][term].append(concept << LABEL_BITS | number)
                    keys.append(term)
                    rest -= weight
                keys_of.append(tuple(keys))
            result[concept] = tuple(terms_of)
            label_keys[concept] = tuple(keys_of)
            for number, label_terms in enumerate(terms_of):
                self._label_of[concept << LABEL_BITS | number] = label_terms
        self._postings = {
            language: {term: tuple(codes) for term, codes in by_term.items()}
            for language, by_term in postings.items()
        }
        self._label_keys = label_keys
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
    """The title and the sections (`extract.sections`) of the text with a factor > 0, each
    with the stems of its tokens (a section without any is left out)."""
    result: list[_Sentence] = []
    for name, analysed in fields:
        if name == "title":
            found = [Section(0, len(analysed.text), "title")]
            factors = [TITLE_FACTOR]
        else:
            found = sections(analysed.text)
            factors = [s.factor for s in found]
        buckets = _buckets(analysed, found, factors, vocabulary)
        for section, factor, bucket in zip(found, factors, buckets, strict=True):
            if bucket:
                result.append(_Sentence(name, section.start, section.end, factor, bucket))
    return result


def _buckets(
    analysed: AnalysedText,
    found: Sequence[Section],
    factors: Sequence[float],
    vocabulary: SkillVocabulary,
) -> list[dict[str, list[tuple[int, int]]]]:
    """Per section (in text order, not overlapping): stem → spans of the tokens carrying it."""
    language = analysed.language
    buckets: list[dict[str, list[tuple[int, int]]]] = [{} for _ in found]
    token_stems = vocabulary.token_stems
    memo = vocabulary.surface_stems(language)
    at, count = 0, len(found)
    for token in analysed.tokens:
        start = token.start
        while at < count and found[at].end <= start:
            at += 1
        if at == count:
            break
        if start < found[at].start or factors[at] <= 0:
            continue
        stems = memo.get(token.surface)
        if stems is None:
            stems = token_stems(token, language)
        span = (start, token.end)
        bucket = buckets[at]
        for s in stems:  # distinct per token, so a span is never added twice
            spans = bucket.get(s)
            if spans is None:
                bucket[s] = [span]
            else:
                spans.append(span)
    return buckets


class _Soft(NamedTuple):
    coverage: float  # share of the label's IDF weight the sentence holds
    matched: float  # IDF weight of the label's terms the sentence holds
    factor: float  # section factor of the sentence
    label: LabelTerms
    sentence: int
    specificity: float  # matched IDF / IDF of a word in SPECIFIC_LABELS labels, at most 1

    @property
    def value(self) -> float:
        """Soft evidence: (coverage × section)² × specificity."""
        return (self.coverage * self.factor) ** 2 * self.specificity

    def spans(self, sentence: _Sentence) -> list[tuple[int, int]]:
        """The character spans, in `sentence`, of the tokens that carry the label's terms."""
        stems = sentence.stems
        return sorted({span for term, _w in self.label.terms for span in stems.get(term, ())})


def _codes(
    where: Mapping[str, list[int]],
    named: Iterable[str],
    vocabulary: SkillVocabulary,
    language: str,
    candidates: Sequence[Postings] | None,
) -> list[int]:
    """The labels the text can cover (as codes, in concept and label order): through the stems
    each label needs (SkillVocabulary), among the profile skills (`candidates`) or, without
    them, all skills; and the labels of a named skill that the text can cover."""
    codes: set[int] = set()
    for postings in [vocabulary.language_postings(language)] if candidates is None else candidates:
        for term in where:
            found = postings.get(term)
            if found:
                codes.update(found)
    positions = vocabulary.index.concept_position()
    for uri in named:
        concept = positions.get(uri)
        if concept is not None:
            for code, keys in vocabulary.language_keys(concept, language):
                for key in keys:
                    if key in where:
                        codes.add(code)
                        break
    return sorted(codes)


_Best = tuple[float, LabelTerms, int, float, float]  # value, label, sentence, matched, specificity


def _matched(
    terms: tuple[tuple[str, float], ...], need: float, where: Mapping[str, list[int]]
) -> dict[int, float] | None:
    """Sentence → IDF weight of the label's terms it holds; None when the whole text holds
    less than `need` of the label."""
    if len(terms) == 1:  # a one-word label: covered wholly wherever it is
        term, weight = terms[0]
        at_term = where.get(term)
        return None if at_term is None else dict.fromkeys(at_term, weight)
    held = 0.0
    for term, weight in terms:
        if term in where:
            held += weight
    if held < need:
        return None
    matched: dict[int, float] = {}
    for term, weight in terms:
        for at in where.get(term, ()):
            matched[at] = matched.get(at, 0.0) + weight
    return matched


def _best(
    codes: Sequence[int],
    vocabulary: SkillVocabulary,
    sentences: Sequence[_Sentence],
    where: Mapping[str, list[int]],
) -> dict[int, _Best]:
    """Concept → its best label in its best sentence, by (coverage × section)² × specificity;
    of equal ones the first label and sentence. A label counts only when the whole text and
    then one sentence hold MIN_COVERAGE of its IDF weight."""
    best: dict[int, _Best] = {}
    label_of = vocabulary.label_of
    factors = [sentence.factor for sentence in sentences]
    for code in codes:
        label = label_of[code]
        matched = _matched(label.terms, label.need, where)
        if matched is None:
            continue
        concept = code >> LABEL_BITS
        found = best.get(concept)
        best_value = found[0] if found else 0.0
        total, reference = label.total, label.reference
        for at, weight in matched.items():
            coverage = weight / total
            if coverage < MIN_COVERAGE:
                continue
            specificity = min(1.0, weight / reference)
            value = (coverage * factors[at]) ** 2 * specificity
            if value > best_value:
                best_value = value
                best[concept] = (value, label, at, weight, specificity)
    return best


def _covered(
    sentences: Sequence[_Sentence],
    where: Mapping[str, list[int]],
    *,
    named: Mapping[str, Mention],
    profile: Callable[[str], float],
    vocabulary: SkillVocabulary,
    language: str,
    candidates: Sequence[Postings] | None,
) -> tuple[dict[str, _Soft], dict[str, float]]:
    """Named or profile skills whose labels the text covers → soft evidence, profile weight."""
    codes = _codes(where, named, vocabulary, language, candidates)
    concepts = vocabulary.index.concepts
    found: dict[str, _Soft] = {}
    weights: dict[str, float] = {}
    for concept, (_value, label, at, weight, specificity) in _best(
        codes, vocabulary, sentences, where
    ).items():
        uri = concepts[concept].uri
        profile_weight = profile(uri)
        # a profile candidate has a profile weight > 0; a named skill is scored in any case
        if candidates is None and profile_weight <= 0 and uri not in named:
            continue
        factor = sentences[at].factor
        found[uri] = _Soft(weight / label.total, weight, factor, label, at, specificity)
        weights[uri] = profile_weight
    return found, weights


def soft_rank(
    fields: Sequence[tuple[str, AnalysedText]],
    lexical: Sequence[Mention],
    profile: Callable[[str], float],
    vocabulary: SkillVocabulary,
    language: str,
    *,
    candidates: Sequence[Postings] | None = None,
    limit: int = LIMIT,
    threshold: float = THRESHOLD,
    soft_weight: float = SOFT_WEIGHT,
) -> list[Mention]:
    """Candidates (the uncut lexical ranking ∪ profile skills) → skills, best first.

    `lexical` is `annotate`'s ranking (named skills, profile relatives, occupation-profile
    skills); `profile` gives a skill URI's profile weight over the top occupation groups (0–1,
    0 when in none); `candidates` (optional) are the top groups' `SkillVocabulary.profile_postings`
    (without them every skill is looked up; a concept outside them and not named is not scored).
    Score = lexical score of a skill the text names (0 for one only lent by the occupation)
    + soft_weight × soft evidence × prior (module docstring).
    """
    index = vocabulary.index
    positions = index.concept_position()
    sentences = _sentences(fields, vocabulary)
    where: dict[str, list[int]] = {}
    for number, sentence in enumerate(sentences):
        for term in sentence.stems:
            at = where.get(term)
            if at is None:
                where[term] = [number]
            else:
                at.append(number)
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
    label_text, label_language, _kind = index.labels[soft.label.label]
    where_said = "the title" if sentence.field == "title" else "one sentence"
    reason = f"{label_text} ({label_language}): {soft.coverage:.0%} of its words in {where_said}"
    if prior > 1:
        reason += f"; in the occupation's ESCO profile ({prior - 1:.2f})"
    return tuple(
        Evidence(start, end, source[start:end], sentence.field, reason, SOFT_HOW)
        for start, end in soft.spans(sentence)
    )
