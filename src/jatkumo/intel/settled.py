"""Stage `match`, clause level: what a need says the company already has or does not need.

Companies often write what is settled beside what they ask for: "Anniskelupassit on jo kaikilla
kunnossa", "trukkikortit meillä jo on, mutta työturvallisuuskortti puuttuu", "we already have
the forklift licences", "vi behöver inte hygienpass". Matching on those words would propose the
very course the company said it does not need, and would call a need met that no offering
answers. Input: the need text. Output: the character spans of its *settled* clauses, and
helpers that leave out the words and skills evidenced only inside them.

A clause is the text between sentence ends, semicolons, commas, brackets and the contrast
words (`mutta`, `but`, `men`; not `vaan`, which in spoken Finnish is as often "only"). It is
settled when it says *already have* a credential — the adverb `jo` / `already` / `redan`, a
verb or state of having (`on`, `ovat`, `löytyy`, `kunnossa`, `suoritettu`, `have`, `has`,
`got`, `har`) and a word for a card, pass, licence, qualification or course (`-kortti`,
`-passi`, `-lupa`, `tutkinto`, `licence`, `certificate`) — or *no need* — a negated need verb
(`ei tarvita`, `ei tarvitse`, `emme tarvitse`, `don't need`, `no need`, `behöver inte`).
"Tarvitaan jo ensi kuussa" (needed already next month) and "muistisairaita on jo yli puolet"
(a state of the workplace, the very reason for the need) are not settled.

Also here: `medium_spans`, the clauses that name a language as a medium (what the staff speak,
what a course should be taught in) rather than as something to learn. Rules by principle, from
how Finnish, Swedish and English state possession, negated need and language use; not fitted
to examples.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from jatkumo.intel.match_types import Need

_CLAUSE = re.compile(r"[.!?;,\n()]|(?<!\w)(?:mutta|mut|but|however|men)(?!\w)", re.IGNORECASE)
_ALREADY = re.compile(r"(?<!\w)(?:jo|already|redan)(?!\w)", re.IGNORECASE)
_HAVING = re.compile(
    r"(?<!\w)(?:on|ovat|oo|olla|ollaan|löytyy|löytyvät|kunnossa|hallussa|voimassa|"
    r"suoritettu|suorittaneet|suorittanut|käyty|käyneet|käynyt|saatu|saaneet|"
    r"have|has|had|got|hold|holds|done|completed|"
    r"har|finns|klar|klara)(?!\w)",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(
    r"kortti|kortit|korttia|passi|passit|passia|lupa|luvat|lupia|pätevyy|tutkinto|tutkinnot|"
    r"sertifi|todistu|kurssi|koulutu|licen[cs]|card|certif|passport|permit|qualification|"
    r"course|training|kort|pass|behörighet|intyg|examen|utbildning",
    re.IGNORECASE,
)
_NO_NEED = re.compile(
    r"(?<!\w)(?:ei|emme|en|eivät|älä)\s+(?:\w+\s+)?(?:tarvita|tarvitse|tarvi|tarvis|tartte|"
    r"tarvii|kaivata|kaipaa|haluta|halua)(?!\w)"
    r"|(?<!\w)ei\s+(?:ole\s+)?tarvetta(?!\w)"
    r"|(?<!\w)(?:don't|do not|doesn't|does not|no longer)\s+need(?!\w)"
    r"|(?<!\w)no need(?!\w)|(?<!\w)not needed(?!\w)"
    r"|(?<!\w)(?:behöver|behövs)\s+(?:\w+\s+)?inte(?!\w)",
    re.IGNORECASE,
)


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for found in _CLAUSE.finditer(text):
        cuts += [found.start(), found.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]


def settled_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) character spans of the clauses that say *already have* or *no need*."""
    found = []
    for start, end in _clauses(text):
        clause = text[start:end]
        having = _ALREADY.search(clause) and _HAVING.search(clause) and _CREDENTIAL.search(clause)
        if having or _NO_NEED.search(clause):
            found.append((start, end))
    return tuple(found)


_MEDIUM = re.compile(
    r"(?<!\w)puhu\w*|(?<!\w)työkiel\w*|\w+kieli(?:nen|s\w+)(?!\w)"
    r"|(?<!\w)(?:talar|pratar|talas)(?!\w)|(?<!\w)arbetsspråk\w*|\w+språkig\w*"
    r"|(?<!\w)speak\w*|(?<!\w)working language|\w+-language(?!\w)|\w+-speaking(?!\w)"
    r"|(?<!\w)in (?:english|finnish|swedish)(?!\w)",
    re.IGNORECASE,
)


_LANGUAGE_WORD = re.compile(
    r"(?:englan|suom|ruots|venä|viro|saks|ranska|espanj|arabi|kiina|ukrain|somali|"
    r"english|finnish|swedish|russian|estonian|german|french|spanish|arabic|chinese|"
    r"ukrainian|engelsk|finsk|svensk|rysk|tysk)",
    re.IGNORECASE,
)


def language_words(words: Sequence[str]) -> bool:
    """Whether every evidence word names a language (`englantia`, `Suomen kielen`, `English`)."""
    return bool(words) and all(_LANGUAGE_WORD.match(word.strip()) for word in words)


def medium_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The clauses that name a language as a *medium* — what the staff speak or what a course
    should be taught in ("8 työntekijää jotka puhuu vaan englantia", "työkieli on englanti",
    "englanninkielistä esihenkilövalmennusta", "Finnish-language courses won't work",
    "training in English") — not as something to learn. A language skill (`language_words`)
    evidenced only there is context, not a request (`intel.package`)."""
    return tuple((a, b) for a, b in _clauses(text) if _MEDIUM.search(text[a:b]))


def inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether character `offset` lies in one of `spans`."""
    return any(start <= offset < end for start, end in spans)


def only_settled(text: str, spans: Sequence[tuple[int, int]], words: Sequence[str]) -> bool:
    """Whether every occurrence of every evidence word lies in a settled span (and there is
    one). A skill evidenced anywhere else in the text is still asked for."""
    if not spans or not words:
        return False
    lowered = text.lower()
    seen = False
    for word in words:
        needle = word.lower()
        if not needle:
            continue
        at = lowered.find(needle)
        while at >= 0:
            if not inside(spans, at):
                return False
            seen = True
            at = lowered.find(needle, at + 1)
    return seen


def need_without_settled(need: Need) -> Need:
    """The need without the skills it evidences only in settled clauses (same need if none)."""
    spans = settled_spans(need.text)
    if not spans:
        return need
    kept = tuple(s for s in need.skills if not only_settled(need.text, spans, s.words))
    return need if len(kept) == len(need.skills) else dataclasses.replace(need, skills=kept)
