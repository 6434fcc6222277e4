"""Admin for the member registry: organisations with their roles, memberships and contacts.

The admin base classes are generic only in django-stubs and cannot be subscripted at runtime
without `django_stubs_ext.monkeypatch()`, hence the `type-arg` ignores.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from jatkumo.organisations.models import (
    ContactRole,
    Network,
    NetworkMembership,
    Organisation,
    OrganisationRole,
    Person,
)


class OrganisationRoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OrganisationRole
    extra = 0


class NetworkMembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = NetworkMembership
    extra = 0
    fields = ("network", "kind", "since", "until")


class ContactRoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ContactRole
    extra = 0
    fields = ("person", "service", "education_field", "industry", "description", "is_public")
    autocomplete_fields = ("person",)


class PersonContactRoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ContactRole
    extra = 0
    fields = ("organisation", "service", "education_field", "industry", "description", "is_public")
    autocomplete_fields = ("organisation",)


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "short_name", "business_id", "municipality", "role_list")
    list_filter = ("roles__kind", "memberships__network", "memberships__kind")
    search_fields = ("name_fi", "name_sv", "name_en", "short_name", "business_id")
    list_select_related = ("municipality",)
    prepopulated_fields = {"slug": ("short_name",)}
    inlines = (OrganisationRoleInline, NetworkMembershipInline, ContactRoleInline)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        return super().get_queryset(request).prefetch_related("roles")

    @admin.display(description=_("roles"))
    def role_list(self, organisation: Organisation) -> str:
        return ", ".join(str(role.get_kind_display()) for role in organisation.roles.all())


@admin.register(OrganisationRole)
class OrganisationRoleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("organisation", "kind")
    list_filter = ("kind",)
    search_fields = ("organisation__name_fi", "organisation__short_name")
    autocomplete_fields = ("organisation",)
    list_select_related = ("organisation",)


@admin.register(Network)
class NetworkAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "slug", "region")
    search_fields = ("name_fi", "name_sv", "name_en", "slug")
    list_select_related = ("region",)
    prepopulated_fields = {"slug": ("name_fi",)}


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("organisation", "network", "kind", "since", "until")
    list_filter = ("network", "kind")
    search_fields = ("organisation__name_fi", "organisation__short_name")
    autocomplete_fields = ("organisation",)
    list_select_related = ("organisation", "network")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("last_name", "first_name", "email", "title", "phone")
    search_fields = ("first_name", "last_name", "email", "title")
    inlines = (PersonContactRoleInline,)


@admin.register(ContactRole)
class ContactRoleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "person",
        "organisation",
        "service",
        "education_field",
        "industry",
        "is_public",
    )
    list_filter = ("service", "is_public", "education_field", "industry", "organisation")
    search_fields = (
        "person__first_name",
        "person__last_name",
        "person__email",
        "organisation__name_fi",
        "organisation__short_name",
        "description",
    )
    autocomplete_fields = ("person", "organisation")
    list_select_related = ("person", "organisation", "education_field", "industry")
