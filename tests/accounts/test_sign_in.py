"""Signing in: throttling against password guessing, password reset by email, idle expiry."""

import datetime
import re
import threading

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends import locmem
from django.core.signals import request_finished
from django.urls import reverse

from accounts.views import AFTER_DELIVERY_THREAD

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    user = get_user_model().objects.create_user(
        "nell", email="nell@example.org", password="correct-horse-battery"
    )
    return user


def sign_in(client, password, username="nell"):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_wrong_passwords_lock_the_account_for_a_while(client, member, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        response = sign_in(client, "guess")
        assert (
            response.status_code == 200
            and "Please enter a correct username" in response.content.decode()
        )
    response = sign_in(client, "guess")
    assert response.status_code == 429
    assert "Sign-in locked for now" in response.content.decode()
    assert "15 minutes" in response.content.decode()
    # Even the right password is refused while locked.
    assert sign_in(client, "correct-horse-battery").status_code == 429
    assert "_auth_user_id" not in client.session


def test_administrator_unlocks(client, member, settings):
    from axes.models import AccessAttempt
    from axes.utils import reset

    settings.AXES_FAILURE_LIMIT = 2
    sign_in(client, "guess")
    sign_in(client, "guess")
    assert AccessAttempt.objects.filter(username="nell").exists()
    reset(username="nell")  # what the admin's "Access attempts" delete and `axes_reset_username` do
    assert sign_in(client, "correct-horse-battery").status_code == 302


def test_a_success_clears_earlier_failures(client, member, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sign_in(client, "guess")
    sign_in(client, "guess")
    assert sign_in(client, "correct-horse-battery").status_code == 302
    client.logout()
    sign_in(client, "guess")
    assert sign_in(client, "correct-horse-battery").status_code == 302


def wait_for_reset_emails():
    """The email is written and sent after the answer, in a thread of its own."""
    for thread in threading.enumerate():
        if thread.name == AFTER_DELIVERY_THREAD:
            thread.join(timeout=10)


def test_password_reset_by_email(client, member):
    page = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in page
    response = client.post(reverse("password_reset"), {"email": "nell@example.org"})
    assert response.status_code == 302
    wait_for_reset_emails()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body)[1]
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    response = client.post(
        form.request["PATH_INFO"],
        {
            "new_password1": "a-new-long-passphrase-2026",
            "new_password2": "a-new-long-passphrase-2026",
        },
    )
    assert response.status_code == 302
    client.logout()
    assert sign_in(client, "a-new-long-passphrase-2026").status_code == 302
    # The link cannot be used twice.
    assert "This link has expired" in client.get(link, follow=True).content.decode()


def test_unknown_address_gets_the_same_answer_and_no_email(client, member):
    known = client.post(reverse("password_reset"), {"email": "nell@example.org"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert (unknown.status_code, unknown["Location"], unknown.content) == (
        known.status_code,
        known["Location"],
        known.content,
    )
    wait_for_reset_emails()
    assert [message.to for message in mail.outbox] == [["nell@example.org"]]


def test_the_reset_email_is_sent_after_the_answer(client, member, monkeypatch):
    """Writing and sending it before answering made the answer for an address with an account
    slower than for one without, telling anyone who timed it which addresses exist."""
    events = []
    send = locmem.EmailBackend.send_messages

    def sending(backend, messages):
        events.append("email sent")
        return send(backend, messages)

    def delivered(**kwargs):
        events.append("answer delivered")  # Django's request_finished signal says so

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", sending)
    request_finished.connect(delivered)
    try:
        client.post(reverse("password_reset"), {"email": "nell@example.org"})
    finally:
        request_finished.disconnect(delivered)
    wait_for_reset_emails()
    assert events == ["answer delivered", "email sent"]
    assert len(mail.outbox) == 1


def test_sessions_expire_after_inactivity_and_activity_renews_them(client, member):
    start = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        cookie = sign_in(client, "correct-horse-battery").cookies[settings.SESSION_COOKIE_NAME]
        assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE == 60 * 60
        # Within the minute a page is served without writing the session again.
        clock.shift(30)
        assert settings.SESSION_COOKIE_NAME not in client.get(reverse("home")).cookies
        # Later activity renews it, so a user who keeps working stays signed in.
        clock.shift(50 * 60)
        renewed = client.get(reverse("home")).cookies[settings.SESSION_COOKIE_NAME]
        assert int(renewed["max-age"]) == 60 * 60
        clock.shift(50 * 60)
        assert client.get(reverse("home")).context["user"].is_authenticated
        # An hour with nothing done ends it.
        clock.shift(61 * 60)
        response = client.get(reverse("tracker:list"))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_anonymous_visitors_get_no_session(client):
    response = client.get(reverse("home"))
    assert settings.SESSION_COOKIE_NAME not in response.cookies
