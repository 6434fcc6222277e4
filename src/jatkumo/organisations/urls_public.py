from django.urls import path

from jatkumo.organisations import views_public

app_name = "contacts"

urlpatterns = [
    path("", views_public.contact_directory_page, name="directory"),
]
