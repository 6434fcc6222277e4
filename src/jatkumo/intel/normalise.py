"""Text normalisation for matching labels: str → comparable key; and text cut into spans.

Input: any label or query text in Finnish, Swedish or English. Output: a key that is equal for
texts a reader would call the same term: Unicode NFC, case folded, typographic dashes and quotes
made plain, whitespace collapsed. Finnish letters (å, ä, ö) are kept as they are: `ä` and `a` are
different letters in Finnish, so they are never folded together.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u00b4`"), "'") | dict.fromkeys(
    map(ord, "\u201c\u201d\u201e\u00ab\u00bb"), '"'
)
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """`"  Hitsaus\u2013 TIG  "` → `"hitsaus- tig"`. Idempotent."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_DASHES).translate(_QUOTES).casefold()
    return _SPACE.sub(" ", text).strip()


def spans_between(separators: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of `text` between matches of `separators`, empty ones
    left out: how a need is cut into parts (`match_parts`) and clauses (`settled`)."""
    cuts = [0]
    for found in separators.finditer(text):
        cuts += [found.start(), found.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]
