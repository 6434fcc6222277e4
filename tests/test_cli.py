"""The `jatkumo` command as a newcomer uses it: set-up, re-run, and a bad import file."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jatkumo.accounts.models import User
from jatkumo.cli import main
from jatkumo.organisations.models import ContactRole, Organisation
from jatkumo.taxonomy.models import Region
from tests.taxonomy.test_importers.builders import esco_dir

REPO_DATA = Path(__file__).resolve().parents[1] / "data"


def _run(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    return int(exit_info.value.code or 0)


@pytest.fixture
def small_bundle(tmp_path: Path, settings) -> Path:
    """The real bundled data and demo content, without the large ESCO, YSO and lexicon files."""
    bundle = tmp_path / "data"
    for part in ("classifications", "demo", "guidance"):
        shutil.copytree(REPO_DATA / part, bundle / part)
    settings.BUNDLED_DATA_DIR = bundle
    settings.DATA_DIR = tmp_path / "var"
    return bundle


@pytest.mark.django_db
def test_setup__loads_classifications_and_demo__and_prints_a_working_login(small_bundle, capsys):
    assert _run(["setup", "--no-progress"]) == 0

    out = capsys.readouterr().out
    password = re.search(r"Demo admin: username 'admin', password '([^']+)'", out)
    assert password, out
    assert User.objects.get(username="admin").check_password(password.group(1))
    assert Region.objects.get(code="837").parent.parent.code == "MK06"
    assert Organisation.objects.filter(roles__kind="education_provider").count() >= 6
    assert ContactRole.objects.filter(person__email__endswith="@example.fi").exists()


@pytest.mark.django_db
def test_setup__second_run__creates_nothing_and_keeps_the_password(small_bundle, capsys):
    _run(["setup", "--no-progress"])
    first = capsys.readouterr().out
    counts = (Organisation.objects.count(), ContactRole.objects.count(), User.objects.count())

    assert _run(["setup", "--no-progress"]) == 0

    second = capsys.readouterr().out
    assert "organisations 0" in second
    assert "unchanged since the last import" in second
    admin_line = re.compile(r"Demo admin: .*")
    assert admin_line.search(first).group(0) == admin_line.search(second).group(0)
    assert (Organisation.objects.count(), ContactRole.objects.count(), User.objects.count()) == (
        counts
    )


def test_taxonomy_import_esco__broken_file__reports_line_and_reason_and_changes_nothing(tmp_path):
    # A real process with its own SQLite file, as a user runs it: Django's command runner closes
    # the database connection when it ends, which a test transaction cannot survive.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "JATKUMO_DATA_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "jatkumo.config.settings.local",
    }
    jatkumo = [sys.executable, "-m", "jatkumo"]
    subprocess.run([*jatkumo, "migrate", "-v", "0"], env=env, check=True, cwd=tmp_path)
    directory = esco_dir(tmp_path / "esco", languages=("en",))
    occupations = directory / "occupations_en.csv"
    lines = occupations.read_text(encoding="utf-8").splitlines()
    lines.append("Occupation,not-a-uri,,welder,,,released,")
    occupations.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = subprocess.run(
        [*jatkumo, "taxonomy", "import-esco", str(directory)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert f"occupations_en.csv:{len(lines)}" in result.stderr
    assert "conceptUri" in result.stderr
    with sqlite3.connect(tmp_path / "var" / "jatkumo.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM taxonomy_concept").fetchone() == (0,)
