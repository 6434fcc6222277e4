"""The self-service rules: answers → development actions and funding, each with its reasons.

Pure functions over the stored answers (no database), so the rules are easy to read, test and
change. Every suggestion says which answers triggered it ("because you said …").

Answers are a dict with the keys of `questions.QUESTION_CHOICES` plus `industry` (TOL section),
`municipality` (code or "") and `headcount` (int).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jatkumo.guidance.questions import QUESTION_CHOICES, Budget, Change, Role, Size, Urgency

Answers = Mapping[str, Any]
Test = Callable[[Answers], list[tuple[str, str]]]  # → the (question, answer) pairs that fired


@dataclass(frozen=True)
class Action:
    """One suggested development action, in plain language, with the reasons for it."""

    key: str
    title: str
    text: str
    reasons: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    key: str
    title: Promise
    text: Promise
    when: Test
    keywords: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()


@dataclass(frozen=True)
class FundingMatch:
    code: str
    reasons: tuple[str, ...] = field(default_factory=tuple)


def answer_label(question: str, value: str) -> str:
    """The human label of one answer, e.g. ("size", "small") → "10–49 people"."""
    choices = QUESTION_CHOICES.get(question)
    if choices is None:
        return value
    return str(dict(choices.choices).get(value, value))


def _values(answers: Answers, question: str) -> list[str]:
    value = answers.get(question)
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)] if value else []


def _has(question: str, *wanted: str) -> Test:
    def test(answers: Answers) -> list[tuple[str, str]]:
        return [(question, value) for value in _values(answers, question) if value in wanted]

    return test


def _all(*tests: Test) -> Test:
    def test(answers: Answers) -> list[tuple[str, str]]:
        fired = [test(answers) for test in tests]
        return [pair for pairs in fired for pair in pairs] if all(fired) else []

    return test


def _group(answers: Answers) -> list[tuple[str, str]]:
    headcount = int(answers.get("headcount") or 0)
    return [("headcount", str(headcount))] if headcount >= 6 else []


RULES: tuple[Rule, ...] = (
    Rule(
        key="mapping",
        title=gettext_lazy("Start with a short skills mapping"),
        text=gettext_lazy(
            "Before buying training, ask an education provider to map what your people already "
            "know and what they need. For small companies this is often free, and it turns a "
            "vague worry into a short list of courses."
        ),
        when=_has("size", Size.MICRO, Size.SMALL),
        services=("continuous_learning", "guidance"),
        instruments=("osaamiskartoitus",),
    ),
    Rule(
        key="technology",
        title=gettext_lazy("Train the team on the new technology at your own workplace"),
        text=gettext_lazy(
            "Short courses on the equipment or software you are introducing work best when they "
            "use your own machines and cases. Education providers tailor them; when the change "
            "is large, TäsmäKoulutus shares the cost with public funds."
        ),
        when=_has("change", Change.TECHNOLOGY),
        keywords=("automaatio", "robotiikka", "ohjelmointi", "kunnossapito", "CNC"),
        services=("tailored_training",),
        instruments=("tasmakoulutus", "employer_paid"),
    ),
    Rule(
        key="digital",
        title=gettext_lazy("Raise everyday digital skills"),
        text=gettext_lazy(
            "Common tools, data, cybersecurity and AI assistants save time in every role. Many "
            "short online courses are free or cheap and can be taken alongside work."
        ),
        when=_has("change", Change.DIGITAL),
        keywords=("digitaidot", "tekoäly", "tietoturva", "data", "ohjelmisto"),
        services=("continuous_learning",),
        instruments=("jotpa", "vapaa-sivistystyo"),
    ),
    Rule(
        key="regulation",
        title=gettext_lazy("Update the know-how that the new rules require"),
        text=gettext_lazy(
            "New requirements are usually covered by a one- or two-day further-training course. "
            "Ask for a course that ends with a certificate you can show to customers and auditors."
        ),
        when=_has("change", Change.REGULATION),
        keywords=("lainsäädäntö", "standardi", "laatu", "tietosuoja", "sertifikaatti"),
        services=("continuous_learning", "tailored_training"),
        instruments=("participant_fee", "jotpa"),
    ),
    Rule(
        key="green",
        title=gettext_lazy("Learn the skills of the green transition"),
        text=gettext_lazy(
            "Energy efficiency, material savings and responsibility reporting are both a cost "
            "saving and what customers ask for. Universities of applied sciences and EU projects "
            "offer short modules and company coaching."
        ),
        when=_has("change", Change.GREEN),
        keywords=("energiatehokkuus", "kiertotalous", "kestävyys", "vastuullisuus", "ympäristö"),
        services=("continuous_learning",),
        instruments=("esr", "avoin-korkeakouluopetus"),
    ),
    Rule(
        key="leadership",
        title=gettext_lazy("Strengthen your supervisors"),
        text=gettext_lazy(
            "Supervisors decide whether learning happens at work. A specialist vocational "
            "qualification in leadership can be taken alongside work; open university courses "
            "suit experts moving into management."
        ),
        when=_has("change", Change.LEADERSHIP),
        keywords=("johtaminen", "esihenkilö", "lähijohtaminen"),
        services=("continuous_learning",),
        instruments=("oppisopimus", "avoin-korkeakouluopetus"),
    ),
    Rule(
        key="safety",
        title=gettext_lazy("Get the safety and competence cards in order"),
        text=gettext_lazy(
            "Occupational safety, hot work, electrical safety, first aid and hygiene cards are "
            "one-day courses that run often. Book them for the whole crew at once."
        ),
        when=_has("change", Change.SAFETY),
        keywords=(
            "työturvallisuus",
            "tulityö",
            "ensiapu",
            "hygieniapassi",
            "sähkötyöturvallisuus",
            "trukki",
        ),
        services=("continuous_learning",),
        instruments=("employer_paid", "participant_fee"),
    ),
    Rule(
        key="language",
        title=gettext_lazy("Language training and plain-language induction at work"),
        text=gettext_lazy(
            "Finnish for work is learned fastest at work: a teacher visits your workplace, and "
            "your instructions are rewritten in plain Finnish. Adult education centres and "
            "vocational colleges offer this."
        ),
        when=lambda a: _has("change", Change.LANGUAGE)(a) or _has("roles", Role.FOREIGN)(a),
        keywords=("suomen kieli", "selkokieli", "kotoutuminen", "työelämän suomi"),
        services=("continuous_learning",),
        instruments=("kotoutumiskoulutus", "vapaa-sivistystyo"),
    ),
    Rule(
        key="recruit",
        title=gettext_lazy("Hire and train at the same time"),
        text=gettext_lazy(
            "An apprenticeship lets a new employee earn a qualification in your job, on pay. If "
            "you need several people for the same job, RekryKoulutus trains a group for you and "
            "public funds pay most of it."
        ),
        when=lambda a: _has("change", Change.GROWTH)(a) or _has("roles", Role.RECRUITS)(a),
        keywords=("oppisopimus", "perustutkinto", "ammattitutkinto"),
        services=("apprenticeship", "joint_purchase"),
        instruments=("oppisopimus", "rekrykoulutus", "tyovoimakoulutus"),
    ),
    Rule(
        key="recognition",
        title=gettext_lazy("Turn experience into a qualification"),
        text=gettext_lazy(
            "Experienced staff can complete a qualification or a part of one by showing their "
            "skills in their own work. Only what is missing is studied, so it costs little time."
        ),
        when=_all(_has("roles", Role.PRODUCTION), _has("urgency", Urgency.YEAR)),
        keywords=("ammattitutkinto", "tutkinnon osa", "näyttö"),
        services=("recognition", "apprenticeship"),
        instruments=("oppisopimus",),
    ),
    Rule(
        key="group",
        title=gettext_lazy("One course for the whole group, at your premises"),
        text=gettext_lazy(
            "With several learners, commissioned training is often cheaper per person than "
            "separate courses, and it runs on your schedule."
        ),
        when=_all(_group, _has("budget", Budget.MODERATE, Budget.EMPLOYER)),
        services=("tailored_training",),
        instruments=("employer_paid", "tasmakoulutus"),
    ),
    Rule(
        key="fast",
        title=gettext_lazy("A fast start"),
        text=gettext_lazy(
            "Look for courses with rolling intake or starting within weeks, or ask a provider "
            "for commissioned training. Publicly co-funded training takes longer to arrange."
        ),
        when=_has("urgency", Urgency.NOW),
        services=("tailored_training",),
        instruments=("employer_paid",),
    ),
    Rule(
        key="free",
        title=gettext_lazy("Use publicly funded training"),
        text=gettext_lazy(
            "Without a training budget you can still use courses funded by JOTPA, EU projects or "
            "liberal adult education. Your cost is mainly the working time."
        ),
        when=_has("budget", Budget.NONE, Budget.SMALL),
        services=("funding",),
        instruments=("jotpa", "esr", "free"),
    ),
)


def _reasons(fired: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    reasons = []
    for question, value in fired:
        if question == "headcount":
            label = _("%(count)s people need to learn") % {"count": value}
        else:
            label = answer_label(question, value)
        reasons.append(_("because you said: %(answer)s") % {"answer": label})
    return tuple(dict.fromkeys(reasons))


def actions_for(answers: Answers) -> list[Action]:
    """The development actions that fit the answers, in rule order, each with its reasons."""
    actions = []
    for rule in RULES:
        fired = rule.when(answers)
        if fired:
            actions.append(
                Action(
                    key=rule.key,
                    title=str(rule.title),
                    text=str(rule.text),
                    reasons=_reasons(fired),
                    keywords=rule.keywords,
                    services=rule.services,
                    instruments=rule.instruments,
                )
            )
    return actions


def funding_matches(
    answers: Answers, suits_by_code: Mapping[str, Mapping[str, list[str]]], *, limit: int = 8
) -> list[FundingMatch]:
    """Instruments whose `suits` all match the answers: every question named in `suits` must
    have at least one of the listed answers. Instruments with empty `suits` are never suggested.
    The most specific (most questions matched) come first.
    """
    scored = []
    for position, (code, suits) in enumerate(suits_by_code.items()):
        if not suits:
            continue
        fired: list[tuple[str, str]] = []
        for question, wanted in suits.items():
            hits = [(question, v) for v in _values(answers, question) if v in wanted]
            if not hits:
                break
            fired += hits
        else:
            scored.append((-len(suits), position, FundingMatch(code=code, reasons=_reasons(fired))))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [match for _score, _position, match in scored[:limit]]
