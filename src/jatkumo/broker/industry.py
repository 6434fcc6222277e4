"""The industry view (B6): per TOL 2008 section, demand next to supply, and the industry's people.

Demand is the needs that reached the broker from companies of the industry: open ones (the
case is still being worked on) and unmet ones (no offering covered them well enough). Supply
is the published offerings that name the industry, plus the published offerings that teach a
skill of the industry's unmet needs (what could be built on). The people are the public
contact roles kept for the industry or for a field of education that trains for it. Reads only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from jatkumo.broker.models import CaseState, Need, NeedSkill
from jatkumo.broker.registry import UNMET, registry_needs
from jatkumo.catalogue.models import Offering, Status
from jatkumo.core.errors import NotFound
from jatkumo.organisations.models import ContactRole
from jatkumo.taxonomy.models import Concept, Industry
from jatkumo.taxonomy.selectors import concept_label, labels_prefetch

CLOSED_STATES = (CaseState.DELIVERED, CaseState.WITHDRAWN, CaseState.AGREED)

# Ours, not an official concordance: TOL 2008 section → the ISCED-F 2013 broad fields of
# education whose graduates usually work in it. Used to find the industry's people among
# contact roles kept per field of education.
INDUSTRY_FIELDS: dict[str, tuple[str, ...]] = {
    "A": ("08",),  # agriculture, forestry and fishing
    "B": ("07",),  # mining and quarrying
    "C": ("07",),  # manufacturing
    "D": ("07",),  # electricity, gas, steam
    "E": ("07", "05"),  # water supply, waste management
    "F": ("07",),  # construction
    "G": ("04",),  # wholesale and retail trade
    "H": ("10",),  # transportation and storage
    "I": ("10",),  # accommodation and food service
    "J": ("06", "03"),  # information and communication
    "K": ("04",),  # finance and insurance
    "L": ("04",),  # real estate
    "M": ("04", "07", "05"),  # professional, scientific and technical activities
    "N": ("04", "10"),  # administrative and support services
    "O": ("04",),  # public administration and defence
    "P": ("01",),  # education
    "Q": ("09",),  # human health and social work (SOTE)
    "R": ("02",),  # arts, entertainment and recreation
    "S": ("10", "02"),  # other service activities
}


@dataclass(frozen=True)
class SkillCount:
    uri: str
    label: str
    count: int


@dataclass
class IndustrySummary:
    industry: Industry
    open_needs: int = 0
    unmet_needs: int = 0
    offerings: int = 0


@dataclass
class IndustryView:
    industry: Industry
    open_needs: QuerySet[Need]
    unmet_needs: QuerySet[Need]
    open_skills: list[SkillCount] = field(default_factory=list)
    unmet_skills: list[SkillCount] = field(default_factory=list)
    offerings: list[Offering] = field(default_factory=list)
    offerings_count: int = 0
    skill_offerings: list[tuple[Offering, list[str]]] = field(default_factory=list)
    people: list[ContactRole] = field(default_factory=list)


def _open(needs: QuerySet[Need]) -> QuerySet[Need]:
    return needs.exclude(case__state__in=CLOSED_STATES).exclude(UNMET)


def _published_industries() -> list[tuple[int, list[str]]]:
    rows = Offering.objects.filter(status=Status.PUBLISHED).values_list("pk", "industries")
    return [(pk, list(codes or [])) for pk, codes in rows.iterator(chunk_size=5000)]


def industry_summaries() -> list[IndustrySummary]:
    """Every TOL section with its counts of open and unmet needs and published offerings."""
    summaries = {i.code: IndustrySummary(i) for i in Industry.objects.order_by("code")}
    needs = registry_needs()
    for code, count in _open(needs).values_list("industry").annotate(n=Count("pk")).order_by():
        if code in summaries:
            summaries[code].open_needs = count
    for code, count in (
        needs.filter(UNMET).values_list("industry").annotate(n=Count("pk")).order_by()
    ):
        if code in summaries:
            summaries[code].unmet_needs = count
    for _pk, codes in _published_industries():
        for code in codes:
            if code in summaries:
                summaries[code].offerings += 1
    return list(summaries.values())


def _skill_counts(needs: QuerySet[Need], lang: str, limit: int = 15) -> list[SkillCount]:
    counts: Counter[int] = Counter(
        NeedSkill.objects.filter(need__in=needs, removed=False).values_list("concept_id", flat=True)
    )
    top = dict(counts.most_common(limit))
    concepts = Concept.objects.filter(pk__in=top).prefetch_related(labels_prefetch())
    rows = [SkillCount(c.uri, concept_label(c, lang), top[c.pk]) for c in concepts]
    return sorted(rows, key=lambda row: (-row.count, row.label))


def _skill_offerings(
    needs: QuerySet[Need], lang: str, limit: int
) -> list[tuple[Offering, list[str]]]:
    """Published offerings teaching skills of the needs, most skills covered first."""
    concept_ids = set(
        NeedSkill.objects.filter(need__in=needs, removed=False).values_list("concept_id", flat=True)
    )
    if not concept_ids:
        return []
    offerings = (
        Offering.objects.filter(status=Status.PUBLISHED, tags__concept_id__in=concept_ids)
        .annotate(covered=Count("tags", filter=Q(tags__concept_id__in=concept_ids)))
        .select_related("provider")
        .order_by("-covered", "title")[:limit]
    )
    result: list[tuple[Offering, list[str]]] = []
    for offering in offerings.prefetch_related("tags__concept__labels"):
        skills = [
            concept_label(tag.concept, lang)
            for tag in offering.tags.all()
            if tag.concept_id in concept_ids
        ]
        result.append((offering, skills))
    return result


def industry_people(code: str) -> list[ContactRole]:
    """Public contact roles for the industry or a field of education that trains for it."""
    roles = ContactRole.objects.filter(is_public=True).filter(
        Q(industry__code=code) | Q(education_field__code__in=INDUSTRY_FIELDS.get(code, ()))
    )
    roles = roles.select_related("person", "organisation", "education_field", "industry")
    return sorted(
        roles,
        key=lambda r: (
            r.industry is None,
            str(r.organisation.name),
            r.person.last_name,
            r.person.first_name,
        ),
    )


def industry_view(*, code: str, lang: str = "fi", limit: int = 20) -> IndustryView:
    """Demand, supply and people of one TOL section; `NotFound` for an unknown letter."""
    industry = Industry.objects.filter(code=code.upper()).first()
    if industry is None:
        raise NotFound(f"No such industry: {code}")
    needs = registry_needs(industry=industry.code)
    open_needs = _open(needs).select_related("case").prefetch_related("skills__concept")
    unmet_needs = needs.filter(UNMET).select_related("case").prefetch_related("skills__concept")
    named = [pk for pk, codes in _published_industries() if industry.code in codes]
    offerings = Offering.objects.filter(pk__in=named).select_related("provider")
    return IndustryView(
        industry=industry,
        open_needs=open_needs,
        unmet_needs=unmet_needs,
        open_skills=_skill_counts(open_needs, lang),
        unmet_skills=_skill_counts(unmet_needs, lang),
        offerings=list(offerings.order_by("title")[:limit]),
        offerings_count=len(named),
        skill_offerings=_skill_offerings(unmet_needs, lang, limit),
        people=industry_people(industry.code),
    )
