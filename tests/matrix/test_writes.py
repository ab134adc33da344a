"""The write matrix: every route of the permission matrix, written to with POST, PUT, PATCH and
DELETE by another office's staff and by an anonymous visitor, with data that would change
Norfolk's objects if it were accepted. The database must be exactly as it was.

Routes that act only on the signed-in user's own account (sign-in, sign-out, password reset,
two-factor, tokens) are listed in OWN_ACCOUNT with the reason; every other route is written to,
so a new route joins this matrix as soon as it joins the read matrix.
"""

import datetime
import json

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

from progress.models import FindingProgress
from tests.matrix.conftest import SOURCE
from tests.matrix.test_routes import CASES, route_names

pytestmark = pytest.mark.django_db

# What each route changes is the signed-in user's own account (or nothing at all).
OWN_ACCOUNT = {
    "login": "signs in; a wrong password is recorded against the address (throttling)",
    "logout": "ends the user's own session",
    "password_reset": "emails a reset link to the address's owner",
    "password_reset_done": "a page",
    "password_reset_confirm": "sets a password with a valid token only",
    "password_reset_complete": "a page",
    "two_factor_verify": "the user's own two-factor check",
    "two_factor_setup": "the user's own authenticator app",
    "two_factor_remove": "the user's own authenticator app",
    "tracker:calendar_token": "the user's own calendar address",
    "tracker:api_token": "the user's own API token",
}
# Session rows change with every signed-in request; axes records sign-in attempts.
NOT_COMPARED = {
    Session._meta.label,
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
}


def payload(case, o):
    """Data that would change Norfolk's objects, by route."""
    today = datetime.date(2026, 11, 20)
    draft, afi = o.draft, o.world.afi
    forms = {
        "responses:edit_letter": {"version": draft.version, "general_comment": "Hijacked"},
        "responses:edit_finding": {
            "version": o.answer.version,
            "office_comment": "Hijacked",
            "action": "proposed",
            "action_explanation": "Hijacked",
        },
        "responses:edit_checklist": {"panel_done": "on"},
        "imports:upload": {"inspection": o.inspection.pk, "text": SOURCE},
        "imports:review": {"findings-TOTAL_FORMS": "0", "grades-TOTAL_FORMS": "0"},
        "progress:finding": {
            "text": "Hijacked",
            "dated_0": today.day,
            "dated_1": today.month,
            "dated_2": today.year,
            "version": FindingProgress.objects.get(finding=afi, body=o.norfolk_force).version,
            "status": "complete",
        },
        "tracker:list": {
            "bulk-rows": [o.tracker_row.pk],
            "bulk-text": "Hijacked",
            "bulk-status": "complete",
        },
    }
    api = {
        "finding-response-list": {
            "response": draft.pk,
            "finding": afi.pk,
            "office_comment": "Hijacked",
        },
        "response-detail": {"version": draft.version, "general_comment": "Hijacked"},
        "finding-response-detail": {"version": o.answer.version, "office_comment": "Hijacked"},
    }
    if case.route in api:
        return json.dumps(api[case.route]), "application/json"
    return forms.get(case.route, {"text": "Hijacked"}), None


def send_all(client, case, objects):
    """POST, PUT, PATCH and DELETE the route's payload; the statuses answered."""
    url = case.url(objects)
    data, content_type = payload(case, objects)
    statuses = []
    for method in ("post", "put", "patch", "delete"):
        send = getattr(client, method)
        if content_type:
            response = send(url, data, content_type=content_type)
        elif method == "post":
            response = send(url, data)
        else:
            response = send(url)
        statuses.append(response.status_code)
    return statuses


def snapshot():
    rows = {}
    for model in apps.get_models():
        if model._meta.label in NOT_COMPARED or not model._meta.managed:
            continue
        rows[model._meta.label] = list(model._base_manager.order_by("pk").values())
    return rows


def test_every_route_is_written_to_or_acts_on_the_users_own_account():
    assert OWN_ACCOUNT.keys() <= route_names()
    written = {case.route for case in CASES if case.route not in OWN_ACCOUNT}
    assert written | OWN_ACCOUNT.keys() == route_names()


# Suffolk's staff may change Suffolk's own objects (the read matrix shows which they reach).
WRITES = [
    pytest.param(role, case, id=f"{role}-{case.route}[{case.label}]")
    for case in CASES
    if case.route not in OWN_ACCOUNT
    for role in ("other_staff", "anonymous")
    if not (role == "other_staff" and case.owner == "suffolk")
]


@pytest.mark.parametrize(("role", "case"), WRITES)
def test_outsiders_change_nothing(objects, client, case, role):
    user = objects.world.users[role]
    if user is not None:
        client.force_login(user)
    before = snapshot()
    statuses = send_all(client, case, objects)
    after = snapshot()
    changed = [label for label in before if before[label] != after[label]]
    assert changed == [], f"{role} changed {changed} through {case.url(objects)} ({statuses})"


# The same requests from Norfolk's manager do change Norfolk's data, so the refusals above are
# the access rules at work, not payloads that could never be accepted.
WRITABLE = {
    "responses:start",
    "responses:edit_letter",
    "responses:edit_finding",
    "responses:edit_checklist",
    "responses:step",
    "imports:upload",
    "imports:discard",
    "progress:finding",
    "tracker:list",
    "finding-response-list",
    "response-detail",
    "finding-response-detail",
}


@pytest.mark.parametrize(
    "case",
    # A draft cannot be approved until it is sent for review; the future report is the
    # administrator's alone.
    [
        c
        for c in CASES
        if c.route in WRITABLE and c.owner == "norfolk" and c.label not in ("approve", "future AFI")
    ],
    ids=lambda c: f"{c.route}[{c.label}]",
)
def test_the_owner_can_make_the_same_writes(objects, client, case):
    client.force_login(objects.world.users["own_manager"])
    before = snapshot()
    send_all(client, case, objects)
    assert snapshot() != before
