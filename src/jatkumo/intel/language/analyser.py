"""The Analyser: text (+ optional language) → AnalysedText, with lazy resources and a word cache.

Voikko (Finnish) and simplemma (Swedish, English) are loaded on first use, never at import time.
Analyses are cached per word type and language in a bounded LRU, so a warm analyser touches the
dictionaries only for words it has not seen. A libvoikko handle must not be used by two threads at
once (ctypes releases the GIL during the call), so every Voikko call holds the analyser's lock;
the cache itself is thread-safe.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, cast

from jatkumo.intel.language import finnish
from jatkumo.intel.language.detect import detect_language
from jatkumo.intel.language.tokenise import (
    is_abbreviation,
    shape_flags,
    surface_form,
    token_bounds,
)
from jatkumo.intel.types import AnalysedText, Language, LanguageGuess, Reading, Token, TokenFlag

if TYPE_CHECKING:
    WordCache = functools._lru_cache_wrapper[tuple[tuple[Reading, ...], frozenset[TokenFlag]]]

WordAnalysis = tuple[tuple[Reading, ...], frozenset[TokenFlag]]
DETECTION_WORDS = 120  # the language of a long text is clear from its first sentences
KNOWN_LIMIT = 20_000  # bound of the memo of "the dictionary knows this word" (then cleared)

VOIKKO_MISSING = (
    "Finnish analysis needs libvoikko and its Finnish dictionary. On Debian/Ubuntu install the "
    "system packages: `apt-get install libvoikko1 voikko-fi`; the Python binding is the PyPI "
    "package `libvoikko` (in the project's dependencies)."
)
SIMPLEMMA_MISSING = (
    "Swedish and English analysis needs the PyPI package `simplemma`: `pip install simplemma`."
)


class LanguageResourceMissingError(RuntimeError):
    """A dictionary or library needed for a language is not installed (the message says which)."""


class VoikkoLike(Protocol):
    """The one method of `libvoikko.Voikko` this stage uses."""

    def analyze(self, word: str) -> Sequence[Mapping[str, str]]: ...


def create_voikko() -> VoikkoLike:
    """A Finnish libvoikko handle, or LanguageResourceMissingError naming the Debian packages."""
    try:
        import libvoikko
    except ImportError as error:
        raise LanguageResourceMissingError(VOIKKO_MISSING) from error
    try:
        return cast(VoikkoLike, libvoikko.Voikko("fi"))
    except (OSError, AttributeError, libvoikko.VoikkoException) as error:
        raise LanguageResourceMissingError(f"{VOIKKO_MISSING} ({error})") from error


class Analyser:
    """Tokens, candidate lemmas and compound parts for Finnish, Swedish and English text.

    Cheap to construct; heavy resources load on first use. `cache_size` bounds the number of word
    types (per language) whose analyses are kept. `voikko_factory` replaces how the Finnish
    handle is made (tests use it to simulate a missing dictionary).
    """

    def __init__(
        self,
        *,
        cache_size: int = 200_000,
        voikko_factory: Callable[[], VoikkoLike] = create_voikko,
    ) -> None:
        self._voikko_factory = voikko_factory
        self._voikko: VoikkoLike | None = None
        self._lock = threading.Lock()
        self._word: WordCache = functools.lru_cache(maxsize=cache_size)(self._analyse_word)
        # word → the Finnish dictionary knows it (language detection asks for every word)
        self._known: dict[str, bool] = {}

    def analyse(self, text: str, language: Language | None = None) -> AnalysedText:
        """Text → AnalysedText; the language is detected when not given."""
        # `tokenise` without its Span objects: this loop runs for every token of every text.
        words = [(text[start:end], start, end) for start, end in token_bounds(text)]
        forms = [surface_form(surface) for surface, _start, _end in words]
        if language is None:
            guess = self._detect_words([key.lower() for key, _flags in forms[:DETECTION_WORDS]])
            language, confidence = guess.language, guess.confidence
        else:
            confidence = 1.0
        tokens = []
        analyse_word = self._word
        for (surface, start, end), (key, shape) in zip(words, forms, strict=True):
            readings, flags = analyse_word(key.rstrip("-") or key, language)
            # most tokens have flags of one kind only: reuse that set rather than a union
            merged = shape | flags if shape and flags else shape or flags
            tokens.append(Token(surface, start, end, key.lower(), readings, merged))
        return AnalysedText(text, language, confidence, tuple(tokens))

    def analyse_word(self, word: str, language: Language = "fi") -> tuple[Reading, ...]:
        """One word form → its readings, best first (cached): `"kuusi"` → kuusi, kuu."""
        return self._word(word, language)[0]

    def detect(self, text: str) -> LanguageGuess:
        """Text → fi / sv / en with a confidence (see `detect.py` for the method)."""
        bounds = token_bounds(text)[:DETECTION_WORDS]
        return self._detect_words([surface_form(text[a:b])[0].lower() for a, b in bounds])

    def cache_info(self) -> functools._CacheInfo:
        """Hits, misses and size of the word cache."""
        return self._word.cache_info()

    def clear_cache(self) -> None:
        """Forget every cached word analysis (the dictionaries stay loaded)."""
        self._word.cache_clear()
        self._known.clear()

    # --- internals ---------------------------------------------------------------------------

    def _detect_words(self, words: list[str]) -> LanguageGuess:
        try:
            self._voikko_handle()
        except LanguageResourceMissingError:
            return detect_language(words)
        return detect_language(words, finnish_known=self._finnish_known)

    def _finnish_known(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            readings, flags = self._word(word, "fi")
            known = TokenFlag.UNKNOWN not in flags and not readings[0].guess
            if len(self._known) >= KNOWN_LIMIT:
                self._known.clear()
            self._known[word] = known
        return known

    def _voikko_handle(self) -> VoikkoLike:
        if self._voikko is None:
            with self._lock:
                if self._voikko is None:
                    self._voikko = self._voikko_factory()
        return self._voikko

    def _voikko_analyse(self, word: str) -> Sequence[Mapping[str, str]]:
        voikko = self._voikko_handle()
        with self._lock:
            return voikko.analyze(word)

    def _analyse_word(self, word: str, language: Language) -> WordAnalysis:
        shape = shape_flags(word)
        if TokenFlag.NUMBER in shape:
            return (Reading(word.lower(), (word.lower(),), "numeral"),), frozenset()
        if language == "fi":
            readings, known = self._finnish_readings(word)
        else:
            readings, known = _simplemma_readings(word, language)
        return tuple(readings), _reading_flags(readings, known=known)

    def _finnish_readings(self, word: str) -> tuple[list[Reading], bool]:
        """A Finnish word form → (readings, whether a dictionary knows the word or its head)."""
        analyses = self._voikko_analyse(word)
        if not analyses and ":" in word:  # TES:n, SAP:ta → the abbreviation itself
            word = word.split(":", 1)[0]
            analyses = self._voikko_analyse(word)
        if not analyses and not word.islower():  # HITSAAJA in a shouted title
            analyses = self._voikko_analyse(word.lower())
        readings = finnish.readings_from_analyses(word, analyses)
        if readings:
            return readings, True
        if "-" in word.strip("-"):
            return self._hyphenated_readings(word)
        lower = word.lower()
        if is_abbreviation(word) or any(char.isdigit() for char in word):
            return [Reading(lower, (lower,), "lyhenne")], False
        return finnish.fallback_readings(word, self._voikko_analyse), False

    def _hyphenated_readings(self, word: str) -> tuple[list[Reading], bool]:
        """`PLC-ohjelmointia` → `plc-ohjelmointi` (plc, ohjelmointi): the tail analysed alone."""
        head, tail = word.rsplit("-", 1)
        head_parts = finnish.split_hyphens([head.lower()])
        if is_abbreviation(tail) or tail.isdigit():  # SFS-EN: the tail is a code, not a word
            return [Reading(word.lower(), (*head_parts, tail.lower()), "lyhenne")], False
        tail_readings, tail_flags = self._word(tail, "fi")
        readings = [
            Reading(
                f"{head.lower()}-{reading.lemma}",
                head_parts + reading.parts,
                reading.word_class,
                guess=reading.guess,
            )
            for reading in tail_readings
        ]
        return readings, TokenFlag.UNKNOWN not in tail_flags


def _reading_flags(readings: Sequence[Reading], *, known: bool) -> frozenset[TokenFlag]:
    flags: set[TokenFlag] = set()
    if all(reading.proper for reading in readings):
        flags.add(TokenFlag.PROPER_NOUN)
    if any(reading.guess for reading in readings):
        flags.add(TokenFlag.GUESS)
    if not known:
        flags.add(TokenFlag.UNKNOWN)
    return frozenset(flags)


@functools.cache
def _simplemma() -> Any:
    try:
        import simplemma
    except ImportError as error:
        raise LanguageResourceMissingError(SIMPLEMMA_MISSING) from error
    return simplemma


def _simplemma_readings(word: str, language: Language) -> tuple[list[Reading], bool]:
    """A Swedish or English word → one reading by simplemma (hyphenated: the last part)."""
    simplemma = _simplemma()
    lower = word.lower()
    if is_abbreviation(word.split("-", maxsplit=1)[0]) and "-" not in word:
        return [Reading(lower, (lower,), "abbreviation")], False
    head, _, tail = word.rpartition("-")
    # low_memory: simplemma reads its front-coded dictionaries block by block instead of
    # decoding each into a dict (≈ 50 MB per language); the lemmas are the same, and this
    # module caches every word form anyway, so the slower lookup is paid once per word.
    lemma = str(simplemma.lemmatize(tail, lang=language, low_memory=True)).lower()
    known = bool(simplemma.is_known(tail, lang=language, low_memory=True)) or lemma != tail.lower()
    full = f"{head.lower()}-{lemma}" if head else lemma
    parts = finnish.split_hyphens([full])
    return [Reading(full, parts)], known
