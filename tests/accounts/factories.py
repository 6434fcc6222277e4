"""Users, one intent-named constructor per role."""

from __future__ import annotations

from typing import Any

import factory

from jatkumo.accounts.models import Role, User
from tests.organisations.factories import OrganisationFactory

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"kayttaja{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.fi")
    role = Role.COUNSELLOR
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()

    @classmethod
    def create_provider_staff(cls, **kwargs: Any) -> User:
        kwargs.setdefault("organisation", OrganisationFactory.create_provider())
        return cls.create(role=Role.PROVIDER_STAFF, **kwargs)

    @classmethod
    def create_company_user(cls, **kwargs: Any) -> User:
        kwargs.setdefault("organisation", OrganisationFactory.create_employer())
        return cls.create(role=Role.COMPANY_USER, **kwargs)

    @classmethod
    def create_counsellor(cls, **kwargs: Any) -> User:
        return cls.create(role=Role.COUNSELLOR, **kwargs)

    @classmethod
    def create_coordinator(cls, **kwargs: Any) -> User:
        return cls.create(role=Role.COORDINATOR, **kwargs)

    @classmethod
    def create_admin(cls, **kwargs: Any) -> User:
        return cls.create(role=Role.ADMIN, is_staff=True, is_superuser=True, **kwargs)
