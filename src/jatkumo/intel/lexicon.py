"""Stage `lexicon`: concept labels → an index of lemma sequences with a specificity weight.

Input: `TaxonomyConcept`s (every label of every language and kind: preferred, alternative,
hidden, company language) and `TaxonomyRelation`s. Output: a `LexiconIndex`, the lookup table
`extract` matches texts against, saved to and loaded from a cache file.

Every label is analysed with `intel.language` in its own language, so a label and a text meet on
the same lemma keys: the key of a label is the sequence of its tokens' best lemmas, hyphenated
lemmas cut into their pieces (`CNC-koneistus` → `cnc`, `koneistus`), so `CNC koneistus` and
`CNC-koneistusta` meet too. Occupation names that list several occupations
(`Hitsaajat ja kaasuleikkaajat`, `Kone- ja laiteasentajat`) are also indexed per listed name,
with elided compound heads rebuilt (`koneasentaja`).

Each entry gets a weight: label kind × how it was derived × specificity. Specificity is IDF-like
and computed from the taxonomy itself: a key shared by several concepts weighs less
(1/√concepts), and a one-word key weighs less the more other labels of its language contain that
word (as a word or a compound part) — `työ` or `hoito` are in hundreds of labels, `trukkikortti`
in one. The method is described in docs/intel-extraction.md.
"""

from __future__ import annotations

import functools
import hashlib
import math
import pickle
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.types import (
    LANGUAGES,
    Language,
    TaxonomyConcept,
    TaxonomyRelation,
    Token,
    TokenFlag,
)

FORMAT_VERSION = 8
KIND_WEIGHT = {"preferred": 1.0, "alternative": 0.9, "hidden": 0.6, "company": 1.0}
HOW_WEIGHT = {"label": 1.0, "coordination": 0.9, "head": 0.5}
OCCUPATION_SCHEMES = frozenset({"isco_group", "esco_occupation"})
COORDINATORS = frozenset({"ja", "tai", "sekä", "och", "eller", "and", "or"})
# Words in classification names that say "the rest of the group", not what the work is.
FILLER = frozenset({"muu", "ym", "yms", "muualla", "luokittelematon", "luokittelemattomat"})
LEARNING_HEADS = frozenset(
    {
        "koulutus",
        "kurssi",
        "opinto",
        "opiskelu",
        "opetus",
        "valmennus",
        "tutkinto",
        "perehdytys",
        "harjoittelu",
        "oppisopimus",
        "utbildning",
        "kurs",
        "undervisning",
    }
)
"""Heads that name learning, not a worker: an occupation label such as `kokki-koulutus` does
not make every `koulutusta` in a text name that occupation (no head entry for them)."""
MAX_KEY_UNITS = 8

Key = tuple[str, ...]
# (concept index, label index, weight, how)
Entry = tuple[int, int, float, str]


@dataclass(frozen=True, slots=True)
class IndexedConcept:
    """A concept as the index knows it: identity, ISCO code and a display label per language."""

    uri: str
    scheme: str
    code: str
    names: tuple[tuple[str, str], ...]  # (language, preferred label text)

    def name(self, language: str) -> str:
        """The preferred label in `language`, else fi, en, sv, else the URI."""
        by_language = dict(self.names)
        for candidate in (language, "fi", "en", "sv"):
            if candidate in by_language:
                return by_language[candidate]
        return self.uri


@dataclass
class LexiconIndex:
    """Lemma-sequence keys → entries, plus what `extract` and `classify` need about concepts.

    `entries[key]` lists `(concept, label, weight, how)`; `labels[i]` is `(text, language,
    kind)`; `prefixes` holds every proper prefix of a key (to stop n-gram lookups early);
    `aligned[c]` lists the ESCO concepts a YSO concept `c` stands for (exact_match relations
    plus labels that agree in English); `signature` identifies the taxonomy it was built from.
    """

    concepts: list[IndexedConcept]
    labels: list[tuple[str, str, str]]
    entries: dict[Key, list[Entry]]
    prefixes: set[Key]
    aligned: dict[int, tuple[int, ...]]
    signature: str = ""
    stats: dict[str, int] = field(default_factory=dict)
    _positions: dict[str, int] | None = field(default=None, repr=False, compare=False)

    def concept_position(self) -> dict[str, int]:
        """URI → position in `concepts` (built once, then kept)."""
        if self._positions is None:
            self._positions = {concept.uri: i for i, concept in enumerate(self.concepts)}
        return self._positions

    def lookup(self, key: Key, language: str) -> list[Entry]:
        """Entries of `key` whose label is in `language` or language-neutral (codes, brands)."""
        found = self.entries.get(key)
        if not found:
            return []
        return [
            entry
            for entry in found
            if self.labels[entry[1]][1] == language or self.labels[entry[1]][2] == "neutral"
        ]

    def save(self, path: Path) -> None:
        """Write the index to `path` atomically (a temporary file, then a rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(path.suffix + ".tmp")
        with temporary.open("wb") as stream:
            pickle.dump((FORMAT_VERSION, self), stream, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)

    @staticmethod
    def load(path: Path, signature: str) -> LexiconIndex | None:
        """The index cached in `path` if it was built from the taxonomy `signature`, else None.

        The file is written only by `save` into the application's own data directory.
        """
        try:
            with path.open("rb") as stream:
                version, index = pickle.load(stream)  # noqa: S301 — our own cache file
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, AttributeError):
            return None
        if version != FORMAT_VERSION or not isinstance(index, LexiconIndex):
            return None
        return index if index.signature == signature else None


def token_units(token: Token) -> list[tuple[str, ...]]:
    """A token → its matching units, each a tuple of candidate lemmas (best first).

    A hyphenated lemma becomes one unit per piece (`cnc-koneistus` → `(cnc,)`, `(koneistus,)`);
    candidates of other readings are kept on the last piece.
    """
    return _units(token.lemma, token.lemmas)


@functools.lru_cache(maxsize=100_000)
def _units(lemma: str, lemmas: tuple[str, ...]) -> list[tuple[str, ...]]:
    pieces = [piece for piece in lemma.split("-") if piece] or [lemma]
    if len(pieces) == 1:
        return [tuple(candidate for candidate in lemmas if candidate)]
    tails = tuple(dict.fromkeys([pieces[-1], *(c.rsplit("-", 1)[-1] for c in lemmas)]))
    return [(piece,) for piece in pieces[:-1]] + [tails]


def label_key(tokens: Sequence[Token]) -> Key:
    """Tokens of a label → its key: best lemmas, hyphens split (`TIG-hitsaus` → tig, hitsaus)."""
    return tuple(unit[0] for token in tokens for unit in token_units(token))


def coordination_keys(text: str, tokens: Sequence[Token], language: str = "fi") -> list[Key]:
    """`Hitsaajat ja kaasuleikkaajat` → [hitsaaja], [kaasuleikkaaja]; `Kone- ja laiteasentajat`
    → [koneasentaja], [laiteasentaja]: the names an occupation-group label lists. In English a
    lone `-ing` word before the coordinator shares the last name's head: `learning and
    development manager` → [learning manager], [development manager] (`learning` alone names
    no worker).
    """
    segments: list[list[Token]] = [[]]
    previous_end = None
    for token in tokens:
        gap = text[previous_end : token.start] if previous_end is not None else ""
        previous_end = token.end
        if "," in gap or "(" in gap:
            segments.append([])
        if token.lemma in COORDINATORS:
            segments.append([])
            continue
        if token.lemma in FILLER:
            continue
        segments[-1].append(token)
    segments = [segment for segment in segments if segment]
    if len(segments) < 2:
        return []
    keys: list[Key] = []
    for i, segment in enumerate(segments):
        if len(segment) == 1 and TokenFlag.TRUNCATED in segment[0].flags:
            following = next(
                (s for s in segments[i + 1 :] if TokenFlag.TRUNCATED not in s[-1].flags), None
            )
            if following is None or len(following[-1].parts) < 2:
                continue
            keys.append((segment[0].lemma.rstrip("-") + following[-1].parts[-1],))
        elif (
            language == "en"
            and len(segment) == 1
            and i < len(segments) - 1
            and segment[0].surface.lower().endswith("ing")
            and len(segments[-1]) > 1
        ):
            keys.append(label_key([segment[0], segments[-1][-1]]))
        else:
            keys.append(label_key(segment))
    return keys


def _neutral(text: str, tokens: Sequence[Token]) -> bool:
    """A label that reads the same in every language: codes and brand-like words (SQL, AutoCAD)."""
    return bool(tokens) and all(
        TokenFlag.ABBREVIATION in token.flags or any(c.isupper() for c in token.surface[1:])
        for token in tokens
    )


def taxonomy_signature(
    concepts: Sequence[TaxonomyConcept], relations: Sequence[TaxonomyRelation]
) -> str:
    """A short hash of every label and relation: equal signatures → the same index."""
    digest = hashlib.blake2b(digest_size=12)
    for concept in concepts:
        digest.update(f"{concept.uri}|{concept.scheme}|{concept.code}".encode())
        for label in concept.labels:
            digest.update(f"|{label.language}|{label.kind}|{label.text}".encode())
    for relation in relations:
        digest.update(f"{relation.subject}|{relation.kind}|{relation.object}".encode())
    return digest.hexdigest()


class _Builder:
    def __init__(self, analyser: Analyser) -> None:
        self.analyser = analyser
        self.concepts: list[IndexedConcept] = []
        self.labels: list[tuple[str, str, str]] = []
        self.raw: dict[Key, list[tuple[int, int, float, str]]] = defaultdict(list)
        # language → word → how many labels contain it as a word or a compound part
        self.frequency: dict[str, Counter[str]] = defaultdict(Counter)

    def add_concept(self, concept: TaxonomyConcept) -> None:
        index = len(self.concepts)
        names = {}
        for label in concept.labels:
            if label.kind == "preferred" and label.language not in names:
                names[label.language] = label.text
        self.concepts.append(
            IndexedConcept(concept.uri, concept.scheme, concept.code, tuple(names.items()))
        )
        for label in concept.labels:
            if label.language not in LANGUAGES or not label.text.strip():
                continue
            language: Language = label.language  # type: ignore[assignment]
            tokens = self.analyser.analyse(label.text, language).tokens
            if not tokens:
                continue
            words = {unit[0] for token in tokens for unit in token_units(token)}
            words |= {part for token in tokens for part in token.parts}
            self.frequency[language].update(words)
            kind = "neutral" if _neutral(label.text, tokens) else label.kind
            label_index = len(self.labels)
            self.labels.append((label.text, language, kind))
            base = KIND_WEIGHT.get(label.kind, 0.8)
            self._add(label_key(tokens), index, label_index, base, "label")
            if concept.scheme in OCCUPATION_SCHEMES:
                plain = [token for token in tokens if token.lemma not in FILLER]
                if plain and len(plain) < len(tokens):  # "Sairaanhoitajat ym." → sairaanhoitaja
                    self._add(label_key(plain), index, label_index, base, "label")
                keys = coordination_keys(label.text, tokens, language) or [
                    label_key(plain or tokens)
                ]
                for key in keys:
                    if len(keys) > 1:
                        weight = base * HOW_WEIGHT["coordination"]
                        self._add(key, index, label_index, weight, "coordination")
                    if len(key) > 1 and language != "en" and key[-1] not in LEARNING_HEADS:
                        # "Maansiirtokoneiden kuljettajat" also names a kind of "kuljettaja"
                        self._add(key[-1:], index, label_index, base * HOW_WEIGHT["head"], "head")

    def _add(self, key: Key, concept: int, label: int, weight: float, how: str) -> None:
        if not key or len(key) > MAX_KEY_UNITS or (len(key) == 1 and len(key[0]) < 2):
            return
        self.raw[key].append((concept, label, weight, how))


def _alignment(
    builder: _Builder, relations: Iterable[TaxonomyRelation]
) -> dict[int, tuple[int, ...]]:
    """YSO concept → ESCO concepts: exact_match relations, plus English labels with equal keys."""
    position = {concept.uri: i for i, concept in enumerate(builder.concepts)}
    aligned: dict[int, set[int]] = defaultdict(set)
    for relation in relations:
        if (
            relation.kind == "exact_match"
            and relation.subject in position
            and relation.object in position
        ):
            aligned[position[relation.subject]].add(position[relation.object])
    for key, entries in builder.raw.items():
        # one English word is too ambiguous to align on unless it is the ESCO preferred label
        esco = {
            c
            for c, label, _w, how in entries
            if how == "label"
            and builder.concepts[c].scheme.startswith("esco_")
            and builder.labels[label][1] == "en"
            and (len(key) > 1 or builder.labels[label][2] == "preferred")
        }
        yso = {
            c
            for c, label, _w, how in entries
            if builder.concepts[c].scheme == "yso" and builder.labels[label][1] == "en"
        }
        if len(esco) == 1 and yso:
            for c in yso:
                aligned[c] |= esco
    return {c: tuple(sorted(targets)) for c, targets in aligned.items()}


def _specificity(
    raw: dict[Key, list[Entry]],
    labels: list[tuple[str, str, str]],
    document_frequency: dict[str, Counter[str]],
) -> dict[Key, list[Entry]]:
    """Weight × specificity: ambiguity across concepts and how common a one-word key is."""
    weighted: dict[Key, list[Entry]] = {}
    for key, entries in raw.items():
        concepts = len({c for c, _l, _w, _h in entries})
        ambiguity = 1.0 / math.sqrt(concepts)
        best: dict[tuple[int, str], Entry] = {}
        for concept, label, weight, how in entries:
            generic = 1.0
            if len(key) == 1:
                frequency = document_frequency[labels[label][1]][key[0]]
                generic = 1.0 / (1.0 + 0.35 * math.log1p(max(0, frequency - 1)))
            entry = (concept, label, round(weight * ambiguity * generic, 4), how)
            slot = (concept, labels[label][1])
            if slot not in best or entry[2] > best[slot][2]:
                best[slot] = entry
        weighted[key] = sorted(best.values(), key=lambda e: -e[2])
    return weighted


def lexicon_build(
    concepts: Iterable[TaxonomyConcept],
    relations: Sequence[TaxonomyRelation] = (),
    *,
    analyser: Analyser | None = None,
    signature: str = "",
) -> LexiconIndex:
    """Concepts (all labels) + relations → LexiconIndex. Analyses every label once."""
    builder = _Builder(analyser or default_analyser())
    for concept in concepts:
        builder.add_concept(concept)
    aligned = _alignment(builder, relations)
    entries = _specificity(builder.raw, builder.labels, builder.frequency)
    prefixes = {key[:n] for key in entries for n in range(1, len(key))}
    stats = {
        "concepts": len(builder.concepts),
        "labels": len(builder.labels),
        "keys": len(entries),
        "aligned_yso": len(aligned),
    }
    return LexiconIndex(
        builder.concepts, builder.labels, entries, prefixes, aligned, signature, stats
    )
