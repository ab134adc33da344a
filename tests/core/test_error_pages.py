"""Error pages in the service's layout, as with DEBUG off (the test settings): the status
stays what it was, the page says what happened in plain words and offers a way back."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import BadRequest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults

from responses.models import Section55Response

SERVICE = "Inspection findings tracker"
MENU = 'class="govuk-service-navigation__list"'
HOME_LINK = '<a class="govuk-link" href="/">Go to the home page</a>'


def html(page):
    return page.content.decode()


def without_tokens(text):
    """The page without its CSRF token (masked afresh on every page)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)


def test_debug_is_off():
    assert settings.DEBUG is False


@pytest.mark.django_db
def test_a_missing_page_is_404_in_the_layout_with_the_menu_and_a_way_back(world, as_user):
    page = as_user("own_staff").get("/no-such-page/")
    assert page.status_code == 404
    body = html(page)
    assert "<title>Page not found – Inspection findings tracker</title>" in body
    assert SERVICE in body and MENU in body
    assert f'href="{reverse("tracker:responses")}"' in body
    assert "Page not found" in body
    assert "may have moved" in body and "may not have access" in body
    assert HOME_LINK in body
    assert 'id="main-content"' in body


@pytest.mark.django_db
def test_a_signed_out_visitor_sees_the_layout_and_can_sign_in(client):
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    body = html(page)
    assert SERVICE in body and HOME_LINK in body
    assert 'href="/accounts/login/?next=/no-such-page/"' in body


@pytest.mark.django_db
def test_another_offices_response_looks_exactly_like_a_missing_one(world, as_user):
    """Another office's response answers 404, with the very page a missing id gets: nothing
    on it confirms that the response exists."""
    client = as_user("own_staff")
    missing = Section55Response.objects.order_by("-pk").first().pk + 1000
    for view in ["responses:workspace", "responses:history", "responses:edit_letter"]:
        theirs = client.get(reverse(view, args=[world.suffolk_draft.pk]))
        nothing = client.get(reverse(view, args=[missing]))
        assert theirs.status_code == nothing.status_code == 404
        assert "Page not found" in html(theirs)
        assert without_tokens(html(theirs)) == without_tokens(html(nothing))


@pytest.mark.django_db
def test_a_forbidden_page_is_403_in_the_layout_with_a_way_back(world, as_user):
    # Only managers (and administrators) produce the Police and Crime Panel report.
    page = as_user("own_staff").get(reverse("tracker:panel_report"))
    assert page.status_code == 403
    body = html(page)
    assert "<title>You do not have access to this page – Inspection findings tracker" in body
    assert SERVICE in body and MENU in body and HOME_LINK in body
    assert "ask the person who manages the service in your office" in body


@pytest.mark.django_db
def test_a_form_without_its_security_token_is_403_in_the_layout(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["own_staff"])
    page = client.post(reverse("logout"))
    assert page.status_code == 403
    body = html(page)
    assert "Your form was not sent" in body
    assert "reload the page and try again" in body
    assert SERVICE in body and MENU in body and HOME_LINK in body
    assert "CSRF verification failed" not in body


def test_the_server_error_page_needs_no_request_context_and_no_database():
    """Django renders 500.html with an empty context: no user, no menu, no database (this test
    may not use the database, so any query would fail it)."""
    page = defaults.server_error(RequestFactory().get("/"))
    assert page.status_code == 500
    body = html(page)
    assert "<title>Sorry, there is a problem with the service – Inspection findings tracker" in (
        body
    )
    assert SERVICE in body and HOME_LINK in body
    assert "Try again later." in body
    assert "Sign in" not in body and "Signed in as" not in body


def test_a_bad_request_page_needs_no_request_context_and_no_database():
    page = defaults.bad_request(RequestFactory().get("/"), BadRequest())
    assert page.status_code == 400
    body = html(page)
    assert "could not understand that request" in body
    assert SERVICE in body and HOME_LINK in body


@pytest.mark.django_db
def test_an_unknown_host_is_400_in_the_layout(client):
    page = client.get("/", headers={"host": "elsewhere.example"})
    assert page.status_code == 400
    body = html(page)
    assert SERVICE in body and HOME_LINK in body
