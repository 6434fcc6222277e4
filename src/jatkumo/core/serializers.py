"""Serializers that describe the shared error shape in the OpenAPI schema, and the strict base
of every request-body serializer."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers


class StrictSerializer(serializers.Serializer[Any]):
    """A request body that rejects keys it does not know.

    DRF ignores unknown keys; here a typo ("municiplity") or a field this endpoint does not take
    is a 400 naming the key, so nothing a client sent is silently dropped.
    """

    def to_internal_value(self, data: Any) -> Any:
        errors: dict[str, Any] = {}
        if isinstance(data, Mapping):
            message = _("Unknown field; this endpoint does not take it.")
            errors = {str(key): [message] for key in data if not self._known(str(key))}
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:  # report every problem at once
            if not errors or not isinstance(error.detail, dict):
                raise
            raise serializers.ValidationError({**error.detail, **errors}) from error
        if errors:
            raise serializers.ValidationError(errors)
        return value

    def _known(self, key: str) -> bool:
        """A field, the CSRF token of a form post, or a form's dotted key of a nested field
        (`preferences.modes`, as DRF's HTML forms send it)."""
        if key in self.fields or key == "csrfmiddlewaretoken":
            return True
        head = key.split(".", 1)[0].split("[", 1)[0]
        return head != key and head in self.fields


class ErrorDetailSerializer(serializers.Serializer[dict[str, object]]):
    message = serializers.CharField()
    field = serializers.CharField(required=False, allow_blank=True)
    source = serializers.CharField(required=False, allow_blank=True)  # type: ignore[assignment]
    line = serializers.IntegerField(required=False, allow_null=True)


class ErrorBodySerializer(serializers.Serializer[dict[str, object]]):
    code = serializers.CharField()
    message = serializers.CharField()
    details = ErrorDetailSerializer(many=True)


class ErrorSerializer(serializers.Serializer[dict[str, object]]):
    error = ErrorBodySerializer()
