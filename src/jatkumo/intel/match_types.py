"""Values that cross the boundary of the stages `match` and `package`: frozen dataclasses.

A `Need` (what a company asked for, already analysed into skills) and `OfferingRecord`s (the
catalogue, as plain values) go in; `MatchOutcome` (ranked `Match`es with reasons, `Package`s and
the unmet decision) comes out. No ORM objects: the broker's adapter (`broker/matching.py`)
converts both ways.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from jatkumo.intel.search import Field


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the company prefers. Each is a soft penalty unless its name is in `strict`
    (`"modes"`, `"languages"`, `"price"`, `"place"`, `"start"`), which makes it a hard filter.
    """

    modes: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    max_price_eur: float | None = None
    strict: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class NeedSkill:
    """A concept the need asks for: URI, label, extraction score and the words that evidenced it."""

    uri: str
    label: str
    score: float
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Need:
    """A company's need, analysed: text, skills (and occupations), place, date and preferences."""

    text: str
    skills: tuple[NeedSkill, ...] = ()
    occupations: tuple[NeedSkill, ...] = ()
    language: str = "fi"
    municipality: str = ""
    sub_region: str = ""
    needed_by: dt.date | None = None
    preferences: Preferences = field(default_factory=Preferences)
    industry: str = ""  # the TOL 2008 section the company stated (none: not known)


@dataclass(frozen=True, slots=True)
class OfferingTag:
    """One concept tag of an offering: weight (0.3–1) and the offering's words that evidence it."""

    uri: str
    weight: float
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OfferingRecord:
    """One published offering as matching sees it. `key` is the caller's id for it."""

    key: int
    provider: str
    title: str
    fields: tuple[Field, ...]
    tags: tuple[OfferingTag, ...] = ()
    modes: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    sub_regions: frozenset[str] = frozenset()
    start: dt.date | None = None
    continuous: bool = False
    duration_weeks: float | None = None
    price_eur: float | None = None
    target_groups: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()  # TOL 2008 sections it is aimed at (none: any)


@dataclass(frozen=True, slots=True)
class SkillCover:
    """A needed skill an offering covers: the need's words and the offering's words for it."""

    uri: str
    label: str
    need_words: tuple[str, ...]
    offering_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """One ranked offering: score (0–1), its parts, covered skills, matched words, notes.

    `notes` are preference mismatches, each a short code with a value (`("language", "fi")`).
    """

    key: int
    score: float
    parts: tuple[tuple[str, float], ...]
    covers: tuple[SkillCover, ...]
    words: tuple[str, ...]
    notes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Package:
    """Offerings from different providers that together cover more of the need than any one."""

    keys: tuple[int, ...]
    coverage: float
    covered: tuple[str, ...]
    uncovered: tuple[str, ...]
    duration_weeks: float | None
    price_eur: float | None


@dataclass(frozen=True, slots=True)
class MatchOutcome:
    """Stage `match`'s output: ranked matches, packages, and whether the need is unmet (why)."""

    matches: tuple[Match, ...]
    packages: tuple[Package, ...]
    unmet: bool
    confidence: float
    reasons: tuple[str, ...] = ()
