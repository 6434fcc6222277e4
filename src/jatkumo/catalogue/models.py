"""The regional catalogue of continuous-learning offerings (interchange format `offerings.jsonl`).

An offering belongs to one provider organisation and is identified by the provider's own id.
Enumerated lists (modes, languages, funding, ...) are JSON lists of the interchange codes, so an
export gives back exactly what was imported; the search index reads them from there.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jatkumo.core.models import TimeStampedModel
from jatkumo.organisations.models import Organisation
from jatkumo.taxonomy.models import Concept


class OfferingType(models.TextChoices):
    COURSE = "course", _("Course")
    QUALIFICATION_UNIT = "qualification_unit", _("Qualification unit")
    QUALIFICATION = "qualification", _("Qualification")
    DEGREE_PROGRAMME = "degree_programme", _("Degree programme")
    MICRO_CREDENTIAL = "micro_credential", _("Micro-credential")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    TAILORED_TRAINING = "tailored_training", _("Tailored training")
    COACHING = "coaching", _("Coaching")
    OTHER = "other", _("Other")


class Level(models.TextChoices):
    GENERAL = "general", _("General education")
    VOCATIONAL = "vocational", _("Vocational")
    VOCATIONAL_FURTHER = "vocational_further", _("Further vocational")
    UAS = "uas", _("University of applied sciences")
    UNIVERSITY = "university", _("University")
    LIBERAL_ADULT = "liberal_adult", _("Liberal adult education")


class CreditUnit(models.TextChoices):
    OP = "op", _("ECTS credits (op)")
    OSP = "osp", _("Vocational competence points (osp)")
    HOURS = "hours", _("Hours")


class Mode(models.TextChoices):
    CONTACT = "contact", _("Contact teaching")
    ONLINE_LIVE = "online_live", _("Online, live")
    ONLINE_SELF_PACED = "online_self_paced", _("Online, self-paced")
    BLENDED = "blended", _("Blended")
    WORKPLACE = "workplace", _("At the workplace")


class Funding(models.TextChoices):
    FREE = "free", _("Free of charge")
    PARTICIPANT_FEE = "participant_fee", _("Participant fee")
    EMPLOYER_PAID = "employer_paid", _("Paid by the employer")
    JOTPA = "jotpa", _("JOTPA funded")
    TYOVOIMAKOULUTUS = "tyovoimakoulutus", _("Labour market training")
    YHTEISHANKINTA = "yhteishankinta", _("Joint-purchase training")
    OPPISOPIMUS = "oppisopimus", _("Apprenticeship agreement")
    ESR = "esr", _("ESF+ funded")
    OTHER = "other", _("Other")


class TargetGroup(models.TextChoices):
    EMPLOYED = "employed", _("Employed")
    UNEMPLOYED = "unemployed", _("Unemployed")
    SME = "sme", _("Small and medium-sized companies")
    IMMIGRANTS = "immigrants", _("Immigrants")
    EMPLOYERS = "employers", _("Employers")
    YOUNG_ADULTS = "young_adults", _("Young adults")
    SENIORS = "seniors", _("Seniors")
    ANYONE = "anyone", _("Anyone")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Origin(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    IMPORT = "import", _("Imported from a file")


class Offering(TimeStampedModel):
    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="offerings",
    )
    # The provider as the source wrote it, so that an export gives back what was imported even
    # when the organisation was matched by business ID or by its name in another language.
    provider_name = models.CharField(_("provider name as given"), max_length=200, blank=True)
    provider_business_id = models.CharField(
        _("provider business ID as given"), max_length=9, blank=True
    )
    external_id = models.CharField(
        _("provider's id"), max_length=100, help_text=_("The provider's own stable id.")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    type = models.CharField(_("type"), max_length=32, choices=OfferingType.choices)
    level = models.CharField(_("level"), max_length=32, choices=Level.choices, blank=True)
    credits_value = models.DecimalField(
        _("credits"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    credits_unit = models.CharField(
        _("credit unit"), max_length=8, choices=CreditUnit.choices, blank=True
    )
    modes = models.JSONField(_("modes"), default=list)
    languages = models.JSONField(_("teaching languages"), default=list)
    municipalities = models.JSONField(_("municipalities"), default=list, blank=True)
    start_date = models.DateField(_("next start"), null=True, blank=True)
    start_continuous = models.BooleanField(
        _("rolling intake"), default=False, help_text=_("Jatkuva haku: start at any time.")
    )
    duration_weeks = models.DecimalField(
        _("duration (weeks)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    price_eur = models.DecimalField(
        _("price (EUR)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    funding = models.JSONField(_("funding"), default=list, blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    industries = models.JSONField(_("industries"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    url = models.URLField(_("web page"), max_length=500, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    extra = models.JSONField(_("extra"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    origin = models.CharField(
        _("origin"), max_length=16, choices=Origin.choices, default=Origin.MANUAL
    )
    origin_file = models.CharField(_("imported from"), max_length=300, blank=True)
    tags_removed = models.JSONField(
        _("concepts removed by staff"),
        default=list,
        blank=True,
        help_text=_("Concept ids that automatic tagging must not add again."),
    )
    concepts: models.ManyToManyField[Concept, OfferingConcept] = models.ManyToManyField(
        Concept, through="OfferingConcept", related_name="offerings", blank=True
    )

    class Meta:
        verbose_name = _("offering")
        verbose_name_plural = _("offerings")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "external_id"], name="offering_unique_per_provider"
            )
        ]

    def __str__(self) -> str:
        return self.title


class OfferingConcept(models.Model):
    """A concept the offering teaches: found automatically (with evidence) or set by staff."""

    offering = models.ForeignKey(
        Offering, verbose_name=_("offering"), on_delete=models.CASCADE, related_name="tags"
    )
    concept = models.ForeignKey(
        Concept, verbose_name=_("concept"), on_delete=models.CASCADE, related_name="offering_tags"
    )
    automatic = models.BooleanField(_("automatic"), default=True)
    score = models.FloatField(_("score"), default=0.0)
    evidence = models.JSONField(_("evidence"), default=list, blank=True)

    class Meta:
        verbose_name = _("offering concept")
        verbose_name_plural = _("offering concepts")
        constraints = [
            models.UniqueConstraint(fields=["offering", "concept"], name="offering_concept_once")
        ]

    def __str__(self) -> str:
        return f"{self.offering_id} → {self.concept_id}"
