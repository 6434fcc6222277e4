from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "accounts"

# next_page: after logging in or out without a `next`, go to the home page.
urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=False, next_page="home"
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="home"), name="logout"),
]
