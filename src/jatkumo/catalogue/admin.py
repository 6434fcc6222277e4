"""Admin for offerings and their concept tags (the back-office pages are the main editing UI)."""

from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from jatkumo.catalogue.models import Offering, OfferingConcept


class OfferingConceptInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OfferingConcept
    extra = 0
    raw_id_fields = ("concept",)
    fields = ("concept", "automatic", "score", "evidence")


@admin.register(Offering)
class OfferingAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("title", "provider", "external_id", "type", "status", "origin", "updated_at")
    list_filter = ("status", "type", "origin", "level")
    search_fields = ("title_fi", "title_sv", "title_en", "external_id", "provider__name_fi")
    raw_id_fields = ("provider",)
    readonly_fields = ("created_at", "updated_at", "published_at", "origin", "origin_file")
    inlines = [OfferingConceptInline]
    list_select_related = ("provider",)


@admin.register(OfferingConcept)
class OfferingConceptAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("offering", "concept", "automatic", "score")
    list_filter = ("automatic",)
    raw_id_fields = ("offering", "concept")
    search_fields = ("offering__title_fi", "concept__uri")
