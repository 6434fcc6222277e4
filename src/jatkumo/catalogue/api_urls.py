from django.urls import path

from jatkumo.catalogue import api

app_name = "catalogue-api"

urlpatterns = [
    path("offerings/", api.OfferingListApi.as_view(), name="offering-list"),
    path("offerings/<int:offering_id>/", api.OfferingDetailApi.as_view(), name="offering-detail"),
]
