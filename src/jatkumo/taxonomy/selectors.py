"""Reads of the taxonomy: the overview, concept search, one concept, its relations. Never writes.

Search ranks, per concept, its best matching label: the whole label equals the query, then the
label starts with it, then a word in the label starts with it, then the query is anywhere in it;
within a tier preferred labels come before other kinds and shorter labels before longer ones.
The ranking is one SQL aggregate over `Label.normalized`, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Least, Length
from django.utils.translation import gettext_lazy as _

from jatkumo.core.errors import NotFound
from jatkumo.taxonomy.models import (
    Concept,
    ImportRun,
    Label,
    LabelKind,
    Region,
    RegionLevel,
    Relation,
    RelationKind,
)
from jatkumo.taxonomy.query import (
    EXACT,
    PREFIX,
    SUBSTRING,
    WORD,
    WORD_STARTS,
    Highlight,
    highlight,
    match_tier,
    query_terms,
)

LANGUAGE_FALLBACK = ("fi", "en", "sv")
"""Order in which a concept's preferred label is chosen when the wanted language has none."""

_TIER_WEIGHT = 2000
_KIND_WEIGHT = 1000
_MAX_LENGTH_SCORE = 999


def taxonomy_overview() -> dict[str, Any]:
    """Counts per scheme and the latest import runs, for the home page."""
    per_scheme = dict(
        Concept.objects.order_by()
        .values_list("scheme")
        .annotate(n=Count("id"))
        .values_list("scheme", "n")
    )
    return {
        "per_scheme": per_scheme,
        "concepts": sum(per_scheme.values()),
        "labels": Label.objects.count(),
        "regions": Region.objects.count(),
        "imports": list(ImportRun.objects.all()[:5]),
    }


def labels_prefetch() -> Prefetch[Any]:
    """Prefetch every label of the concepts in a queryset, in a stable order."""
    return Prefetch("labels", queryset=Label.objects.order_by("language", "kind", "text", "id"))


def concept_label(concept: Concept, lang: str | None = None) -> str:
    """The preferred label of a prefetched concept in `lang`, else fi → en → sv → any label."""
    labels = list(concept.labels.all())
    order = ([lang] if lang else []) + [code for code in LANGUAGE_FALLBACK if code != lang]
    preferred = {lab.language: lab.text for lab in labels if lab.kind == LabelKind.PREFERRED}
    for code in order:
        if code in preferred:
            return preferred[code]
    if preferred:
        return next(iter(preferred.values()))
    return labels[0].text if labels else concept.code or concept.uri


@dataclass
class ConceptHit:
    """One search result: the concept and the label that matched best."""

    concept: Concept
    matched: Label | None
    tier: int | None
    highlight: Highlight | None


@dataclass
class ConceptSearchResult:
    count: int
    hits: list[ConceptHit] = field(default_factory=list)
    terms: tuple[str, ...] = ()


def _match_filter(terms: tuple[str, ...]) -> Q:
    condition = Q()
    for term in terms:
        condition |= Q(normalized__contains=term)
    return condition


def _score_expression(terms: tuple[str, ...]) -> Any:
    """SQL twin of `query.match_tier`, folded with label kind and length into one integer."""
    prefix, word = Q(), Q()
    for term in terms:
        prefix |= Q(normalized__startswith=term)
        for start in WORD_STARTS:
            word |= Q(normalized__contains=start + term)
    tier = Case(
        When(normalized__in=terms, then=Value(EXACT)),
        When(prefix, then=Value(PREFIX)),
        When(word, then=Value(WORD)),
        default=Value(SUBSTRING),
        output_field=IntegerField(),
    )
    kind = Case(
        When(kind=LabelKind.PREFERRED, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    length = Least(Length("normalized"), Value(_MAX_LENGTH_SCORE))
    return tier * _TIER_WEIGHT + kind * _KIND_WEIGHT + length


def _search_labels(terms: tuple[str, ...], scheme: str | None, lang: str | None) -> QuerySet[Label]:
    labels = Label.objects.filter(_match_filter(terms))
    if scheme:
        labels = labels.filter(concept__scheme=scheme)
    if lang:
        labels = labels.filter(language=lang)
    return labels.order_by()


def _best_label(concept: Concept, terms: tuple[str, ...], lang: str | None) -> ConceptHit:
    best: tuple[int, int, int] | None = None
    matched: Label | None = None
    for label in concept.labels.all():
        if lang and label.language != lang:
            continue
        tier = match_tier(label.normalized, terms)
        if tier is None:
            continue
        key = (tier, label.kind != LabelKind.PREFERRED, len(label.normalized))
        if best is None or key < best:
            best, matched = key, label
    tier = best[0] if best else None
    marked = highlight(matched.text, terms) if matched else None
    return ConceptHit(concept=concept, matched=matched, tier=tier, highlight=marked)


def concept_search(
    *,
    q: str,
    scheme: str | None = None,
    lang: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> ConceptSearchResult:
    """Concepts whose labels contain `q` (or its Finnish base forms), best matches first.

    `lang` limits matching to labels in that language. An empty query lists concepts in their
    default order (scheme, code, URI). Runs three queries whatever the page size.
    """
    terms = query_terms(q)
    if not terms:
        concepts = Concept.objects.all()
        if scheme:
            concepts = concepts.filter(scheme=scheme)
        page = list(concepts.prefetch_related(labels_prefetch())[offset : offset + limit])
        hits = [ConceptHit(concept=c, matched=None, tier=None, highlight=None) for c in page]
        return ConceptSearchResult(count=concepts.count(), hits=hits)
    labels = _search_labels(terms, scheme, lang)
    # One scan ranks the concepts and, through the window, counts them all.
    rows = list(
        labels.values("concept_id")
        .annotate(best=Min(_score_expression(terms)), total=Window(Count("*")))
        .order_by("best", "concept_id")
        .values_list("concept_id", "total")[offset : offset + limit]
    )
    count = rows[0][1] if rows else labels.values("concept_id").distinct().count() if offset else 0
    ranked = [pk for pk, _total in rows]
    by_id = Concept.objects.prefetch_related(labels_prefetch()).in_bulk(ranked)
    hits = [_best_label(by_id[pk], terms, lang) for pk in ranked if pk in by_id]
    return ConceptSearchResult(count=count, hits=hits, terms=terms)


def concept_get(*, id: int) -> Concept:
    """One concept with its labels prefetched; `NotFound` if there is none."""
    concept = Concept.objects.prefetch_related(labels_prefetch()).filter(pk=id).first()
    if concept is None:
        raise NotFound(f"No concept with id {id}.")
    return concept


def concept_get_by_uri(*, uri: str) -> Concept:
    concept = Concept.objects.filter(uri=uri).first()
    if concept is None:
        raise NotFound(f"No concept with URI {uri}.")
    return concept


def region_list(*, level: str | None = None) -> QuerySet[Region]:
    regions = Region.objects.select_related("parent").order_by("level", "code")
    return regions.filter(level=level) if level else regions


def municipality_list(*, region_code: str) -> QuerySet[Region]:
    """The municipalities of one region (maakunta, e.g. "MK06"), by name; every municipality
    when the region is not loaded."""
    municipalities = Region.objects.filter(level=RegionLevel.MUNICIPALITY)
    in_region = municipalities.filter(parent__parent__code=region_code)
    return (in_region if in_region.exists() else municipalities).order_by("name")


def municipality_sub_regions() -> dict[str, str]:
    """Municipality code → the code of its sub-region (seutukunta), walking up the regional
    classification; a municipality without a sub-region above it is left out. The one mapping
    search facets, matching preferences and the unmet registry use."""
    rows = {
        pk: (code, level, parent)
        for pk, code, level, parent in Region.objects.values_list("pk", "code", "level", "parent")
    }
    found: dict[str, str] = {}
    for code, level, parent in rows.values():
        if level != RegionLevel.MUNICIPALITY:
            continue
        up = parent
        while up is not None and up in rows and rows[up][1] != RegionLevel.SUB_REGION:
            up = rows[up][2]
        if up is not None and up in rows:
            found[code] = rows[up][0]
    return found


def labels_by_language(concept: Concept) -> list[tuple[str, list[Label]]]:
    """The prefetched labels of a concept grouped by language: fi, sv, en first, then the rest."""
    groups: dict[str, list[Label]] = {}
    kinds = [kind.value for kind in LabelKind]
    for label in sorted(concept.labels.all(), key=lambda lab: (kinds.index(lab.kind), lab.text)):
        groups.setdefault(label.language, []).append(label)
    order = ["fi", "sv", "en"]
    return sorted(
        groups.items(), key=lambda item: (order.index(item[0]) if item[0] in order else 9, item[0])
    )


@dataclass(frozen=True)
class RelationGroupSpec:
    """One way a concept can be related to others: relation kind × direction, with a title."""

    key: str
    kind: str
    direction: str  # "out": this concept is the subject; "in": the object; "both": either
    title: Any


RELATION_GROUPS = (
    RelationGroupSpec("essential-skills", RelationKind.ESSENTIAL_FOR, "in", _("Essential skills")),
    RelationGroupSpec("optional-skills", RelationKind.OPTIONAL_FOR, "in", _("Optional skills")),
    RelationGroupSpec(
        "essential-for", RelationKind.ESSENTIAL_FOR, "out", _("Essential for occupations")
    ),
    RelationGroupSpec("optional-for", RelationKind.OPTIONAL_FOR, "out", _("Optional for")),
    RelationGroupSpec("broader", RelationKind.BROADER, "out", _("Broader concepts")),
    RelationGroupSpec("narrower", RelationKind.BROADER, "in", _("Narrower concepts")),
    RelationGroupSpec("exact-matches", RelationKind.EXACT_MATCH, "both", _("Exact matches")),
    RelationGroupSpec("related", RelationKind.RELATED, "both", _("Related concepts")),
)
RELATION_GROUP_KEYS = tuple(spec.key for spec in RELATION_GROUPS)


@dataclass
class RelationGroup:
    spec: RelationGroupSpec
    count: int
    concepts: list[Concept]

    @property
    def single_scheme(self) -> str | None:
        """The scheme shared by every listed member, or None if they differ."""
        schemes = {concept.scheme for concept in self.concepts}
        return schemes.pop() if len(schemes) == 1 else None


def _related_queryset(concept: Concept, spec: RelationGroupSpec) -> QuerySet[Concept]:
    out = Relation.objects.filter(subject=concept, kind=spec.kind, object=OuterRef("pk"))
    into = Relation.objects.filter(object=concept, kind=spec.kind, subject=OuterRef("pk"))
    condition = {"out": Exists(out), "in": Exists(into), "both": Exists(out) | Exists(into)}
    return Concept.objects.filter(condition[spec.direction]).exclude(pk=concept.pk)


def _sorted_by_label(concepts: QuerySet[Concept], lang: str) -> QuerySet[Concept]:
    def preferred(code: str) -> Subquery:
        labels = Label.objects.filter(
            concept=OuterRef("pk"), kind=LabelKind.PREFERRED, language=code
        ).order_by("text")
        return Subquery(labels.values("text")[:1])

    order = [lang, *[code for code in LANGUAGE_FALLBACK if code != lang]]
    sort_label = Coalesce(*[preferred(code) for code in order], Value(""))
    return concepts.annotate(sort_label=sort_label).order_by("sort_label", "pk")


def _group_counts(concept: Concept) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for direction, relations in (
        ("out", Relation.objects.filter(subject=concept)),
        ("in", Relation.objects.filter(object=concept)),
    ):
        for kind, n in relations.order_by().values_list("kind").annotate(n=Count("id")):
            counts[(kind, direction)] = n
    return counts


def concept_relations(*, concept: Concept, lang: str, limit: int = 30) -> list[RelationGroup]:
    """The non-empty relation groups of a concept, each with its count and first `limit` members.

    Members are sorted by their preferred label in `lang` and have their labels prefetched.
    """
    counts = _group_counts(concept)
    groups = []
    for spec in RELATION_GROUPS:
        directions = ("out", "in") if spec.direction == "both" else (spec.direction,)
        if not any(counts.get((spec.kind, direction)) for direction in directions):
            continue
        members, total = concept_relation_page(
            concept=concept, key=spec.key, lang=lang, limit=limit, offset=0
        )
        if total:
            groups.append(RelationGroup(spec=spec, count=total, concepts=members))
    return groups


def relation_group_spec(key: str) -> RelationGroupSpec:
    for spec in RELATION_GROUPS:
        if spec.key == key:
            return spec
    raise NotFound(f"No relation group {key!r}.")


def concept_relation_page(
    *, concept: Concept, key: str, lang: str, limit: int, offset: int
) -> tuple[list[Concept], int]:
    """One page of the concepts in relation group `key` of `concept`, and the group's size."""
    related = _related_queryset(concept, relation_group_spec(key))
    page = _sorted_by_label(related, lang).prefetch_related(labels_prefetch())
    members = list(page[offset : offset + limit])
    total = len(members) if offset == 0 and len(members) < limit else related.count()
    return members, total
