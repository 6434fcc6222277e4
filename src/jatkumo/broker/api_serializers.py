"""Request and response shapes of the broker API, and the functions that fill them.

The need input mirrors the public need form (the API validates through the same form). Need
status carries the frozen match snapshot (`broker.snapshot`) and, once sent, the case's state
and public history. Unmet-demand series carry only counts, with their source and method.
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse
from rest_framework import serializers
from rest_framework.request import Request

from jatkumo.broker.models import Case, CompanySize, Need
from jatkumo.broker.registry import GROUPS, UnmetSeries
from jatkumo.broker.selectors import case_events_for_user
from jatkumo.catalogue.models import Mode
from jatkumo.core.serializers import StrictSerializer
from jatkumo.taxonomy.models import Industry, Region, RegionLevel

# --- input ---------------------------------------------------------------------------------------


class PreferencesSerializer(StrictSerializer):
    """What the company prefers (modes, languages, budget); an unknown key is an error."""

    class Meta:
        ref_name = "NeedPreferences"

    modes = serializers.ListField(child=serializers.ChoiceField(Mode.values), required=False)
    # Checked against fi / sv / en by the need form (an enum here would clash in the schema).
    languages = serializers.ListField(
        child=serializers.CharField(max_length=2), required=False, help_text="fi, sv or en."
    )
    max_price_eur = serializers.IntegerField(min_value=0, required=False, allow_null=True)


class NeedInputSerializer(StrictSerializer):
    """A need as the public form takes it; `submit: true` sends it at once; an unknown key is
    an error."""

    class Meta:
        ref_name = "NeedInput"

    text = serializers.CharField(help_text="The need in your own words.", max_length=20_000)
    company_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    company_business_id = serializers.CharField(
        required=False, allow_blank=True, max_length=9, help_text="Y-tunnus, e.g. 1234567-8."
    )
    company_size = serializers.ChoiceField(CompanySize.values, required=False, allow_blank=True)
    industry = serializers.CharField(
        required=False, allow_blank=True, help_text="TOL 2008 section letter."
    )
    municipality = serializers.CharField(
        required=False, allow_blank=True, help_text="Municipality code (837)."
    )
    headcount = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    needed_by = serializers.DateField(required=False, allow_null=True)
    preferences = PreferencesSerializer(required=False)
    contact_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    contact_email = serializers.EmailField()
    contact_phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    consent = serializers.BooleanField(
        help_text="Must be true: the need and contact details are stored as the form describes."
    )
    submit = serializers.BooleanField(
        default=False, help_text="Send at once (creates and routes the case)."
    )


class UnmetQuerySerializer(serializers.Serializer[Any]):
    group_by = serializers.ChoiceField(list(GROUPS), required=False)
    start = serializers.DateField(required=False, help_text="First day counted (inclusive).")
    end = serializers.DateField(required=False, help_text="Last day counted (inclusive).")
    industry = serializers.CharField(required=False)
    sub_region = serializers.CharField(required=False)

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # `from` is a Python keyword, so the fields are renamed here rather than declared.
        fields = super().get_fields()
        fields["from"] = fields.pop("start")
        fields["to"] = fields.pop("end")
        fields["from"].source = "start"
        fields["to"].source = "end"
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.context.get("group_required") and not attrs.get("group_by"):
            raise serializers.ValidationError({"group_by": "Required."})
        start, end = attrs.get("start"), attrs.get("end")
        if start and end and start > end:
            raise serializers.ValidationError({"to": "Must not be before `from`."})
        code = attrs.get("industry")
        if code and not Industry.objects.filter(code=code).exists():
            raise serializers.ValidationError({"industry": f"Unknown industry {code!r}."})
        region = attrs.get("sub_region")
        sub_regions = Region.objects.filter(level=RegionLevel.SUB_REGION)
        if region and not sub_regions.filter(code=region).exists():
            raise serializers.ValidationError({"sub_region": f"Unknown sub-region {region!r}."})
        return attrs


# --- output --------------------------------------------------------------------------------------


class SkillSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "UnderstoodSkill"

    uri = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    score = serializers.FloatField()
    evidence = serializers.ListField(child=serializers.CharField(), help_text="Words that matched.")


class UnderstoodSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "UnderstoodNeed"

    language = serializers.CharField()
    skills = SkillSerializer(many=True)
    occupation = serializers.DictField(allow_null=True, help_text="{uri, label, code}.")
    industry = serializers.DictField(allow_null=True, help_text="{code, label}.")
    urgency = serializers.DictField(allow_null=True, help_text="{level, label, evidence}.")


class ResultSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "NeedMatch"

    offering_id = serializers.CharField(help_text="The offering's interchange id.")
    title = serializers.CharField()
    provider = serializers.CharField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class PackageSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "NeedPackage"

    offering_ids = serializers.ListField(child=serializers.CharField())
    coverage = serializers.FloatField(help_text="Share of the needed skills covered, 0–1.")
    duration_weeks = serializers.FloatField(allow_null=True)
    price_eur = serializers.FloatField(allow_null=True)
    uncovered = serializers.ListField(child=serializers.CharField())


class EventSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "CaseHistoryEvent"

    at = serializers.DateTimeField()
    kind = serializers.CharField()
    to_state = serializers.CharField(allow_blank=True)
    text = serializers.CharField(allow_blank=True)


class CaseStatusSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "NeedCase"

    state = serializers.CharField()
    state_label = serializers.CharField()
    unmet = serializers.BooleanField()
    routed_to = serializers.ListField(child=serializers.CharField(), help_text="Organisations.")
    first_response_at = serializers.DateTimeField(allow_null=True)
    history = EventSerializer(many=True)


class NeedStatusSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "NeedStatus"

    public_id = serializers.UUIDField(help_text="The company's key to this need.")
    status = serializers.ChoiceField(["draft", "sent"])
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    status_url = serializers.CharField(help_text="This resource.")
    understood = UnderstoodSerializer()
    results = ResultSerializer(many=True)
    packages = PackageSerializer(many=True)
    unmet = serializers.BooleanField(help_text="No offering or package covers the need enough.")
    case = CaseStatusSerializer(allow_null=True)


class CaseNeedSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "CaseNeed"

    public_id = serializers.UUIDField()
    text = serializers.CharField()
    company_name = serializers.CharField(allow_blank=True)
    industry = serializers.CharField(allow_blank=True)
    municipality = serializers.CharField(allow_blank=True)
    headcount = serializers.IntegerField(allow_null=True)
    needed_by = serializers.DateField(allow_null=True)


class CaseItemSerializer(serializers.Serializer[Any]):
    class Meta:
        ref_name = "BrokerCase"

    id = serializers.IntegerField()
    state = serializers.CharField()
    unmet = serializers.BooleanField()
    best_coverage = serializers.FloatField(allow_null=True)
    shared_with_network = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    routed_to = serializers.ListField(child=serializers.CharField())
    need = CaseNeedSerializer()


class UnmetRowSerializer(serializers.Serializer[Any]):
    key = serializers.CharField(help_text="TOL letter, ESCO URI, sub-region code or YYYY-MM.")
    label = serializers.CharField()  # type: ignore[assignment]
    unmet = serializers.IntegerField(help_text="Unmet needs in the group.")
    needs = serializers.IntegerField(help_text="All needs in the group.")
    share = serializers.FloatField(help_text="unmet / needs.")


class UnmetSeriesSerializer(serializers.Serializer[Any]):
    group_by = serializers.ChoiceField(list(GROUPS))
    source = serializers.CharField()  # type: ignore[assignment]
    method = serializers.CharField()
    since = serializers.DateField(allow_null=True, help_text="The first need the registry holds.")
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)
    filters = serializers.DictField(child=serializers.CharField())
    unmet_total = serializers.IntegerField()
    needs_total = serializers.IntegerField()
    rows = UnmetRowSerializer(many=True)


def _case_status(case: Case) -> dict[str, Any]:
    return {
        "state": case.state,
        "state_label": str(case.get_state_display()),
        "unmet": case.unmet,
        "routed_to": [
            str(r.organisation.name) for r in case.routings.select_related("organisation")
        ],
        "first_response_at": case.first_response_at,
        "history": [
            {"at": e.at, "kind": e.kind, "to_state": e.to_state, "text": e.text}
            for e in case_events_for_user(case=case, user=None)
        ],
    }


def need_status(need: Need, request: Request) -> dict[str, Any]:
    """A need as its company sees it (no private notes, no other company's details)."""
    snapshot = dict(need.understood or {})
    case = Case.objects.filter(need=need).first()
    try:
        path = reverse("api-v1:broker-api:need-detail", args=[need.public_id])
    except NoReverseMatch:
        path = ""
    return {
        "public_id": need.public_id,
        "status": "sent" if need.submitted_at else "draft",
        "created_at": need.created_at,
        "submitted_at": need.submitted_at,
        "status_url": request.build_absolute_uri(path) if path else "",
        "understood": {
            "language": snapshot.get("language", ""),
            "skills": snapshot.get("skills", []),
            "occupation": snapshot.get("occupation"),
            "industry": snapshot.get("industry"),
            "urgency": snapshot.get("urgency"),
        },
        "results": snapshot.get("results", []),
        "packages": snapshot.get("packages", []),
        "unmet": bool(snapshot.get("unmet")),
        "case": _case_status(case) if case is not None else None,
    }


def case_item(case: Case) -> dict[str, Any]:
    need = case.need
    return {
        "id": case.pk,
        "state": case.state,
        "unmet": case.unmet,
        "best_coverage": case.best_coverage,
        "shared_with_network": case.shared_with_network,
        "created_at": case.created_at,
        "routed_to": [str(r.organisation.name) for r in case.routings.all()],
        "need": {
            "public_id": need.public_id,
            "text": need.text,
            "company_name": need.company_name,
            "industry": need.industry,
            "municipality": need.municipality,
            "headcount": need.headcount,
            "needed_by": need.needed_by,
        },
    }


def series_data(series: UnmetSeries) -> dict[str, Any]:
    return {
        "group_by": series.group_by,
        "source": series.source,
        "method": series.method,
        "since": series.since,
        "start": series.start,
        "end": series.end,
        "filters": series.filters,
        "unmet_total": series.unmet_total,
        "needs_total": series.needs_total,
        "rows": [
            {"key": r.key, "label": r.label, "unmet": r.unmet, "needs": r.needs, "share": r.share}
            for r in series.rows
        ],
    }
