"""Broker pages: the public intake and status pages, and the network's case pages."""

from django.urls import path

from jatkumo.broker import views_cases, views_intake

app_name = "broker"

urlpatterns = [
    path("", views_intake.intake, name="intake"),
    path("needs/<uuid:public_id>/", views_intake.need_review, name="need"),
    path("status/<uuid:public_id>/", views_intake.need_status, name="status"),
    path("cases/", views_cases.case_list, name="cases"),
    path("cases/<int:case_id>/", views_cases.case_detail, name="case-detail"),
    path("inbox/", views_cases.inbox, name="inbox"),
    path("inbox/<int:notification_id>/open/", views_cases.notification_open, name="inbox-open"),
    path("companies/<int:organisation_id>/", views_cases.company_page, name="company"),
]
