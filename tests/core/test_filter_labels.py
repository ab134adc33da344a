"""Every filter select says in words what its empty choice means ("Any status", "Any office"),
never Django's "---------": on the list pages and in the API's filter forms alike."""

import importlib

import django_filters
import pytest
from django import forms
from django.test import RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db

DASHES = "---------"
APPS = ["forces", "inspections", "responses", "tracker"]


def project_filtersets():
    for app in APPS:
        importlib.import_module(f"{app}.filtersets")
    found, todo = set(), [django_filters.FilterSet]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.split(".")[0] in APPS:
                found.add(subclass)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def test_every_filterset_of_the_project_is_checked():
    names = {cls.__name__ for cls in project_filtersets()}
    assert {
        "ResponseFilterSet",
        "FindingResponseFilterSet",
        "OfficeInspectionFilterSet",
        "InspectionFilterSet",
        "FindingFilterSet",
        "GradedJudgementFilterSet",
        "TrackerFilterSet",
        "BodyFilterSet",
        "PolicingBodyFilterSet",
    } <= names


@pytest.mark.parametrize("role", ["own_staff", "own_manager", "admin"])
def test_no_filter_select_offers_dashes(world, role):
    request = RequestFactory().get("/")
    request.user = world.users[role]
    for cls in project_filtersets():
        filterset = cls(request=request, queryset=cls._meta.model.objects.none())
        for name, field in filterset.form.fields.items():
            if isinstance(field, forms.ChoiceField):
                label = getattr(field, "empty_label", None)
                assert label != DASHES, f"{cls.__name__}.{name}"
        assert DASHES not in str(filterset.form), cls.__name__


@pytest.mark.parametrize("role", ["own_staff", "admin"])
def test_the_list_pages_filter_panels_offer_no_dashes(world, as_user, role):
    client = as_user(role)
    for name in ["tracker:responses", "tracker:list", "tracker:inspections"]:
        page = client.get(reverse(name))
        assert page.status_code == 200
        assert DASHES not in page.content.decode(), name


def test_the_response_list_filters_say_what_any_means(world, as_user):
    html = as_user("admin").get(reverse("tracker:responses")).content.decode()
    assert 'for="id_status">Work status</label>' in html
    assert 'for="id_policing_body">Office</label>' in html
    assert '<option value="" selected>Any status</option>' in html
    assert '<option value="" selected>Any office</option>' in html
    assert '<option value="" selected>Any deadline state</option>' in html
