"""Public API of the who-to-contact directory: public contact roles with their person.

Texts here are API documentation and stay in English.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jatkumo.core.serializers import ErrorSerializer
from jatkumo.organisations.models import Organisation, ServiceKind
from jatkumo.organisations.selectors import contact_directory
from jatkumo.taxonomy.models import EducationField, Industry


class ContactListApi(APIView):
    class InputSerializer(serializers.Serializer[Any]):
        field = serializers.CharField(
            required=False, max_length=8, help_text="Field of education code (ISCED-F), e.g. 06."
        )
        industry = serializers.CharField(
            required=False, max_length=8, help_text="TOL 2008 section letter, e.g. C."
        )
        organisation = serializers.SlugField(required=False, help_text="Organisation slug.")
        service = serializers.ChoiceField(choices=ServiceKind.values, required=False)

        def validate_field(self, value: str) -> str:
            if not EducationField.objects.filter(code=value).exists():
                raise serializers.ValidationError("No field of education with this code.")
            return value

        def validate_industry(self, value: str) -> str:
            if not Industry.objects.filter(code=value).exists():
                raise serializers.ValidationError("No industry with this code.")
            return value

        def validate_organisation(self, value: str) -> Organisation:
            found = Organisation.objects.filter(slug=value).first()
            if found is None:
                raise serializers.ValidationError("No organisation with this slug.")
            return found

    class OutputSerializer(serializers.Serializer[Any]):
        class Meta:
            ref_name = "PublicContact"

        name = serializers.CharField(source="person.__str__")
        title = serializers.CharField(source="person.title")
        email = serializers.EmailField(source="person.email")
        phone = serializers.CharField(source="person.phone")
        organisation = serializers.CharField(source="organisation.name")
        organisation_slug = serializers.CharField(source="organisation.slug")
        field = serializers.CharField(
            source="education_field.code", allow_null=True, default=None, help_text="ISCED-F code."
        )
        field_name = serializers.CharField(  # type: ignore[assignment]
            source="education_field.name", allow_null=True, default=None
        )
        industry = serializers.CharField(
            source="industry.code", allow_null=True, default=None, help_text="TOL 2008 letter."
        )
        industry_name = serializers.CharField(source="industry.name", allow_null=True, default=None)
        service = serializers.CharField()
        service_name = serializers.CharField(source="get_service_display")
        description = serializers.CharField()

    @extend_schema(
        operation_id="contacts_list",
        summary="Who to contact",
        description="Public contact roles: who answers for which field, industry and service in "
        "which organisation. Filters match exactly; without filters every public contact.",
        parameters=[InputSerializer],
        responses={
            200: OutputSerializer(many=True),
            400: OpenApiResponse(ErrorSerializer, description="A parameter is not valid."),
        },
    )
    def get(self, request: Request) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        roles = contact_directory(
            education_field=data.get("field"),
            industry=data.get("industry"),
            organisation=data.get("organisation"),
            service=data.get("service"),
        )
        response = Response(self.OutputSerializer(roles, many=True).data)
        response["Access-Control-Allow-Origin"] = "*"
        return response
