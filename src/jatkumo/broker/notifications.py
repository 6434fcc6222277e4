"""Tell people about a case: an in-app notification and an email for each recipient.

Recipients are the active users of the organisations the case was routed to and the network
coordinators, minus the person who acted. A private note reaches only the author's own
organisation and the coordinators. The company's contact person gets an email (no account
needed) with the public status link when the case is routed or changes state. Email goes
through Django's mail API: the console backend locally, SMTP when settings say so.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jatkumo.accounts.models import Role, User
from jatkumo.broker.models import Case, Notification


def case_recipients(
    *, case: Case, exclude: User | None = None, only_organisation_id: int | None = None
) -> list[User]:
    """Users to notify: routed organisations' users (or one organisation's) and coordinators."""
    coordinators = Q(role__in=[Role.COORDINATOR, Role.ADMIN])
    if only_organisation_id is not None:
        members = Q(organisation_id=only_organisation_id)
    else:
        members = Q(organisation__routed_cases__case=case) & ~Q(role=Role.COMPANY_USER)
    users = User.objects.filter(is_active=True).filter(coordinators | members).distinct()
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users.order_by("pk"))


def _site_url() -> str:
    return str(settings.SITE_URL).rstrip("/")


def case_url(case: Case) -> str:
    return _site_url() + reverse("broker:case-detail", args=[case.pk])


def status_url(case: Case) -> str:
    return _site_url() + reverse("broker:status", args=[case.need.public_id])


def _send(subject: str, body: str, to: str) -> None:
    # After the commit, so that a rolled-back change sends nothing.
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=True)
    )


@transaction.atomic
def notification_send(
    *, case: Case, recipients: Iterable[User], subject: str, body: str
) -> list[Notification]:
    """Create an inbox item for each recipient and email those with an address."""
    created = [
        Notification.objects.create(recipient=user, case=case, subject=subject[:200], body=body)
        for user in recipients
    ]
    for notification in created:
        if notification.recipient.email:
            link = case_url(case)
            _send(notification.subject, f"{body}\n\n{link}", notification.recipient.email)
    return created


def notify_case(
    *,
    case: Case,
    subject: str,
    body: str,
    actor: User | None = None,
    only_organisation_id: int | None = None,
) -> list[Notification]:
    """Notify everyone who follows the case (see `case_recipients`)."""
    recipients = case_recipients(
        case=case, exclude=actor, only_organisation_id=only_organisation_id
    )
    return notification_send(case=case, recipients=recipients, subject=subject, body=body)


def notify_company(*, case: Case, subject: str, body: str) -> None:
    """Email the company's contact person, in the language the need was written in."""
    need = case.need
    if not need.contact_email:
        return
    language = need.language if need.language in {"fi", "sv", "en"} else settings.LANGUAGE_CODE
    with translation.override(language):
        text = _("%(body)s\n\nFollow your need here: %(url)s") % {
            "body": body,
            "url": status_url(case),
        }
    _send(subject, text, need.contact_email)


@transaction.atomic
def notification_mark_read(*, user: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all of them, or the given ones); returns how many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())
