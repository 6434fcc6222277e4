"""The plain BM25 baseline for occupation coding: ad (title ×3 + text) → ranked ISCO-4 codes.

Input: the Finnish names of the ISCO-08 4-digit groups (Statistics Finland's Ammattiluokitus
2010, `(code, name)` pairs) and an ad's title and text. Output: codes ranked by Okapi BM25
(k1 = 1.2, b = 0.75) of the query — the title repeated three times plus the text — against each
name, both analysed with `intel.language` and reduced to each token's best lemma. It is the
yardstick that `classify` is reported beside in docs/accuracy.md; nothing else uses it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from jatkumo.intel.language import Analyser, default_analyser

K1 = 1.2
B = 0.75


class Bm25Baseline:
    """BM25 over the occupation names; build once, `rank()` per ad."""

    def __init__(self, names: Sequence[tuple[str, str]], analyser: Analyser | None = None) -> None:
        self.analyser = analyser or default_analyser()
        self.codes = [code for code, _name in names]
        self.documents = [Counter(self._lemmas(name)) for _code, name in names]
        self.lengths = [sum(document.values()) for document in self.documents]
        self.average = sum(self.lengths) / max(1, len(self.lengths))
        frequency: Counter[str] = Counter()
        for document in self.documents:
            frequency.update(document.keys())
        count = len(self.documents)
        self.idf = {
            term: math.log(1 + (count - n + 0.5) / (n + 0.5)) for term, n in frequency.items()
        }

    def _lemmas(self, text: str) -> list[str]:
        return [token.lemma for token in self.analyser.analyse(text, "fi").tokens]

    def rank(self, title: str, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """An ad → up to `limit` (code, score), best first; codes sharing no term are left out."""
        query = Counter(self._lemmas(f"{title} {title} {title} {text}"))
        scores: list[tuple[str, float]] = []
        for code, document, length in zip(self.codes, self.documents, self.lengths, strict=True):
            score = 0.0
            for term, query_count in query.items():
                frequency = document.get(term, 0)
                if frequency:
                    norm = frequency + K1 * (1 - B + B * length / self.average)
                    score += query_count * self.idf[term] * frequency * (K1 + 1) / norm
            if score > 0:
                scores.append((code, round(score, 4)))
        scores.sort(key=lambda item: (-item[1], item[0]))
        return scores[:limit]
