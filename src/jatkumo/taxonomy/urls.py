from django.urls import path

from jatkumo.taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path("", views.concept_search, name="search"),
]
