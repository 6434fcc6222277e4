"""Broker API: send a company need, follow it, list cases, and read the unmet-demand registry.

A need is posted as a draft and answered with what was understood, the matching offerings and
packages; it becomes a case when it is sent (`submit: true`, or a POST to `.../submit/`). The
need's unguessable `public_id` is the company's key to its status. The unmet-demand aggregates
and their CSV export are open data without personal details. Texts here are API documentation
and stay in English.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.http import HttpResponse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from jatkumo.accounts.models import User
from jatkumo.broker.api_serializers import (
    CaseItemSerializer,
    NeedInputSerializer,
    NeedStatusSerializer,
    UnmetQuerySerializer,
    UnmetSeriesSerializer,
    case_item,
    need_status,
    series_data,
)
from jatkumo.broker.forms import NeedForm
from jatkumo.broker.models import Case
from jatkumo.broker.registry import GROUPS, unmet_demand_series
from jatkumo.broker.registry_csv import unmet_csv_write
from jatkumo.broker.selectors import case_list_for_user, need_get
from jatkumo.broker.services import need_create, need_submit
from jatkumo.core.errors import RowError, ValidationFailed
from jatkumo.core.serializers import ErrorSerializer

_INVALID = OpenApiResponse(ErrorSerializer, description="The request is not valid.")
_NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such need.")
_THROTTLED = OpenApiResponse(ErrorSerializer, description="Too many requests; try again later.")


class NeedIntakeThrottle(AnonRateThrottle):
    """Anonymous intake shares DRF's `anon` rate (settings `DEFAULT_THROTTLE_RATES`)."""


def _user(request: Request) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _form_values(data: dict[str, Any]) -> dict[str, Any]:
    """The API's JSON → the public form's fields, so both are validated the same way."""
    values = {k: v for k, v in data.items() if k not in ("preferences", "submit")}
    preferences = data.get("preferences") or {}
    values["modes"] = preferences.get("modes", [])
    values["languages"] = preferences.get("languages", [])
    if preferences.get("max_price_eur") is not None:
        values["max_price_eur"] = preferences["max_price_eur"]
    return {k: ("" if v is None else v) for k, v in values.items()}


def _form_errors(form: NeedForm) -> list[RowError]:
    rename = {"modes": "preferences.modes", "languages": "preferences.languages"}
    rename["max_price_eur"] = "preferences.max_price_eur"
    return [
        RowError(str(message), field=rename.get(name, name))
        for name, messages in form.errors.items()
        for message in messages
    ]


class NeedCreateApi(APIView):
    throttle_classes = [NeedIntakeThrottle]

    @extend_schema(
        operation_id="broker_need_create",
        summary="Send a competence need in your own words",
        description=(
            "Validated like the public need form: `text`, `contact_email` and `consent: true` "
            "are required; the business ID's check digit is checked. Answers with what was "
            "understood, the matching offerings and packages, and the need's `public_id`. The "
            "need stays a draft until it is sent (`submit: true` here, or "
            "`POST /needs/{public_id}/submit/`). Rate-limited per client address."
        ),
        request=NeedInputSerializer,
        responses={201: NeedStatusSerializer, 400: _INVALID, 429: _THROTTLED},
        tags=["broker"],
    )
    def post(self, request: Request) -> Response:
        serializer = NeedInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        form = NeedForm(data=_form_values(dict(serializer.validated_data)))
        if not form.is_valid():
            raise ValidationFailed("The need could not be saved.", details=_form_errors(form))
        need = need_create(
            values=form.values(), consent=form.cleaned_data["consent"], user=_user(request)
        )
        if serializer.validated_data.get("submit"):
            need_submit(need=need, user=_user(request))
        need = need_get(public_id=need.public_id)
        return Response(need_status(need, request), status=201)


class NeedSubmitApi(APIView):
    throttle_classes = [NeedIntakeThrottle]

    @extend_schema(
        operation_id="broker_need_submit",
        summary="Send a draft need: its case is created and routed",
        request=None,
        responses={200: NeedStatusSerializer, 400: _INVALID, 404: _NOT_FOUND, 429: _THROTTLED},
        tags=["broker"],
    )
    def post(self, request: Request, public_id: uuid.UUID) -> Response:
        need = need_get(public_id=public_id)
        need_submit(need=need, user=_user(request))
        return Response(need_status(need_get(public_id=public_id), request))


class NeedDetailApi(APIView):
    @extend_schema(
        operation_id="broker_need_status",
        summary="The status of a need, for the company that sent it",
        description="What was understood, the matches, and the case's state and history "
        "(notes marked private are never shown).",
        responses={200: NeedStatusSerializer, 404: _NOT_FOUND},
        tags=["broker"],
    )
    def get(self, request: Request, public_id: uuid.UUID) -> Response:
        return Response(need_status(need_get(public_id=public_id), request))


class CaseListApi(APIView):
    permission_classes = [IsAuthenticated]

    class Pagination(LimitOffsetPagination):
        default_limit = 20
        max_limit = 200

    @extend_schema(
        operation_id="broker_case_list",
        summary="Cases the signed-in user may see",
        description="Coordinators see every case; provider staff the cases routed to their "
        "organisation or shared with the network; company users their own.",
        responses={200: CaseItemSerializer(many=True), 403: _INVALID},
        tags=["broker"],
    )
    def get(self, request: Request) -> Response:
        cases = case_list_for_user(user=request.user)
        paginator = self.Pagination()
        page: list[Case] = paginator.paginate_queryset(cases, request, view=self) or []
        return paginator.get_paginated_response([case_item(case) for case in page])


_UNMET_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day counted (inclusive)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day counted (inclusive)."),
    OpenApiParameter("industry", str, description="Only needs of this TOL 2008 section."),
    OpenApiParameter("sub_region", str, description="Only needs of this sub-region (SK064)."),
]


def _unmet_query(request: Request, *, group_required: bool) -> dict[str, Any]:
    serializer = UnmetQuerySerializer(
        data=request.query_params, context={"group_required": group_required}
    )
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class UnmetSeriesApi(APIView):
    @extend_schema(
        operation_id="broker_unmet_series",
        summary="Unmet demand: counts by industry, skill, sub-region or month",
        description="Needs whose best offering coverage was below the calibrated threshold. "
        "Each response states its source and method. No personal data.",
        parameters=[
            OpenApiParameter("group_by", str, enum=list(GROUPS), required=True),
            *_UNMET_PARAMETERS,
        ],
        responses={200: UnmetSeriesSerializer, 400: _INVALID},
        tags=["broker"],
    )
    def get(self, request: Request) -> Response:
        query = _unmet_query(request, group_required=True)
        lang = translation.get_language()
        series = unmet_demand_series(lang=lang, **query)
        response = Response(series_data(series))
        response["Access-Control-Allow-Origin"] = "*"
        return response


class CsvRenderer(BaseRenderer):
    """Lets clients ask for `text/csv`; the view writes the CSV itself, errors stay JSON."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None
    ) -> bytes:
        return json.dumps(data).encode("utf-8")


class UnmetCsvApi(APIView):
    renderer_classes = [JSONRenderer, CsvRenderer]

    @extend_schema(
        operation_id="broker_unmet_csv",
        summary="Unmet demand as CSV (every grouping, or the one in `group_by`)",
        parameters=[OpenApiParameter("group_by", str, enum=list(GROUPS)), *_UNMET_PARAMETERS],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV, UTF-8."),
            400: _INVALID,
        },
        tags=["broker"],
    )
    def get(self, request: Request) -> HttpResponse:
        query = _unmet_query(request, group_required=False)
        group_by = query.pop("group_by", "") or ""
        groups = [group_by] if group_by else list(GROUPS)
        lang = translation.get_language()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="unmet-demand.csv"'
        response["Access-Control-Allow-Origin"] = "*"
        series = [unmet_demand_series(group_by=g, lang=lang, **query) for g in groups]
        unmet_csv_write(series, response)
        return response
