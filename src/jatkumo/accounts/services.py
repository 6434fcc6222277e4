"""Writes for users and roles."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.apps import apps
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from jatkumo.accounts.models import ROLES_NEEDING_ORGANISATION, Role, User
from jatkumo.core.errors import RowError, ValidationFailed

DEMO_ADMIN_USERNAME = "admin"
DEMO_CREDENTIALS_FILE = "demo-admin-password.txt"

# Mirrors `OrganisationKind.EDUCATION_PROVIDER`; accounts sits below organisations in the import
# layers, so the value is repeated here (a test checks that the two agree).
EDUCATION_PROVIDER_KIND = "education_provider"


def demo_password_get(*, data_dir: Path) -> str:
    """The demo password shared by the demo admin and the demo users, kept in `data_dir`.

    Generated randomly on first use (never a known default) and reused afterwards, so that
    reruns of `jatkumo setup` print the same password.
    """
    secret_file = data_dir / DEMO_CREDENTIALS_FILE
    if secret_file.is_file():
        return secret_file.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    data_dir.mkdir(parents=True, exist_ok=True)
    secret_file.write_text(password, encoding="utf-8")
    secret_file.chmod(0o600)
    return password


@transaction.atomic
def demo_admin_ensure(*, data_dir: Path) -> tuple[str, str]:
    """Create the demo administrator once; its password is kept in `data_dir` so reruns print it.

    The password is random per installation, never a known default.
    """
    password = demo_password_get(data_dir=data_dir)
    user, _created = User.objects.get_or_create(
        username=DEMO_ADMIN_USERNAME,
        defaults={"email": "admin@example.fi", "first_name": "Demo", "last_name": "Admin"},
    )
    user.role = Role.ADMIN
    user.is_staff = True
    user.is_superuser = True
    user.set_password(password)
    user.save()
    return DEMO_ADMIN_USERNAME, password


def row_errors_from_django(exc: ValidationError) -> list[RowError]:
    """Django's field → messages mapping as our row errors (`__all__` becomes no field)."""
    if not hasattr(exc, "error_dict"):
        return [RowError(message=str(message)) for message in exc.messages]
    return [
        RowError(field="" if field == "__all__" else field, message=str(message))
        for field, messages in exc.message_dict.items()
        for message in messages
    ]


def _role_errors(*, role: str, organisation_id: int | None) -> list[RowError]:
    if role not in Role.values:
        return [RowError(field="role", message=_("Unknown role: %(role)s.") % {"role": role})]
    if role in ROLES_NEEDING_ORGANISATION and organisation_id is None:
        return [
            RowError(
                field="organisation", message=_("This role acts for an organisation: choose one.")
            )
        ]
    if organisation_id is None:
        return []
    # By name: accounts sits below organisations in the import layers.
    organisation_model = apps.get_model("organisations", "Organisation")
    if not organisation_model._default_manager.filter(pk=organisation_id).exists():
        return [RowError(field="organisation", message=_("No such organisation."))]
    role_model = apps.get_model("organisations", "OrganisationRole")
    is_provider = role_model._default_manager.filter(
        organisation_id=organisation_id, kind=EDUCATION_PROVIDER_KIND
    ).exists()
    if role == Role.PROVIDER_STAFF and not is_provider:
        return [
            RowError(
                field="organisation",
                message=_("Provider staff must belong to an education provider."),
            )
        ]
    return []


def _user_errors(
    *, username: str, email: str, role: str, organisation_id: int | None
) -> list[RowError]:
    errors: list[RowError] = []
    if not username.strip():
        errors.append(RowError(field="username", message=_("Enter a username.")))
    elif User.objects.filter(username__iexact=username.strip()).exists():
        errors.append(RowError(field="username", message=_("This username is already taken.")))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(RowError(field="email", message=_("Enter a valid email address.")))
    errors += _role_errors(role=role, organisation_id=organisation_id)
    return errors


@transaction.atomic
def user_create(
    *,
    username: str,
    role: str,
    email: str = "",
    password: str | None = None,
    organisation_id: int | None = None,
    first_name: str = "",
    last_name: str = "",
    preferred_language: str = "fi",
) -> User:
    """Create a user with a role.

    Role rules: provider staff and company users act for an organisation (provider staff for an
    education provider); administrators get access to the admin site. Without a password the
    account cannot log in until one is set. Raises `ValidationFailed` listing every problem.
    """
    errors = _user_errors(
        username=username, email=email, role=role, organisation_id=organisation_id
    )
    user = User(
        username=username.strip(),
        email=User.objects.normalize_email(email),
        role=role,
        organisation_id=organisation_id,
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    if password is not None:
        try:
            validate_password(password, user=user)
        except ValidationError as exc:
            errors += [RowError(field="password", message=str(m)) for m in exc.messages]
    if errors:
        raise ValidationFailed(_("The user could not be created."), details=errors)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        raise ValidationFailed(
            _("The user could not be created."), details=row_errors_from_django(exc)
        ) from exc
    user.save()
    return user
