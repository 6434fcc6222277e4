"""Stage `match`, clause level: what a need says the company already has or does not need.

Companies often write what is settled beside what they ask for: "Anniskelupassit on jo kaikilla
kunnossa", "trukkikortit meillä jo on, mutta työturvallisuuskortti puuttuu", "we already have
the forklift licences", "vi behöver inte hygienpass". Matching on those words would propose the
very course the company said it does not need, and would call a need met that no offering
answers. Input: the need text. Output: the character spans of its *settled* clauses, and
helpers that leave out the words and skills evidenced only inside them.

A clause is the text between sentence ends, semicolons, commas, brackets, the coordinators
`ja`, `sekä`, `and`, `och` and the contrast words `mutta`, `but`, `men` (not `vaan`, which in
spoken Finnish is as often "only"). It is settled when it says *already have* a credential — the
adverb `jo` / `already` / `redan`, a verb or state of having (`on`, `löytyy`, `kunnossa`,
`suoritettu`, `have`, `got`, `har`) and a word for a card, pass, licence, qualification or course
(`-kortti`, `-passi`, `-lupa`, `tutkinto`, `licence`, `certificate`) — unless the clause speaks
of a duty or wish ("pitäisi olla jo kunnossa"), expiry ("on jo vanhentuneet"), only some staff
("osalla on jo"), asking, looking, a shortage or timing ("tarpeen jo toukokuussa"), and not at
all when the need is about renewal ("kävi kurssin jo 2019, nyt tarvitaan kertaus"). Or it says
*no need* — a negated need verb (`ei tarvita`, `emme tarvitse`, `ei oo tarvetta`, `don't
need`, `no need for`, `behöver inte`) — but not "not only" (`ei pelkästään`, `not only`, `inte
bara`) or a constraint on the course ("ei tarvitse olla lähiopetusta", "does not need to be in
person", "no need to travel"); "emme tarvitse X vaan Y" is settled only up to `vaan`.

Also here: `medium_spans`, the clauses that name a language as a medium (a team's working
language, a course's language, what the staff speak) rather than as something to learn ("oppia
puhumaan suomea", "lessons in Finnish" are requests). Rules by principle, from how Finnish,
Swedish and English state possession, negated need and language use; not fitted to examples;
the phrasings they were checked on are in tests/intel/test_settled.py.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from jatkumo.intel.match_types import Need, NeedSkill
from jatkumo.intel.normalise import spans_between

_CLAUSE = re.compile(
    r"[.!?;,\n()]|(?<!\w)(?:mutta|mut|but|however|men|ja|sekä|and|och)(?!\w)", re.IGNORECASE
)
_ALREADY = re.compile(r"(?<!\w)(?:jo|already|redan)(?!\w)", re.IGNORECASE)
_HAVING = re.compile(
    r"(?<!\w)(?:on|ovat|oo|ollaan|löytyy|löytyvät|kunnossa|hallussa|voimassa|"
    r"suoritettu|suorittaneet|suorittanut|käyty|käyneet|käynyt|saatu|saaneet|"
    r"have|has|had|got|hold|holds|done|completed|"
    r"har|finns|klar|klara)(?!\w)",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(
    r"\w*(?:kortti|kortit|korttia|kortin|kortteja|korttien|passi|passit|passia|passin|passeja|"
    r"lupa|luvat|lupaa|luvan|lupia|pätevyys|pätevyydet|pätevyyttä|tutkinto|tutkinnot|tutkintoa|"
    r"todistus|todistukset|sertifikaat\w*|kurssi|kurssit|kurssia|kurssin|koulutus|koulutukset|"
    r"koulutusta|koulutuksen|licen[cs]e|licen[cs]es|card|cards|certificates?|certifications?|"
    r"passports?|permits?|qualifications?|courses?|training|kort|korten|pass|passet|"
    r"behörighet\w*|intyg\w*|examen|utbildning\w*)(?!\w)",
    re.IGNORECASE,
)
# "already" that is not possession: a duty or wish ("pitäisi olla jo kunnossa"), expiry
# ("on jo vanhentuneet"), only some staff ("osalla on jo"), asking or looking ("have already
# asked for a course"), a shortage ("har redan ont om") or timing ("tarpeen jo toukokuussa")
_NOT_HAVING = re.compile(
    r"(?<!\w)(?:pitää|pitäis|pitäisi|pitäs|täytyy|tulisi|tarvi\w*|tarpee\w*|tarve\w*|"
    r"ois|olis|olisi|should|must|need|needs|required|måste|borde|behöv\w*|"
    r"vanhen\w*|vanhentu\w*|umpeu\w*|expir\w*|outdated|förnya\w*|renew\w*|"
    r"osalla|osa|puolella|joillakin|muutamalla|some|half|few|vissa|några|hälften|"
    r"pyy\w*|kysy\w*|etsi\w*|yritt\w*|asked|tried|looking|requested|frågat|sökt|"
    r"pula|puute\w*|puuttu\w*|lack\w*|shortage|brist|ont)(?!\w)",
    re.IGNORECASE,
)
# a need that speaks of renewing or refreshing: "already had the course in 2019" is the reason
_RENEWAL = re.compile(
    r"kertau\w*|uusinta\w*|päivit\w*|refresh\w*|renew\w*|förnya\w*|repetition\w*|"
    r"vanhen\w*|vanhentu\w*|umpeu\w*|expir\w*",
    re.IGNORECASE,
)
_NO_NEED = re.compile(
    r"(?<!\w)(?:ei|emme|en|eivät|älä)\s+(?:\w+\s+)?(?:tarvita|tarvitse|tarvi|tarvis|tartte|"
    r"tarvii|kaivata|kaipaa|haluta|halua)(?!\w)(?!\s+(?:pelkästään|vain|vaan|ainoastaan|"
    r"olla|oo|olevan)(?!\w))"
    r"|(?<!\w)ei\s+(?:ole\s+|oo\s+)?(?:tarvetta|tarpeen)(?!\w)"
    r"|(?<!\w)(?:don't|do not|doesn't|does not|no longer)\s+need(?!\w)"
    r"(?!\s+(?:only|just|to be|to)(?!\w))"
    r"|(?<!\w)no need(?!\s+to(?!\w))(?!\w)|(?<!\w)not needed(?!\w)"
    r"|(?<!\w)(?:behöver|behövs)\s+(?:\w+\s+)?inte(?!\s+(?:bara|vara)(?!\w))(?!\w)",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"(?<!\w)(?:vaan|utan)(?!\w)", re.IGNORECASE)


def settled_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) character spans of the clauses that say *already have* or *no need*."""
    renewal = bool(_RENEWAL.search(text))
    found = []
    for start, end in spans_between(_CLAUSE, text):
        clause = text[start:end]
        having = (
            not renewal
            and _ALREADY.search(clause)
            and _HAVING.search(clause)
            and _CREDENTIAL.search(clause)
            and not _NOT_HAVING.search(clause)
        )
        if having:
            found.append((start, end))
            continue
        no_need = _NO_NEED.search(clause)
        if no_need:  # "ei tarvita teoriaa vaan käytäntöä": only up to the contrast is settled
            contrast = _CONTRAST.search(clause, no_need.end())
            found.append((start, start + contrast.start() if contrast else end))
    return tuple(found)


# a language as a medium: what people speak, a team's working language, a course's language
_MEDIUM_ALWAYS = re.compile(
    r"(?<!\w)työkiel\w*|\w+kieli(?:nen|s\w+)(?!\w)|(?<!\w)arbetsspråk\w*|\w+språkig\w*"
    r"|(?<!\w)working language|\w+-language(?!\w)",
    re.IGNORECASE,
)
_MEDIUM_SPEAK = re.compile(
    r"(?<!\w)puhu\w*|(?<!\w)(?:talar|pratar|talas)(?!\w)|(?<!\w)speak\w*|\w+-speaking(?!\w)"
    r"|(?<!\w)(?:in|på) (?:english|finnish|swedish|engelska|finska|svenska)(?!\w)",
    re.IGNORECASE,
)
_LEARNING = re.compile(
    r"(?<!\w)(?:oppi\w*|opiskel\w*|alkee\w*|kurssi\w*|learn\w*|lessons?|class\w*|stud\w*|"
    r"improve\w*|skills?|course\w*|beginner\w*|lära|kurs\w*|undervis\w*|parant\w*|kehittä\w*)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _medium(clause: str) -> bool:
    if _MEDIUM_ALWAYS.search(clause):
        return True
    return bool(_MEDIUM_SPEAK.search(clause)) and not _LEARNING.search(clause)


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
    return tuple((a, b) for a, b in spans_between(_CLAUSE, text) if _medium(text[a:b]))


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


def skills_without_settled(text: str, skills: Sequence[NeedSkill]) -> tuple[NeedSkill, ...]:
    """The skills not evidenced only in the text's settled clauses, in their order."""
    spans = settled_spans(text)
    return tuple(s for s in skills if not only_settled(text, spans, s.words))


def need_without_settled(need: Need) -> Need:
    """The need without the skills it evidences only in settled clauses (same need if none)."""
    kept = skills_without_settled(need.text, need.skills)
    return need if len(kept) == len(need.skills) else dataclasses.replace(need, skills=kept)
