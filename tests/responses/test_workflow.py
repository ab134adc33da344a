"""The review workflow: each step is a confirmed POST, recorded with who and when."""

import datetime
import html
import re

import pytest
import time_machine
from django.urls import reverse

from responses.models import FindingResponse, Section55Response, StatusChange

pytestmark = pytest.mark.django_db


def step_url(response, name):
    return reverse("responses:step", args=[response.pk, name])


def take(client, response, name, **data):
    """Open the step's page, then confirm it, as a person does (an approval carries the stamp of
    the text the page showed)."""
    page = client.get(step_url(response, name)).content.decode()
    seen = re.search(r'name="seen" value="([^"]*)"', page)
    if seen:
        data.setdefault("seen", html.unescape(seen.group(1)))
    reply = client.post(step_url(response, name), data, follow=True)
    response.refresh_from_db()
    return reply.content.decode()


def answer_recommendation(world, action="proposed"):
    FindingResponse.objects.create(
        response=world.draft,
        finding=world.recommendation,
        action=action,
        action_explanation="A vetting review board will re-examine 2025 decisions.",
    )


def test_confirmation_page_before_each_step(world, as_user):
    html = as_user("own_staff").get(step_url(world.draft, "send_for_review")).content.decode()
    assert "Send for review?" in html
    assert 'method="post"' in html
    world.draft.refresh_from_db()
    assert world.draft.status == "draft"  # a GET changes nothing


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC), tick=True)
def test_full_journey_is_recorded(world, as_user):
    answer_recommendation(world)
    staff, manager = world.users["own_staff"], world.users["own_manager"]
    take(as_user("own_staff"), world.draft, "request_chief_comments")
    assert world.draft.status == "awaiting_chief"
    take(as_user("own_staff"), world.draft, "send_for_review", note="Ready")
    assert world.draft.status == "in_review"
    html = take(as_user("own_manager"), world.draft, "approve")
    assert world.draft.status == "approved"
    assert "Done: approve." in html
    take(as_user("own_staff"), world.draft, "submit")
    assert world.draft.status == "submitted"
    assert world.draft.submitted_on == datetime.date(2026, 11, 20)
    take(as_user("own_staff"), world.draft, "publish")
    assert world.draft.status == "published"
    assert world.draft.published_on is not None

    changes = list(StatusChange.objects.filter(response=world.draft))
    assert [(c.from_status, c.to_status) for c in changes] == [
        ("draft", "awaiting_chief"),
        ("awaiting_chief", "in_review"),
        ("in_review", "approved"),
        ("approved", "submitted"),
        ("submitted", "published"),
    ]
    assert [c.changed_by for c in changes] == [staff, staff, manager, staff, staff]
    assert changes[1].note == "Ready"
    assert all(c.changed_at for c in changes)


def test_staff_cannot_approve(world, as_user):
    answer_recommendation(world)
    take(as_user("own_staff"), world.draft, "send_for_review")
    response = as_user("own_staff").post(step_url(world.draft, "approve"))
    assert response.status_code == 404
    world.draft.refresh_from_db()
    assert world.draft.status == "in_review"


def test_invalid_step_is_refused_with_a_message(world, as_user):
    html = take(as_user("own_manager"), world.draft, "approve")  # still a draft
    assert world.draft.status == "draft"
    assert "“Approve” is not possible while the response is draft." in html
    assert not StatusChange.objects.filter(response=world.draft).exists()


def test_unknown_step_is_404(world, as_user):
    assert as_user("own_manager").post(step_url(world.draft, "teleport")).status_code == 404


def test_cannot_approve_while_a_recommendation_lacks_its_action(world, as_user):
    take(as_user("own_staff"), world.draft, "send_for_review")
    html = as_user("own_manager").get(step_url(world.draft, "approve")).content.decode()
    assert "cannot be approved until every recommendation has its section 55(5B) action" in html
    html = take(as_user("own_manager"), world.draft, "approve")
    assert world.draft.status == "in_review"
    assert "Missing: 1 (recommendation)" in html
    answer_recommendation(world)
    take(as_user("own_manager"), world.draft, "approve")
    assert world.draft.status == "approved"


def test_an_action_without_explanation_does_not_count(world, as_user):
    FindingResponse.objects.create(
        response=world.draft, finding=world.recommendation, action="none", action_explanation=""
    )
    take(as_user("own_staff"), world.draft, "send_for_review")
    take(as_user("own_manager"), world.draft, "approve")
    assert world.draft.status == "in_review"


def test_approved_text_is_locked_until_reopened(world, as_user):
    answer_recommendation(world)
    take(as_user("own_staff"), world.draft, "send_for_review")
    take(as_user("own_manager"), world.draft, "approve")
    client = as_user("own_staff")
    response = client.post(
        reverse("responses:edit_letter", args=[world.draft.pk]),
        {"version": world.draft.version, "general_comment": "Late change"},
        follow=True,
    )
    assert "cannot be changed" in response.content.decode()
    world.draft.refresh_from_db()
    assert world.draft.general_comment == ""
    take(as_user("own_manager"), world.draft, "reopen")
    assert world.draft.status == "in_review"


def test_workspace_offers_only_the_steps_the_user_may_take(world, as_user):
    answer_recommendation(world)
    take(as_user("own_staff"), world.draft, "send_for_review")
    url = reverse("responses:workspace", args=[world.draft.pk])
    staff_page = as_user("own_staff").get(url).content.decode()
    manager_page = as_user("own_manager").get(url).content.decode()
    assert step_url(world.draft, "approve") not in staff_page
    assert step_url(world.draft, "approve") in manager_page
    assert step_url(world.draft, "return_to_draft") in staff_page


# -- a manager approves the text they read; nothing lands after the approval ------------------
def in_review_with_answer(world, as_user):
    answer_recommendation(world)
    take(as_user("own_staff"), world.draft, "send_for_review")
    assert world.draft.status == "in_review"


@pytest.mark.parametrize("change", ["letter", "answer"])
def test_approval_is_refused_if_the_text_changed_after_the_page_was_read(world, as_user, change):
    in_review_with_answer(world, as_user)
    manager = as_user("own_manager")
    page = manager.get(step_url(world.draft, "approve")).content.decode()
    seen = html.unescape(re.search(r'name="seen" value="([^"]*)"', page).group(1))
    staff = as_user("own_staff")  # in review, the text may still change
    if change == "letter":
        url = reverse("responses:edit_letter", args=[world.draft.pk])
        data = {"version": world.draft.version, "conclusion": "Inserted after the review."}
    else:
        answer = FindingResponse.objects.get(response=world.draft)
        url = reverse("responses:edit_finding", args=[world.draft.pk, world.recommendation.pk])
        data = {
            "version": answer.version,
            "office_comment": "Inserted after the review.",
            "action": "proposed",
            "action_explanation": "Changed.",
        }
    assert staff.post(url, data).status_code == 302
    reply = as_user("own_manager").post(
        step_url(world.draft, "approve"), {"seen": seen}, follow=True
    )
    world.draft.refresh_from_db()
    assert world.draft.status == "in_review"
    assert "The response changed after you opened this page" in reply.content.decode()
    assert take(as_user("own_manager"), world.draft, "approve")  # read again: approved
    assert world.draft.status == "approved"


def test_approval_needs_the_text_it_signs_off(world, as_user):
    in_review_with_answer(world, as_user)
    as_user("own_manager").post(step_url(world.draft, "approve"))  # no stamp: a forged POST
    world.draft.refresh_from_db()
    assert world.draft.status == "in_review"


def test_an_edit_checked_before_the_approval_landed_is_not_saved(world, as_user, monkeypatch):
    """The edit view checks the status when the request starts; an approval can land between
    that check and the save. The save itself locks the response and looks again."""
    in_review_with_answer(world, as_user)
    staff = as_user("own_staff")
    answer = FindingResponse.objects.get(response=world.draft)
    take(as_user("own_manager"), world.draft, "approve")
    assert world.draft.status == "approved"
    monkeypatch.setattr(
        Section55Response, "editable_by", lambda response, user: True
    )  # the early check
    data = {
        "version": answer.version,
        "office_comment": "Typed while it was being approved.",
        "action": "proposed",
        "action_explanation": "Changed.",
    }
    url = reverse("responses:edit_finding", args=[world.draft.pk, world.recommendation.pk])
    page = staff.post(url, data).content.decode()
    answer.refresh_from_db()
    assert answer.office_comment == ""
    assert "your changes were not saved" in page
    assert "Typed while it was being approved." in page  # the typing is kept on the page
    api = staff.patch(
        reverse("finding-response-detail", args=[answer.pk]),
        {"version": answer.version, "office_comment": "Through the API."},
        content_type="application/json",
    )
    assert api.status_code == 403
    answer.refresh_from_db()
    assert answer.office_comment == ""


def test_answers_created_after_the_approval_landed_are_refused(world, as_user, monkeypatch):
    """Creating an answer (API or page) checks the status early too; the insert itself runs
    with the response locked and looks again."""
    from responses.api import views as api_views

    in_review_with_answer(world, as_user)
    take(as_user("own_manager"), world.draft, "approve")
    assert world.draft.status == "approved"
    monkeypatch.setattr(api_views, "_refuse_if_not_editable", lambda user, response: None)
    monkeypatch.setattr(Section55Response, "editable_by", lambda response, user: True)
    staff = as_user("own_staff")
    created = staff.post(
        reverse("finding-response-list"),
        {"response": world.draft.pk, "finding": world.afi.pk, "office_comment": "Late."},
        content_type="application/json",
    )
    assert created.status_code == 403
    page = staff.post(
        reverse("responses:edit_finding", args=[world.draft.pk, world.afi.pk]),
        {"version": 1, "office_comment": "Late too."},
    )
    assert "your changes were not saved" in page.content.decode()
    assert not FindingResponse.objects.filter(response=world.draft, finding=world.afi).exists()
