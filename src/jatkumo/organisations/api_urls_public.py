from django.urls import path

from jatkumo.organisations import api_public

app_name = "contacts-api"

urlpatterns = [
    path("", api_public.ContactListApi.as_view(), name="contact-list"),
]
