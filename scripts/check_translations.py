"""Fail if any interface text lacks a Finnish or Swedish translation.

Updates `src/jatkumo/locale/{fi,sv}/LC_MESSAGES/django.po` exactly as `make messages` does, then
lists every untranslated or fuzzy entry. Run from the repository root.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "jatkumo"
LANGUAGES = ("fi", "sv")
MAKEMESSAGES = [
    "makemessages",
    *[arg for lang in LANGUAGES for arg in ("-l", lang)],
    "--no-location",
    "--no-obsolete",
    "-i",
    "migrations/*",
]


def update_catalogues() -> None:
    django_admin = Path(sys.executable).with_name("django-admin")
    subprocess.run([str(django_admin), *MAKEMESSAGES, "-v", "0"], cwd=PACKAGE, check=True)


def problems(language: str) -> list[str]:
    path = PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return [f"{path.relative_to(ROOT)} is missing"]
    catalogue = polib.pofile(str(path))
    found = [f"untranslated: {entry.msgid!r}" for entry in catalogue.untranslated_entries()]
    found += [f"fuzzy: {entry.msgid!r}" for entry in catalogue.fuzzy_entries()]
    return found


def main() -> int:
    try:
        update_catalogues()
    except subprocess.CalledProcessError as error:
        print(f"makemessages failed ({error.returncode}); see above.", file=sys.stderr)
        return 1
    failed = False
    for language in LANGUAGES:
        found = problems(language)
        if found:
            failed = True
            print(f"{language}: {len(found)} entries need a translation", file=sys.stderr)
            for problem in found:
                print(f"  {problem}", file=sys.stderr)
    if failed:
        print("Translate them in src/jatkumo/locale/*/LC_MESSAGES/django.po.", file=sys.stderr)
        return 1
    print("Every interface text is translated into " + " and ".join(LANGUAGES) + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
