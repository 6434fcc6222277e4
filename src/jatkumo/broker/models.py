"""Company needs, the cases they become, routing to provider contacts, and the case history.

A need is what a company wrote, in its own words, plus what the system understood (skills the
company confirmed, removed or added). Each need becomes one case, which is routed to contact
roles whose field matches, moves through its states, and keeps a history of who did what and
when. Unmet needs (no offering covers them well enough) stay in the registry for foresight.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jatkumo.catalogue.models import Offering
from jatkumo.core.models import TimeStampedModel
from jatkumo.organisations.models import ContactRole, Organisation
from jatkumo.taxonomy.models import Concept


class CompanySize(models.TextChoices):
    MICRO = "micro", _("Micro (fewer than 10)")
    SMALL = "small", _("Small (10–49)")
    MEDIUM = "medium", _("Medium (50–249)")
    LARGE = "large", _("Large (250 or more)")


class NeedOrigin(models.TextChoices):
    FORM = "form", _("Public form")
    API = "api", _("API")
    IMPORT = "import", _("Imported from a file")
    STAFF = "staff", _("Entered by staff")


class Need(TimeStampedModel):
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    external_id = models.CharField(
        _("id in the source"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The `id` of an imported needs.jsonl line."),
    )
    origin = models.CharField(
        _("origin"), max_length=16, choices=NeedOrigin.choices, default=NeedOrigin.FORM
    )
    text = models.TextField(_("the need in the company's words"))
    language = models.CharField(_("language"), max_length=2, blank=True)
    company = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
    )
    company_name = models.CharField(_("company name"), max_length=200, blank=True)
    company_business_id = models.CharField(_("business ID (Y-tunnus)"), max_length=9, blank=True)
    company_size = models.CharField(
        _("company size"), max_length=8, choices=CompanySize.choices, blank=True
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    industry = models.CharField(_("industry (TOL section)"), max_length=2, blank=True)
    municipality = models.CharField(_("municipality code"), max_length=3, blank=True)
    headcount = models.PositiveIntegerField(_("how many people"), null=True, blank=True)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    preferences = models.JSONField(
        _("preferences"),
        default=dict,
        blank=True,
        help_text=_('{"modes": [...], "languages": [...], "max_price_eur": number}'),
    )
    extra = models.JSONField(
        _("other data"),
        default=dict,
        blank=True,
        help_text=_("The interchange `extra` object of an imported need, kept as it was."),
    )
    understood = models.JSONField(
        _("what the system understood"),
        default=dict,
        blank=True,
        help_text=_("Snapshot of the analysis: skills, occupation, industry, urgency, language."),
    )
    submitted_at = models.DateTimeField(
        _("sent"),
        null=True,
        blank=True,
        help_text=_("Empty while the company is still reviewing what was understood."),
    )

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:80]


class SkillOrigin(models.TextChoices):
    AUTOMATIC = "automatic", _("Understood automatically")
    ADDED = "added", _("Added by the company")


class NeedSkill(models.Model):
    need = models.ForeignKey(
        Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="skills"
    )
    concept = models.ForeignKey(
        Concept, verbose_name=_("concept"), on_delete=models.CASCADE, related_name="need_skills"
    )
    origin = models.CharField(
        _("origin"), max_length=16, choices=SkillOrigin.choices, default=SkillOrigin.AUTOMATIC
    )
    removed = models.BooleanField(
        _("removed by the company"),
        default=False,
        help_text=_("Kept so that what was understood and what was corrected stay visible."),
    )
    score = models.FloatField(_("score"), default=0.0)
    evidence = models.JSONField(_("evidence"), default=list, blank=True)

    class Meta:
        verbose_name = _("need skill")
        verbose_name_plural = _("need skills")
        constraints = [models.UniqueConstraint(fields=["need", "concept"], name="need_skill_once")]

    def __str__(self) -> str:
        return f"{self.need_id} → {self.concept_id}"


class CaseState(models.TextChoices):
    NEW = "new", pgettext_lazy("case state", "New")
    ROUTED = "routed", _("Routed")
    CONTACTED = "contacted", _("Contacted")
    PROPOSAL = "proposal", _("Proposal made")
    AGREED = "agreed", _("Agreed")
    DELIVERED = "delivered", _("Delivered")
    UNMET = "unmet", _("Unmet")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Case(TimeStampedModel):
    need = models.OneToOneField(
        Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="case"
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=CaseState.choices,
        default=CaseState.NEW,
        db_index=True,
    )
    unmet = models.BooleanField(
        _("unmet demand"),
        default=False,
        db_index=True,
        help_text=_("No offering covers the need well enough."),
    )
    best_coverage = models.FloatField(_("best coverage"), null=True, blank=True)
    match_snapshot = models.JSONField(
        _("matches when sent"),
        default=dict,
        blank=True,
        help_text=_("Ranked offerings and packages with their reasons, as shown to the company."),
    )
    shared_with_network = models.BooleanField(_("shared with the whole network"), default=False)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_state_display()}"


class CaseRouting(models.Model):
    """The case was sent to this contact role (and so to its organisation), and why."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="routings"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="routed_cases",
    )
    contact_role = models.ForeignKey(
        ContactRole,
        verbose_name=_("contact role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routed_cases",
    )
    reason = models.CharField(_("why"), max_length=500, blank=True)
    routed_at = models.DateTimeField(_("routed"), auto_now_add=True)
    responded_at = models.DateTimeField(_("first response"), null=True, blank=True)

    class Meta:
        verbose_name = _("case routing")
        verbose_name_plural = _("case routings")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation"], name="case_routed_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.organisation_id}"


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    ROUTED = "routed", _("Routed")
    STATE = "state", _("State changed")
    NOTE = "note", _("Note")
    SHARED = "shared", _("Shared with the network")
    PROPOSAL = "proposal", _("Offering proposed")


class CaseEvent(models.Model):
    """One line of the case history: who did what and when."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_events",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_events",
    )
    kind = models.CharField(_("what"), max_length=16, choices=EventKind.choices)
    from_state = models.CharField(_("from"), max_length=16, choices=CaseState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=16, choices=CaseState.choices, blank=True)
    text = models.TextField(_("text"), blank=True)
    offering = models.ForeignKey(
        Offering,
        verbose_name=_("offering"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_events",
    )
    private = models.BooleanField(
        _("private to the organisation"),
        default=False,
        help_text=_("Only people of the author's organisation (and coordinators) see it."),
    )

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """An in-app inbox item; the same message is also sent by email."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        on_delete=models.CASCADE,
        related_name="notifications",
        null=True,
        blank=True,
    )
    subject = models.CharField(pgettext_lazy("message", "subject"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
