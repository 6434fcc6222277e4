from django.urls import path

from jatkumo.broker import api

app_name = "broker-api"

urlpatterns = [
    path("needs/", api.NeedCreateApi.as_view(), name="need-create"),
    path("needs/<uuid:public_id>/", api.NeedDetailApi.as_view(), name="need-detail"),
    path("needs/<uuid:public_id>/submit/", api.NeedSubmitApi.as_view(), name="need-submit"),
    path("cases/", api.CaseListApi.as_view(), name="case-list"),
    path("unmet/", api.UnmetSeriesApi.as_view(), name="unmet"),
    path("unmet.csv", api.UnmetCsvApi.as_view(), name="unmet-csv"),
]
