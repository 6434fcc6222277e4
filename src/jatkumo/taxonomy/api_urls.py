from django.urls import path

from jatkumo.taxonomy import api

app_name = "taxonomy-api"

urlpatterns = [
    path("concepts/", api.ConceptListApi.as_view(), name="concept-list"),
    path("concepts/<int:concept_id>/", api.ConceptDetailApi.as_view(), name="concept-detail"),
    path("regions/", api.RegionListApi.as_view(), name="region-list"),
]
