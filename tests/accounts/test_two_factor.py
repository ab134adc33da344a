"""Two-factor sign-in with an authenticator app, optional for users, required by an office."""

import base64
import re
import time

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def next_window(device):
    """Codes cannot be used twice: move to the next 30-second window, as a person would."""
    device.refresh_from_db()
    window = max(device.last_t, int(time.time() - device.t0) // device.step) + 2
    return time_machine.travel(device.t0 + window * device.step + 1, tick=False)


def app_from_page(page):
    """The app a person sets up from the page: the key it shows, typed into an authenticator."""
    shown = re.search(r'<code class="app-secret">([A-Z2-7 ]+)</code>', page.content.decode())[1]
    key = base64.b32decode(shown.replace(" ", "") + "=" * (-len(shown.replace(" ", "")) % 8))
    return TOTPDevice(key=key.hex())


def password_sign_in(client, user):
    client.force_login(user)  # the password step; the code step is what is tested here
    return client


def test_without_an_app_nothing_changes(client, world):
    client = password_sign_in(client, world.users["own_staff"])
    assert client.get(reverse("home")).status_code == 200


def test_setting_up_an_app_then_signing_in_with_a_code(client, world):
    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    page = client.get(reverse("two_factor_setup"))
    html = page.content.decode()
    assert "<svg" in html and "Key:" in html
    app = app_from_page(page)
    wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert "The code is wrong or has expired" in wrong.content.decode()
    response = client.post(reverse("two_factor_setup"), {"code": code(app)})
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and "otpauth://" in device.config_url

    client.logout()
    client = password_sign_in(client, user)
    response = client.get(reverse("tracker:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert client.get("/api/v1/findings/").status_code == 302  # the session is not enough yet
    device.refresh_from_db()
    response = client.post(
        reverse("two_factor_verify"), {"code": "123", "next": reverse("tracker:list")}
    )
    assert "Enter the 6 digits your authenticator app shows" in response.content.decode()
    response = client.post(
        reverse("two_factor_verify"), {"code": "000000", "next": reverse("tracker:list")}
    )
    assert "The code is wrong or has expired" in response.content.decode()
    too_soon = client.post(
        reverse("two_factor_verify"), {"code": code(device), "next": reverse("tracker:list")}
    )
    assert re.search(r"Too many wrong codes: try again in \d+ seconds?", too_soon.content.decode())
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    with next_window(device):
        response = client.post(
            reverse("two_factor_verify"), {"code": code(device), "next": reverse("tracker:list")}
        )
    assert response.status_code == 302 and response["Location"] == reverse("tracker:list")
    assert client.get(reverse("tracker:list")).status_code == 200


def test_an_office_can_require_it(client, world):
    world.norfolk.require_two_factor = True
    world.norfolk.save()
    client = password_sign_in(client, world.users["own_staff"])
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("two_factor_setup")
    )
    page = client.get(reverse("two_factor_setup"))
    assert "Your office requires an authenticator app" in page.content.decode()
    # Another office's users are not affected.
    other = password_sign_in(client.__class__(), world.users["other_staff"])
    assert other.get(reverse("home")).status_code == 200
    # Turning it off is refused while required.
    client.post(reverse("two_factor_setup"), {"code": code(app_from_page(page))})
    client.post(reverse("two_factor_remove"))
    assert TOTPDevice.objects.filter(user=world.users["own_staff"], confirmed=True).exists()


def test_turning_it_off(client, world):
    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    app = app_from_page(client.get(reverse("two_factor_setup")))
    client.post(reverse("two_factor_setup"), {"code": code(app)})
    assert "Turn off two-factor sign-in" in client.get(reverse("tracker:account")).content.decode()
    client.post(reverse("two_factor_remove"))
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_next_must_stay_on_this_site(client, world):
    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    app = app_from_page(client.get(reverse("two_factor_setup")))
    client.post(reverse("two_factor_setup"), {"code": code(app)})
    device = TOTPDevice.objects.get(user=user)
    client.logout()
    client = password_sign_in(client, user)
    with next_window(device):
        response = client.post(
            reverse("two_factor_verify"), {"code": code(device), "next": "https://evil.example/"}
        )
    assert response["Location"] == "/"


# -- a password alone must not change two-factor sign-in --------------------------------------
def with_app(user):
    """A user who set up an app earlier (signing in now needs the password and a code)."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


WITHOUT_TWO_FACTOR_MIDDLEWARE = [
    m for m in settings.MIDDLEWARE if m != "accounts.middleware.TwoFactorMiddleware"
]


@pytest.fixture(params=["whole stack", "views alone"])
def layers(request, settings):
    """The views hold the rule themselves, not only the middleware in front of them."""
    if request.param == "views alone":
        settings.MIDDLEWARE = WITHOUT_TWO_FACTOR_MIDDLEWARE
    return request.param


def sent_to_verify(response):
    return response.status_code == 302 and response["Location"].startswith(
        reverse("two_factor_verify")
    )


@pytest.mark.parametrize("office_requires", [False, True])
def test_a_password_alone_cannot_add_another_app(client, world, layers, office_requires):
    world.norfolk.require_two_factor = office_requires
    world.norfolk.save()
    user = world.users["own_staff"]
    existing = with_app(user)
    client = password_sign_in(client, user)
    page = client.get(reverse("two_factor_setup"))
    assert sent_to_verify(page)
    assert not TOTPDevice.objects.exclude(pk=existing.pk).exists()
    # Posting a code (even the current code of the app they have) sets up nothing either.
    posted = client.post(reverse("two_factor_setup"), {"code": code(existing)})
    assert sent_to_verify(posted)
    assert list(TOTPDevice.objects.filter(user=user)) == [existing]
    if layers == "whole stack":
        assert sent_to_verify(client.get(reverse("responses:workspace", args=[world.draft.pk])))


def test_unverified_sessions_of_app_users_reach_only_the_code_page_and_sign_out(client, world):
    user = world.users["own_staff"]
    with_app(user)
    client = password_sign_in(client, user)
    for url in [reverse("two_factor_setup"), reverse("tracker:account"), "/api/v1/responses/"]:
        assert sent_to_verify(client.get(url)), url
    assert sent_to_verify(client.post(reverse("two_factor_remove")))
    assert client.get(reverse("two_factor_verify")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_password_alone_cannot_remove_the_app(client, world, layers):
    user = world.users["own_staff"]
    device = with_app(user)
    client = password_sign_in(client, user)
    response = client.post(reverse("two_factor_remove"))
    assert sent_to_verify(response)
    assert list(TOTPDevice.objects.filter(user=user)) == [device]


def test_a_session_from_before_the_app_was_added_cannot_remove_or_replace_it(client, world):
    """A session signed in before the app existed is let through to pages (sign-in noted "no
    app"), but removing or replacing the app still needs a code."""
    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    device = with_app(user)  # set up in another session
    assert client.get(reverse("home")).status_code == 200
    refused = client.post(reverse("two_factor_remove"))
    assert sent_to_verify(refused)
    page = client.get(refused["Location"]).content.decode()
    assert "Enter the code from your authenticator app before changing it." in page
    assert sent_to_verify(client.get(reverse("two_factor_setup")))
    assert list(TOTPDevice.objects.filter(user=user)) == [device]


def test_the_set_up_page_saves_nothing_until_a_correct_code(client, world):
    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    page = client.get(reverse("two_factor_setup"))
    app = app_from_page(page)
    # Reloading shows the same key (the app may already hold it); still nothing is stored.
    assert app_from_page(client.get(reverse("two_factor_setup"))).key == app.key
    wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert "The code is wrong or has expired" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    response = client.post(reverse("two_factor_setup"), {"code": code(app)})
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.key == app.key
    # The code that confirmed it cannot be used again to sign in.
    client.logout()
    client = password_sign_in(client, user)
    again = client.post(reverse("two_factor_verify"), {"code": code(app)})
    assert "That code has been used already: wait for the next code" in again.content.decode()


def test_adding_an_app_signs_out_every_other_session_and_revokes_the_api_token(world):
    """A session signed in with the password before the app was added noted "no app" and was
    never asked for a code; it could read everything and make a token that outlived the app."""
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from tracker.models import CalendarToken

    user = world.users["own_staff"]
    earlier = password_sign_in(Client(), user)
    assert earlier.get(reverse("tracker:list")).status_code == 200
    token = Token.objects.create(user=user)
    feed = CalendarToken.objects.create(user=user)
    here = password_sign_in(Client(), user)
    app = app_from_page(here.get(reverse("two_factor_setup")))
    added = here.post(reverse("two_factor_setup"), {"code": code(app)}, follow=True)
    assert "signed out everywhere else" in added.content.decode()
    assert "API token and calendar address were revoked" in added.content.decode()
    response = earlier.get(reverse("tracker:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not Token.objects.filter(pk=token.pk).exists()
    assert not CalendarToken.objects.filter(pk=feed.pk).exists()
    api = Client().get("/api/v1/findings/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.status_code in (401, 403)
    assert here.get(reverse("tracker:list")).status_code == 200  # the session that added it


def test_a_token_stops_working_while_the_office_requires_an_app_the_user_lacks(world, client):
    from rest_framework.authtoken.models import Token

    user = world.users["other_staff"]
    token = Token.objects.create(user=user)

    def api():
        return client.get("/api/v1/findings/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert api().status_code == 200
    world.suffolk.require_two_factor = True
    world.suffolk.save()
    refused = api()
    assert refused.status_code in (401, 403)
    assert "requires two-factor sign-in" in refused.json()["detail"]
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    assert api().status_code == 200


def test_setting_up_a_second_app_says_why_it_cannot(world, client):
    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    app = app_from_page(client.get(reverse("two_factor_setup")))
    client.post(reverse("two_factor_setup"), {"code": code(app)})  # verified in this session
    page = client.get(reverse("two_factor_setup"), follow=True).content.decode()
    assert "You already have an authenticator app" in page
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_a_session_from_before_the_app_cannot_mint_a_token_or_feed(world, client):
    """The session noted "no app" at sign-in; an app was added elsewhere in the meantime (the
    race an attacker won by minting while the user set up their app)."""
    from rest_framework.authtoken.models import Token

    from tracker.models import CalendarToken

    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    for name in ("tracker:api_token", "tracker:calendar_token"):
        page = client.post(reverse(name), {"action": "create"}, follow=True).content.decode()
        assert "Enter the code from your authenticator app first" in page
    assert not Token.objects.filter(user=user).exists()
    assert not CalendarToken.objects.filter(user=user).exists()


def test_a_second_app_confirmed_meanwhile_is_refused(world, client, monkeypatch):
    """Two sessions each posted a code at the same moment; the other confirmed its app between
    this request's first look (no app yet) and its save."""
    from accounts import two_factor

    user = world.users["own_staff"]
    client = password_sign_in(client, user)
    app = app_from_page(client.get(reverse("two_factor_setup")))
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    looks = []
    real = two_factor.confirmed_device

    def first_look_sees_none(who):
        looks.append(who)
        return None if len(looks) == 1 else real(who)

    monkeypatch.setattr(two_factor, "confirmed_device", first_look_sees_none)
    page = client.post(reverse("two_factor_setup"), {"code": code(app)}, follow=True)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert "An authenticator app was set up meanwhile" in page.content.decode()


@pytest.mark.parametrize("typed", ["²²²²²²", "١٢٣٤٥٦", "12345", "abcdef"])
def test_what_is_not_six_ascii_digits_is_asked_again_and_not_counted(world, client, typed):
    user = world.users["own_staff"]
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client = password_sign_in(client, user)
    page = client.post(reverse("two_factor_verify"), {"code": typed})
    assert page.status_code == 200
    assert "Enter the 6 digits your authenticator app shows" in page.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 0
    setup = password_sign_in(client, world.users["own_manager"])
    assert setup.post(reverse("two_factor_setup"), {"code": typed}).status_code == 200


def test_a_wrong_code_is_counted(world, client):
    """The check runs with the app's row locked; the failure django-otp records must survive
    the refusal (raising inside the locked block would roll it back)."""
    user = world.users["own_staff"]
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    client = password_sign_in(client, user)
    wrong = f"{(int(code(device)) + 1) % 1000000:06d}"
    client.post(reverse("two_factor_verify"), {"code": wrong})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_the_calendar_feed_stops_while_the_office_requires_an_app_the_user_lacks(world, client):
    from tracker.models import CalendarToken

    feed = CalendarToken.objects.create(user=world.users["other_staff"])
    url = reverse("tracker:calendar_feed", args=[feed.token])
    assert client.get(url).status_code == 200
    world.suffolk.require_two_factor = True
    world.suffolk.save()
    assert client.get(url).status_code == 404
