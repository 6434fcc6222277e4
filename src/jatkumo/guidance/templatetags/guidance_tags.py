"""Template helpers of the guidance pages: link glossary terms inside a text."""

from __future__ import annotations

import re
from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from jatkumo.catalogue.models import Funding
from jatkumo.guidance.models import GlossaryTerm

register = template.Library()
MIN_STEM = 6


def _pattern(text: str, lang: str) -> str:
    """A Finnish term also matches its inflected forms ("oppisopimus" → "oppisopimuksella")."""
    words = re.escape(text)
    if lang == "fi" and len(text) > MIN_STEM and " " not in text:
        return re.escape(text[:-1]) + r"\w*"
    return words + r"\b"


@lru_cache(maxsize=8)
def _terms(lang: str, version: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = []
    for slug, term, abbreviation in GlossaryTerm.objects.values_list(
        "slug", f"term_{lang}", f"abbreviation_{lang}"
    ):
        for text in (term, abbreviation):
            if text and len(text) >= 3:
                found.append((slug, re.compile(r"(?<!\w)" + _pattern(text, lang), re.IGNORECASE)))
    return tuple(sorted(found, key=lambda item: -len(item[1].pattern)))


@register.filter
def glossary_links(text: str, skip: str = "") -> SafeString:
    """`{{ text|glossary_links:"slug-to-skip" }}`: escape the text and link the first mention of
    each glossary term to its entry on the glossary page."""
    lang = get_language() or "fi"
    latest = GlossaryTerm.objects.order_by("-updated_at").values_list("updated_at", flat=True)
    terms = _terms(lang, str(latest.first()))
    html = str(escape(text or ""))
    base = reverse("guidance:glossary")
    linked: set[str] = {skip}
    taken: list[tuple[int, int]] = []
    replacements: list[tuple[int, int, str]] = []
    for slug, pattern in terms:
        if slug in linked:
            continue
        for match in pattern.finditer(html):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            link = f'<a class="glossary-link" href="{base}#{slug}">{match.group(0)}</a>'
            replacements.append((start, end, link))
            taken.append((start, end))
            linked.add(slug)
            break
    for start, end, link in sorted(replacements, reverse=True):
        html = html[:start] + link + html[end:]
    return mark_safe(html)  # noqa: S308 - the text was escaped above; links are ours


@register.filter
def funding_name(code: str) -> str:
    """`{{ code|funding_name }}`: the name of an interchange funding code ("jotpa" → …)."""
    return str(dict(Funding.choices).get(code, code))
