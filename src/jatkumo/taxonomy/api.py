"""Taxonomy API: search concepts, read one concept with its relations, list regions.

Texts in this module are the API's documentation and stay in English (the schema is generated
from them); they are deliberately not translated.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from jatkumo.core.serializers import ErrorSerializer
from jatkumo.taxonomy.models import Concept, RegionLevel, Scheme
from jatkumo.taxonomy.selectors import (
    concept_get,
    concept_label,
    concept_relations,
    concept_search,
    region_list,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_LIMIT = 100
RELATED_LIMIT = 50

_LANG_HELP = (
    "Language of `label` (fi, sv or en); in a search also: match labels in this language only. "
    "Without it every language is searched and `label` follows the language cookie or "
    "Accept-Language, else Finnish."
)
_ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A parameter is not valid."),
    404: OpenApiResponse(ErrorSerializer, description="There is no such concept."),
}


def _language(request: Request, lang: str | None) -> str:
    if lang:
        return lang
    # The API is outside the language-prefixed URLs, so read the cookie and Accept-Language here.
    current = translation.get_language_from_request(request._request)
    return current if current in LANGUAGE_CODES else settings.LANGUAGE_CODE


class LabelOutputSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "Label"

    language = serializers.CharField(help_text="Language code, e.g. fi, sv, en.")
    kind = serializers.CharField(help_text="preferred, alternative, hidden or company.")
    text = serializers.CharField()


class ConceptOutputSerializer(serializers.Serializer[Concept]):
    """A concept as listed: its identity and every label."""

    class Meta:
        ref_name = "Concept"

    id = serializers.IntegerField()
    uri = serializers.CharField(help_text="Identifier of the concept in its source.")
    scheme = serializers.CharField(help_text="Scheme code, e.g. esco_occupation, esco_skill, yso.")
    code = serializers.CharField(help_text="Notation, e.g. an ISCO-08 code; may be empty.")
    skill_type = serializers.CharField(help_text="skill or knowledge for ESCO skills, else empty.")
    label = serializers.SerializerMethodField(  # type: ignore[assignment]
        help_text="Preferred label in the requested language, else fi, en, sv."
    )
    labels = LabelOutputSerializer(many=True, source="labels.all")

    def get_label(self, concept: Concept) -> str:
        return concept_label(concept, self.context.get("lang"))


class DetailLabelSerializer(LabelOutputSerializer):
    source = serializers.CharField(help_text="Dataset the label came from.")  # type: ignore[assignment]

    class Meta:
        ref_name = "LabelWithSource"


class RelationGroupSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "RelationGroup"

    key = serializers.CharField(source="spec.key", help_text="e.g. essential-skills, broader.")
    relation = serializers.CharField(source="spec.kind", help_text="Relation kind.")
    direction = serializers.CharField(
        source="spec.direction",
        help_text="out: this concept is the subject; in: the object; both: either.",
    )
    count = serializers.IntegerField(help_text="Number of related concepts in the group.")
    results = ConceptOutputSerializer(
        many=True, source="concepts", help_text=f"The first {RELATED_LIMIT}, by label."
    )


class ConceptListApi(APIView):
    class InputSerializer(serializers.Serializer[Any]):
        q = serializers.CharField(
            required=False,
            allow_blank=True,
            max_length=200,
            help_text="Text to find in any label (Finnish words also by base form). "
            "Empty: list concepts.",
        )
        scheme = serializers.ChoiceField(choices=Scheme.values, required=False)
        lang = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False, help_text=_LANG_HELP)
        limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=20)
        offset = serializers.IntegerField(min_value=0, default=0)

    class OutputSerializer(serializers.Serializer[Any]):
        count = serializers.IntegerField()
        next = serializers.URLField(allow_null=True)
        previous = serializers.URLField(allow_null=True)
        results = ConceptOutputSerializer(many=True)

        class Meta:
            ref_name = "ConceptPage"

    @extend_schema(
        operation_id="taxonomy_concepts_list",
        summary="Search concepts",
        description="Concepts whose labels contain `q`, best matches first: whole label, "
        "beginning of the label, beginning of a word, anywhere; preferred labels first.",
        parameters=[InputSerializer],
        responses={200: OutputSerializer, 400: _ERRORS[400]},
    )
    def get(self, request: Request) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        limit, offset = data["limit"], data["offset"]
        result = concept_search(
            q=data.get("q", ""),
            scheme=data.get("scheme"),
            lang=data.get("lang"),
            limit=limit,
            offset=offset,
        )
        url = request.build_absolute_uri()
        next_url = replace_query_param(url, "offset", offset + limit)
        previous_url = replace_query_param(url, "offset", max(offset - limit, 0))
        page = {
            "count": result.count,
            "next": next_url if offset + limit < result.count else None,
            "previous": None if offset == 0 else previous_url,
            "results": [hit.concept for hit in result.hits],
        }
        if offset - limit <= 0 and page["previous"]:
            page["previous"] = remove_query_param(url, "offset")
        context = {"lang": _language(request, data.get("lang"))}
        return Response(self.OutputSerializer(page, context=context).data)


class ConceptDetailApi(APIView):
    class InputSerializer(serializers.Serializer[Any]):
        lang = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False, help_text=_LANG_HELP)

    class OutputSerializer(ConceptOutputSerializer):
        description = serializers.DictField(
            child=serializers.CharField(), help_text="Descriptions keyed by language."
        )
        labels = DetailLabelSerializer(many=True, source="labels.all")
        source = serializers.CharField(  # type: ignore[assignment]
            help_text="Dataset and version the concept came from."
        )
        relations = serializers.SerializerMethodField(
            help_text="Related concepts grouped by relation kind and direction."
        )

        @extend_schema_field(RelationGroupSerializer(many=True))
        def get_relations(self, concept: Concept) -> Any:
            groups = self.context["relations"]
            return RelationGroupSerializer(groups, many=True, context=self.context).data

        class Meta:
            ref_name = "ConceptDetail"

    @extend_schema(
        operation_id="taxonomy_concepts_retrieve",
        summary="One concept with its labels and relations",
        parameters=[InputSerializer],
        responses={200: OutputSerializer, 400: _ERRORS[400], 404: _ERRORS[404]},
    )
    def get(self, request: Request, concept_id: int) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        lang = _language(request, params.validated_data.get("lang"))
        concept = concept_get(id=concept_id)
        relations = concept_relations(concept=concept, lang=lang, limit=RELATED_LIMIT)
        context = {"lang": lang, "relations": relations}
        return Response(self.OutputSerializer(concept, context=context).data)


class RegionListApi(APIView):
    class InputSerializer(serializers.Serializer[Any]):
        level = serializers.ChoiceField(choices=RegionLevel.values, required=False)

    class OutputSerializer(serializers.Serializer[Any]):
        code = serializers.CharField(help_text="e.g. 837 (municipality), SK064, MK06.")
        level = serializers.CharField()
        name = serializers.CharField(help_text="Name in the request's language.")
        name_fi = serializers.CharField(allow_null=True)
        name_sv = serializers.CharField(allow_null=True)
        name_en = serializers.CharField(allow_null=True)
        parent = serializers.CharField(  # type: ignore[assignment]
            source="parent.code", allow_null=True, default=None, help_text="Code of the parent."
        )

        class Meta:
            ref_name = "Region"

    @extend_schema(
        operation_id="taxonomy_regions_list",
        summary="Regions of Finland",
        description="Statistics Finland's municipalities, sub-regions and regions; all of them "
        "in one response (the list is short).",
        parameters=[InputSerializer],
        responses={200: OutputSerializer(many=True), 400: _ERRORS[400]},
    )
    def get(self, request: Request) -> Response:
        params = self.InputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        regions = region_list(level=params.validated_data.get("level"))
        return Response(self.OutputSerializer(regions, many=True).data)
