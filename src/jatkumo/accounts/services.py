"""Writes for users and roles."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.db import transaction

from jatkumo.accounts.models import Role, User

DEMO_ADMIN_USERNAME = "admin"


@transaction.atomic
def demo_admin_ensure(*, data_dir: Path) -> tuple[str, str]:
    """Create the demo administrator once; its password is kept in `data_dir` so reruns print it.

    The password is random per installation, never a known default.
    """
    secret_file = data_dir / "demo-admin-password.txt"
    if secret_file.is_file():
        password = secret_file.read_text(encoding="utf-8").strip()
    else:
        password = secrets.token_urlsafe(12)
        data_dir.mkdir(parents=True, exist_ok=True)
        secret_file.write_text(password, encoding="utf-8")
        secret_file.chmod(0o600)
    user, _ = User.objects.get_or_create(
        username=DEMO_ADMIN_USERNAME,
        defaults={"email": "admin@example.fi", "first_name": "Demo", "last_name": "Admin"},
    )
    user.role = Role.ADMIN
    user.is_staff = True
    user.is_superuser = True
    user.set_password(password)
    user.save()
    return DEMO_ADMIN_USERNAME, password
