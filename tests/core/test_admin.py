"""Every admin screen renders for the demo data, with a query count that does not grow with rows."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forces.models import Body
from imports.models import ReportImport
from inspections.choices import FindingKind
from inspections.models import Finding, Inspection
from progress.models import Evidence
from progress.services import Change, add_update
from responses.models import Section55Response
from tests.factories import (
    ChecklistEntryFactory,
    FindingFactory,
    FindingResponseFactory,
    ForceFactory,
    GradedJudgementFactory,
    InspectionFactory,
    MembershipFactory,
    ResponseFactory,
    RocuFactory,
)
from tracker.models import CalendarToken, ReminderSent

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"accounts", "forces", "imports", "inspections", "progress", "responses", "tracker"}
MODELS = sorted(
    (
        model
        for model in admin.site._registry
        if model._meta.app_label in PROJECT_APPS or model is get_user_model()
    ),
    key=lambda m: m._meta.label,
)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_more_rows():
    """More of every kind of row, spread over new inspections, bodies and offices."""
    forces = ForceFactory.create_batch(3)
    RocuFactory(members=forces)
    for _ in range(3):
        inspection = InspectionFactory(bodies=forces)
        for force in forces:
            GradedJudgementFactory(inspection=inspection, body=force)
        concern = FindingFactory(
            inspection=inspection, kind=FindingKind.CAUSE_OF_CONCERN, directed_at=forces
        )
        FindingFactory(
            inspection=inspection,
            kind=FindingKind.RECOMMENDATION,
            parent=concern,
            directed_at=forces[:1],
        )
        findings = FindingFactory.create_batch(4, inspection=inspection, directed_at=forces[1:])
        for force in forces:
            response = ResponseFactory(inspection=inspection, policing_body=force.policing_body)
            for finding in findings[:2]:
                FindingResponseFactory(response=response, finding=finding)
            ChecklistEntryFactory(response=response, item="panel")
            ChecklistEntryFactory(response=response, item="website")
            membership = MembershipFactory(policing_body=force.policing_body)
            ReminderSent.objects.create(response=response, kind="days_14")
            CalendarToken.objects.create(user=membership.user)
            update = add_update(
                findings[0],
                force,
                membership.user,
                Change(text="Progress", dated=datetime.date(2026, 1, 1), status="complete"),
            )
            Evidence.objects.create(
                update=update, file="evidence/x.pdf", name="x.pdf", kind="pdf", size=1
            )
            ReportImport.objects.create(
                inspection=inspection,
                office=force.policing_body,
                uploaded_by=membership.user,
                file_name="report.pdf",
                sha256="0" * 64,
                source_text="text",
                extraction={"findings": []},
            )


@pytest.fixture
def signed_in(client, admin_user, demo_data):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_changelist_query_count_is_fixed(signed_in, model):
    url = admin_url(model, "changelist")
    before = count_queries(signed_in, url)
    add_more_rows()
    assert model._default_manager.count() > 1
    assert count_queries(signed_in, url) == before


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_add_and_change_forms_render(signed_in, admin_user, rf, model):
    add_more_rows()
    request = rf.get("/")
    request.user = admin_user
    if admin.site._registry[model].has_add_permission(request):
        count_queries(signed_in, admin_url(model, "add"))
    obj = model._default_manager.order_by("pk").first()
    count_queries(signed_in, admin_url(model, "change", obj.pk))
    count_queries(signed_in, admin_url(model, "history", obj.pk))


def test_inspection_change_form_cost_does_not_grow_with_findings(signed_in):
    eastern = Inspection.objects.get(slug="eastern-soc-2021-22")
    url = admin_url(Inspection, "change", eastern.pk)
    concern = eastern.findings.get(kind=FindingKind.CAUSE_OF_CONCERN)
    forces = list(Body.objects.forces()[:5])
    earlier = FindingFactory()

    def add_finding():
        FindingFactory(
            inspection=eastern,
            kind=FindingKind.RECOMMENDATION,
            number=None,
            parent=concern,
            repeats=earlier,
            directed_at=forces,
        )

    add_finding()  # so every autocomplete field has a selection to look up
    before = count_queries(signed_in, url)
    for _ in range(10):
        add_finding()
        GradedJudgementFactory(inspection=eastern, body=forces[0])
    assert eastern.findings.count() == 30
    assert count_queries(signed_in, url) == before


def test_response_change_form_cost_does_not_grow_with_finding_responses(signed_in):
    eastern = Section55Response.objects.get(inspection__slug="eastern-soc-2021-22")
    url = admin_url(Section55Response, "change", eastern.pk)
    before = count_queries(signed_in, url)
    for finding in eastern.inspection.findings.exclude(responses__response=eastern):
        FindingResponseFactory(response=eastern, finding=finding)
    assert eastern.finding_responses.count() == 19
    assert count_queries(signed_in, url) == before


def test_editing_a_force_in_the_admin_records_history(signed_in):
    norfolk = Body.objects.get(short_name="Norfolk")
    url = admin_url(Body, "change", norfolk.pk)
    form = signed_in.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["aliases"] = "Norfolk Police\nNorfolk Constabulary (old name)"
    response = signed_in.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert norfolk.history.count() == 2
    assert norfolk.history.first().aliases.endswith("(old name)")


def test_a_force_cannot_be_given_member_forces(signed_in):
    url = admin_url(Body, "add")
    kent = Body.objects.get(short_name="Kent")
    response = signed_in.post(
        url,
        {
            "kind": "force",
            "name": "New Force",
            "short_name": "New",
            "slug": "new-force",
            "region": kent.region_id,
            "policing_body": kent.policing_body_id,
            "members": [kent.pk],
        },
    )
    assert response.status_code == 200
    assert "Only a ROCU has member forces." in response.content.decode()
    assert not Body.objects.filter(slug="new-force").exists()


def test_inline_autocomplete_shows_the_selected_bodies(signed_in):
    eastern = Inspection.objects.get(slug="eastern-soc-2021-22")
    html = signed_in.get(admin_url(Inspection, "change", eastern.pk)).content.decode()
    # AFI 1 is directed at ERSOU and all seven forces: each is a selected option.
    assert (
        html.count(
            f'<option value="{Body.objects.get(short_name="ERSOU").pk}" selected>'
            "Eastern Region Special Operations Unit"
        )
        >= 1
    )
    cause = Finding.objects.get(inspection=eastern, kind=FindingKind.CAUSE_OF_CONCERN)
    assert f'<option value="{cause.pk}" selected>' in html


def test_deadline_state_filter(signed_in):
    url = admin_url(Section55Response, "changelist")
    html = signed_in.get(url, {"deadline_state": "submitted_on_time"}).content.decode()
    assert "PEEL 2021/22: An inspection of the eastern regional" in html
    html = signed_in.get(url, {"deadline_state": "overdue"}).content.decode()
    assert "PEEL 2021/22: An inspection of the eastern regional" not in html


def test_admin_requires_staff(client, demo_data):
    response = client.get(admin_url(Inspection, "changelist"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    "model", [Inspection, Finding, Section55Response], ids=lambda m: m.__name__
)
def test_entered_records_cannot_be_deleted_from_the_admin(signed_in, model):
    obj = model.objects.first()
    assert signed_in.get(admin_url(model, "delete", obj.pk)).status_code == 403
    response = signed_in.post(
        admin_url(model, "changelist"), {"action": "delete_selected", "_selected_action": [obj.pk]}
    )
    assert model.objects.filter(pk=obj.pk).exists()
    assert response.status_code in (200, 302)
