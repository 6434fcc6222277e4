"""Open data API of the catalogue: search published offerings, read one, with facet counts.

Every item carries the offering in the interchange shape (`record`, see
docs/interchange: `jq -c '.results[].record'` gives an importable offerings.jsonl) plus the
catalogue's own id, page URL and skill tags. Read-only, no login, and open to other sites
(`Access-Control-Allow-Origin: *`). Texts here are API documentation and stay in English.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from jatkumo.catalogue.exporters import offering_record
from jatkumo.catalogue.facets import OfferingFilters
from jatkumo.catalogue.models import Offering
from jatkumo.catalogue.params import OfferingQuerySerializer
from jatkumo.catalogue.selectors import MatchReason, offering_get, offering_path, offering_search
from jatkumo.core.serializers import ErrorSerializer
from jatkumo.taxonomy.selectors import concept_label

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
_ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A parameter is not valid."),
    404: OpenApiResponse(ErrorSerializer, description="No such published offering."),
}


class OpenCorsMixin:
    """Lets partner sites read the public API from the browser (read-only responses only)."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        response["Access-Control-Allow-Origin"] = "*"
        return response


def _language(request: Request) -> str:
    current = translation.get_language_from_request(request._request)
    return current if current in LANGUAGE_CODES else settings.LANGUAGE_CODE


# --- output shapes -------------------------------------------------------------------------------


class TextSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "TranslatedText"

    fi = serializers.CharField(required=False)
    sv = serializers.CharField(required=False)
    en = serializers.CharField(required=False)


class ProviderSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "InterchangeProvider"

    name = serializers.CharField()
    business_id = serializers.CharField(required=False, help_text="Y-tunnus, e.g. 1015428-1.")


class CreditsSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "InterchangeCredits"

    value = serializers.FloatField()
    unit = serializers.CharField(help_text="op, osp or hours.")


class ContactSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "InterchangeContact"

    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField(required=False)


def _strings(help_text: str) -> serializers.ListField:
    return serializers.ListField(child=serializers.CharField(), help_text=help_text)


class RecordSerializer(serializers.Serializer[Any]):
    """One offering exactly as the interchange format `offerings.jsonl` writes it."""

    class Meta:
        ref_name = "InterchangeOffering"

    id = serializers.CharField(help_text="The provider's own id.")
    provider = ProviderSerializer()
    title = TextSerializer()
    description = TextSerializer()
    type = serializers.CharField()
    level = serializers.CharField(required=False)
    credits = CreditsSerializer(required=False)
    modes = _strings("Study modes.")
    languages = _strings("Teaching languages.")
    municipalities = _strings("Municipality codes.")
    start = serializers.CharField(help_text="ISO date of the next start or `continuous`.")
    duration_weeks = serializers.FloatField(required=False)
    price_eur = serializers.FloatField(required=False)
    funding = _strings("Funding codes.")
    target_groups = _strings("Target groups.")
    industries = _strings("TOL 2008 section letters.")
    keywords = _strings("Free keywords.")
    url = serializers.CharField(required=False)
    contact = ContactSerializer(required=False)
    extra = serializers.DictField(help_text="Anything else, as the provider gave it.")


class TagSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "OfferingTag"

    uri = serializers.CharField()
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="Preferred label in the request's language."
    )
    automatic = serializers.BooleanField(help_text="Found automatically (not set by staff).")


class ReasonSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "MatchReason"

    word = serializers.CharField(help_text="The query word.")
    how = serializers.CharField(help_text="text, part (compound part) or concept (a skill tag).")
    concept = serializers.CharField(help_text="The skill's label when `how` is concept.")


class OfferingItemSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "CatalogueOffering"

    id = serializers.IntegerField(help_text="The catalogue's id.")
    url = serializers.CharField(help_text="The offering's public page.")
    record = RecordSerializer()
    tags = TagSerializer(many=True)
    matched = ReasonSerializer(many=True, help_text="Why it matched `q` (empty without `q`).")


class FacetValueSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "FacetValue"

    value = serializers.CharField(help_text="The parameter value to filter with.")
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField(help_text="Results if this value were chosen.")
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "Facet"

    name = serializers.CharField(help_text="The query parameter: mode, funding, start, ...")
    label = serializers.CharField()  # type: ignore[assignment]
    values = FacetValueSerializer(many=True)


def _item(request: Request, offering: Offering, lang: str, reasons: list[MatchReason]) -> Any:
    return {
        "id": offering.pk,
        "url": request.build_absolute_uri(offering_path(offering)),
        "record": offering_record(offering),
        "tags": [
            {
                "uri": tag.concept.uri,
                "label": concept_label(tag.concept, lang),
                "automatic": tag.automatic,
            }
            for tag in offering.tags.all()
        ],
        "matched": [{"word": r.word, "how": r.how, "concept": r.concept} for r in reasons],
    }


class OfferingListApi(OpenCorsMixin, APIView):
    class OutputSerializer(serializers.Serializer[Any]):
        class Meta:
            ref_name = "CatalogueOfferingPage"

        count = serializers.IntegerField()
        next = serializers.URLField(allow_null=True)
        previous = serializers.URLField(allow_null=True)
        relaxed = serializers.BooleanField(
            help_text="No offering has every word of `q`: offerings with some of them are listed."
        )
        ignored = _strings("Words of `q` that no offering contains.")
        results = OfferingItemSerializer(many=True)
        facets = FacetSerializer(many=True, help_text="Counts per filter value.")

    @extend_schema(
        operation_id="catalogue_offerings_list",
        summary="Search published offerings",
        description="The same search and filters as the catalogue page. Within one parameter the "
        "values are alternatives (OR); different parameters must all hold (AND).",
        parameters=[OfferingQuerySerializer],
        responses={200: OutputSerializer, 400: _ERRORS[400]},
    )
    def get(self, request: Request) -> Response:
        params = OfferingQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        lang = _language(request)
        result = offering_search(
            filters=OfferingFilters.from_data(data),
            sort=data["sort"],
            page=data["page"],
            per_page=data["page_size"],
            lang=lang,
            snippets=False,
        )
        url = request.build_absolute_uri()
        page = result.page
        body = {
            "count": result.count,
            "next": replace_query_param(url, "page", page + 1) if page < result.last_page else None,
            "previous": replace_query_param(url, "page", page - 1) if page > 1 else None,
            "relaxed": result.relaxed,
            "ignored": list(result.ignored),
            "results": [_item(request, hit.offering, lang, hit.reasons) for hit in result.hits],
            "facets": result.facets,
        }
        return Response(self.OutputSerializer(body).data)


class OfferingDetailApi(OpenCorsMixin, APIView):
    @extend_schema(
        operation_id="catalogue_offerings_retrieve",
        summary="One published offering",
        responses={200: OfferingItemSerializer, 404: _ERRORS[404]},
    )
    def get(self, request: Request, offering_id: int) -> Response:
        offering = offering_get(id=offering_id)
        item = _item(request, offering, _language(request), [])
        return Response(OfferingItemSerializer(item).data)
