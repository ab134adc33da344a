"""The response list says which column is which: the date to respond by, how the response
stands against that deadline, and where the office's work on it has got to."""

import re

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from responses.choices import ResponseStatus
from responses.deadlines import ResponseState
from responses.models import Section55Response

pytestmark = pytest.mark.django_db

HEADERS = ["Inspection", "Office", "Respond by", "Deadline", "Work status"]


def headers(html):
    head = re.search(r'<thead class="govuk-table__head">(.*?)</thead>', html, re.S).group(1)
    return re.findall(r'<th scope="col" class="govuk-table__header">([^<]*)</th>', head)


@pytest.mark.parametrize("role", ["own_staff", "own_manager", "admin"])
def test_the_columns_say_which_is_the_deadline_and_which_the_work_status(world, as_user, role):
    page = as_user(role).get(reverse("tracker:responses"))
    assert page.status_code == 200
    assert headers(page.content.decode()) == HEADERS


def test_each_row_shows_the_deadline_state_and_the_work_status_under_their_headings(world, as_user):
    html = as_user("own_staff").get(reverse("tracker:responses")).content.decode()
    row = re.search(
        rf'<a class="govuk-link" href="{reverse("responses:workspace", args=[world.draft.pk])}">'
        r".*?</tr>",
        html,
        re.S,
    ).group(0)
    cells = re.findall(
        r'<td class="govuk-table__cell[^"]*" data-label="[^"]*">(.*?)</td>', row, re.S
    )
    respond_by, deadline, work_status = cells[-3:]
    draft = Section55Response.objects.with_deadline_state().get(pk=world.draft.pk)
    assert respond_by.strip() == date_format(draft.deadline_on, "j M Y")
    assert ResponseState(draft.deadline_state).label in deadline
    assert ResponseStatus(draft.status).label in work_status
