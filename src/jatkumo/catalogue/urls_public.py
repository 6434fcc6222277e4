from django.urls import path

from jatkumo.catalogue import feeds, views_public

app_name = "catalogue"

urlpatterns = [
    path("", views_public.catalogue_search_page, name="search"),
    path("feed.atom", feeds.NewOfferingsFeed(), name="feed"),
    path("starts.ics", feeds.starts_calendar, name="starts"),
    path("embed.js", views_public.embed_script, name="embed-js"),
    path("embed/", views_public.embed_page, name="embed"),
    path("<int:offering_id>/", views_public.offering_by_id, name="offering-by-id"),
    path("<slug:provider>/<str:external_id>/", views_public.offering_page, name="offering"),
]
