from django.urls import path

from jatkumo.analysis import api

app_name = "analysis-api"

urlpatterns = [
    path("", api.AnalyseApi.as_view(), name="analyse"),
]
