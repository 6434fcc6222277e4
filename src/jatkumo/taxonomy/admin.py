"""Admin of the taxonomy: browse and correct concepts and labels, extend the classifications.

Labels are editable (e.g. curated company-language terms); their normalised text is kept in
step on save. The admin base classes are generic only in django-stubs, hence the `type-arg`
ignores (as in `organisations.admin`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from jatkumo.intel.normalise import normalise_text
from jatkumo.taxonomy.models import (
    CompanyTerm,
    Concept,
    EducationField,
    ImportRun,
    Industry,
    Label,
    LabelKind,
    Region,
    Relation,
)


class LabelInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Label
    fields = ("language", "kind", "text", "source")
    extra = 0
    ordering = ("language", "kind", "text")


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("uri", "scheme", "code", "skill_type", "source")
    list_filter = ("scheme", "skill_type", "source")
    search_fields = ("=code", "uri", "labels__normalized")
    readonly_fields = ("created_at", "updated_at")
    inlines = (LabelInline,)
    show_full_result_count = False  # counting ~50k rows on every page view is wasted work

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> Any:
        return super().get_search_results(request, queryset, normalise_text(search_term))

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        labels = formset.save(commit=False)
        for label in labels:
            label.normalized = normalise_text(label.text)
            label.save()
        for label in formset.deleted_objects:
            label.delete()
        formset.save_m2m()


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("text", "language", "kind", "source", "concept")
    list_filter = ("language", "kind", "source")
    search_fields = ("normalized",)
    raw_id_fields = ("concept",)
    show_full_result_count = False

    def save_model(self, request: HttpRequest, obj: Label, form: Any, change: bool) -> None:
        obj.normalized = normalise_text(obj.text)
        super().save_model(request, obj, form, change)


@admin.register(Relation)
class RelationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("subject", "kind", "object", "source")
    list_filter = ("kind", "source")
    raw_id_fields = ("subject", "object")
    show_full_result_count = False


@admin.register(Region)
class RegionAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name_fi", "name_sv", "name_en")
    raw_id_fields = ("parent",)


@admin.register(Industry)
class IndustryAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name")
    search_fields = ("code", "name_fi", "name_sv", "name_en")


@admin.register(EducationField)
class EducationFieldAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name")
    search_fields = ("code", "name_fi", "name_sv", "name_en")


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("finished_at", "importer", "source", "languages", "created", "updated")
    list_filter = ("importer",)
    readonly_fields = [field.name for field in ImportRun._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


COMPANY_TERM_ADMIN_SOURCE = "admin"


class CompanyTermForm(forms.ModelForm):  # type: ignore[type-arg]
    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES)

    class Meta:
        model = CompanyTerm
        fields = ("text", "language", "concept")


@admin.register(CompanyTerm)
class CompanyTermAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Company-language terms. A term saved here belongs to the admin (source `admin`), so that
    re-importing the bundled lexicon (source `lexicon`) neither changes nor deletes it."""

    form = CompanyTermForm
    list_display = ("text", "language", "source", "concept")
    list_filter = ("language", "source")
    search_fields = ("normalized",)
    autocomplete_fields = ("concept",)
    list_select_related = ("concept",)
    show_full_result_count = False

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> Any:
        return super().get_search_results(request, queryset, normalise_text(search_term))

    def save_model(self, request: HttpRequest, obj: CompanyTerm, form: Any, change: bool) -> None:
        obj.kind = LabelKind.COMPANY
        obj.source = COMPANY_TERM_ADMIN_SOURCE
        obj.normalized = normalise_text(obj.text)
        super().save_model(request, obj, form, change)
