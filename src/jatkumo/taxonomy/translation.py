from modeltranslation.translator import TranslationOptions, register

from jatkumo.taxonomy.models import EducationField, Industry, Region


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Industry)
class IndustryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(EducationField)
class EducationFieldTranslationOptions(TranslationOptions):
    fields = ("name",)
