from modeltranslation.translator import TranslationOptions, register

from jatkumo.catalogue.models import Offering


@register(Offering)
class OfferingTranslationOptions(TranslationOptions):
    fields = ("title", "description")
