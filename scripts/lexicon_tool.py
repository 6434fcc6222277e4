"""Authoring aid for the company-language lexicon in `data/lexicon/` (see `data/SOURCES.md`).

Usage (from the repository root, no database needed — it reads the bundled ESCO CSVs):

    .venv/bin/python scripts/lexicon_tool.py search welding "read drawings" [--limit 30]
        For each query: ESCO occupations and skills whose preferred or alternative labels contain
        every word; prints URI, kind, preferred label (and the matching alternative label).
    .venv/bin/python scripts/lexicon_tool.py validate [FILE ...]
        Checks the lexicon files (default: data/lexicon/*.tsv): header, field count, every URI in
        the bundled ESCO, language fi/sv/en, no empty field, no duplicate (term, language, URI).
        Prints the counts per file and language; exits 1 on any problem.
    .venv/bin/python scripts/lexicon_tool.py resolve DRAFT OUT.tsv
        Turns a draft written against ESCO preferred labels into a lexicon file. Draft format:
            = <preferred label> [; <preferred label> ...] [|| default note]
            <term> [| note]            (Finnish)
            sv: <term> [| note]        (Swedish; also en:)
        A label prefixed `occ:` or `skill:` picks the scheme when a label exists in both. A label
        that is not a preferred label is looked up among alternative labels when unique. Problems
        are printed and nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESCO_DIR = ROOT / "data" / "esco"
LEXICON_DIR = ROOT / "data" / "lexicon"
HEADER = ["term", "language", "concept_uri", "note"]
LANGUAGES = {"fi", "sv", "en"}
csv.field_size_limit(10_000_000)


@dataclass
class Esco:
    kind: dict[str, str] = field(default_factory=dict)  # uri → "occ" | "skill"
    preferred: dict[str, str] = field(default_factory=dict)  # uri → preferred label
    alternatives: dict[str, list[str]] = field(default_factory=dict)


def esco_load(directory: Path = ESCO_DIR) -> Esco:
    """Occupations and skills of the bundled ESCO, with their English labels."""
    esco = Esco()
    for name, kind in (("occupations_en.csv.gz", "occ"), ("skills_en.csv.gz", "skill")):
        with gzip.open(directory / name, "rt", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                uri = row["conceptUri"]
                esco.kind[uri] = kind
                esco.preferred[uri] = row["preferredLabel"].strip()
                esco.alternatives[uri] = [
                    a.strip() for a in (row.get("altLabels") or "").splitlines() if a.strip()
                ]
    return esco


def search(esco: Esco, query: str, limit: int) -> None:
    words = query.casefold().split()
    hits: list[tuple[int, str, str]] = []
    for uri, label in esco.preferred.items():
        if all(w in label.casefold() for w in words):
            hits.append((len(label), uri, label))
            continue
        for alt in esco.alternatives[uri]:
            if all(w in alt.casefold() for w in words):
                hits.append((len(alt) + 100, uri, f"{label}  [alt: {alt}]"))
                break
    for _length, uri, text in sorted(hits)[:limit]:
        print(f"{uri.rsplit('/', 2)[-2][:5]:5} {uri}  {text}")
    print(f"({len(hits)} matches)")


@dataclass(frozen=True)
class Entry:
    path: Path
    line: int
    term: str
    language: str
    uri: str
    note: str


def lexicon_read(paths: list[Path], problems: list[str]) -> list[Entry]:
    """All entries of `paths`; format problems are appended as `file:line: reason`."""
    entries: list[Entry] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        if not rows or rows[0] != HEADER:
            problems.append(f"{path.name}:1: header must be {' / '.join(HEADER)}")
            continue
        for number, row in enumerate(rows[1:], start=2):
            if not row:
                continue
            if len(row) != len(HEADER):
                problems.append(f"{path.name}:{number}: expected 4 fields, found {len(row)}")
                continue
            term, language, uri, note = (value.strip() for value in row)
            entries.append(Entry(path, number, term, language, uri, note))
    return entries


def validate(paths: list[Path], esco: Esco) -> int:
    problems: list[str] = []
    entries = lexicon_read(paths, problems)
    seen: set[tuple[str, str, str]] = set()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    terms: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        where = f"{e.path.name}:{e.line}"
        if not all((e.term, e.language, e.uri, e.note)):
            problems.append(f"{where}: empty field")
        if e.language not in LANGUAGES:
            problems.append(f"{where}: language {e.language!r} is not fi, sv or en")
        if e.uri not in esco.kind:
            problems.append(f"{where}: {e.uri} is not in the bundled ESCO")
        key = (e.term.casefold(), e.language, e.uri)
        if key in seen:
            problems.append(f"{where}: duplicate {e.term!r} ({e.language}) → {e.uri}")
        seen.add(key)
        counts[e.path.name][e.language] += 1
        terms[e.language].add(e.term.casefold())
    total: Counter[str] = Counter()
    for name in sorted(counts):
        total.update(counts[name])
        print(f"{name:32} " + "  ".join(f"{k} {v:5}" for k, v in sorted(counts[name].items())))
    print(f"{'entries':32} " + "  ".join(f"{k} {v:5}" for k, v in sorted(total.items())))
    print(
        f"{'distinct terms':32} " + "  ".join(f"{k} {len(v):5}" for k, v in sorted(terms.items()))
    )
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _label_index(esco: Esco) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    preferred: dict[str, set[str]] = defaultdict(set)
    alternative: dict[str, set[str]] = defaultdict(set)
    for uri, label in esco.preferred.items():
        preferred[label.casefold()].add(uri)
        for alt in esco.alternatives[uri]:
            alternative[alt.casefold()].add(uri)
    return preferred, alternative


def _resolve_label(
    label: str, esco: Esco, index: tuple[dict[str, set[str]], dict[str, set[str]]]
) -> tuple[str, str]:
    """(uri, "") or ("", problem)."""
    if label.startswith("http"):
        return (label, "") if label in esco.kind else ("", f"unknown URI {label}")
    kind = ""
    if label.startswith(("occ:", "skill:")):
        kind, label = label.split(":", 1)
    for table in index:
        uris = {
            u
            for u in table.get(label.strip().casefold(), set())
            if not kind or esco.kind[u] == kind
        }
        if len(uris) == 1:
            return next(iter(uris)), ""
        if len(uris) > 1:
            return "", f"ambiguous label {label!r}: " + ", ".join(sorted(uris))
    return "", f"no ESCO label {label!r}"


def resolve(draft: Path, out: Path, esco: Esco) -> int:
    index = _label_index(esco)
    problems: list[str] = []
    rows: list[list[str]] = []
    seen: set[tuple[str, str, str]] = set()
    uris: list[str] = []
    default_note = ""
    for number, raw in enumerate(draft.read_text("utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            head, _, default_note = line[1:].partition("||")
            default_note = default_note.strip()
            uris = []
            for label in head.split(";"):
                uri, problem = _resolve_label(label.strip(), esco, index)
                if problem:
                    problems.append(f"{draft.name}:{number}: {problem}")
                else:
                    uris.append(uri)
            continue
        language = "fi"
        if line[:3] in ("sv:", "en:"):
            language, line = line[:2], line[3:].strip()
        term, _, note = line.partition("|")
        term, note = term.strip(), note.strip() or default_note
        if not note:
            problems.append(f"{draft.name}:{number}: no note for {term!r}")
        for uri in uris:
            key = (term.casefold(), language, uri)
            if key not in seen:
                seen.add(key)
                rows.append([term, language, uri, note])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"{out}: {len(rows)} entries")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    actions = parser.add_subparsers(dest="action", required=True)
    find = actions.add_parser("search")
    find.add_argument("query", nargs="+")
    find.add_argument("--limit", type=int, default=25)
    check = actions.add_parser("validate")
    check.add_argument("files", type=Path, nargs="*")
    draft = actions.add_parser("resolve")
    draft.add_argument("draft", type=Path)
    draft.add_argument("out", type=Path)
    args = parser.parse_args()
    esco = esco_load()
    if args.action == "search":
        for query in args.query:
            print(f"## {query}")
            search(esco, query, args.limit)
        return 0
    if args.action == "validate":
        return validate(args.files or sorted(LEXICON_DIR.glob("*.tsv")), esco)
    return resolve(args.draft, args.out, esco)


if __name__ == "__main__":
    sys.exit(main())
