"""Analysis API: POST a text, get ESCO skills and ISCO-08 occupations with evidence.

Texts in this module are the API's documentation and stay in English (the schema is generated
from them); they are deliberately not translated.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jatkumo.analysis.services import MAX_TEXT, Document, document_analyse
from jatkumo.core.serializers import ErrorSerializer, StrictSerializer


class EvidenceSerializer(serializers.Serializer[dict[str, Any]]):
    class Meta:
        ref_name = "AnalysisEvidence"

    start = serializers.IntegerField(help_text="Start offset in the field's text.")
    end = serializers.IntegerField(help_text="End offset (exclusive).")
    text = serializers.CharField(help_text="The evidencing words, exactly as in the text.")
    field = serializers.CharField(help_text="title or text.")
    matched = serializers.CharField(help_text="The label that matched (with its language).")
    how = serializers.CharField(
        help_text="label, coordination, head, compound_head, compound_part, via_yso or "
        "occupation_profile."
    )


class OccupationSerializer(serializers.Serializer[dict[str, Any]]):
    class Meta:
        ref_name = "AnalysisOccupation"

    uri = serializers.CharField(help_text="ESCO occupation (or ISCO group) URI.")
    isco = serializers.CharField(help_text="ISCO-08 / Ammattiluokitus 2010 4-digit code.")
    label = serializers.CharField()  # type: ignore[assignment]
    score = serializers.FloatField()
    score_parts = serializers.DictField(child=serializers.FloatField())
    evidence = EvidenceSerializer(many=True)


class SkillSerializer(serializers.Serializer[dict[str, Any]]):
    class Meta:
        ref_name = "AnalysisSkill"

    uri = serializers.CharField(help_text="ESCO skill or knowledge URI.")
    label = serializers.CharField()  # type: ignore[assignment]
    score = serializers.FloatField()
    score_parts = serializers.DictField(child=serializers.FloatField())
    evidence = EvidenceSerializer(many=True)


class AnalyseApi(APIView):
    """Analyse one text: the same result as `jatkumo extract TEXT`."""

    class InputSerializer(StrictSerializer):
        """The text to analyse, an optional title and language; an unknown key is an error."""

        class Meta:
            ref_name = "AnalyseInput"

        text = serializers.CharField(max_length=MAX_TEXT, help_text="The text, any length.")
        title = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=500,
            default="",
            help_text="A title (job ad); weighted higher than the text.",
        )
        language = serializers.ChoiceField(
            choices=["fi", "sv", "en"], required=False, help_text="Detected when absent."
        )
        id = serializers.CharField(required=False, max_length=200, default="text")

    class OutputSerializer(serializers.Serializer[dict[str, Any]]):
        class Meta:
            ref_name = "AnalyseOutput"

        id = serializers.CharField()
        language = serializers.CharField()
        occupations = OccupationSerializer(many=True)
        skills = SkillSerializer(many=True)

    @extend_schema(
        operation_id="analyse_text",
        request=InputSerializer,
        responses={
            200: OutputSerializer,
            400: OpenApiResponse(ErrorSerializer, description="The request was not valid."),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        document = Document(data["id"], data["text"], data["title"], data.get("language"))
        result = document_analyse(document=document)
        return Response(self.OutputSerializer(result).data)
