from django.urls import path

from jatkumo.taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path("", views.concept_search_page, name="search"),
    path("concept/", views.concept_by_uri, name="concept-by-uri"),
    path("concepts/<int:concept_id>/", views.concept_detail, name="concept"),
    path("concepts/<int:concept_id>/<slug:key>/", views.concept_related, name="concept-related"),
]
