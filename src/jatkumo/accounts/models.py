"""Users and their role in the network.

Anonymous visitors are the *public* role; every signed-in user has exactly one of the roles below.
Provider staff are bound to one organisation and may only act for it (checked in services).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COMPANY_USER = "company_user", _("Company user")
    PROVIDER_STAFF = "provider_staff", _("Provider staff")
    COUNSELLOR = "counsellor", _("Counsellor")
    COORDINATOR = "coordinator", _("Network coordinator")
    ADMIN = "admin", _("Administrator")


ROLES_NEEDING_ORGANISATION = {Role.PROVIDER_STAFF, Role.COMPANY_USER}


class User(AbstractUser):
    role = models.CharField(
        _("role"), max_length=32, choices=Role.choices, default=Role.COMPANY_USER
    )
    # A string reference keeps accounts below organisations in the import layers.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Provider staff and company users act for this organisation."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        default="fi",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        if self.role in ROLES_NEEDING_ORGANISATION and self.organisation_id is None:
            raise ValidationError(
                {"organisation": _("This role acts for an organisation: choose one.")}
            )

    @property
    def is_coordinator(self) -> bool:
        return self.is_superuser or self.role in {Role.COORDINATOR, Role.ADMIN}

    def can_act_for(self, organisation_id: int | None) -> bool:
        """Coordinators act for every organisation; others only for their own."""
        if self.is_coordinator:
            return True
        return organisation_id is not None and organisation_id == self.organisation_id
