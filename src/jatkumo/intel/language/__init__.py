"""Stage `language`: text → tokens with offsets, candidate lemmas, compound parts, language.

Input: any Finnish, Swedish or English text (a job ad, a company's need, a course description,
a taxonomy label). Output: `AnalysedText` (see `jatkumo.intel.types`): the detected or given
language and one `Token` per word-like span, each with its exact character offsets, every
candidate lemma (Finnish via Voikko, Swedish and English via simplemma) and compound parts.

    >>> analyse("Haemme CNC-koneistajaa").tokens[1].parts   # doctest: +SKIP
    ('cnc', 'koneistaja')

Later stages (`lexicon`, `extract`) analyse concept labels and texts with the same `Analyser`, so
a label and a text meet on the same lemma keys. The method and measured accuracy are in
docs/intel-language.md.
"""

from __future__ import annotations

import threading

from jatkumo.intel.language.analyser import Analyser, LanguageResourceMissingError
from jatkumo.intel.language.detect import detect_language
from jatkumo.intel.language.tokenise import Span, tokenise
from jatkumo.intel.types import AnalysedText, Language

__all__ = [
    "Analyser",
    "LanguageResourceMissingError",
    "Span",
    "analyse",
    "default_analyser",
    "detect_language",
    "tokenise",
]

_default: Analyser | None = None
_default_lock = threading.Lock()


def default_analyser() -> Analyser:
    """The process-wide Analyser, created on first call (its dictionaries load on first use)."""
    global _default  # noqa: PLW0603 — a lazily built, explicitly cached resource
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyser()
    return _default


def analyse(text: str, language: Language | None = None) -> AnalysedText:
    """Text → AnalysedText with the process-wide analyser; the language is detected if not given."""
    return default_analyser().analyse(text, language)
