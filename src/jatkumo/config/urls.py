from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from jatkumo.config import views

admin.site.site_header = _("Jatkumo administration")
admin.site.site_title = "Jatkumo"
admin.site.index_title = _("Administration")

api_v1: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api-v1:schema"), name="docs"),
    path("taxonomy/", include("jatkumo.taxonomy.api_urls")),
    path("catalogue/", include("jatkumo.catalogue.api_urls")),
    path("contacts/", include("jatkumo.organisations.api_urls_public")),
    path("analyse/", include("jatkumo.analysis.api_urls")),
    path("broker/", include("jatkumo.broker.api_urls")),
]

urlpatterns = [
    path("api/v1/", include((api_v1, "api-v1"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("jatkumo.accounts.urls")),
    path("taxonomy/", include("jatkumo.taxonomy.urls")),
    path("analyse/", include("jatkumo.analysis.urls")),
    path("catalogue/manage/", include("jatkumo.catalogue.urls_staff")),
    path("catalogue/", include("jatkumo.catalogue.urls_public")),
    path("contacts/", include("jatkumo.organisations.urls_public")),
    path("guidance/", include("jatkumo.guidance.urls")),
    path("broker/", include("jatkumo.broker.urls")),
    path("demand/", include("jatkumo.broker.urls_registry")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
