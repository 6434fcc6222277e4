"""The broker's one adapter to `intel.match`: need text → understood need, offerings, packages.

`need_match()` analyses the need with the concept engine (`analysis.engine.annotator_get`:
skills, occupation, language), ranks the published offerings of the catalogue with
`intel.match.rank` (hybrid) or `intel.match_baseline` (plain BM25), and returns a `MatchResult`
with interchange ids and provider names. The `MatchIndex` over the published offerings is built
on first use and kept per process; it is rebuilt when the catalogue's version stamp
(`catalogue.search.index_stamp`: offerings, tags, labels, date) changes, checked at most once
every `STAMP_TTL` seconds.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils import timezone

from jatkumo.analysis.engine import annotator_get
from jatkumo.broker.match_index import CatalogueMatchIndex, match_index_build
from jatkumo.catalogue.search import index_stamp
from jatkumo.intel.match import rank
from jatkumo.intel.match_baseline import baseline_rank
from jatkumo.intel.match_types import Match, MatchOutcome, Need, NeedSkill, Preferences
from jatkumo.intel.settled import skills_without_settled
from jatkumo.intel.unmet import urgency_of
from jatkumo.taxonomy.models import Label, LabelKind

STAMP_TTL = 1.0
"""Seconds between two checks whether the catalogue changed (tests set 0)."""
METHODS = ("hybrid", "baseline")


@dataclass(frozen=True)
class MatchedOffering:
    """One result: interchange id, provider name, title, score and human-readable reasons."""

    offering_id: str
    offering_pk: int
    provider: str
    title: str
    score: float
    reasons: list[str]
    covers: list[dict[str, Any]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    url: str = ""


@dataclass(frozen=True)
class MatchedPackage:
    """Offerings from different providers that together cover the need's skills."""

    offering_ids: list[str]
    offering_pks: list[int]
    providers: list[str]
    coverage: float
    covered: list[str]
    uncovered: list[str]
    duration_weeks: float | None
    price_eur: float | None


@dataclass(frozen=True)
class MatchResult:
    """What was understood (language, skills, occupation, industry, urgency) and what fits."""

    language: str
    skills: list[dict[str, Any]]
    occupation: dict[str, Any] | None
    industry: str
    urgency: str
    results: list[MatchedOffering]
    packages: list[MatchedPackage]
    unmet: bool
    unmet_reasons: list[str]
    confidence: float
    method: str = "hybrid"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (the CLI's `--format json`)."""
        return asdict(self)


# --- the per-process index ---------------------------------------------------------------------


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: CatalogueMatchIndex | None = None
        self.stamp: tuple[Any, ...] | None = None
        self.checked = 0.0


_cache = _Cache()


def match_index() -> CatalogueMatchIndex:
    """The current index over published offerings (built on first use, rebuilt on change)."""
    now = time.monotonic()
    if _cache.index is not None and now - _cache.checked < STAMP_TTL:
        return _cache.index
    with _cache.lock:
        stamp = index_stamp()
        _cache.checked = time.monotonic()
        if _cache.index is None or stamp != _cache.stamp:
            _cache.index, _cache.stamp = match_index_build(), stamp
        return _cache.index


def match_index_reset() -> None:
    """Forget the cached index (the next match rebuilds it)."""
    with _cache.lock:
        _cache.index, _cache.stamp, _cache.checked = None, None, 0.0


# --- need understanding --------------------------------------------------------------------------


def _skill(mention: Any) -> NeedSkill:
    words = tuple(dict.fromkeys(e.text for e in mention.evidence if e.text))
    return NeedSkill(mention.uri, mention.label, float(mention.score), words)


def preferences_parse(preferences: dict[str, Any] | None) -> Preferences:
    """The interchange `preferences` object (+ optional `strict` list) → `Preferences`."""
    prefs = preferences or {}
    price = prefs.get("max_price_eur")
    return Preferences(
        modes=frozenset(prefs.get("modes") or ()),
        languages=frozenset(prefs.get("languages") or ()),
        max_price_eur=float(price) if price is not None else None,
        strict=frozenset(prefs.get("strict") or ()),
    )


def need_understand(
    index: CatalogueMatchIndex,
    *,
    text: str,
    language: str | None,
    preferences: dict[str, Any] | None,
    municipality: str | None,
    needed_by: dt.date | None,
    skills: list[str] | None = None,
    industry: str | None = None,
) -> tuple[Need, Any]:
    """Need text and form fields → `intel` `Need` and the engine's annotation.

    `skills`: the skill URIs the company confirmed; they replace the ones found (a confirmed
    skill the text did not evidence gets score 1 and its preferred label).
    """
    lang = language if language in ("fi", "sv", "en") else None
    annotation = annotator_get().annotate("need", text, language=lang)  # type: ignore[arg-type]
    # "trukkikortit on jo kaikilla": not asked for, so not shown as understood
    found = skills_without_settled(text, [_skill(m) for m in annotation.skills])
    if skills is not None:
        found = _confirmed(found, skills, annotation.language)
    need = Need(
        text=text,
        skills=found,
        occupations=tuple(
            NeedSkill(o.uri, o.label, float(o.score), tuple(e.text for e in o.evidence))
            for o in annotation.occupations[:1]
        ),
        language=annotation.language,
        municipality=municipality or "",
        sub_region=index.sub_region_of.get(municipality or "", ""),
        needed_by=needed_by,
        preferences=preferences_parse(preferences),
        industry=industry or "",
    )
    return need, annotation


def _confirmed(
    found: tuple[NeedSkill, ...], uris: list[str], language: str
) -> tuple[NeedSkill, ...]:
    known = {skill.uri: skill for skill in found}
    missing = [uri for uri in uris if uri not in known]
    labels: dict[str, str] = {}
    for uri, lang, text in Label.objects.filter(
        concept__uri__in=missing, kind=LabelKind.PREFERRED
    ).values_list("concept__uri", "language", "text"):
        if uri not in labels or lang == language:
            labels[uri] = text
    return tuple(known.get(uri) or NeedSkill(uri, labels.get(uri, uri), 1.0) for uri in uris)


# --- results -----------------------------------------------------------------------------------

_NOTE_TEXT = {
    "languages": "taught in {value} only",
    "modes": "offered as {value}",
    "price": "price {value} € is above the budget",
    "start": "starts {value}, after the date needed",
    "place": "held in municipality {value}",
    "target_group": "meant for the unemployed (a recruitment route)",
    "industry": "aimed at other industries ({value})",
}


def match_reasons(match: Match) -> list[str]:
    """A match's reasons as short English sentences (the CLI and the JSONL `reasons`)."""
    reasons = []
    for cover in match.covers:
        said = ", ".join(f"'{w}'" for w in cover.need_words[:2]) or "the need"
        shown = ", ".join(f"'{w}'" for w in cover.offering_words[:2])
        reasons.append(
            f"covers skill '{cover.label}' (need: {said}"
            + (f"; offering: {shown})" if shown else ")")
        )
    if match.words:
        reasons.append("matching words: " + ", ".join(match.words[:8]))
    reasons += [_NOTE_TEXT.get(name, name).format(value=value) for name, value in match.notes]
    return reasons


def _result(index: CatalogueMatchIndex, match: Match) -> MatchedOffering:
    info = index.info[match.key]
    return MatchedOffering(
        offering_id=info.external_id,
        offering_pk=match.key,
        provider=info.provider,
        title=info.title,
        score=match.score,
        reasons=match_reasons(match),
        covers=[asdict(c) for c in match.covers],
        words=list(match.words),
        notes=[{"preference": n, "value": v} for n, v in match.notes],
        url=info.url,
    )


def _industry(index: CatalogueMatchIndex, outcome: MatchOutcome, given: str | None) -> str:
    if given:
        return given
    votes: Counter[str] = Counter()
    for match in outcome.matches[:3]:
        votes.update(index.info[match.key].industries)
    return votes.most_common(1)[0][0] if votes and not outcome.unmet else ""


def need_match(
    *,
    text: str,
    language: str | None = None,
    preferences: dict[str, Any] | None = None,
    municipality: str | None = None,
    needed_by: dt.date | None = None,
    industry: str | None = None,
    skills: list[str] | None = None,
    top: int = 10,
    method: str = "hybrid",
) -> MatchResult:
    """A company's need in its own words → `MatchResult` over the published offerings.

    `skills` (optional): the skill URIs the company confirmed, used instead of those found.
    """
    index = match_index()
    need, annotation = need_understand(
        index,
        text=text,
        language=language,
        preferences=preferences,
        municipality=municipality,
        needed_by=needed_by,
        skills=skills,
        industry=industry,
    )
    if method == "baseline":
        outcome = baseline_rank(index.baseline, need, top=top)
    else:
        outcome = rank(index.intel, need, top=top)
    top_occupation = annotation.occupations[0] if annotation.occupations else None
    return MatchResult(
        language=annotation.language,
        skills=[asdict(s) for s in need.skills],
        occupation=(
            {"isco": top_occupation.isco, "uri": top_occupation.uri, "label": top_occupation.label}
            if top_occupation
            else None
        ),
        industry=_industry(index, outcome, industry),
        urgency=urgency_of(text, needed_by, timezone.localdate()),
        results=[_result(index, m) for m in outcome.matches],
        packages=[
            MatchedPackage(
                offering_ids=[index.info[k].external_id for k in p.keys],
                offering_pks=list(p.keys),
                providers=[index.info[k].provider for k in p.keys],
                coverage=p.coverage,
                covered=list(p.covered),
                uncovered=list(p.uncovered),
                duration_weeks=p.duration_weeks,
                price_eur=p.price_eur,
            )
            for p in outcome.packages
        ],
        unmet=outcome.unmet,
        unmet_reasons=list(outcome.reasons),
        confidence=outcome.confidence,
        method=method,
    )
