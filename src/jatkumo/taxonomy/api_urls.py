from django.urls import path

from jatkumo.taxonomy import api

app_name = "taxonomy-api"

urlpatterns = [
    path("concepts/", api.ConceptListApi.as_view(), name="concept-list"),
]
