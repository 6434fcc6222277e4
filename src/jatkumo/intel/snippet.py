"""Stage `search`, presentation: a text + the matched terms → a short excerpt with marked words.

Input: a description, its language and the lemmas / compound parts a query matched. Output:
segments `(text, marked)` of an excerpt of about `width` characters around the first marked
word, cut at word boundaries, with "…" where text was left out. The caller escapes the text
and wraps the marked segments (HTML `<mark>`), so no markup is produced here.
"""

from __future__ import annotations

from collections.abc import Iterable

from jatkumo.intel.language import Analyser, default_analyser
from jatkumo.intel.search import token_terms
from jatkumo.intel.types import Language

Segment = tuple[str, bool]
ELLIPSIS = "…"


def marked_spans(
    text: str, language: Language | None, terms: Iterable[str], analyser: Analyser | None = None
) -> list[tuple[int, int]]:
    """Character spans of the words in `text` whose lemma or part is one of `terms`."""
    analyser = analyser or default_analyser()
    wanted = frozenset(terms)
    if not wanted or not text:
        return []
    analysed = analyser.analyse(text, language)
    spans = []
    for token in analysed.tokens:
        lemmas, parts = token_terms(token, analysed.language, analyser)
        if wanted.intersection(lemmas) or wanted.intersection(parts):
            spans.append((token.start, token.end))
    return spans


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    if len(text) <= width:
        return 0, len(text)
    centre = spans[0][0] if spans else 0
    start = max(0, centre - width // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < centre else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def snippet(
    text: str,
    language: Language | None,
    terms: Iterable[str],
    width: int = 220,
    analyser: Analyser | None = None,
) -> tuple[Segment, ...]:
    """An excerpt of `text` around the first matched word, as (text, marked) segments."""
    text = " ".join(text.split())
    spans = marked_spans(text, language, terms, analyser)
    start, end = _window(text, spans, width)
    segments: list[Segment] = [(ELLIPSIS, False)] if start else []
    position = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        if span_start > position:
            segments.append((text[position:span_start], False))
        segments.append((text[span_start:span_end], True))
        position = span_end
    if end > position:
        segments.append((text[position:end], False))
    if end < len(text):
        segments.append((ELLIPSIS, False))
    return tuple(segments)
