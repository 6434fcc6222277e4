"""Settings come from the environment, with safe local defaults."""

import subprocess
import sys

import pytest

from jatkumo.config import env


def _settings_value(expression: str, cwd, **environ: str) -> str:
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE']='jatkumo.config.settings.local';"
        f"from django.conf import settings; print({expression})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", **environ},
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    return result.stdout.strip()


def test_database_url__defaults_to_sqlite_in_the_data_dir(tmp_path):
    name = _settings_value(
        "settings.DATABASES['default']['NAME']", tmp_path, JATKUMO_DATA_DIR=str(tmp_path)
    )
    assert name == str(tmp_path / "jatkumo.sqlite3")


def test_database_url__selects_postgresql(tmp_path):
    engine = _settings_value(
        "settings.DATABASES['default']['ENGINE']",
        tmp_path,
        JATKUMO_DATA_DIR=str(tmp_path),
        DATABASE_URL="postgres://u:p@127.0.0.1:5432/j",
    )
    assert engine == "django.db.backends.postgresql"


def test_local_secret_key__is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    monkeypatch.setenv("JATKUMO_DATA_DIR", str(tmp_path))

    first = env.secret_key(required=False)
    second = env.secret_key(required=False)

    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret_key.txt").stat().st_mode & 0o077 == 0


def test_production_secret_key__is_required(monkeypatch):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="DJANGO_SECRET_KEY"):
        env.secret_key(required=True)


def test_finnish_is_default_language_and_helsinki_the_time_zone(settings):
    assert settings.LANGUAGE_CODE == "fi"
    assert [code for code, _ in settings.LANGUAGES] == ["fi", "sv", "en"]
    assert settings.TIME_ZONE == "Europe/Helsinki"
