"""The API answers every error with one JSON shape."""

import pytest
from rest_framework import serializers
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from jatkumo.core.errors import RowError, ValidationFailed


class _Input(serializers.Serializer):
    limit = serializers.IntegerField(max_value=100)


class _FailingApi(APIView):
    def get(self, request):
        raise ValidationFailed(
            "The file has errors.", [RowError("missing", source="a.csv", line=3, field="uri")]
        )


class _ValidatingApi(APIView):
    def get(self, request):
        _Input(data=request.query_params).is_valid(raise_exception=True)


def test_application_error__becomes_error_shape_with_row_details():
    response = _FailingApi.as_view()(APIRequestFactory().get("/x"))

    assert response.status_code == 400
    assert response.data["error"]["code"] == "validation_failed"
    assert response.data["error"]["details"] == [
        {"message": "missing", "source": "a.csv", "line": 3, "field": "uri"}
    ]


def test_serializer_error__names_the_field():
    response = _ValidatingApi.as_view()(APIRequestFactory().get("/x", {"limit": "500"}))

    assert response.status_code == 400
    error = response.data["error"]
    assert error["code"] == "validation_failed"
    assert error["details"][0]["field"] == "limit"


@pytest.mark.django_db
def test_unknown_api_path__is_404_in_error_shape(client):
    response = client.get("/api/v1/taxonomy/concepts/999999999/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_validation_failed__report_lists_where_and_why():
    error = ValidationFailed(
        "occupations_en.csv was rejected.",
        [
            RowError(
                "empty preferredLabel", source="occupations_en.csv", line=12, field="preferredLabel"
            )
        ],
    )

    assert "occupations_en.csv:12: preferredLabel: empty preferredLabel" in error.report()
