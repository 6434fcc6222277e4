"""Pages under /demand/: the unmet-demand registry and the industry view."""

from django.urls import path

from jatkumo.broker import views_industry, views_registry

app_name = "broker-registry"

urlpatterns = [
    path("", views_registry.registry_page, name="registry"),
    path("industries/", views_industry.industry_list_page, name="industries"),
    path("industries/<str:code>/", views_industry.industry_detail_page, name="industry"),
]
