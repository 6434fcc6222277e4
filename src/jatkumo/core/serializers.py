"""Serializers that describe the shared error shape in the OpenAPI schema."""

from rest_framework import serializers


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
