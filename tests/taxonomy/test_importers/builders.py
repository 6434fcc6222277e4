"""Tiny input files in the formats the importers read, written into a test's tmp_path."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

ESCO = "http://data.europa.eu/esco"
OCC = f"{ESCO}/occupation/o-1"
PYTHON = f"{ESCO}/skill/s-python"
DEBUG = f"{ESCO}/skill/s-debug"
GROUP = f"{ESCO}/skill/g-1"
ISCO = {code: f"{ESCO}/isco/C{code}" for code in ("2", "25", "251", "2512")}

LABELS = {
    "en": {
        OCC: ("software developer", "programmer\ncoder", "Writes software."),
        PYTHON: ("Python", "Python programming", "A language."),
        DEBUG: ("debug software", "", ""),
        GROUP: ("programming", "", ""),
        "2": ("Professionals", "", ""),
        "25": ("ICT professionals", "", ""),
        "251": ("Software and applications developers and analysts", "", ""),
        "2512": ("Software developers", "", ""),
    },
    "fi": {
        OCC: ("ohjelmistokehittäjä", "ohjelmoija\nkoodari", "Kirjoittaa ohjelmia."),
        PYTHON: ("Python", "", ""),
        DEBUG: ("ohjelmistovirheiden korjaus", "", ""),
        GROUP: ("ohjelmointi", "", ""),
        "2": ("Erityisasiantuntijat", "", ""),
        "25": ("ICT-alan erityisasiantuntijat", "", ""),
        "251": ("Sovellusarkkitehdit ja ohjelmoijat", "", ""),
        "2512": ("Sovellussuunnittelijat", "", ""),
    },
}


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _concept_files(directory: Path, lang: str, ext: str) -> None:
    labels = LABELS[lang]
    head = [
        "conceptType",
        "conceptUri",
        "code",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "description",
    ]
    write_csv(
        directory / f"occupations_{lang}.{ext}",
        head,
        [
            ["Occupation", OCC, "2512.1", *labels[OCC][:2], "", "released", labels[OCC][2]],
        ],
    )
    write_csv(
        directory / f"ISCOGroups_{lang}.{ext}",
        head,
        [["ISCOGroup", ISCO[code], code, labels[code][0], "", "", "released", ""] for code in ISCO],
    )
    write_csv(
        directory / f"skillGroups_{lang}.{ext}",
        head,
        [
            ["SkillGroup", GROUP, "S1.1", labels[GROUP][0], "", "", "released", ""],
        ],
    )
    skill_head = [
        "conceptType",
        "conceptUri",
        "skillType",
        "reuseLevel",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "status",
        "description",
    ]
    write_csv(
        directory / f"skills_{lang}.{ext}",
        skill_head,
        [
            [
                "KnowledgeSkillCompetence",
                PYTHON,
                "knowledge",
                "cross-sector",
                *labels[PYTHON][:2],
                "",
                "released",
                labels[PYTHON][2],
            ],
            [
                "KnowledgeSkillCompetence",
                DEBUG,
                "skill/competence",
                "sector-specific",
                labels[DEBUG][0],
                "",
                "",
                "released",
                "",
            ],
        ],
    )


def _relation_files(directory: Path, lang: str, ext: str) -> None:
    broader = ["conceptType", "conceptUri", "broaderType", "broaderUri"]
    write_csv(
        directory / f"broaderRelationsOccPillar_{lang}.{ext}",
        broader,
        [
            ["ISCOGroup", ISCO["25"], "ISCOGroup", ISCO["2"]],
            ["ISCOGroup", ISCO["251"], "ISCOGroup", ISCO["25"]],
            ["ISCOGroup", ISCO["2512"], "ISCOGroup", ISCO["251"]],
            ["Occupation", OCC, "ISCOGroup", ISCO["2512"]],
        ],
    )
    write_csv(
        directory / f"broaderRelationsSkillPillar_{lang}.{ext}",
        broader,
        [
            ["KnowledgeSkillCompetence", PYTHON, "SkillGroup", GROUP],
        ],
    )
    write_csv(
        directory / f"occupationSkillRelations_{lang}.{ext}",
        ["occupationUri", "relationType", "skillType", "skillUri"],
        [
            [OCC, "essential", "knowledge", PYTHON],
            [OCC, "optional", "skill/competence", DEBUG],
        ],
    )
    write_csv(
        directory / f"skillSkillRelations_{lang}.{ext}",
        [
            "originalSkillUri",
            "originalSkillType",
            "relationType",
            "relatedSkillType",
            "relatedSkillUri",
        ],
        [[DEBUG, "skill/competence", "optional", "knowledge", PYTHON]],
    )


def esco_dir(directory: Path, languages: tuple[str, ...] = ("en", "fi"), gz: bool = False) -> Path:
    """A complete tiny ESCO download: 1 occupation, 4 ISCO groups, 1 skill group, 2 skills."""
    ext = "csv.gz" if gz else "csv"
    for lang in languages:
        _concept_files(directory, lang, ext)
        _relation_files(directory, lang, ext)
    return directory


def yso_file(path: Path, rows: dict[str, str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"<{uri}>\t{label}\n" for uri, label in rows.items())
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


ENGLISH_YSO = {"http://www.yso.fi/onto/yso/p1": "software developers"}
