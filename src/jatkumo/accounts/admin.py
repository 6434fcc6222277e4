"""Admin for users: the role and the organisation sit beside Django's usual fields.

`User.clean` (provider staff and company users need an organisation) runs on every admin save
because the role and the organisation are both on the add and the change form.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from jatkumo.accounts.models import User

_ROLE_FIELDS = ("role", "organisation", "preferred_language")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]  # generic only in django-stubs
    list_display = (
        "username",
        "email",
        "first_name",
        "last_name",
        "role",
        "organisation",
        "is_active",
    )
    list_filter = ("role", "is_active", "is_staff", "is_superuser", "organisation")
    search_fields = ("username", "email", "first_name", "last_name", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Role in the network"), {"fields": _ROLE_FIELDS}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Role in the network"), {"classes": ("wide",), "fields": ("email", *_ROLE_FIELDS)}),
    )
