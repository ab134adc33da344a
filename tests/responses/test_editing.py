"""Writing a response: saving, validation that keeps what was typed, and concurrent edits."""

import pytest
from django.urls import reverse

from responses.models import FindingResponse

pytestmark = pytest.mark.django_db

LONG = "\n\n".join(
    f"Paragraph {n}: " + " ".join(["The constabulary <b>should</b> & will act."] * 40)
    for n in range(12)
)  # about 20,000 characters, like a seed response


def letter_url(world):
    return reverse("responses:edit_letter", args=[world.draft.pk])


def finding_url(world, finding):
    return reverse("responses:edit_finding", args=[world.draft.pk, finding.pk])


def test_workspace_shows_the_deadline_and_its_state(world, as_user):
    """The deadline date by the office's convention, the days left and the state tag, judged
    from the answers read."""
    import datetime

    import time_machine

    client = as_user("own_staff")
    url = reverse("responses:workspace", args=[world.draft.pk])
    # Published on 1 October 2026: day 56 is 25 November.
    with time_machine.travel(datetime.datetime(2026, 10, 10, 12, tzinfo=datetime.UTC)):
        page = client.get(url).content.decode()
        assert "<strong>26 November 2026</strong>" in page
        assert "(47 days left)" in page
        assert "56 days after the day the report was published" in page
        assert "Not started" in page and "In progress" not in page
        finding = world.draft.findings_in_scope().first()
        FindingResponse.objects.create(response=world.draft, finding=finding, office_comment="x")
        page = client.get(url).content.decode()
        assert "In progress" in page and "Not started" not in page
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)):
        client.force_login(world.users["own_staff"])  # the idle session has long expired
        page = client.get(url).content.decode()
        assert "(1 day left)" in page
        assert "Due soon" in page


def test_save_the_letter_text(world, as_user):
    client = as_user("own_staff")
    response = client.post(
        letter_url(world),
        {
            "version": 1,
            "general_comment": "Our view.",
            "conclusion": "In sum.",
            "chief_comments_due_0": "1",
            "chief_comments_due_1": "11",
            "chief_comments_due_2": "2026",
        },
    )
    assert response.status_code == 302
    world.draft.refresh_from_db()
    assert world.draft.general_comment == "Our view."
    assert world.draft.chief_comments_due.isoformat() == "2026-11-01"
    assert world.draft.version == 2
    page = client.get(response["Location"]).content.decode()
    assert "Our view." in page
    assert "The response text has been saved." in page


def test_long_text_is_stored_as_typed_and_escaped_on_output(world, as_user):
    client = as_user("own_staff")
    client.post(letter_url(world), {"version": 1, "general_comment": LONG})
    world.draft.refresh_from_db()
    assert world.draft.general_comment == LONG
    assert len(LONG) > 19000
    page = client.get(reverse("responses:workspace", args=[world.draft.pk])).content.decode()
    assert "<b>should</b>" not in page
    assert "&lt;b&gt;should&lt;/b&gt; &amp; will act." in page
    assert page.count('<p class="govuk-body">Paragraph ') == 12


def test_bad_date_keeps_everything_typed(world, as_user):
    client = as_user("own_staff")
    response = client.post(
        letter_url(world),
        {
            "version": 1,
            "general_comment": "Typed text that must survive.",
            "chief_comments_due_0": "31",
            "chief_comments_due_1": "2",
            "chief_comments_due_2": "2026",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert '<a href="#id_chief_comments_due_0">Enter a real date</a>' in html
    assert "Typed text that must survive." in html
    assert 'value="31"' in html
    assert html.startswith("<!DOCTYPE html>") or "<title>Error: " in html
    world.draft.refresh_from_db()
    assert world.draft.general_comment == ""


def test_write_a_recommendation_response_with_its_action(world, as_user):
    client = as_user("own_staff")
    page = client.get(finding_url(world, world.recommendation)).content.decode()
    assert "What action does this recommendation get?" in page
    workspace = reverse("responses:workspace", args=[world.draft.pk])
    assert f'href="{workspace}#finding-{world.recommendation.pk}">Cancel</a>' in page
    assert not FindingResponse.objects.filter(finding=world.recommendation).exists()  # GET
    response = client.post(
        finding_url(world, world.recommendation),
        {
            "version": 1,
            "chief_constable_response": "We accept it.",
            "office_comment": "I will monitor this.",
            "action": "proposed",
            "action_explanation": "A review board by March.",
        },
    )
    assert response.status_code == 302
    answer = FindingResponse.objects.get(response=world.draft, finding=world.recommendation)
    assert (answer.action, answer.office_comment) == ("proposed", "I will monitor this.")


def test_an_action_needs_an_explanation(world, as_user):
    response = as_user("own_staff").post(
        finding_url(world, world.recommendation),
        {
            "version": 1,
            "office_comment": "Keep me",
            "action": "none",
        },
    )
    html = response.content.decode()
    assert '<a href="#id_action_explanation">Explain the action, or why there is none</a>' in html
    assert "Keep me" in html
    assert not FindingResponse.objects.filter(finding=world.recommendation).exists()


def test_an_afi_has_no_action_question(world, as_user):
    page = as_user("own_staff").get(finding_url(world, world.afi)).content.decode()
    assert "What action does this recommendation get?" not in page


def test_findings_outside_the_offices_scope_are_404(world, as_user):
    elsewhere = world.eastern.findings.get(number=3)  # directed at ERSOU only
    assert as_user("own_staff").get(finding_url(world, elsewhere)).status_code == 404


def test_second_save_of_the_same_version_is_refused_and_shows_the_change(world, as_user, client):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(world.users["own_staff"])
    second.force_login(world.users["own_manager"])
    assert 'name="version" value="1"' in second.get(letter_url(world)).content.decode()

    first.post(letter_url(world), {"version": 1, "general_comment": "Nell's comment."})
    reply = second.post(
        letter_url(world),
        {"version": 1, "general_comment": "Maya's comment.", "conclusion": "Maya's conclusion."},
    )
    html = reply.content.decode()
    assert reply.status_code == 200
    assert "Nell Staff saved changes while you were editing" in html
    assert "Nell&#x27;s comment." in html  # theirs, shown for comparison
    assert "Maya&#x27;s comment." in html and "Maya&#x27;s conclusion." in html  # kept
    assert 'name="version" value="2"' in html
    world.draft.refresh_from_db()
    assert world.draft.general_comment == "Nell's comment."
    assert world.draft.conclusion == ""

    # Saving again, having seen theirs, is a deliberate replacement.
    second.post(letter_url(world), {"version": 2, "general_comment": "Maya's comment."})
    world.draft.refresh_from_db()
    assert world.draft.general_comment == "Maya's comment."
    assert world.draft.history.count() == 3  # created, Nell, Maya: nothing lost from history


def test_concurrent_first_answers_to_a_finding_do_not_overwrite(world, as_user):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(world.users["own_staff"])
    second.force_login(world.users["own_manager"])
    url = finding_url(world, world.afi)
    first.post(url, {"version": 1, "office_comment": "First"})
    reply = second.post(url, {"version": 1, "office_comment": "Second"})
    assert "saved changes while you were editing" in reply.content.decode()
    assert FindingResponse.objects.get(finding=world.afi).office_comment == "First"


def test_checklist_ticks_with_dates(world, as_user):
    client = as_user("own_staff")
    url = reverse("responses:edit_checklist", args=[world.draft.pk])
    client.post(
        url,
        {
            "panel_done": "on",
            "panel_on_0": "3",
            "panel_on_1": "11",
            "panel_on_2": "2026",
            "website_done": "on",
        },
    )
    entries = {e.item: e.done_on for e in world.draft.checklist.all()}
    assert set(entries) == {"panel", "website"}
    assert entries["panel"].isoformat() == "2026-11-03" and entries["website"] is None
    client.post(
        url, {"panel_done": "on", "panel_on_0": "3", "panel_on_1": "11", "panel_on_2": "2026"}
    )
    assert set(world.draft.checklist.values_list("item", flat=True)) == {"panel"}
    reply = client.post(url, {"hmicfrs_on_0": "1", "hmicfrs_on_1": "1", "hmicfrs_on_2": "2026"})
    assert "to record its date" in reply.content.decode()


def test_a_text_over_the_limit_is_refused_beside_the_field_and_kept(world, as_user):
    """A bound on what one field costs to render (a 40,000-character list took 41 seconds as a
    PDF); the form says so by the field and keeps what was typed."""
    from core.forms import TEXT_MAX_LENGTH

    typed = "x" * (TEXT_MAX_LENGTH + 1)
    page = as_user("own_staff").post(letter_url(world), {"version": 1, "general_comment": typed})
    html = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in html
    assert f"at most {TEXT_MAX_LENGTH:,}".replace(",", "") in html.replace(",", "")
    assert typed in html
    world.draft.refresh_from_db()
    assert world.draft.general_comment == ""


def test_the_api_refuses_a_text_over_the_limit(world, as_user):
    from core.forms import TEXT_MAX_LENGTH

    answer = FindingResponse.objects.create(response=world.draft, finding=world.afi)
    reply = as_user("own_staff").patch(
        reverse("finding-response-detail", args=[answer.pk]),
        {"version": answer.version, "office_comment": "x" * (TEXT_MAX_LENGTH + 1)},
        content_type="application/json",
    )
    assert reply.status_code == 400 and "office_comment" in reply.json()
