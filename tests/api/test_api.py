"""The REST API: the workspace's access rules, versioned writes, tokens, filters, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from forces.filtersets import BodyFilterSet, PolicingBodyFilterSet, RegionFilterSet
from inspections.filtersets import FindingFilterSet, GradedJudgementFilterSet
from responses.filtersets import OfficeInspectionFilterSet, ResponseFilterSet
from responses.models import FindingResponse
from tests.core.test_query_counts import grow
from tracker.filtersets import TrackerFilterSet

pytestmark = pytest.mark.django_db

LISTS = [
    "regions",
    "forces",
    "rocus",
    "policing-bodies",
    "inspections",
    "graded-judgements",
    "findings",
    "responses",
    "finding-responses",
]


@pytest.fixture
def api(world):
    def client_for(key):
        client = APIClient()
        if world.users[key] is not None:
            client.force_authenticate(world.users[key])
        return client

    return client_for


@pytest.mark.parametrize("endpoint", LISTS)
def test_anonymous_gets_nothing(api, endpoint):
    assert api("anonymous").get(f"/api/v1/{endpoint}/").status_code in (401, 403)


@pytest.mark.parametrize("endpoint", LISTS)
def test_lists_are_paginated_and_stable(api, endpoint):
    body = api("own_staff").get(f"/api/v1/{endpoint}/", {"page_size": 2}).json()
    assert set(body) == {"count", "next", "previous", "results"}
    again = api("own_staff").get(f"/api/v1/{endpoint}/", {"page_size": 2}).json()
    assert [r["id"] for r in body["results"]] == [r["id"] for r in again["results"]]


def test_each_office_sees_its_own_responses_only(api, world):
    own = {r["id"] for r in api("own_staff").get("/api/v1/responses/").json()["results"]}
    other = {r["id"] for r in api("other_staff").get("/api/v1/responses/").json()["results"]}
    assert world.draft.pk in own and world.suffolk_draft.pk not in own
    assert other == {world.suffolk_draft.pk}
    assert api("other_staff").get(f"/api/v1/responses/{world.draft.pk}/").status_code == 404
    answers = api("other_staff").get("/api/v1/finding-responses/").json()["results"]
    assert all(a["response"] == world.suffolk_draft.pk for a in answers)


def test_unpublished_inspections_are_hidden(api, world):
    slugs = {
        i["slug"]
        for i in api("own_staff").get("/api/v1/inspections/", {"page_size": 500}).json()["results"]
    }
    assert world.inspection.slug in slugs and world.unpublished.slug not in slugs
    assert api("own_staff").get(f"/api/v1/inspections/{world.unpublished.pk}/").status_code == 404
    assert api("admin").get(f"/api/v1/inspections/{world.unpublished.pk}/").status_code == 200


def test_response_carries_its_deadline_state(api, world):
    data = api("own_staff").get(f"/api/v1/responses/{world.draft.pk}/").json()
    assert data["deadline"] == world.draft.deadline.isoformat()
    assert data["deadline_state"] in {"not_started", "due_soon", "overdue", "in_progress"}
    assert data["version"] == 1


def test_filter_and_sort_by_deadline_state(api, world):
    client = api("admin")
    rows = client.get("/api/v1/responses/", {"deadline_state": "submitted_on_time"}).json()
    assert rows["count"] == 2 and {r["deadline_state"] for r in rows["results"]} == {
        "submitted_on_time"
    }
    ordered = client.get("/api/v1/responses/", {"ordering": "-deadline_on"}).json()["results"]
    deadlines = [r["deadline"] for r in ordered if r["deadline"]]
    assert deadlines == sorted(deadlines, reverse=True)
    bad = client.get("/api/v1/responses/", {"deadline_state": "whenever"})
    assert bad.status_code == 400 and "deadline_state" in bad.json()


def test_patch_with_version(api, world):
    client = api("own_staff")
    url = f"/api/v1/responses/{world.draft.pk}/"
    reply = client.patch(url, {"version": 1, "general_comment": "From Power BI"}, format="json")
    assert reply.status_code == 200, reply.json()
    assert reply.json()["version"] == 2
    world.draft.refresh_from_db()
    assert world.draft.general_comment == "From Power BI"
    assert world.draft.history.first().history_user == world.users["own_staff"]

    stale = client.patch(url, {"version": 1, "general_comment": "Old copy"}, format="json")
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert "general_comment" in stale.json()["changed_fields"]
    world.draft.refresh_from_db()
    assert world.draft.general_comment == "From Power BI"


def test_write_errors(api, world):
    url = f"/api/v1/responses/{world.draft.pk}/"
    client = api("own_staff")
    missing = client.patch(url, {"general_comment": "x"}, format="json")
    assert missing.status_code == 400 and "version" in missing.json()
    bad = client.patch(url, {"version": 1, "chief_comments_due": "soon"}, format="json")
    assert bad.status_code == 400 and "chief_comments_due" in bad.json()
    read_only = client.patch(url, {"version": 1, "status": "published"}, format="json")
    assert read_only.status_code == 200
    world.draft.refresh_from_db()
    assert world.draft.status == "draft"  # the workflow is not an API field
    assert api("other_staff").patch(url, {"version": 1}, format="json").status_code == 404
    assert api("anonymous").patch(url, {"version": 1}, format="json").status_code in (401, 403)
    assert api("own_staff").delete(url).status_code == 405


def test_approved_responses_are_read_only(api, world):
    world.draft.status = "approved"
    world.draft.save()
    reply = api("own_manager").patch(
        f"/api/v1/responses/{world.draft.pk}/", {"version": 2, "conclusion": "late"}, format="json"
    )
    assert reply.status_code == 403
    assert "approved" in reply.json()["detail"]


def test_create_and_update_a_finding_response(api, world):
    client = api("own_staff")
    created = client.post(
        "/api/v1/finding-responses/",
        {
            "response": world.draft.pk,
            "finding": world.recommendation.pk,
            "office_comment": "Via the API",
            "action": "proposed",
            "action_explanation": "A review board.",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    answer_id = created.json()["id"]
    again = client.post(
        "/api/v1/finding-responses/",
        {"response": world.draft.pk, "finding": world.recommendation.pk},
        format="json",
    )
    assert again.status_code == 400
    moved = client.patch(
        f"/api/v1/finding-responses/{answer_id}/",
        {"version": 1, "response": world.suffolk_draft.pk, "office_comment": "Changed"},
        format="json",
    )
    assert moved.status_code == 200
    answer = FindingResponse.objects.get(pk=answer_id)
    assert answer.response == world.draft and answer.office_comment == "Changed"


def test_finding_response_validation(api, world):
    client = api("own_staff")
    afi_action = client.post(
        "/api/v1/finding-responses/",
        {
            "response": world.draft.pk,
            "finding": world.afi.pk,
            "action": "taken",
            "action_explanation": "x",
        },
        format="json",
    )
    assert afi_action.status_code == 400 and "action" in afi_action.json()
    out_of_scope = world.eastern.findings.get(number=3)
    reply = client.post(
        "/api/v1/finding-responses/",
        {"response": world.draft.pk, "finding": out_of_scope.pk},
        format="json",
    )
    assert reply.status_code == 400 and "finding" in reply.json()
    other = api("other_staff").post(
        "/api/v1/finding-responses/",
        {"response": world.draft.pk, "finding": world.afi.pk},
        format="json",
    )
    assert other.status_code == 400 and "response" in other.json()
    assert not FindingResponse.objects.filter(response=world.draft).exists()


def test_token_authentication_and_revocation(world, as_user):
    web = as_user("own_staff")
    web.post("/account/api-token/", {"action": "create"})
    key = Token.objects.get(user=world.users["own_staff"]).key
    assert key in web.get("/account/").content.decode()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/responses/").status_code == 200
    web.post("/account/api-token/", {"action": "revoke"})
    assert client.get("/api/v1/responses/").status_code in (401, 403)


def test_schema_and_docs(api, client, world):
    client.force_login(world.users["own_staff"])  # the docs page is for people signed in
    schema = client.get("/api/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    for endpoint in LISTS:
        assert f"/api/v1/{endpoint}/" in paths
    params = {p["name"] for p in paths["/api/v1/responses/"]["get"]["parameters"]}
    assert {"deadline_state", "status", "programme", "year", "ordering", "page"} <= params
    docs = client.get("/api/docs/").content.decode()
    assert "swagger" in docs.lower() and "cdn" not in docs.lower()


def test_schema_and_docs_need_sign_in(client, world):
    assert client.get("/api/schema/", {"format": "json"}).status_code in (401, 403)
    for url in ["/api/docs/", "/api/docs/?script="]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_schema_with_a_token(world):
    """How .ci/schemathesis fetches it: a token, no session."""
    client = APIClient()
    key = Token.objects.create(user=world.users["own_staff"]).key
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert "/api/v1/responses/" in client.get("/api/schema/", {"format": "json"}).json()["paths"]


# Fields users filter on in the HTML lists and the API: each must have a filter.
FILTERED_FIELDS = {
    RegionFilterSet: {"name", "slug"},
    BodyFilterSet: {"name", "slug", "region", "policing_body"},
    PolicingBodyFilterSet: {"name", "kind", "deadline_convention"},
    OfficeInspectionFilterSet: {"programme", "year", "force", "grade", "has_open_response", "q"},
    GradedJudgementFilterSet: {"inspection", "body", "grade", "scale", "programme", "year"},
    FindingFilterSet: {"inspection", "kind", "number", "body", "due_date", "programme", "year"},
    ResponseFilterSet: {"deadline_state", "status", "policing_body", "programme", "year"},
    TrackerFilterSet: {"inspection", "programme", "force", "kind", "state", "year"},
}


@pytest.mark.parametrize("filterset", FILTERED_FIELDS, ids=lambda f: f.__name__)
def test_every_filtered_field_has_a_filter(filterset):
    missing = FILTERED_FIELDS[filterset] - set(filterset.base_filters)
    assert not missing, f"{filterset.__name__} lacks filters for {missing}"


@pytest.mark.parametrize("endpoint", LISTS)
def test_list_query_count_is_fixed(api, world, endpoint):
    client = api("own_manager")
    grow(world, 1)

    def count(size):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/{endpoint}/", {"page_size": size}).status_code == 200
        return len(captured)

    before = count(5)
    grow(world, 5)
    assert count(5) == before
    assert count(200) == before


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/findings/?year=-1.5e%2B156",  # found by schemathesis: a 500 before
        "/api/v1/findings/?year=4.8e-106",
        "/api/v1/inspections/?year=99999999999",
        "/api/v1/findings/?number=99999999999999999999",
    ],
)
def test_wild_filter_values_are_400_not_500(api, query):
    reply = api("own_staff").get(query)
    assert reply.status_code == 400
    assert reply["Content-Type"] == "application/json"


def test_odd_ids_get_a_json_404(api):
    reply = api("own_staff").get("/api/v1/findings/1.17e-38/")  # found by schemathesis
    assert reply.status_code == 404
    assert reply["Content-Type"] == "application/json"


def test_schema_documents_error_responses(api):
    paths = api("own_staff").get("/api/schema/", {"format": "json"}).json()["paths"]
    patch = paths["/api/v1/responses/{id}/"]["patch"]["responses"]
    assert {"200", "400", "401", "403", "404", "409"} <= set(patch)
    assert "404" in paths["/api/v1/findings/"]["get"]["responses"]


def test_the_inspections_endpoint_is_named_for_its_users(api, world):
    """Its class is responses' OfficeInspectionViewSet; DRF shows a class's name and docstring
    to the API's users, so neither may leak the code's layering."""
    client = api("own_staff")
    listing = client.options("/api/v1/inspections/").json()
    assert listing["name"] == "Inspection List"
    assert listing["description"] == ""
    detail = client.options(f"/api/v1/inspections/{world.eastern.pk}/").json()
    assert detail["name"] == "Inspection Instance"
