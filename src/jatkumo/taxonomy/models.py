"""Concepts that every text is mapped to, their labels and relations, and the national
classifications (regions, industries, fields of education).

A concept belongs to one scheme (ESCO occupation, ESCO skill, ...) and is identified by its URI.
Labels carry a language, a kind and the source they came from, so that loading the official
Finnish ESCO later adds labels without touching those from YSO or the curated lexicon.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from jatkumo.core.models import TimeStampedModel


class Scheme(models.TextChoices):
    ESCO_OCCUPATION = "esco_occupation", _("ESCO occupation")
    ESCO_SKILL = "esco_skill", _("ESCO skill or knowledge")
    ESCO_SKILL_GROUP = "esco_skill_group", _("ESCO skill group")
    ISCO_GROUP = "isco_group", _("ISCO-08 group")
    YSO = "yso", _("YSO concept")
    CURATED = "curated", _("Curated term")


class SkillType(models.TextChoices):
    NONE = "", _("not applicable")
    SKILL = "skill", _("skill or competence")
    KNOWLEDGE = "knowledge", _("knowledge")


class Concept(TimeStampedModel):
    uri = models.CharField(_("URI"), max_length=255, unique=True)
    scheme = models.CharField(_("scheme"), max_length=32, choices=Scheme.choices, db_index=True)
    code = models.CharField(
        _("code"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Notation in its classification, e.g. the ISCO-08 code."),
    )
    skill_type = models.CharField(
        _("skill type"), max_length=16, choices=SkillType.choices, blank=True, default=""
    )
    reuse_level = models.CharField(_("reuse level"), max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=32, blank=True, default="released")
    description = models.JSONField(
        _("description"),
        default=dict,
        blank=True,
        help_text=_("Descriptions keyed by language code."),
    )
    source = models.CharField(
        _("source"), max_length=64, help_text=_("Dataset and version, e.g. esco-1.2.0.")
    )

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["scheme", "code", "uri"]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()}: {self.uri}"


class LabelKind(models.TextChoices):
    PREFERRED = "preferred", _("preferred")
    ALTERNATIVE = "alternative", _("alternative")
    HIDDEN = "hidden", _("hidden")
    COMPANY = "company", _("company language")


class Label(models.Model):
    concept = models.ForeignKey(
        Concept, verbose_name=_("concept"), on_delete=models.CASCADE, related_name="labels"
    )
    language = models.CharField(_("language"), max_length=8)
    kind = models.CharField(_("kind"), max_length=16, choices=LabelKind.choices)
    text = models.CharField(_("text"), max_length=500)
    normalized = models.CharField(_("normalised text"), max_length=500, editable=False)
    source = models.CharField(_("source"), max_length=64)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "kind", "text"], name="label_unique_per_concept"
            )
        ]
        indexes = [
            models.Index(fields=["normalized"], name="label_normalized_idx"),
            models.Index(fields=["source", "language"], name="label_source_lang_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.language}, {self.kind})"


class RelationKind(models.TextChoices):
    BROADER = "broader", _("broader")
    ESSENTIAL_FOR = "essential_for", _("essential for")
    OPTIONAL_FOR = "optional_for", _("optional for")
    RELATED = "related", _("related")
    EXACT_MATCH = "exact_match", _("exact match")


class Relation(models.Model):
    """`subject kind object`: skill *essential_for* occupation, narrower *broader* broader."""

    subject = models.ForeignKey(
        Concept, verbose_name=_("subject"), on_delete=models.CASCADE, related_name="relations_out"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RelationKind.choices)
    object = models.ForeignKey(
        Concept, verbose_name=_("object"), on_delete=models.CASCADE, related_name="relations_in"
    )
    source = models.CharField(_("source"), max_length=64)

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "kind", "object"], name="relation_unique_triple"
            )
        ]
        indexes = [models.Index(fields=["source", "kind"], name="relation_source_kind_idx")]

    def __str__(self) -> str:
        return f"{self.subject_id} {self.kind} {self.object_id}"


class RegionLevel(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    SUB_REGION = "sub_region", _("sub-region (seutukunta)")
    REGION = "region", _("region (maakunta)")


class Region(models.Model):
    """Statistics Finland regional classification: kunta → seutukunta → maakunta."""

    code = models.CharField(
        _("code"),
        max_length=16,
        unique=True,
        help_text=_("Municipality code (837), sub-region (SK064) or region (MK06)."),
    )
    level = models.CharField(_("level"), max_length=16, choices=RegionLevel.choices)
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["level", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Industry(models.Model):
    """TOL 2008 (NACE Rev. 2) section."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class EducationField(models.Model):
    """Field of education: ISCED-F 2013 broad field, as in Statistics Finland's Koulutusluokitus."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=300)

    class Meta:
        verbose_name = _("field of education")
        verbose_name_plural = _("fields of education")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ImportRun(models.Model):
    """One run of an importer: what was loaded, from where, and what changed."""

    importer = models.CharField(_("importer"), max_length=64)
    source = models.CharField(_("source"), max_length=64)
    location = models.CharField(_("location"), max_length=500, blank=True)
    languages = models.CharField(_("languages"), max_length=64, blank=True)
    finished_at = models.DateTimeField(_("finished"), auto_now_add=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    deleted = models.PositiveIntegerField(_("deleted"), default=0)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-finished_at"]

    def __str__(self) -> str:
        return f"{self.importer} {self.source} {self.finished_at:%Y-%m-%d %H:%M}"


class CompanyTermManager(models.Manager["CompanyTerm"]):
    def get_queryset(self) -> models.QuerySet[CompanyTerm]:
        return super().get_queryset().filter(kind=LabelKind.COMPANY)


class CompanyTerm(Label):
    """A company-language label ("trukkikortti", "lähäri"): how employers name a concept.

    Loaded from the curated lexicon (source `lexicon`) or added in the admin (source `admin`).
    """

    objects: ClassVar[CompanyTermManager] = CompanyTermManager()

    class Meta:
        proxy = True
        verbose_name = _("company-language term")
        verbose_name_plural = _("company-language terms")
