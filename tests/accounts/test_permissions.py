"""Who sees and changes what, for every view: own staff, own manager, another office, anonymous.

Another office gets 404 (never 403) so a URL does not confirm that a draft exists."""

import pytest
from django.urls import reverse

from responses.models import Section55Response

pytestmark = pytest.mark.django_db

USERS = ["own_staff", "own_manager", "other_staff", "anonymous"]
LOGIN = "login"


def urls(w):
    draft = w.draft.pk
    return {
        "inspection list": reverse("tracker:inspections"),
        "inspection page": reverse("tracker:inspection", args=[w.inspection.slug]),
        "workspace": reverse("responses:workspace", args=[draft]),
        "edit letter": reverse("responses:edit_letter", args=[draft]),
        "edit finding": reverse("responses:edit_finding", args=[draft, w.recommendation.pk]),
        "checklist": reverse("responses:edit_checklist", args=[draft]),
        "history": reverse("responses:history", args=[draft]),
        "send for review": reverse("responses:step", args=[draft, "send_for_review"]),
        "approve": reverse("responses:step", args=[draft, "approve"]),
    }


# view -> expected status for own_staff, own_manager, other_staff, anonymous
EXPECTED = {
    "inspection list": [200, 200, 200, LOGIN],
    "inspection page": [200, 200, 200, LOGIN],
    "workspace": [200, 200, 404, LOGIN],
    "edit letter": [200, 200, 404, LOGIN],
    "edit finding": [200, 200, 404, LOGIN],
    "checklist": [200, 200, 404, LOGIN],
    "history": [200, 200, 404, LOGIN],
    "send for review": [200, 200, 404, LOGIN],
    "approve": [404, 200, 404, LOGIN],
}


def check(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("view", EXPECTED)
@pytest.mark.parametrize("user", USERS)
def test_get(world, as_user, view, user):
    client = as_user(user)
    check(client.get(urls(world)[view]), EXPECTED[view][USERS.index(user)])


POSTS = {
    "edit letter": {"version": 1, "general_comment": "Changed"},
    "edit finding": {"version": 1, "office_comment": "Changed"},
    "checklist": {"panel_done": "on"},
    "send for review": {},
}


@pytest.mark.parametrize("view", POSTS)
@pytest.mark.parametrize("user", ["other_staff", "anonymous"])
def test_outsiders_cannot_change_anything(world, as_user, view, user):
    client = as_user(user)
    before = Section55Response.history.count()
    response = client.post(urls(world)[view], POSTS[view])
    check(response, 404 if user == "other_staff" else LOGIN)
    world.draft.refresh_from_db()
    assert world.draft.status == "draft"
    assert world.draft.general_comment == ""
    assert not world.draft.finding_responses.exists()
    assert not world.draft.checklist.exists()
    assert Section55Response.history.count() == before


@pytest.mark.parametrize("user", USERS)
def test_another_offices_responses_are_invisible_everywhere(world, as_user, user):
    client = as_user(user)
    suffolk = world.suffolk_draft.pk
    for url in [
        reverse("responses:workspace", args=[suffolk]),
        reverse("responses:history", args=[suffolk]),
    ]:
        response = client.get(url)
        if user == "other_staff":
            assert response.status_code == 200
        else:
            check(response, 404 if user != "anonymous" else LOGIN)
    if user != "anonymous":
        home = client.get("/").content.decode()
        listed = f'href="{reverse("responses:workspace", args=[suffolk])}"' in home
        assert listed == (user == "other_staff")


@pytest.mark.parametrize("user", USERS)
def test_unpublished_inspections_are_hidden_from_offices(world, as_user, user):
    response = as_user(user).get(reverse("tracker:inspection", args=[world.unpublished.slug]))
    check(response, LOGIN if user == "anonymous" else 404)
    if user != "anonymous":
        listing = as_user(user).get(reverse("tracker:inspections")).content.decode()
        assert "Not yet published" not in listing


def test_administrator_sees_everything(world, as_user):
    client = as_user("admin")
    assert (
        client.get(reverse("tracker:inspection", args=[world.unpublished.slug])).status_code == 200
    )
    assert (
        client.get(reverse("responses:workspace", args=[world.suffolk_draft.pk])).status_code == 200
    )


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("own_staff", 302),
        ("own_manager", 302),
        ("other_staff", 404),
        ("anonymous", LOGIN),
    ],
)
def test_start_a_response(world, as_user, user, expected):
    client = as_user(user)
    response = client.post(reverse("responses:start", args=[world.unstarted.slug]))
    if expected == 302:
        created = Section55Response.objects.get(
            inspection=world.unstarted, policing_body=world.norfolk
        )
        assert response["Location"] == reverse("responses:workspace", args=[created.pk])
    else:
        check(response, expected)
        assert not Section55Response.objects.filter(inspection=world.unstarted).exists()


def test_starting_twice_opens_the_same_response(world, as_user):
    client = as_user("own_staff")
    url = reverse("responses:start", args=[world.unstarted.slug])
    first, second = client.post(url), client.post(url)
    assert first["Location"] == second["Location"]
    assert Section55Response.objects.filter(inspection=world.unstarted).count() == 1


def test_start_needs_post(world, as_user):
    assert (
        as_user("own_staff")
        .get(reverse("responses:start", args=[world.unstarted.slug]))
        .status_code
        == 405
    )


def test_roles_are_groups_with_permissions(world):
    staff, manager = world.users["own_staff"], world.users["own_manager"]
    assert staff.groups.filter(name="OPCC staff").exists()
    assert manager.groups.filter(name="OPCC managers").exists()
    assert staff.has_perm("responses.change_section55response")
    assert not staff.has_perm("responses.approve_section55response")
    assert manager.has_perm("responses.approve_section55response")
    membership = staff.membership
    membership.role = "manager"
    membership.save()
    staff = type(staff).objects.get(pk=staff.pk)  # permissions are cached per instance
    assert staff.has_perm("responses.approve_section55response")
    assert not staff.groups.filter(name="OPCC staff").exists()
