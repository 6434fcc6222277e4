"""Evidence spans → text segments for highlighting: `(text, spans)` → `[(chunk, labels)]`.

Spans may overlap (two concepts evidenced by the same words); overlapping spans are merged into
one highlighted segment that lists every concept it evidences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    concepts: tuple[str, ...] = ()

    @property
    def highlighted(self) -> bool:
        return bool(self.concepts)


def segments(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """Split `text` at the evidence spans `(start, end, concept label)`; spans outside the text
    or empty are ignored."""
    valid = sorted((s, e, label) for s, e, label in spans if 0 <= s < e <= len(text))
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, label in valid:
        if merged and start < merged[-1][1]:
            last_start, last_end, labels = merged[-1]
            if label not in labels:
                labels.append(label)
            merged[-1] = (last_start, max(last_end, end), labels)
        else:
            merged.append((start, end, [label]))
    out: list[Segment] = []
    cursor = 0
    for start, end, labels in merged:
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], tuple(labels)))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out
