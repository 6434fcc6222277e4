"""The one place that reads the process environment.

Every setting has a safe default for local use and is listed in `.env.example`. A `.env` file in
the working directory is read too (values already in the environment win).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[3]
"""The repository root when running from a checkout (src/jatkumo/config/env.py → root)."""

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _load_dotenv(path: Path) -> None:
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        value = value.strip().strip('"').strip("'")
        os.environ.setdefault(key.strip(), value)


_load_dotenv(Path.cwd() / ".env")


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def data_dir() -> Path:
    """`JATKUMO_DATA_DIR`: caches, the SQLite file, the warehouse and uploads (default `var/`)."""
    value = os.environ.get("JATKUMO_DATA_DIR")
    path = Path(value) if value else Path.cwd() / "var"
    return path.resolve()


def bundled_data_dir() -> Path:
    """`JATKUMO_BUNDLED_DATA`: the bundled reference data (default: `data/` in the checkout)."""
    value = os.environ.get("JATKUMO_BUNDLED_DATA")
    if value:
        return Path(value).resolve()
    return BASE_DIR / "data"


def secret_key(*, required: bool) -> str:
    """`DJANGO_SECRET_KEY`; for local use one is generated once and kept in the data directory."""
    value = os.environ.get("DJANGO_SECRET_KEY")
    if value:
        return value
    if required:
        raise RuntimeError("DJANGO_SECRET_KEY must be set in production (see .env.example).")
    key_file = data_dir() / "secret_key.txt"
    if key_file.is_file():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(key, encoding="utf-8")
        key_file.chmod(0o600)
    except OSError:
        pass  # a read-only location: the key then lives for this process only
    return key
