"""Uploaded offering files kept between the validation preview and the commit.

A file is stored in `<JATKUMO_DATA_DIR>/uploads/` under a random token with a small JSON note
(who uploaded it, its name and the chosen options). Only the uploader can use the token, and the
file is validated again on commit, so a preview cannot be replayed against changed data.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings

from jatkumo.core.errors import NotFound

MAX_BYTES = 50 * 1024 * 1024
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@dataclass(frozen=True)
class Upload:
    token: str
    user_id: int
    name: str
    format: str
    publish: bool = False
    create_providers: bool = False

    @property
    def path(self) -> Path:
        return upload_dir() / f"{self.token}.{self.format}"


def upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def upload_save(
    *, content: bytes, user_id: int, name: str, format: str, publish: bool, create_providers: bool
) -> Upload:
    """Keep an uploaded file and return its handle."""
    upload = Upload(
        secrets.token_urlsafe(24), user_id, Path(name).name[:200], format, publish, create_providers
    )
    upload.path.write_bytes(content)
    note = upload_dir() / f"{upload.token}.json"
    note.write_text(json.dumps(asdict(upload)), encoding="utf-8")
    return upload


def upload_get(*, token: str, user_id: int) -> Upload:
    """The upload with this token if this user made it; `NotFound` otherwise."""
    note = upload_dir() / f"{token}.json"
    if not _TOKEN.match(token) or not note.is_file():
        raise NotFound("No such upload.")
    upload = Upload(**json.loads(note.read_text(encoding="utf-8")))
    if upload.user_id != user_id or not upload.path.is_file():
        raise NotFound("No such upload.")
    return upload


def upload_delete(upload: Upload) -> None:
    upload.path.unlink(missing_ok=True)
    (upload_dir() / f"{upload.token}.json").unlink(missing_ok=True)
