"""Tokenisation: text → word-like spans with character offsets, keeping terms whole.

Job ads and company language are full of terms that a plain `\\w+` split destroys: abbreviations
(CNC, PLC, LOVe, EA1), hyphenated compounds (CNC-koneistus, SFS-EN), slashes inside a term
(C/CE-kortti, TCP/IP), inflected abbreviations (TES:n, PLC:tä), codes and dates (9606-1,
15.3.2026) and elided compound heads ("kaivos- ja metsäteollisuus"). This module finds those spans
and describes them; it does not look words up in any dictionary.

Offsets always refer to the text as given, so `text[span.start:span.end] == span.surface`, even
when the text has decomposed letters (a + combining diaeresis) or typographic hyphens; `norm` is
the NFC, plain-hyphen, lower-cased form that the analysers see.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from jatkumo.intel.types import TokenFlag

_HYPHENS = "-\u2010\u2011\u2012\u2013"
_TO_PLAIN_HYPHEN = dict.fromkeys(map(ord, _HYPHENS[1:]), "-") | {ord("\u2019"): "'"}

# A run of letters/digits; combining marks (U+0300-U+036F) stay inside the word.
_ALNUM = r"[^\W_][^\W_\u0300-\u036f]*(?:[\u0300-\u036f]+[^\W_]*)*"
_WORD = rf"{_ALNUM}(?:['\u2019]{_ALNUM})?"
_TOKEN = re.compile(
    rf"""
    \d+(?:[.,:]\d+)+(?:-\d+)?                       # 15.3.2026, 2,5, 7:30
    | {_WORD}(?:[{_HYPHENS}/]{_WORD})*              # CNC-koneistus, C/CE-kortti, vaa'an
      (?:(?<=[A-ZÅÄÖÜ0-9]):[a-zåäöü]{{1,5}}(?![^\W_]))? # TES:n, PLC:tä
      (?:[{_HYPHENS}](?=\s*(?:,|ja\b|tai\b|sekä\b|och\b|eller\b)))?  # "kaivos-" before ja/tai
    """,
    re.VERBOSE,
)
_ABBREVIATION_PIECE = re.compile(r"(?:[A-ZÅÄÖ][A-ZÅÄÖ0-9]*[a-z]?|[0-9]+[A-ZÅÄÖ]*)")
_HAS_INNER_CAPITAL = re.compile(r".[A-ZÅÄÖ]|[A-ZÅÄÖ].*\d|\d.*[A-ZÅÄÖ]")


@dataclass(frozen=True, slots=True)
class Span:
    """A token span before analysis: surface text, offsets, analyser key and shape flags."""

    surface: str
    start: int
    end: int
    key: str  # NFC, plain hyphens, original case: what the dictionary is asked about
    flags: frozenset[TokenFlag]

    @property
    def norm(self) -> str:
        """The lower-cased key (`str.lower` keeps å, ä, ö as themselves)."""
        return self.key.lower()


def tokenise(text: str) -> list[Span]:
    """Text → word-like spans in order: `"C/CE-kortti ja CNC:n"` → `C/CE-kortti`, `ja`, `CNC:n`."""
    spans: list[Span] = []
    for start, end in token_bounds(text):
        surface = text[start:end]
        key, flags = surface_form(surface)
        spans.append(Span(surface, start, end, key, flags))
    return spans


def token_bounds(text: str) -> list[tuple[int, int]]:
    """The `(start, end)` of every token of `text`, in order: the spans of `tokenise` without
    building them (the analyser takes what it needs from `surface_form`)."""
    if "/" not in text:
        return [match.span() for match in _TOKEN.finditer(text)]
    bounds: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        surface = match.group()
        if "/" in surface:
            bounds += _split_loose_slashes(surface, match.start())
        else:
            bounds.append(match.span())
    return bounds


@functools.lru_cache(maxsize=65_536)
def surface_form(surface: str) -> tuple[str, frozenset[TokenFlag]]:
    """A word form's matching key and spelling flags; cached, as word forms repeat a lot."""
    key = unicodedata.normalize("NFC", surface).translate(_TO_PLAIN_HYPHEN)
    return key, shape_flags(key)


def _split_loose_slashes(surface: str, offset: int) -> list[tuple[int, int]]:
    """Keep a slash between abbreviation-like pieces (C/CE, TCP/IP); split `myynti/markkinointi`.

    A slash between ordinary words is an "or", and each word must be found on its own.
    """
    if "/" not in surface:
        return [(offset, offset + len(surface))]
    pieces = surface.split("/")
    heads = [re.split(f"[{_HYPHENS}]", piece, maxsplit=1)[0] for piece in pieces]
    if all(_ABBREVIATION_PIECE.fullmatch(head) for head in heads):
        return [(offset, offset + len(surface))]
    result: list[tuple[int, int]] = []
    position = offset
    for piece in pieces:
        if piece:
            result.append((position, position + len(piece)))
        position += len(piece) + 1
    return result


def shape_flags(key: str) -> frozenset[TokenFlag]:
    """What the spelling alone says: abbreviation, hyphenated, slashed, truncated, number."""
    flags: set[TokenFlag] = set()
    core = key.rstrip("-")
    if core != key:
        flags.add(TokenFlag.TRUNCATED)
    if "-" in core:
        flags.add(TokenFlag.HYPHENATED)
    if "/" in core:
        flags.add(TokenFlag.SLASHED)
    letters = re.sub(r"[^\w]|_", "", core.split(":")[0])
    if letters.isdigit():
        flags.add(TokenFlag.NUMBER)
    elif is_abbreviation(core.split("-")[0].split(":")[0]):
        flags.add(TokenFlag.ABBREVIATION)
    return frozenset(flags)


def is_abbreviation(word: str) -> bool:
    """`CNC`, `PLC`, `LOVe`, `EA1`, `C/CE` yes; `Hitsaaja`, `koneistus`, `2026` no."""
    pieces = [piece for piece in word.split("/") if piece]
    if not pieces:
        return False
    return all(
        not piece.isdigit()
        and (piece.isupper() or bool(_HAS_INNER_CAPITAL.search(piece)) or len(piece) == 1)
        and any(char.isalpha() for char in piece)
        and not (len(piece) == 1 and piece.islower())
        for piece in pieces
    )
