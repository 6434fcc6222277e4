"""Back office under /catalogue/manage/: offerings of provider staff and coordinators."""

from django.urls import path

from jatkumo.catalogue import views_staff

app_name = "catalogue-staff"

urlpatterns = [
    path("", views_staff.offering_list, name="list"),
    path("new/", views_staff.offering_create, name="create"),
    path("<int:pk>/edit/", views_staff.offering_edit, name="edit"),
    path(
        "<int:pk>/publish/",
        views_staff.offering_status,
        {"action": "publish"},
        name="publish",
    ),
    path(
        "<int:pk>/archive/",
        views_staff.offering_status,
        {"action": "archive"},
        name="archive",
    ),
    path("<int:pk>/tags/add/", views_staff.offering_tag, {"action": "add"}, name="tag-add"),
    path(
        "<int:pk>/tags/remove/", views_staff.offering_tag, {"action": "remove"}, name="tag-remove"
    ),
    path("import/", views_staff.import_upload, name="import"),
    path("import/<str:token>/", views_staff.import_preview, name="import-preview"),
    path("import/<str:token>/commit/", views_staff.import_commit, name="import-commit"),
    path("export/", views_staff.export_download, name="export"),
]
