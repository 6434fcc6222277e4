"""Automatic concept tags of offerings: the catalogue's one adapter to concept extraction.

When the concept engine (`jatkumo.analysis.engine.annotator_get`) is installed it tags the
title, description and keywords (ESCO skills and the best occupation); otherwise, and for bulk
loads of more than `ENGINE_LIMIT` offerings, a fast matcher stands in: the offering's keywords
and the base forms and compound parts of its title words (`jatkumo.intel.language`) are looked
up in the normalised taxonomy labels (every kind, company language included). Automatic tags
carry `automatic=True`, a score and their evidence; tags added by staff (`automatic=False`) are
never touched, and concepts staff removed (`Offering.tags_removed`) are not added again. Tagging
many offerings is batched: one label query per 500 distinct terms, one delete and one bulk insert
per 1,000 offerings.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jatkumo.catalogue.models import Offering, OfferingConcept
from jatkumo.intel.normalise import normalise_text
from jatkumo.taxonomy.models import Concept, Label

MAX_TAGS = 20
ENGINE_LIMIT = 5000
"""Imports of more offerings than this are tagged by the fast matcher (about 5 ms per offering
for the engine, 0.5 ms for the matcher)."""
MAX_EVIDENCE = 3
BATCH = 1000
_TERM_CHUNK = 500
KEYWORD_SCORE, TITLE_SCORE, PART_SCORE = 1.0, 0.8, 0.5
# Words every course title has; as tags they would say nothing about the content.
_GENERIC = frozenset(
    [
        "koulutus",
        "kurssi",
        "perusteet",
        "perus",
        "opintojakso",
        "tutkinto",
        "osa",
        "tutkinnon",
        "valmennus",
        "johdanto",
        "jatko",
        "jatkokurssi",
        "työ",
        "ammattilainen",
        "ammatti",
        "taito",
        "osaaminen",
        "uusi",
        "moduuli",
        "kehittäminen",
        "course",
        "training",
        "basics",
        "introduction",
        "module",
        "advanced",
        "skills",
        "kurs",
        "utbildning",
        "grunder",
    ]
)


@dataclass
class _Candidates:
    """Terms of one offering: normalised term → (field, surface text, weight)."""

    terms: dict[str, tuple[str, str, float]] = field(default_factory=dict)

    def add(self, term: str, field_name: str, surface: str, weight: float) -> None:
        term = normalise_text(term)
        if len(term) < 3 or term in _GENERIC:
            return
        if term not in self.terms or self.terms[term][2] < weight:
            self.terms[term] = (field_name, surface, weight)


def _title_language(offering: Offering) -> tuple[str, Any]:
    for lang in ("fi", "sv", "en"):
        text = getattr(offering, f"title_{lang}", None)
        if text:
            return text, lang
    return "", "fi"


def _candidates(offering: Offering) -> _Candidates:
    from jatkumo.intel.language import analyse

    found = _Candidates()
    for keyword in offering.keywords:
        found.add(keyword, "keywords", keyword, KEYWORD_SCORE)
    title, language = _title_language(offering)
    tokens = analyse(title, language).tokens if title else ()
    for n, token in enumerate(tokens):
        for lemma in token.lemmas:
            found.add(lemma, "title", token.surface, TITLE_SCORE)
        if len(token.parts) > 1:
            for part in token.parts:
                found.add(part, "title", token.surface, PART_SCORE)
        if n:
            previous = tokens[n - 1]
            pair = f"{previous.lemma} {token.lemma}"
            found.add(pair, "title", f"{previous.surface} {token.surface}", TITLE_SCORE)
    return found


def _label_concepts(terms: set[str]) -> dict[str, list[tuple[int, str]]]:
    """Normalised term → (concept id, label text) for every label with that text."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    ordered = sorted(terms)
    for start in range(0, len(ordered), _TERM_CHUNK):
        chunk = ordered[start : start + _TERM_CHUNK]
        labels = Label.objects.filter(normalized__in=chunk)
        for normalized, concept_id, text in labels.values_list("normalized", "concept_id", "text"):
            found[normalized].append((concept_id, text))
    return found


def _fallback_tags(offerings: Sequence[Offering]) -> dict[int, dict[int, tuple[float, list[Any]]]]:
    candidates = {offering.pk: _candidates(offering) for offering in offerings}
    labels = _label_concepts({term for found in candidates.values() for term in found.terms})
    tags: dict[int, dict[int, tuple[float, list[Any]]]] = {}
    for offering_id, found in candidates.items():
        concepts: dict[int, tuple[float, list[Any]]] = {}
        for term, (field_name, surface, weight) in found.terms.items():
            for concept_id, label in labels.get(term, ()):
                score, evidence = concepts.get(concept_id, (0.0, []))
                if len(evidence) < MAX_EVIDENCE:
                    evidence.append({"field": field_name, "text": surface, "matched": label})
                concepts[concept_id] = (max(score, weight), evidence)
        tags[offering_id] = concepts
    return tags


def _engine() -> Any | None:
    """The engine's annotator when `jatkumo.analysis.engine` is installed, else None."""
    try:
        module = importlib.import_module("jatkumo.analysis.engine")
    except ImportError:
        return None
    annotator_get = getattr(module, "annotator_get", None)
    return annotator_get() if callable(annotator_get) else None


def _evidence(items: Sequence[Any]) -> list[dict[str, str]]:
    return [{"field": e.field, "text": e.text, "matched": e.matched} for e in items[:MAX_EVIDENCE]]


def _engine_tags(
    annotator: Any, offerings: Sequence[Offering]
) -> dict[int, dict[int, tuple[float, list[Any]]]]:
    """Skills and the best occupation the engine finds → concept ids with score and evidence."""
    found: dict[int, list[tuple[str, float, list[dict[str, str]]]]] = {}
    for offering in offerings:
        title, language = _title_language(offering)
        text = "\n".join([offering.description or "", ", ".join(offering.keywords)])
        annotation = annotator.annotate(str(offering.pk), text, title=title, language=language)
        mentions = [(m.uri, m.score, _evidence(m.evidence)) for m in annotation.skills]
        mentions += [(o.uri, o.score, _evidence(o.evidence)) for o in annotation.occupations[:1]]
        found[offering.pk] = mentions
    uris = {uri for mentions in found.values() for uri, _score, _evidence in mentions}
    ids = dict(Concept.objects.filter(uri__in=uris).values_list("uri", "pk"))
    return {
        offering_id: {
            ids[uri]: (float(score), evidence) for uri, score, evidence in mentions if uri in ids
        }
        for offering_id, mentions in found.items()
    }


def _tags_found(
    offerings: Sequence[Offering], *, engine: bool
) -> dict[int, dict[int, tuple[float, list[Any]]]]:
    annotator = _engine() if engine else None
    if annotator is not None:
        return _engine_tags(annotator, offerings)
    return _fallback_tags(offerings)


def _write(offerings: Sequence[Offering], *, engine: bool = True) -> int:
    ids = [offering.pk for offering in offerings]
    found = _tags_found(offerings, engine=engine)
    manual = defaultdict(set)
    rows = OfferingConcept.objects.filter(offering_id__in=ids, automatic=False)
    for offering_id, concept_id in rows.values_list("offering_id", "concept_id"):
        manual[offering_id].add(concept_id)
    OfferingConcept.objects.filter(offering_id__in=ids, automatic=True).delete()
    new: list[OfferingConcept] = []
    for offering in offerings:
        skip = manual[offering.pk] | set(offering.tags_removed)
        ranked = sorted(found[offering.pk].items(), key=lambda item: (-item[1][0], item[0]))
        new += [
            OfferingConcept(
                offering_id=offering.pk,
                concept_id=concept_id,
                automatic=True,
                score=round(score, 4),
                evidence=evidence,
            )
            for concept_id, (score, evidence) in ranked
            if concept_id not in skip
        ][:MAX_TAGS]
    OfferingConcept.objects.bulk_create(new, batch_size=BATCH)
    return len(new)


def offering_tags_refresh(*, offering: Offering) -> int:
    """Replace the automatic tags of one offering; returns how many it has now."""
    return _write([offering])


def offerings_tags_refresh(*, offering_ids: Iterable[int]) -> int:
    """Replace the automatic tags of many offerings in batches; returns how many were made.

    Up to `ENGINE_LIMIT` offerings are tagged by the concept engine; a larger set (a bulk load
    of a whole catalogue) by the fast label matcher, so that a 50,000-line import stays within
    a minute and a half.
    """
    ids = sorted(set(offering_ids))
    engine = len(ids) <= ENGINE_LIMIT
    fields = ["pk", "title_fi", "title_sv", "title_en", "keywords", "tags_removed"]
    fields += ["description_fi", "description_sv", "description_en"]
    total = 0
    for start in range(0, len(ids), BATCH):
        batch = list(Offering.objects.filter(pk__in=ids[start : start + BATCH]).only(*fields))
        total += _write(batch, engine=engine)
    return total
