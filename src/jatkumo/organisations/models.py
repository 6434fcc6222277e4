"""Organisations of the network, the people in them and who to contact for what.

A *contact role* ties a person to an organisation for a field (of education or industry) and a
service: "ICT continuous-learning services at TAMK". Routing and the who-to-contact directory
are built from contact roles.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager

from jatkumo.core.models import TimeStampedModel
from jatkumo.organisations.business_id import normalise_business_id, validate_business_id
from jatkumo.taxonomy.models import EducationField, Industry, Region, RegionLevel


class OrganisationKind(models.TextChoices):
    EDUCATION_PROVIDER = "education_provider", _("Education provider")
    AUTHORITY = "authority", _("Authority")
    EMPLOYER = "employer", _("Employer")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    business_id = models.CharField(
        _("business ID (Y-tunnus)"),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_business_id],
    )
    municipality = models.ForeignKey(
        Region,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"level": RegionLevel.MUNICIPALITY},
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    # Declared so that type checkers see the manager modeltranslation would otherwise patch in.
    objects: MultilingualManager[Organisation] = MultilingualManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.business_id:
            self.business_id = normalise_business_id(self.business_id)
        if self.municipality and self.municipality.level != RegionLevel.MUNICIPALITY:
            raise ValidationError({"municipality": _("Choose a municipality.")})


class OrganisationRole(models.Model):
    """One organisation can hold several roles at once (a college is also an employer)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)

    class Meta:
        verbose_name = _("organisation role")
        verbose_name_plural = _("organisation roles")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="organisation_role_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_kind_display()}"


class Network(TimeStampedModel):
    """A continuous-learning network, usually one per region (maakunta)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"level": RegionLevel.REGION},
        related_name="networks",
    )
    description = models.TextField(_("description"), blank=True)

    objects: MultilingualManager[Network] = MultilingualManager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipKind(models.TextChoices):
    MEMBER = "member", _("Network member")
    EDUCATION_GROUP = "education_group", _("Education group member")
    STEERING_GROUP = "steering_group", _("Steering group member")


class NetworkMembership(models.Model):
    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    kind = models.CharField(
        _("kind"), max_length=32, choices=MembershipKind.choices, default=MembershipKind.MEMBER
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation", "kind"], name="membership_once_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.network} ({self.get_kind_display()})"

    def clean(self) -> None:
        super().clean()
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("The end date is before the start date.")})


class Person(TimeStampedModel):
    """A named contact person. Personal data is kept minimal (GDPR): name, work email, phone."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), unique=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    title = models.CharField(_("job title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ServiceKind(models.TextChoices):
    CONTINUOUS_LEARNING = "continuous_learning", _("Continuous-learning services")
    TAILORED_TRAINING = "tailored_training", _("Tailored training for employers")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship training")
    JOINT_PURCHASE = "joint_purchase", _("Joint-purchase training (yhteishankinta)")
    GUIDANCE = "guidance", _("Guidance and counselling")
    RECOGNITION = "recognition", _("Recognition of prior learning")
    FUNDING = "funding", _("Funding advice")
    GENERAL = "general", _("General enquiries")


_DUPLICATE_CONTACT_ROLE = _(
    "This person already has this contact role in this organisation for the same field and service."
)


class ContactRole(TimeStampedModel):
    """Person × organisation × field × service: whom to contact for what."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="contact_roles"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contact_roles",
    )
    education_field = models.ForeignKey(
        EducationField,
        verbose_name=_("field of education"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_roles",
    )
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("industry"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contact_roles",
    )
    service = models.CharField(_("service"), max_length=32, choices=ServiceKind.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown in the public who-to-contact directory.")
    )

    class Meta:
        verbose_name = _("contact role")
        verbose_name_plural = _("contact roles")
        # SQL treats NULLs as distinct, so the first constraint alone lets "no field, no
        # industry" repeat; the partial constraints cover the cases where either is empty.
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "education_field", "industry", "service"],
                name="contact_role_unique",
                violation_error_message=_DUPLICATE_CONTACT_ROLE,
            ),
            models.UniqueConstraint(
                fields=["person", "organisation", "service"],
                condition=models.Q(education_field__isnull=True, industry__isnull=True),
                name="contact_role_unique_general",
                violation_error_message=_DUPLICATE_CONTACT_ROLE,
            ),
            models.UniqueConstraint(
                fields=["person", "organisation", "industry", "service"],
                condition=models.Q(education_field__isnull=True, industry__isnull=False),
                name="contact_role_unique_industry",
                violation_error_message=_DUPLICATE_CONTACT_ROLE,
            ),
            models.UniqueConstraint(
                fields=["person", "organisation", "education_field", "service"],
                condition=models.Q(education_field__isnull=False, industry__isnull=True),
                name="contact_role_unique_field",
                violation_error_message=_DUPLICATE_CONTACT_ROLE,
            ),
        ]

    def __str__(self) -> str:
        field = self.education_field or self.industry
        scope = f" – {field.name}" if field else ""
        return f"{self.person} ({self.organisation}): {self.get_service_display()}{scope}"
