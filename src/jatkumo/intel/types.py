"""Values that cross the boundaries of the `intel` stages: frozen dataclasses, no ORM objects.

Every stage takes plain values in and gives these out, so a Django adapter, a CLI command or a
batch job over Parquet can call the same functions. They are immutable so that cached results
(the language analyser caches word analyses) can be shared between callers and threads safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Language = Literal["fi", "sv", "en"]
"""The languages Jatkumo analyses: Finnish, Swedish, English (ISO 639-1 codes)."""

LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")


class TokenFlag(StrEnum):
    """What a reader (or a later stage) should know about a token beyond its lemmas."""

    ABBREVIATION = "abbreviation"  # CNC, PLC, LOVe, EA1, TES:n
    HYPHENATED = "hyphenated"  # CNC-koneistus, SFS-EN
    SLASHED = "slashed"  # C/CE, TCP/IP: a slash inside one term
    TRUNCATED = "truncated"  # "kaivos-" in "kaivos- ja metsäteollisuus": the head word is elided
    NUMBER = "number"  # 2026, 15.3.2026, 9606-1
    PROPER_NOUN = "proper_noun"  # only name readings exist (Virtanen, Tampere)
    UNKNOWN = "unknown"  # no dictionary knows the word
    GUESS = "guess"  # at least one lemma is a guess (colloquial repair or suffix stripping)


@dataclass(frozen=True, slots=True)
class Reading:
    """One candidate analysis of a word: word form → lemma and compound parts.

    `lemma` is a lower-cased key (`"hitsauskoulutus"`). `parts` are the compound parts of the
    lemma, earlier parts as they appear in the lemma and the last in base form
    (`("hitsaus", "koulutus")`); a simple word has one part, the lemma itself. `word_class` is the
    analyser's class (Voikko's `nimisana`, `teonsana`, ..., or `""` when unknown). `proper` marks
    a name reading, `guess` a lemma that no dictionary confirmed.
    """

    lemma: str
    parts: tuple[str, ...]
    word_class: str = ""
    proper: bool = False
    guess: bool = False


@dataclass(frozen=True, slots=True)
class Token:
    """One word-like token of a text: surface span → candidate readings.

    `surface` is exactly `text[start:end]` of the analysed text (original case and letters, for
    evidence highlighting); `norm` is its lower-cased, NFC, plain-dash form. `readings` are ordered
    best first and never empty: a word no dictionary knows still gets its lower-cased surface.
    """

    surface: str
    start: int
    end: int
    norm: str
    readings: tuple[Reading, ...]
    flags: frozenset[TokenFlag] = frozenset()

    @property
    def lemmas(self) -> tuple[str, ...]:
        """Every distinct candidate lemma, best first: `"kuusi"` → `("kuusi", "kuu")`."""
        return tuple(dict.fromkeys(reading.lemma for reading in self.readings))

    @property
    def lemma(self) -> str:
        """The best candidate lemma."""
        return self.readings[0].lemma

    @property
    def parts(self) -> tuple[str, ...]:
        """Compound parts of the best reading: `"hitsauskoulutusta"` → `("hitsaus", "koulutus")`."""
        return self.readings[0].parts


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """Language detection: text → the most likely language and how sure the detector is.

    `confidence` is in [0, 1]: the winning language's share of the summed scores (0 when the
    text has no words to judge). `scores` gives every language's raw score, for explanations.
    """

    language: Language
    confidence: float
    scores: tuple[tuple[Language, float], ...]


@dataclass(frozen=True, slots=True)
class AnalysedText:
    """The language stage's output: text → language and analysed tokens with character spans."""

    text: str
    language: Language
    language_confidence: float
    tokens: tuple[Token, ...]

    def lemma_sequence(self) -> tuple[str, ...]:
        """The best lemma of every token, in order: the key a label index is built from."""
        return tuple(token.lemma for token in self.tokens)


# --- taxonomy input and extraction output (stages `lexicon`, `extract`, `classify`) ----------


@dataclass(frozen=True, slots=True)
class ConceptLabel:
    """One label of a concept as the taxonomy stores it: language, kind, text and its source.

    `kind` is `preferred`, `alternative`, `hidden` or `company` (company language, curated).
    """

    language: str
    kind: str
    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class TaxonomyConcept:
    """A concept handed to `lexicon`: URI, scheme (`esco_skill`, `yso`, ...), code and labels."""

    uri: str
    scheme: str
    code: str
    labels: tuple[ConceptLabel, ...]


@dataclass(frozen=True, slots=True)
class TaxonomyRelation:
    """`subject kind object` between concept URIs (`essential_for`, `exact_match`, ...)."""

    subject: str
    kind: str
    object: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the analysed text that evidences a concept: `text == source[start:end]`.

    `field` is `title` or `text`; `matched` is the label that matched (its text and language)
    and `how` says how: `label`, `compound_head`, `compound_part`, `coordination`, `via_yso`.
    """

    start: int
    end: int
    text: str
    field: str = "text"
    matched: str = ""
    how: str = "label"


@dataclass(frozen=True, slots=True)
class Mention:
    """Stage `extract`'s output: one concept found in a text, its score and its evidence.

    `parts` names the factors the score is the product or sum of (specificity, count, title, ...),
    so every score can be explained.
    """

    uri: str
    scheme: str
    label: str
    score: float
    evidence: tuple[Evidence, ...]
    parts: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class OccupationGuess:
    """Stage `classify`'s output: an ISCO-08 4-digit group (and its best ESCO occupation)."""

    isco: str
    uri: str
    label: str
    score: float
    parts: tuple[tuple[str, float], ...] = ()
    evidence: tuple[Evidence, ...] = ()
