"""The self-service questions and their answer options (the vocabulary of the rules).

The same codes are used in the form, in the stored answers, in the rules of `advice.py` and in
the `suits` of funding instruments (`data/guidance/funding.json`), so they live in one place.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Size(models.TextChoices):
    MICRO = "micro", _("1–9 people")
    SMALL = "small", _("10–49 people")
    MEDIUM = "medium", _("50–249 people")
    LARGE = "large", _("250 or more people")


class Change(models.TextChoices):
    TECHNOLOGY = "technology", _("New technology, machines or software")
    REGULATION = "regulation", _("New rules or regulation")
    GROWTH = "growth", _("Growth and recruiting")
    GREEN = "green", _("Green transition: energy, materials, responsibility")
    DIGITAL = "digital", _("Digitalisation of everyday work")
    LEADERSHIP = "leadership", _("Leadership and supervisors")
    SAFETY = "safety", _("Safety and competence cards")
    LANGUAGE = "language", _("Language and integration of foreign staff")


class Role(models.TextChoices):
    PRODUCTION = "production", _("Production, installation or field staff")
    CUSTOMER = "customer", _("Sales, customer service or office staff")
    EXPERTS = "experts", _("Experts and specialists")
    SUPERVISORS = "supervisors", _("Supervisors and managers")
    RECRUITS = "recruits", _("New recruits we have not hired yet")
    FOREIGN = "foreign", _("Employees who are still learning Finnish")


class Urgency(models.TextChoices):
    NOW = "now", _("Now – within a few weeks")
    MONTHS3 = "months3", _("Within three months")
    YEAR = "year", _("Within a year")


class Budget(models.TextChoices):
    NONE = "none", _("No money for training")
    SMALL = "small", _("A small amount (up to a few hundred euros per person)")
    MODERATE = "moderate", _("A moderate amount, if it pays off")
    EMPLOYER = "employer", _("We pay what it takes")


#: question key → its options. `suits` rules of funding instruments may use these keys.
QUESTION_CHOICES: dict[str, type[models.TextChoices]] = {
    "size": Size,
    "change": Change,
    "roles": Role,
    "urgency": Urgency,
    "budget": Budget,
}
