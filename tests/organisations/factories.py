"""Factories for organisations, people and contact roles, and the few taxonomy rows they need."""

from __future__ import annotations

from typing import Any

import factory

from jatkumo.organisations.models import (
    ContactRole,
    Network,
    NetworkMembership,
    Organisation,
    OrganisationKind,
    OrganisationRole,
    Person,
    ServiceKind,
)
from jatkumo.taxonomy.models import EducationField, Industry, Region, RegionLevel


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{900 + n}")
    level = RegionLevel.MUNICIPALITY
    name = factory.Sequence(lambda n: f"Kunta {n}")

    @classmethod
    def create_pirkanmaa(cls) -> Region:
        return cls.create(code="MK06", level=RegionLevel.REGION, name="Pirkanmaa")

    @classmethod
    def create_tampere(cls) -> Region:
        return cls.create(code="837", name="Tampere", parent=cls.create_pirkanmaa())


class EducationFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EducationField
        django_get_or_create = ("code",)

    code = "06"
    name = "Tietojenkäsittely ja tietoliikenne (ICT)"


class IndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Industry
        django_get_or_create = ("code",)

    code = "C"
    name = "Teollisuus"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fi = factory.Sequence(lambda n: f"Esimerkkiorganisaatio {n}")
    slug = factory.Sequence(lambda n: f"organisaatio-{n}")

    @classmethod
    def create_with_kinds(cls, *kinds: str, **kwargs: Any) -> Organisation:
        organisation: Organisation = cls.create(**kwargs)
        for kind in kinds:
            OrganisationRole.objects.create(organisation=organisation, kind=kind)
        return organisation

    @classmethod
    def create_provider(cls, **kwargs: Any) -> Organisation:
        return cls.create_with_kinds(OrganisationKind.EDUCATION_PROVIDER, **kwargs)

    @classmethod
    def create_employer(cls, **kwargs: Any) -> Organisation:
        return cls.create_with_kinds(OrganisationKind.EMPLOYER, **kwargs)

    @classmethod
    def create_authority(cls, **kwargs: Any) -> Organisation:
        return cls.create_with_kinds(OrganisationKind.AUTHORITY, **kwargs)


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name_fi = factory.Sequence(lambda n: f"Verkosto {n}")
    slug = factory.Sequence(lambda n: f"verkosto-{n}")


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = "Testi"
    last_name = factory.Sequence(lambda n: f"Henkilö{n}")
    email = factory.Sequence(lambda n: f"henkilo{n}@example.fi")


class ContactRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRole

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    service = ServiceKind.CONTINUOUS_LEARNING

    @classmethod
    def create_non_public(cls, **kwargs: Any) -> ContactRole:
        contact_role: ContactRole = cls.create(is_public=False, **kwargs)
        return contact_role
