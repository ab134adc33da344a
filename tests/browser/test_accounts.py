"""Sign-in pages: password reset, two-factor set-up and the lockout page pass axe."""

import base64

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import check_page, sign_in


def test_password_reset_pages(site, page):
    page.goto(f"{site}{reverse('login')}")
    page.get_by_role("link", name="Forgotten your password?").click()
    check_page(page, "password-reset")
    page.get_by_role("button", name="Send the link").click()
    check_page(page, "password-reset-error")
    page.get_by_label("Email").fill("norfolk.staff@example.org")
    page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("heading", name="Check your email").is_visible()
    check_page(page, "password-reset-sent")


def test_two_factor_set_up_and_sign_in(site, page):
    sign_in(page, site, "norfolk.staff")
    page.goto(f"{site}{reverse('tracker:account')}")
    page.get_by_role("link", name="Set up two-factor sign-in").click()
    check_page(page, "two-factor-setup")
    assert page.locator(".app-qr svg").count() == 1
    assert not TOTPDevice.objects.filter(user__username="norfolk.staff").exists()
    key = page.locator(".app-secret").inner_text().replace(" ", "")  # what a person types in
    token = totp(base64.b32decode(key + "=" * (-len(key) % 8)))
    page.get_by_label("Code from your authenticator app").fill(f"{token:06d}")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    assert page.get_by_text("Two-factor sign-in is on.").is_visible()
    page.get_by_role("button", name="Sign out").click()
    sign_in_without_wait(page, site, "norfolk.staff")
    page.wait_for_url(f"{site}{reverse('two_factor_verify')}**")
    check_page(page, "two-factor-verify")


def sign_in_without_wait(page, base, username):
    from demo.users import DEMO_PASSWORD

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_lockout_page(site, page, settings):
    settings.AXES_FAILURE_LIMIT = 2
    page.goto(f"{site}{reverse('login')}")
    for _ in range(2):
        page.get_by_label("Username").fill("norfolk.staff")
        page.get_by_label("Password").fill("wrong")
        page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", name="Sign-in locked for now").is_visible()
    page.console_errors.clear()  # the lockout answers 429, which the console reports
    check_page(page, "locked-out")
