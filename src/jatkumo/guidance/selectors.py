"""Reads of guidance content and the composed self-service answer. Never writes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jatkumo.core.errors import NotFound
from jatkumo.guidance.advice import Action, actions_for, funding_matches
from jatkumo.guidance.models import (
    FundingInstrument,
    GlossaryTerm,
    InstrumentStatus,
    SelfServiceAnswer,
)
from jatkumo.guidance.offerings import OfferingSuggestion, offering_suggestions
from jatkumo.guidance.questions import Urgency
from jatkumo.organisations.models import ContactRole, ServiceKind
from jatkumo.organisations.selectors import contact_directory
from jatkumo.taxonomy.models import Industry, Region

REVIEW_AFTER = dt.timedelta(days=365)
MAX_CONTACTS = 8

#: TOL 2008 section → the field of education (ISCED-F broad field) that usually trains for it.
EDUCATION_FIELD_BY_INDUSTRY = {
    "A": "08", "B": "07", "C": "07", "D": "07", "E": "07", "F": "07", "G": "04", "H": "10",
    "I": "10", "J": "06", "K": "04", "L": "04", "M": "04", "N": "10", "O": "04", "P": "01",
    "Q": "09", "R": "02", "S": "10", "T": "10", "U": "04",
}  # fmt: skip


# --- funding instruments ------------------------------------------------------------------


def funding_instrument_list(*, include_ended: bool = True) -> QuerySet[FundingInstrument]:
    instruments = FundingInstrument.objects.all()
    if not include_ended:
        instruments = instruments.exclude(status=InstrumentStatus.ENDED)
    return instruments.order_by("order", "code")


def funding_instrument_get(*, code: str) -> FundingInstrument:
    """One instrument with its related instruments and glossary terms; `NotFound` otherwise."""
    found = (
        FundingInstrument.objects.prefetch_related("related", "glossary_terms")
        .filter(code=code)
        .first()
    )
    if found is None:
        raise NotFound(_("No such funding instrument."))
    return found


def funding_review_overdue(instrument: FundingInstrument, *, today: dt.date | None = None) -> bool:
    """True when nobody has checked the instrument against its authority for a year."""
    return (today or timezone.localdate()) - instrument.last_reviewed > REVIEW_AFTER


# --- glossary -----------------------------------------------------------------------------

_LETTER_ORDER = {"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003"}


def _sort_key(text: str) -> str:
    """Finnish and Swedish alphabetical order: å, ä and ö come after z."""
    return "".join(_LETTER_ORDER.get(char, char) for char in text.casefold())


def glossary_term_list(*, q: str = "") -> list[GlossaryTerm]:
    """Terms in alphabetical order of the current language, optionally matching `q` in any
    language (term, abbreviation or explanation)."""
    terms = GlossaryTerm.objects.prefetch_related("related_terms", "related_instruments")
    text = q.strip()
    if text:
        condition = Q()
        for lang in ("fi", "sv", "en"):
            condition |= Q(**{f"term_{lang}__icontains": text})
            condition |= Q(**{f"abbreviation_{lang}__iexact": text})
            condition |= Q(**{f"explanation_{lang}__icontains": text})
        terms = terms.filter(condition)
    return sorted(terms, key=lambda term: _sort_key(term.term))


def glossary_by_letter(terms: Iterable[GlossaryTerm]) -> list[tuple[str, list[GlossaryTerm]]]:
    """[(initial letter, terms)] in the order given."""
    groups: dict[str, list[GlossaryTerm]] = {}
    for term in terms:
        letter = term.term[:1].upper() or "#"
        groups.setdefault(letter, []).append(term)
    return list(groups.items())


# --- self-service answers -----------------------------------------------------------------


def self_service_answer_get(*, public_id: uuid.UUID) -> SelfServiceAnswer:
    found = SelfServiceAnswer.objects.filter(public_id=public_id).first()
    if found is None:
        raise NotFound(_("No such answer. The link may be mistyped."))
    return found


@dataclass(frozen=True)
class FundingSuggestion:
    instrument: FundingInstrument
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ContactSuggestion:
    role: ContactRole
    why: str


@dataclass(frozen=True)
class AnswerPage:
    """Everything the answer page shows, computed from the stored answers."""

    answers: Mapping[str, Any]
    industry: Industry | None
    municipality: Region | None
    actions: list[Action]
    offerings: list[OfferingSuggestion]
    contacts: list[ContactSuggestion]
    funding: list[FundingSuggestion]


def _funding(answers: Mapping[str, Any], actions: list[Action]) -> list[FundingSuggestion]:
    instruments = {item.code: item for item in funding_instrument_list(include_ended=False)}
    matches = funding_matches(answers, {code: item.suits for code, item in instruments.items()})
    return [FundingSuggestion(instruments[match.code], match.reasons) for match in matches]


def _contacts(answers: Mapping[str, Any], actions: list[Action]) -> list[ContactSuggestion]:
    industry = str(answers.get("industry") or "")
    field = EDUCATION_FIELD_BY_INDUSTRY.get(industry, "")
    services = list(dict.fromkeys(s for action in actions for s in action.services))
    groups: list[tuple[QuerySet[ContactRole], str]] = []
    if industry:
        groups.append((contact_directory(industry=industry), _("Knows your sector")))
    if field:
        groups.append((contact_directory(education_field=field), _("Trains for your sector")))
    for service in services:
        label = ServiceKind(service).label if service in ServiceKind.values else service
        groups.append((contact_directory(service=service), str(label)))
    found: dict[int, ContactSuggestion] = {}
    for roles, why in groups:
        for role in roles[:MAX_CONTACTS]:
            found.setdefault(role.pk, ContactSuggestion(role, why))
    return list(found.values())[:MAX_CONTACTS]


def self_service_answer_page(*, answers: Mapping[str, Any], lang: str) -> AnswerPage:
    """The answer to the self-service questions: development actions, offerings, contacts and
    funding, each with the reasons that link it to the answers."""
    actions = actions_for(answers)
    industry_code = str(answers.get("industry") or "")
    municipality_code = str(answers.get("municipality") or "")
    offerings = offering_suggestions(
        queries=[(action.title, action.keywords) for action in actions],
        industry=industry_code,
        municipality=municipality_code,
        soon=answers.get("urgency") == Urgency.NOW,
        lang=lang,
    )
    return AnswerPage(
        answers=answers,
        industry=Industry.objects.filter(code=industry_code).first(),
        municipality=Region.objects.filter(code=municipality_code).first()
        if municipality_code
        else None,
        actions=actions,
        offerings=offerings,
        contacts=_contacts(answers, actions),
        funding=_funding(answers, actions),
    )
