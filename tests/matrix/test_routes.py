"""The permission matrix: every route of the URL conf, requested as each kind of user.

Routes come from the URL conf itself, so a new route without an entry here fails
`test_every_route_is_in_the_matrix`. Each case names the objects it asks for (Norfolk's, the
own office's; Suffolk's; a joint report; a report with no publication date and one dated in the
future) and what each role gets: a status code, or LOGIN (a redirect to the sign-in page).
"""

import html
import io
import zipfile
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.matrix.conftest import EMBARGOED, NORFOLK_SECRET, ROLES, SUFFOLK_SECRET

pytestmark = pytest.mark.django_db

LOGIN = "login"


@dataclass(frozen=True)
class Case:
    route: str  # the URL pattern's name, with its namespace
    label: str
    url: object  # objects -> path
    expect: tuple  # one outcome per role in ROLES
    method: str = "get"
    owner: str = "norfolk"  # whose object the URL names: Suffolk's may be changed by Suffolk


def r(name, *args):
    return lambda o: reverse(name, args=[a(o) if callable(a) else a for a in args])


def api(name, pk=None):
    return lambda o: reverse(f"api:{name}", args=[] if pk is None else [pk(o)])


# anonymous, own_staff, own_manager, other_staff, admin
ALL = (LOGIN, 200, 200, 200, 200)
OWN = (LOGIN, 200, 200, 404, 200)
ADMIN_ONLY = (LOGIN, 404, 404, 404, 200)
PUBLIC = (200, 200, 200, 200, 200)
API_ALL = (403, 200, 200, 200, 200)
API_OWN = (403, 200, 200, 404, 200)
API_ADMIN = (403, 404, 404, 404, 200)
POST_ONLY = (LOGIN, 405, 405, 405, 405)
SIGNED_IN_302 = (LOGIN, 302, 302, 302, 302)

CASES = []  # filled in below, once the first run has been read
CASES = [
    Case("home", "home", r("home"), PUBLIC),
    Case("healthz", "health check", r("healthz"), PUBLIC),
    Case("favicon.ico", "favicon", lambda o: "/favicon.ico", (301,) * 5),
    Case("login", "sign-in page", r("login"), (200, 302, 302, 302, 302)),
    Case("logout", "sign out", r("logout"), (LOGIN,) * 5, method="post"),
    Case("two_factor_verify", "two-factor check", r("two_factor_verify"), SIGNED_IN_302),
    Case("two_factor_setup", "two-factor set-up", r("two_factor_setup"), ALL),
    Case("two_factor_remove", "two-factor removal", r("two_factor_remove"), POST_ONLY),
    Case("password_reset", "password reset", r("password_reset"), PUBLIC),
    Case("password_reset_done", "reset sent", r("password_reset_done"), PUBLIC),
    Case(
        "password_reset_confirm",
        "reset link, forged",
        r("password_reset_confirm", "MQ", "set-password"),
        PUBLIC,
    ),
    Case("password_reset_complete", "reset done", r("password_reset_complete"), PUBLIC),
    Case("tracker:inspections", "inspections", r("tracker:inspections"), ALL),
    Case(
        "tracker:inspection",
        "own report",
        r("tracker:inspection", lambda o: o.inspection.slug),
        ALL,
    ),
    Case("tracker:inspection", "joint report", r("tracker:inspection", "joint-2026"), ALL),
    Case(
        "tracker:inspection", "future report", r("tracker:inspection", "future-report"), ADMIN_ONLY
    ),
    Case(
        "tracker:inspection",
        "undated report",
        r("tracker:inspection", "undated-report"),
        ADMIN_ONLY,
    ),
    Case("responses:start", "start, GET", r("responses:start", "custody-2026"), POST_ONLY),
    Case("responses:workspace", "own draft", r("responses:workspace", lambda o: o.draft.pk), OWN),
    Case(
        "responses:workspace",
        "Suffolk's draft",
        r("responses:workspace", lambda o: o.suffolk_draft.pk),
        (LOGIN, 404, 404, 200, 200),
        owner="suffolk",
    ),
    Case(
        "responses:edit_letter", "own draft", r("responses:edit_letter", lambda o: o.draft.pk), OWN
    ),
    Case(
        "responses:edit_finding",
        "own draft",
        r("responses:edit_finding", lambda o: o.draft.pk, lambda o: o.world.recommendation.pk),
        OWN,
    ),
    Case(
        "responses:edit_checklist",
        "own draft",
        r("responses:edit_checklist", lambda o: o.draft.pk),
        OWN,
    ),
    Case(
        "responses:step",
        "send for review",
        r("responses:step", lambda o: o.draft.pk, "send_for_review"),
        OWN,
    ),
    Case(
        "responses:step",
        "approve",
        r("responses:step", lambda o: o.draft.pk, "approve"),
        (LOGIN, 404, 200, 404, 200),
    ),
    Case("responses:history", "own draft", r("responses:history", lambda o: o.draft.pk), OWN),
    Case("tracker:dashboard", "dashboard", r("tracker:dashboard"), ALL),
    Case("tracker:list", "tracker", r("tracker:list"), ALL),
    Case("tracker:export_csv", "CSV", r("tracker:export_csv"), ALL),
    Case("tracker:export_xlsx", "XLSX", r("tracker:export_xlsx"), ALL),
    Case("tracker:responses", "responses", r("tracker:responses"), ALL),
    Case("tracker:account", "account", r("tracker:account"), ALL),
    Case("tracker:calendar_token", "calendar token, GET", r("tracker:calendar_token"), POST_ONLY),
    Case("tracker:api_token", "API token, GET", r("tracker:api_token"), POST_ONLY),
    Case(
        "tracker:calendar_feed",
        "own staff's feed",
        r("tracker:calendar_feed", lambda o: o.calendar.token),
        PUBLIC,
    ),
    Case(
        "tracker:calendar_feed",
        "forged token",
        r("tracker:calendar_feed", "not-a-token"),
        (404,) * 5,
    ),
    Case("letters:pdf", "own draft", r("letters:pdf", lambda o: o.draft.pk), OWN),
    Case(
        "letters:pdf",
        "Suffolk's draft",
        r("letters:pdf", lambda o: o.suffolk_draft.pk),
        (LOGIN, 404, 404, 200, 200),
        owner="suffolk",
    ),
    Case("letters:letter_docx", "own draft", r("letters:letter_docx", lambda o: o.draft.pk), OWN),
    Case(
        "letters:letter_docx",
        "Suffolk's draft",
        r("letters:letter_docx", lambda o: o.suffolk_draft.pk),
        (LOGIN, 404, 404, 200, 200),
        owner="suffolk",
    ),
    Case("letters:published_index", "Norfolk", r("letters:published_index", "norfolk"), PUBLIC),
    Case("letters:national_index", "every office", r("letters:national_index"), PUBLIC),
    Case(
        "letters:national_index",
        "Suffolk's filter",
        lambda o: reverse("letters:national_index") + "?office=suffolk",
        PUBLIC,
    ),
    Case("letters:published_feed", "Norfolk", r("letters:published_feed", "norfolk"), PUBLIC),
    Case(
        "letters:published_feed",
        "no such office",
        r("letters:published_feed", "nowhere"),
        (404,) * 5,
    ),
    Case("letters:published_logo", "no logo", r("letters:published_logo", "suffolk"), (404,) * 5),
    Case(
        "letters:published",
        "published",
        r("letters:published", "norfolk", "eastern-soc-2021-22"),
        PUBLIC,
    ),
    Case(
        "letters:published",
        "Suffolk's draft",
        r("letters:published", "suffolk", "eastern-soc-2021-22"),
        (404,) * 5,
        owner="suffolk",
    ),
    Case(
        "letters:published_pdf",
        "published",
        r("letters:published_pdf", "norfolk", "eastern-soc-2021-22"),
        PUBLIC,
    ),
    Case(
        "letters:published_pdf",
        "own draft",
        r("letters:published_pdf", "norfolk", "vetting-2026"),
        (404,) * 5,
    ),
    Case("imports:list", "imports", r("imports:list"), ALL),
    Case("imports:upload", "upload", r("imports:upload"), ALL),
    Case("imports:review", "own import", r("imports:review", lambda o: o.report_import.pk), OWN),
    Case(
        "imports:discard",
        "own import",
        r("imports:discard", lambda o: o.report_import.pk),
        POST_ONLY,
    ),
    Case(
        "progress:finding",
        "Norfolk's AFI",
        r("progress:finding", lambda o: o.world.afi.pk, lambda o: o.norfolk_force.slug),
        OWN,
    ),
    Case(
        "progress:finding",
        "joint AFI, Suffolk",
        r("progress:finding", lambda o: o.joint_finding.pk, lambda o: o.suffolk_force.slug),
        (LOGIN, 404, 404, 200, 200),
        owner="suffolk",
    ),
    Case(
        "progress:finding",
        "future AFI",
        r("progress:finding", lambda o: o.future_finding.pk, lambda o: o.norfolk_force.slug),
        ADMIN_ONLY,
    ),
    Case("progress:evidence", "own", r("progress:evidence", lambda o: o.evidence.pk), OWN),
    Case(
        "tracker:panel_report",
        "panel report",
        r("tracker:panel_report"),
        (LOGIN, 403, 200, 403, 200),
    ),
    Case("api-root", "API root", r("api-root"), API_ALL),
    # The schema and its documentation are for signed-in users only.
    Case("api-schema", "schema", r("api-schema"), API_ALL),
    Case("api-docs", "docs", r("api-docs"), ALL),
]
for name in (
    "region",
    "force",
    "rocu",
    "policing-body",
    "inspection",
    "graded-judgement",
    "finding",
    "response",
    "finding-response",
    "tracker-row",
):
    CASES.append(Case(f"{name}-list", "list", r(f"{name}-list"), API_ALL))
CASES += [
    Case("region-detail", "East", r("region-detail", lambda o: o.norfolk_force.region_id), API_ALL),
    Case("force-detail", "Norfolk", r("force-detail", lambda o: o.norfolk_force.pk), API_ALL),
    Case("rocu-detail", "ERSOU", r("rocu-detail", lambda o: o.rocu.pk), API_ALL),
    Case(
        "policing-body-detail",
        "Norfolk",
        r("policing-body-detail", lambda o: o.world.norfolk.pk),
        API_ALL,
    ),
    Case("inspection-detail", "own", r("inspection-detail", lambda o: o.inspection.pk), API_ALL),
    Case("inspection-detail", "future", r("inspection-detail", lambda o: o.future.pk), API_ADMIN),
    Case("inspection-detail", "undated", r("inspection-detail", lambda o: o.undated.pk), API_ADMIN),
    Case(
        "graded-judgement-detail",
        "eastern",
        r("graded-judgement-detail", lambda o: o.grade.pk),
        API_ALL,
    ),
    Case("finding-detail", "own", r("finding-detail", lambda o: o.world.afi.pk), API_ALL),
    Case("finding-detail", "future", r("finding-detail", lambda o: o.future_finding.pk), API_ADMIN),
    Case("response-detail", "own draft", r("response-detail", lambda o: o.draft.pk), API_OWN),
    Case(
        "response-detail",
        "Suffolk's draft",
        r("response-detail", lambda o: o.suffolk_draft.pk),
        (403, 404, 404, 200, 200),
        owner="suffolk",
    ),
    Case(
        "finding-response-detail",
        "own answer",
        r("finding-response-detail", lambda o: o.answer.pk),
        API_OWN,
    ),
    Case(
        "tracker-row-detail",
        "Norfolk's AFI",
        r("tracker-row-detail", lambda o: o.tracker_row.pk),
        API_OWN,
    ),
]


def route_names():
    """Every route of the URL conf but the admin's: its name with namespaces (or its pattern)."""

    def walk(resolver, namespace, prefix):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin":
                    continue
                inner = ":".join(filter(None, [namespace, entry.namespace]))
                yield from walk(entry, inner, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                name = entry.name or prefix + str(entry.pattern)
                yield f"{namespace}:{name}" if namespace else name

    return set(walk(get_resolver(), "", ""))


def test_every_route_is_in_the_matrix():
    assert route_names() == {case.route for case in CASES}


def outcome(response):
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return LOGIN
    return response.status_code


def readable(response):
    """The text a person could read in the response: pages, JSON, CSV, iCalendar, and the XML
    inside an XLSX workbook. PDFs are left out (compressed streams); the PDF routes are in the
    status matrix, and the letters' own tests read their text."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            return " ".join(book.read(name).decode() for name in book.namelist())
    if body.startswith(b"%PDF"):
        return ""
    return html.unescape(body.decode())


def leaks(role, text):
    """What the role must never be shown, found in the text."""
    hidden = {
        "anonymous": [NORFOLK_SECRET, SUFFOLK_SECRET, *EMBARGOED],
        "own_staff": [SUFFOLK_SECRET, *EMBARGOED],
        "own_manager": [SUFFOLK_SECRET, *EMBARGOED],
        "other_staff": [NORFOLK_SECRET, *EMBARGOED],
        "admin": [],
    }[role]
    return [secret for secret in hidden if secret in text]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.route}[{c.label}]")
def test_matrix(objects, client, case):
    got, leaked = {}, {}
    for role in ROLES:
        client.logout()
        if objects.world.users[role] is not None:
            client.force_login(objects.world.users[role])
        response = getattr(client, case.method)(case.url(objects))
        got[role] = outcome(response)
        if response.status_code == 200 and leaks(role, readable(response)):
            leaked[role] = leaks(role, readable(response))
    assert leaked == {}
    assert got == dict(zip(ROLES, case.expect, strict=True)), tuple(got.values())


def test_the_hidden_texts_show_where_they_may(objects, client):
    """The leak check reads what the pages really show: each hidden text is on a page of the
    one who may see it."""
    client.force_login(objects.world.users["own_staff"])
    workspace = client.get(reverse("responses:workspace", args=[objects.draft.pk]))
    assert leaks("other_staff", readable(workspace)) == [NORFOLK_SECRET]
    client.force_login(objects.world.users["other_staff"])
    workspace = client.get(reverse("responses:workspace", args=[objects.suffolk_draft.pk]))
    assert leaks("own_staff", readable(workspace)) == [SUFFOLK_SECRET]
    client.force_login(objects.world.users["admin"])
    listing = client.get(reverse("tracker:inspections"))
    assert leaks("own_staff", readable(listing)) == list(EMBARGOED)


def admin_urls(request_user=None):
    """(url, what the administrator gets) for the index and each model's list and add form."""
    from django.contrib import admin
    from django.test import RequestFactory

    yield reverse("admin:index"), 200
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        yield reverse("admin:{}_{}_changelist".format(*info)), 200
        request = RequestFactory().get("/")
        request.user = request_user
        # Some records are made only by the app (imports, progress updates): no add form.
        can_add = model_admin.has_add_permission(request)
        yield reverse("admin:{}_{}_add".format(*info)), 200 if can_add else 403


def test_the_admin_is_for_administrators_only(objects, client):
    """The admin's routes (every registered model's list and add form, and the index): only
    the administrator gets in; everyone else is sent to the admin's sign-in."""
    urls = list(admin_urls(objects.world.users["admin"]))
    assert len(urls) > 20
    for role in ROLES:
        client.logout()
        if objects.world.users[role] is not None:
            client.force_login(objects.world.users[role])
        for url, for_admin in urls:
            response = client.get(url)
            if role == "admin":
                assert response.status_code == for_admin, url
            else:
                assert response.status_code == 302, (role, url)
                assert response["Location"].startswith(reverse("admin:login")), (role, url)
