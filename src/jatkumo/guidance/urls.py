from django.urls import path

from jatkumo.guidance import views

app_name = "guidance"

urlpatterns = [
    path("", views.guidance_home, name="home"),
    path("funding/", views.funding_list, name="funding-list"),
    path("funding/<slug:code>/", views.funding_detail, name="funding-detail"),
    path("glossary/", views.glossary, name="glossary"),
    path("sme/", views.sme_form, name="sme"),
    path("sme/<uuid:public_id>/", views.sme_answer, name="sme-answer"),
]
