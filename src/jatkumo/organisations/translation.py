from modeltranslation.translator import TranslationOptions, register

from jatkumo.organisations.models import Network, Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("name", "description")
