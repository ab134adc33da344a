"""List and detail pages run a fixed number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forces.models import Body
from inspections.choices import FindingKind
from tests.factories import (
    ChecklistEntryFactory,
    FindingFactory,
    FindingResponseFactory,
    GradedJudgementFactory,
    InspectionFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db


def queries(client, url):
    """The page's own queries. A fragment rendered afresh also reads and writes the shared
    cache table (core.fragments): a fixed few, checked on their own."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    sql = [query["sql"] for query in captured.captured_queries]
    cache = [s for s in sql if "core_fragment_cache" in s or s.startswith(("SAVEPOINT", "RELEASE"))]
    assert len(cache) <= 6, cache
    return len(sql) - len(cache)


def grow(world, n=5):
    """Add n of everything the pages list: inspections, grades, findings, answers, events."""
    norfolk = Body.objects.get(short_name="Norfolk")
    forces = list(Body.objects.forces()[:4])
    for _ in range(n):
        inspection = InspectionFactory(bodies=[norfolk, *forces])
        GradedJudgementFactory(inspection=inspection, body=norfolk)
        FindingFactory(inspection=inspection, directed_at=[norfolk, *forces])
        ResponseFactory(inspection=inspection, policing_body=world.norfolk)
        FindingFactory(
            inspection=world.inspection,
            directed_at=[norfolk],
            number=None,
            kind=FindingKind.RECOMMENDATION,
            parent=world.concern,
        )
        GradedJudgementFactory(inspection=world.inspection, body=forces[0])
    for finding in world.inspection.findings.all():
        if not world.draft.finding_responses.filter(finding=finding).exists():
            FindingResponseFactory(response=world.draft, finding=finding)
    for item in ["panel", "website", "portal"]:
        if not world.draft.checklist.filter(item=item).exists():
            ChecklistEntryFactory(response=world.draft, item=item)
    for i in range(n):
        world.draft.general_comment = f"Edit {i}"
        world.draft.save()


PAGES = {
    "home": lambda w: reverse("home"),
    "inspection list": lambda w: reverse("tracker:inspections"),
    "filtered list": lambda w: (
        reverse("tracker:inspections") + "?q=inspection&grade=good&has_open_response=yes"
    ),
    "inspection page": lambda w: reverse("tracker:inspection", args=[w.inspection.slug]),
    "workspace": lambda w: reverse("responses:workspace", args=[w.draft.pk]),
    "history": lambda w: reverse("responses:history", args=[w.draft.pk]),
    "edit letter": lambda w: reverse("responses:edit_letter", args=[w.draft.pk]),
    "dashboard": lambda w: reverse("tracker:dashboard"),
    "tracker": lambda w: reverse("tracker:list"),
    "filtered tracker": lambda w: reverse("tracker:list") + "?state=open&kind=area_for_improvement",
    "response list": lambda w: reverse("tracker:responses") + "?deadline_state=not_started",
    "CSV export": lambda w: reverse("tracker:export_csv"),
    "XLSX export": lambda w: reverse("tracker:export_xlsx"),
}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow(world, as_user, page):
    client = as_user("own_manager")
    url = PAGES[page](world)
    grow(world, 1)  # every kind of row present once, so no list is empty
    before = queries(client, url)
    grow(world, 5)
    after = queries(client, url)
    assert after == before, f"{page}: {before} queries before, {after} after adding rows"
    assert before <= 15, f"{page}: {before} queries"


def test_filtered_list_really_lists_rows(world, as_user):
    grow(world, 2)
    html = as_user("own_staff").get(PAGES["filtered list"](world)).content.decode()
    assert "3 inspections match your filters" in html
