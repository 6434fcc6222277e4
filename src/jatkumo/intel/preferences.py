"""Preferences of a need against one offering → soft penalty factor and notes, or a hard "no".

Input: a `Need` (its preferences, municipality / sub-region, date needed by) and an
`OfferingRecord`. Output: `(factor, notes, allowed)`: the score multiplier (1 = no mismatch),
one note per mismatch (`("language", "fi")` = taught only in Finnish), and False when a
preference the need marked `strict` rules the offering out.

Penalties are fixed by principle, not fitted to examples: a mismatch the company stated costs
more than one inferred (a stated language mismatch halves the score, as it lowers the grade of
an otherwise direct answer from 3 to 2 — gain 7 → 3 under nDCG's 2^grade − 1), and a course
only for the unemployed (työvoimakoulutus) is still a recruitment route for an employer, so it
is lowered, not removed.
"""

from __future__ import annotations

from jatkumo.intel.match_types import Need, OfferingRecord

LANGUAGE_PENALTY = 0.5  # taught in none of the languages the need states (preferences)
INFERRED_LANGUAGE_PENALTY = 0.7  # ... or in none of the need's own language when it is English
MODE_PENALTY = 0.85  # none of the preferred modes
PRICE_PENALTY = 0.85  # above the stated budget
START_PENALTY = 0.8  # starts only after the date needed by
PLACE_PENALTY = 0.9  # only contact teaching, elsewhere than the need's sub-region
UNEMPLOYED_PENALTY = 0.85  # only for the unemployed, asked by an employer for its staff
INDUSTRY_PENALTY = 0.9  # aimed at named industries, none of them the one the company stated
_REMOTE = frozenset({"online_live", "online_self_paced", "workplace"})
_EMPLOYED = frozenset({"employed", "sme", "employers", "anyone"})


def _wanted_languages(need: Need) -> frozenset[str]:
    if need.preferences.languages:
        return need.preferences.languages
    return frozenset({need.language}) if need.language == "en" else frozenset()


def _checks(need: Need, offering: OfferingRecord) -> list[tuple[str, str, float]]:
    """Every mismatch as (preference name, note value, penalty)."""
    found: list[tuple[str, str, float]] = []
    prefs = need.preferences
    languages = _wanted_languages(need)
    if languages and offering.languages and not languages & offering.languages:
        penalty = LANGUAGE_PENALTY if prefs.languages else INFERRED_LANGUAGE_PENALTY
        found.append(("languages", ",".join(sorted(offering.languages)), penalty))
    if prefs.modes and offering.modes and not prefs.modes & offering.modes:
        found.append(("modes", ",".join(sorted(offering.modes)), MODE_PENALTY))
    price = offering.price_eur
    if prefs.max_price_eur is not None and price is not None and price > prefs.max_price_eur:
        found.append(("price", f"{price:g}", PRICE_PENALTY))
    if (
        need.needed_by is not None
        and not offering.continuous
        and offering.start is not None
        and offering.start > need.needed_by
    ):
        found.append(("start", offering.start.isoformat(), START_PENALTY))
    if (
        need.sub_region
        and offering.sub_regions
        and need.sub_region not in offering.sub_regions
        and not offering.modes & _REMOTE
    ):
        found.append(("place", ",".join(sorted(offering.municipalities)), PLACE_PENALTY))
    if need.industry and offering.industries and need.industry not in offering.industries:
        found.append(("industry", ",".join(sorted(offering.industries)), INDUSTRY_PENALTY))
    groups = offering.target_groups
    if groups and "unemployed" in groups and not groups & _EMPLOYED:
        found.append(("target_group", "unemployed", UNEMPLOYED_PENALTY))
    return found


def preference_fit(
    need: Need, offering: OfferingRecord
) -> tuple[float, tuple[tuple[str, str], ...], bool]:
    """Need × offering → (penalty factor, notes, allowed by the strict preferences)."""
    factor = 1.0
    notes: list[tuple[str, str]] = []
    allowed = True
    for name, value, penalty in _checks(need, offering):
        factor *= penalty
        notes.append((name, value))
        if name in need.preferences.strict:
            allowed = False
    return factor, tuple(notes), allowed
