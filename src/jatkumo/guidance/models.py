"""Guidance for companies: funding instruments, the glossary and stored self-service answers.

Funding instruments ("pelivälineet") and glossary terms are reference content, loaded from
`data/guidance/*.json` and kept up to date by coordinators in the admin: instruments change with
reforms, so each one carries a status, validity dates and the day it was last checked.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager

from jatkumo.core.models import TimeStampedModel


class InstrumentStatus(models.TextChoices):
    ACTIVE = "active", _("In use")
    CHANGING = "changing", _("Changing – check before relying on it")
    ENDED = "ended", _("Ended")


class InstrumentKind(models.TextChoices):
    FUNDING = "funding", _("Public funding")
    SERVICE = "service", _("Public service")
    PRICING = "pricing", _("Who pays")


class FundingInstrument(TimeStampedModel):
    """One way to fund or organise learning: JOTPA funding, joint purchase, apprenticeship, ...

    `code` is stable: offerings link to `/guidance/funding/<code>/` with their funding codes.
    `suits` holds the transparent self-service rules: the answers for which the instrument is
    suggested (`{"size": [...], "change": [...], "urgency": [...], "budget": [...]}`).
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=InstrumentKind.choices)
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("in one sentence"), max_length=300)
    explanation = models.TextField(_("plain-language explanation"))
    who_for = models.TextField(_("who it is for"))
    cost = models.TextField(_("what it costs"))
    how_to_apply = models.TextField(_("how to apply and whom to ask"))
    status = models.CharField(
        _("status"), max_length=16, choices=InstrumentStatus.choices, default="active"
    )
    status_note = models.TextField(_("what is changing / what to check"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    last_reviewed = models.DateField(_("last reviewed"))
    source_name = models.CharField(_("authority"), max_length=200)
    source_url = models.URLField(_("authority's page"), max_length=500)
    related = models.ManyToManyField(
        "self", verbose_name=_("related instruments"), blank=True, symmetrical=True
    )
    suits = models.JSONField(_("suggested when"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    objects: MultilingualManager[FundingInstrument] = MultilingualManager()

    class Meta:
        verbose_name = _("funding instrument")
        verbose_name_plural = _("funding instruments")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class GlossaryTerm(TimeStampedModel):
    """A continuous-learning term explained in the language of a company."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    term = models.CharField(_("term"), max_length=150)
    abbreviation = models.CharField(_("abbreviation"), max_length=30, blank=True)
    explanation = models.TextField(_("plain explanation"))
    example = models.TextField(_("example"), blank=True)
    related_terms = models.ManyToManyField(
        "self", verbose_name=_("related terms"), blank=True, symmetrical=True
    )
    related_instruments = models.ManyToManyField(
        FundingInstrument,
        verbose_name=_("related funding instruments"),
        blank=True,
        related_name="glossary_terms",
    )

    objects: MultilingualManager[GlossaryTerm] = MultilingualManager()

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class SelfServiceAnswer(models.Model):
    """The answers of one company to the self-service questions; the link is shareable.

    Only the answers are stored (no names, no contact details): the answer page is computed
    again from them, so it shows current offerings, contacts and funding.
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    answers = models.JSONField(_("answers"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("self-service answer")
        verbose_name_plural = _("self-service answers")
        ordering = ["-created"]

    def __str__(self) -> str:
        return str(self.public_id)
