"""Template helpers of the taxonomy browser."""

from __future__ import annotations

from django import template
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext

from jatkumo.taxonomy.models import Concept
from jatkumo.taxonomy.selectors import concept_label as _concept_label

register = template.Library()


@register.simple_tag
def concept_label(concept: Concept, lang: str | None = None) -> str:
    """`{% concept_label concept lang %}`: the preferred label, with the usual fallbacks."""
    return _concept_label(concept, lang)


@register.simple_tag
def language_name(code: str) -> str:
    """The name of a language in the interface language; the code itself if Django lacks it."""
    info = LANG_INFO.get(code)
    return gettext(info["name"]) if info else code
