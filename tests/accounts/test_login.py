import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory


@pytest.mark.django_db
def test_login_page__renders_labelled_form(client):
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="current-password"' in html
    assert "<!DOCTYPE html>" in html  # extends the base layout


@pytest.mark.django_db
def test_login_page__logs_user_in_and_goes_home(client):
    user = UserFactory.create_counsellor()

    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_login_page__shows_error_for_wrong_password(client):
    user = UserFactory.create_counsellor()

    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": "wrong"}
    )

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_page__marks_missing_field_as_invalid(client):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_username_error"' in html


@pytest.mark.django_db
def test_logout_form__logs_user_out_with_post(client):
    user = UserFactory.create_counsellor()
    client.force_login(user)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_logout_form_snippet__shows_button_to_signed_in_user_and_link_to_others():
    user = UserFactory.create_counsellor()
    request = RequestFactory().get("/")
    request.user = user

    html = render_to_string("accounts/_logout_form.html", {"user": user}, request=request)
    assert 'method="post"' in html
    assert reverse("accounts:logout") in html

    anonymous_html = render_to_string("accounts/_logout_form.html", {})
    assert reverse("accounts:login") in anonymous_html
