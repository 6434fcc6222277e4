from django.urls import path

from jatkumo.analysis import views

app_name = "analysis"

urlpatterns = [path("", views.analyse_page, name="analyse")]
