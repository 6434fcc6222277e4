"""YSO (General Finnish Ontology): `<URI>\\tlabel` TSV files, one per language → YSO concepts.

Input: files such as `yso-fi.tsv` or `yso-sv.tsv.gz` (the vocabulary format of NatLibFi's
Annif corpora); the language comes from the file name or `--lang`. Output: one `yso` concept per
URI with a preferred label per language, plus `exact_match` relations from YSO concepts to ESCO
concepts whose English preferred label is the same (see `yso_alignment`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from tqdm import tqdm

from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.intel.normalise import normalise_text
from jatkumo.taxonomy.importers.plan import (
    ConceptRow,
    ImportPlan,
    ImportSummary,
    LabelRow,
    LabelScope,
    RelationRow,
    RelationScope,
)
from jatkumo.taxonomy.importers.tabular import open_text
from jatkumo.taxonomy.models import Label, LabelKind, RelationKind, Scheme
from jatkumo.taxonomy.services import taxonomy_plan_apply

SOURCE = "yso"
ALIGNMENT_SOURCE = "yso-esco-alignment"
FILE_LANGUAGE = re.compile(r"(?:^|[-_.])(?P<lang>fi|sv|en|se)\.tsv(?:\.gz)?$")
LINE = re.compile(r"^<(?P<uri>https?://[^>\s]+)>\t(?P<label>.*)$")
ALIGNED_SCHEMES = (Scheme.ESCO_OCCUPATION, Scheme.ESCO_SKILL, Scheme.ESCO_SKILL_GROUP)


def yso_file_language(path: Path) -> str:
    """`yso-fi.tsv.gz` → "fi"; "" when the name does not say."""
    match = FILE_LANGUAGE.search(path.name)
    return match["lang"] if match else ""


def _read_file(path: Path, language: str, plan: ImportPlan, errors: list[RowError]) -> None:
    seen: set[str] = set()
    with open_text(path) as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            match = LINE.match(line)
            if match is None:
                errors.append(
                    RowError(
                        "expected '<http(s) URI>', a tab and a label", source=path.name, line=number
                    )
                )
                continue
            uri, label = match["uri"], match["label"].strip()
            problem = (
                "the label is empty"
                if not label
                else "the label is over 500 characters"
                if len(label) > 500
                else "the URI is over 255 characters"
                if len(uri) > 255
                else "the concept appears twice"
                if uri in seen
                else ""
            )
            if problem:
                errors.append(RowError(problem, source=path.name, line=number, field="label"))
                continue
            seen.add(uri)
            plan.concepts.setdefault(uri, ConceptRow(uri=uri, scheme=Scheme.YSO))
            plan.labels.add(LabelRow(uri, language, LabelKind.PREFERRED, label))


def _singular_variants(key: str) -> list[str]:
    # YSO names occupations in the plural ("welders"), ESCO in the singular ("welder"). Only
    # regular English plurals of single or multi-word terms are tried, and only against
    # occupations, where a plural YSO term clearly names the people in that occupation.
    if key.endswith("ies"):
        return [key[:-3] + "y"]
    if key.endswith("men"):
        return [key[:-3] + "man"]
    if key.endswith("s") and not key.endswith("ss"):
        return [key[:-1]]
    return []


def yso_alignment(*, english: dict[str, str]) -> tuple[set[RelationRow], Counter[str]]:
    """YSO URI → English label  ⟶  `exact_match` relations to ESCO concepts, and counts.

    A YSO label aligns when its normalised form equals exactly one ESCO preferred English label
    (occupations, skills, skill groups); failing that, when its singular form equals exactly one
    ESCO occupation. Ambiguous matches are left out and counted.
    """
    by_label: dict[str, set[tuple[str, str]]] = defaultdict(set)
    rows = Label.objects.filter(
        language="en", kind=LabelKind.PREFERRED, concept__scheme__in=ALIGNED_SCHEMES
    ).values_list("normalized", "concept__uri", "concept__scheme")
    for normalized, uri, scheme in rows.iterator(chunk_size=5000):
        by_label[normalized].add((uri, scheme))
    relations: set[RelationRow] = set()
    counts: Counter[str] = Counter()
    for yso_uri, label in english.items():
        key = normalise_text(label)
        matches = by_label.get(key, set())
        how = "aligned_exact"
        if not matches:
            how = "aligned_singular"
            for variant in _singular_variants(key):
                matches = {
                    m for m in by_label.get(variant, set()) if m[1] == Scheme.ESCO_OCCUPATION
                }
        if len(matches) > 1:
            counts["ambiguous"] += 1
        elif matches:
            ((esco_uri, _scheme),) = matches
            relations.add(RelationRow(yso_uri, RelationKind.EXACT_MATCH, esco_uri))
            counts[how] += 1
    return relations, counts


def _english_labels(plan: ImportPlan) -> dict[str, str]:
    english = {row.uri: row.text for row in plan.labels if row.language == "en"}
    if english:
        return english
    rows = Label.objects.filter(
        source=SOURCE, language="en", kind=LabelKind.PREFERRED, concept__scheme=Scheme.YSO
    ).values_list("concept__uri", "text")
    return dict(rows)


def yso_plan_read(*, paths: list[Path], language: str = "", progress: bool = False) -> ImportPlan:
    """Read and validate YSO TSV files (and compute the ESCO alignment) into a plan."""
    if language and len(paths) > 1:
        raise ValidationFailed("--lang can only be given with a single file", [])
    plan = ImportPlan(
        importer="yso",
        concept_source=SOURCE,
        label_source=SOURCE,
        relation_source=ALIGNMENT_SOURCE,
        location=", ".join(str(p) for p in paths),
    )
    errors: list[RowError] = []
    for path in tqdm(paths, desc="YSO files", disable=not progress):
        lang = language or yso_file_language(path)
        if not path.is_file():
            errors.append(RowError("no such file", source=str(path)))
        elif not lang:
            errors.append(
                RowError(
                    "cannot tell the language: name it yso-fi.tsv or use --lang", source=path.name
                )
            )
        else:
            plan.label_scopes.add(LabelScope(lang, frozenset({Scheme.YSO.value})))
            _read_file(path, lang, plan, errors)
    if errors:
        raise ValidationFailed(
            f"YSO import rejected: {len(errors)} problem(s); nothing was written.", errors
        )
    english = _english_labels(plan)
    if english:
        plan.relations, counts = yso_alignment(english=english)
        plan.relation_scopes.add(RelationScope(RelationKind.EXACT_MATCH, frozenset({"yso"})))
        plan.details.update(counts)
    plan.details["aligned"] = len(plan.relations)
    return plan


def yso_import(*, paths: list[Path], language: str = "", progress: bool = False) -> ImportSummary:
    """Validate YSO TSV files completely, then write concepts, labels and ESCO alignment."""
    plan = yso_plan_read(paths=paths, language=language, progress=progress)
    return taxonomy_plan_apply(plan=plan, progress=progress)
