"""Admin for guidance content, so coordinators can update instruments when reforms change them.

The admin base classes are generic only in django-stubs, hence the `type-arg` ignores.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from jatkumo.guidance.models import FundingInstrument, GlossaryTerm, SelfServiceAnswer


@admin.register(FundingInstrument)
class FundingInstrumentAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "code", "kind", "status", "valid_until", "last_reviewed")
    list_filter = ("status", "kind")
    search_fields = ("code", "name_fi", "name_sv", "name_en")
    filter_horizontal = ("related",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("term", "abbreviation", "slug")
    search_fields = ("slug", "term_fi", "term_sv", "term_en")
    filter_horizontal = ("related_terms", "related_instruments")


@admin.register(SelfServiceAnswer)
class SelfServiceAnswerAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("public_id", "created", "language")
    readonly_fields = ("public_id", "answers", "language", "created")
    date_hierarchy = "created"
