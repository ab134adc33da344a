import threading

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.forms import CodeForm, PasswordResetForm, SetupCodeForm


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else "/"


@login_required
def verify(request):
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_next(request))
    return render(
        request, "registration/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


def _verify_first(request):
    """Off to the code page: a password alone must not add, replace or remove an app (an
    administrator removes a lost one in the admin)."""
    messages.info(request, "Enter the code from your authenticator app before changing it.")
    return redirect(f"{reverse('two_factor_verify')}?next={reverse('tracker:account')}")


@login_required
def setup(request):
    if two_factor.confirmed_device(request.user) is not None:
        # One app per user: replacing it means removing it first, from a verified session.
        if not request.user.is_verified():
            return _verify_first(request)
        messages.info(
            request,
            "You already have an authenticator app. To use another, turn two-factor sign-in "
            "off, then set up the new app.",
        )
        return redirect("tracker:account")
    device = two_factor.pending_device(request)
    form = SetupCodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # One app per user, even when two sessions confirm one at the same moment.
            two_factor.lock_user(request.user)
            if two_factor.confirmed_device(request.user) is not None:
                messages.error(request, "An authenticator app was set up meanwhile: use that one.")
                return redirect("tracker:account")
            device.confirmed = True
            device.save()
            # Unconfirmed rows made by earlier versions when the page was opened.
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            revoked = two_factor.end_other_sessions(request)
        del request.session[two_factor.PENDING_KEY]
        otp_login(request, device)
        messages.success(
            request,
            "Two-factor sign-in is on. You will enter a code each time you sign in; you have "
            "been signed out everywhere else"
            + (
                ", and your API token and calendar address were revoked: create new ones."
                if revoked
                else "."
            ),
        )
        return redirect(_next(request) if request.GET.get("next") else "tracker:account")
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "form": form,
            "qr": two_factor.qr_svg(device),
            "secret": two_factor.secret(device),
            "required": two_factor.required(request.user),
            "next": _next(request),
        },
    )


@login_required
@require_POST
def remove(request):
    if not request.user.is_verified():
        return _verify_first(request)
    if two_factor.required(request.user):
        messages.error(request, "Your office requires two-factor sign-in, so it stays on.")
    else:
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, "Two-factor sign-in is off.")
    return redirect("tracker:account")


AFTER_DELIVERY_THREAD = "after-delivery"


class AfterDelivery(HttpResponseRedirect):
    """A redirect that starts ``jobs`` once it has been delivered: WSGI servers call close()
    after writing the response (Django's request_finished comes from the same call). They run
    in a thread, so the mail server's time holds neither the connection nor the worker. Jobs
    must not use the database (the thread would keep a connection of its own)."""

    def __init__(self, url, jobs):
        super().__init__(url)
        self.jobs = jobs

    def close(self):
        super().close()
        if self.jobs:
            threading.Thread(target=_run, args=(self.jobs,), name=AFTER_DELIVERY_THREAD).start()


def _run(jobs):
    for job in jobs:
        job()


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, answering before the email is written and sent.

    Only an address with an account gets an email, so doing that work before answering made
    the answer slower for those addresses (a few milliseconds here, a mail server's round trip
    in production) and told anyone timing it which addresses exist. Every address is looked
    up; the email is written and sent once the answer has gone (Django's send_mail logs a
    failure to send).
    """

    form_class = PasswordResetForm

    def form_valid(self, form):
        answer = super().form_valid(form)  # saving the form queues the email, if any
        return AfterDelivery(answer.url, form.queued)
