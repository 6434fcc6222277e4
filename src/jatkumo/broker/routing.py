"""Who gets a case: contact roles whose field of education or industry fits the need.

A need is understood as skills, an occupation and an industry (see `broker.matching`). Contact
roles are kept per field of education (ISCED-F broad field, "07") and per industry (TOL 2008
section, "C"), so the occupation and the skills are first turned into fields of education with
`ISCO_TO_ISCED`, and the industry is taken as it is. Among the contact roles that fit, the
services a company asks for first (tailored training, continuous learning, apprenticeship) come
first; providers whose offerings were matched get a lift. One routing per organisation, each
with the reasons in words, so the people who receive a case can see why it came to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from jatkumo.catalogue.models import Offering
from jatkumo.organisations.models import ContactRole, ServiceKind
from jatkumo.taxonomy.models import Relation, RelationKind

# Ours, not an official concordance: the ISCO-08 major group (one digit) or sub-major group (two
# digits) of an occupation → the ISCED-F 2013 broad fields of education that usually train for
# it. The sub-major group wins when both are listed. Reviewed by hand against the ISCO-08
# group titles; extend it when routing sends a case to the wrong field.
ISCO_TO_ISCED: dict[str, tuple[str, ...]] = {
    "0": ("10",),  # armed forces → services (security)
    "1": ("04",),  # managers → business and administration
    "13": ("04", "07"),  # production and specialised services managers
    "14": ("04", "10"),  # hospitality, retail and other services managers
    "2": ("05",),  # professionals (fallback) → natural sciences
    "21": ("07", "05"),  # science and engineering professionals
    "22": ("09",),  # health professionals
    "23": ("01",),  # teaching professionals
    "24": ("04",),  # business and administration professionals
    "25": ("06",),  # ICT professionals
    "26": ("03", "02", "04"),  # legal, social and cultural professionals
    "3": ("07",),  # technicians and associate professionals (fallback)
    "31": ("07",),  # science and engineering associate professionals
    "32": ("09",),  # health associate professionals
    "33": ("04",),  # business and administration associate professionals
    "34": ("09", "10", "02"),  # legal, social, cultural and related associate professionals
    "35": ("06",),  # ICT technicians
    "4": ("04",),  # clerical support workers
    "5": ("10",),  # service and sales workers
    "52": ("04",),  # sales workers
    "53": ("09",),  # personal care workers
    "6": ("08",),  # skilled agricultural, forestry and fishery workers
    "7": ("07",),  # craft and related trades workers (building, metal, electrical, food...)
    "73": ("07", "02"),  # handicraft and printing workers
    "8": ("07",),  # plant and machine operators and assemblers
    "83": ("10", "07"),  # drivers and mobile plant operators → transport services
    "9": ("10",),  # elementary occupations
    "92": ("08",),  # agricultural, forestry and fishery labourers
    "93": ("07",),  # labourers in mining, construction, manufacturing and transport
}

PREFERRED_SERVICES: tuple[str, ...] = (
    ServiceKind.TAILORED_TRAINING,
    ServiceKind.CONTINUOUS_LEARNING,
    ServiceKind.APPRENTICESHIP,
)
MAX_ORGANISATIONS = 5
MIN_INVITED = 2


def isced_fields_for_isco(code: str) -> tuple[str, ...]:
    """ISCED-F broad fields for an ISCO-08 code ("7212", "7212.1"): sub-major group first."""
    digits = "".join(ch for ch in code if ch.isdigit())
    if not digits:
        return ()
    return ISCO_TO_ISCED.get(digits[:2]) or ISCO_TO_ISCED.get(digits[:1], ())


@dataclass
class RoutingTarget:
    """One organisation to invite: its best contact role and the reasons, best first."""

    organisation_id: int
    contact_role: ContactRole
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)[:500]


@dataclass(frozen=True)
class _Wanted:
    fields: dict[str, str]  # ISCED code → why ("the occupation welder (ISCO 7212)")
    industry: str
    offering_providers: dict[int, str]  # organisation id → title of a matched offering


def _occupation_codes(understood: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(ISCO code, label) of the understood occupation and of occupations the skills serve."""
    found: list[tuple[str, str]] = []
    occupation = understood.get("occupation") or {}
    if occupation.get("code"):
        found.append((str(occupation["code"]), str(occupation.get("label", ""))))
    uris = [s["uri"] for s in understood.get("skills", []) if s.get("uri") and not s.get("removed")]
    relations = Relation.objects.filter(
        subject__uri__in=uris, kind__in=[RelationKind.ESSENTIAL_FOR, RelationKind.OPTIONAL_FOR]
    ).select_related("subject", "object")
    labels = {s["uri"]: s.get("label", "") for s in understood.get("skills", [])}
    for relation in relations:
        if relation.object.code:
            found.append((relation.object.code, str(labels.get(relation.subject.uri, ""))))
    return found


def _wanted(understood: Mapping[str, Any], industry: str, offering_ids: Sequence[Any]) -> _Wanted:
    fields: dict[str, str] = {}
    occupation = understood.get("occupation") or {}
    for code, label in _occupation_codes(understood):
        for isced in isced_fields_for_isco(code):
            if isced in fields:
                continue
            if occupation.get("code") == code:
                fields[isced] = _("the occupation %(label)s (ISCO %(code)s)") % {
                    "label": label,
                    "code": code.split(".")[0],
                }
            else:
                fields[isced] = _("the skill %(label)s") % {"label": label}
    providers: dict[int, str] = {}
    offerings = Offering.objects.filter(
        Q(external_id__in=[str(i) for i in offering_ids])
        | Q(pk__in=[i for i in offering_ids if str(i).isdigit()])
    )
    for offering in offerings.only("provider_id", "title"):
        providers.setdefault(offering.provider_id, offering.title)
    return _Wanted(fields=fields, industry=industry, offering_providers=providers)


def _score_role(role: ContactRole, wanted: _Wanted) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    field_code = role.education_field.code if role.education_field else ""
    if field_code and field_code in wanted.fields:
        score += 2.0
        reasons.append(
            _("field of education %(field)s fits %(why)s")
            % {"field": role.education_field, "why": wanted.fields[field_code]}
        )
    if role.industry and role.industry.code == wanted.industry:
        score += 1.5
        reasons.append(_("works with the industry %(industry)s") % {"industry": role.industry})
    if score == 0:
        return 0.0, []
    if role.service in PREFERRED_SERVICES:
        score += 0.5 * (len(PREFERRED_SERVICES) - PREFERRED_SERVICES.index(role.service)) / 3
        reasons.append(_("offers %(service)s") % {"service": role.get_service_display().lower()})
    title = wanted.offering_providers.get(role.organisation_id)
    if title:
        score += 1.0
        reasons.append(_("has a matching offering: %(title)s") % {"title": title})
    return score, reasons


def routing_targets(
    *,
    understood: Mapping[str, Any],
    industry: str = "",
    offering_ids: Iterable[Any] = (),
    exclude_organisation_id: int | None = None,
    limit: int = MAX_ORGANISATIONS,
) -> list[RoutingTarget]:
    """The organisations to invite for a need, best first, each with its best contact role.

    `understood` is the need's analysis (skills, occupation); `industry` a TOL section letter;
    `offering_ids` the matched offerings (interchange ids or primary keys). Contact roles with
    neither a fitting field nor the industry are not invited.
    """
    wanted = _wanted(understood, industry, list(offering_ids))
    if not wanted.fields and not wanted.industry:
        return []
    roles = ContactRole.objects.select_related(
        "person", "organisation", "education_field", "industry"
    ).filter(Q(education_field__code__in=list(wanted.fields)) | Q(industry__code=industry or "-"))
    if exclude_organisation_id is not None:
        roles = roles.exclude(organisation_id=exclude_organisation_id)
    best: dict[int, RoutingTarget] = {}
    for role in roles.order_by("pk"):
        score, reasons = _score_role(role, wanted)
        current = best.get(role.organisation_id)
        if score and (current is None or score > current.score):
            best[role.organisation_id] = RoutingTarget(role.organisation_id, role, score, reasons)
    ranked = sorted(best.values(), key=lambda t: (-t.score, t.contact_role.organisation.name))
    # Providers that have a matching offering are invited; the field alone invites only as many
    # more as it takes to reach MIN_INVITED, so a case is not sent to every provider of a field.
    offering = [t for t in ranked if t.organisation_id in wanted.offering_providers]
    field_only = [t for t in ranked if t.organisation_id not in wanted.offering_providers]
    return (offering + field_only[: max(0, MIN_INVITED - len(offering))])[:limit]
