"""Admin for the broker: needs, cases, routings, history and notifications.

The staff pages are the main working UI; the admin is for coordinators and administrators to
inspect and correct records. The case history is kept as it happened, so events are read-only.
"""

from __future__ import annotations

from django.contrib import admin

from jatkumo.broker.models import (
    Case,
    CaseEvent,
    CaseRouting,
    Need,
    NeedSkill,
    Notification,
)


class NeedSkillInline(admin.TabularInline):  # type: ignore[type-arg]
    model = NeedSkill
    extra = 0
    raw_id_fields = ("concept",)
    fields = ("concept", "origin", "removed", "score", "evidence")


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "__str__",
        "origin",
        "external_id",
        "company_name",
        "industry",
        "municipality",
        "submitted_at",
        "created_at",
    )
    list_filter = ("origin", "language", "industry", "company_size")
    search_fields = ("text", "external_id", "company_name", "company_business_id", "contact_email")
    raw_id_fields = ("company",)
    readonly_fields = ("public_id", "created_at", "updated_at", "understood")
    date_hierarchy = "created_at"
    inlines = [NeedSkillInline]


@admin.register(NeedSkill)
class NeedSkillAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("need", "concept", "origin", "removed", "score")
    list_filter = ("origin", "removed")
    raw_id_fields = ("need", "concept")
    search_fields = ("concept__uri", "need__text")


class CaseRoutingInline(admin.TabularInline):  # type: ignore[type-arg]
    model = CaseRouting
    extra = 0
    raw_id_fields = ("organisation", "contact_role")
    fields = ("organisation", "contact_role", "reason", "routed_at", "responded_at")
    readonly_fields = ("routed_at",)


class CaseEventInline(admin.TabularInline):  # type: ignore[type-arg]
    model = CaseEvent
    extra = 0
    can_delete = False
    fields = ("at", "kind", "actor", "organisation", "from_state", "to_state", "text", "private")
    readonly_fields = fields

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "__str__",
        "need",
        "state",
        "unmet",
        "best_coverage",
        "shared_with_network",
        "created_at",
    )
    list_filter = ("state", "unmet", "shared_with_network")
    search_fields = ("need__text", "need__company_name")
    raw_id_fields = ("need",)
    readonly_fields = ("created_at", "updated_at", "first_response_at", "match_snapshot")
    list_select_related = ("need",)
    date_hierarchy = "created_at"
    inlines = [CaseRoutingInline, CaseEventInline]


@admin.register(CaseRouting)
class CaseRoutingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("case", "organisation", "contact_role", "routed_at", "responded_at")
    raw_id_fields = ("case", "organisation", "contact_role")
    search_fields = ("organisation__name_fi", "reason")
    list_select_related = ("case", "organisation", "contact_role__person")


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("case", "at", "kind", "actor", "organisation", "to_state", "private")
    list_filter = ("kind", "private")
    raw_id_fields = ("case", "actor", "organisation", "offering")
    search_fields = ("text",)
    list_select_related = ("case", "actor", "organisation")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("subject", "recipient", "case", "created_at", "read_at")
    list_filter = ("read_at",)
    raw_id_fields = ("recipient", "case")
    search_fields = ("subject", "body", "recipient__username")
    list_select_related = ("recipient", "case")
