"""Writes of the guidance app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from jatkumo.guidance.models import SelfServiceAnswer


@transaction.atomic
def self_service_answer_create(*, answers: Mapping[str, Any], language: str) -> SelfServiceAnswer:
    """Store validated self-service answers; the returned row's `public_id` is the share link.

    `answers` must already be validated (the form does it) and JSON-serialisable.
    """
    return SelfServiceAnswer.objects.create(answers=dict(answers), language=language)
