from modeltranslation.translator import TranslationOptions, register

from jatkumo.guidance.models import FundingInstrument, GlossaryTerm

FUNDING_TEXT_FIELDS = (
    "name",
    "summary",
    "explanation",
    "who_for",
    "cost",
    "how_to_apply",
    "status_note",
)
GLOSSARY_TEXT_FIELDS = ("term", "abbreviation", "explanation", "example")


@register(FundingInstrument)
class FundingInstrumentTranslationOptions(TranslationOptions):
    fields = FUNDING_TEXT_FIELDS


@register(GlossaryTerm)
class GlossaryTermTranslationOptions(TranslationOptions):
    fields = GLOSSARY_TEXT_FIELDS
