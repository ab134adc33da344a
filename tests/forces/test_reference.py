"""The reference data: regions, the 43 forces, their policing bodies and the 9 ROCUs."""

import pytest

from forces.choices import DeadlineConvention, PolicingBodyKind
from forces.models import Body, LocalPolicingBody, Region
from forces.reference import load_reference

pytestmark = pytest.mark.django_db


def test_counts(reference_data):
    assert Region.objects.count() == 10
    assert Body.objects.forces().count() == 43
    assert Body.objects.rocus().count() == 9
    assert LocalPolicingBody.objects.count() == 43
    assert Body.objects.count() == 52


def test_every_force_has_its_own_policing_body(reference_data):
    assert set(Body.objects.forces().values_list("policing_body", flat=True)) == set(
        LocalPolicingBody.objects.values_list("pk", flat=True)
    )


def test_regions_hold_the_forces_of_the_domain(reference_data):
    east = (
        Body.objects.forces()
        .filter(region__name="East of England")
        .values_list("short_name", flat=True)
    )
    assert sorted(east) == [
        "Bedfordshire",
        "Cambridgeshire",
        "Essex",
        "Hertfordshire",
        "Norfolk",
        "Suffolk",
    ]
    assert Body.objects.forces().get(short_name="Kent").region.name == "South East"
    assert Body.objects.forces().filter(region__name="Wales").count() == 4


def test_rocu_membership_differs_from_geography(reference_data):
    ersou = Body.objects.rocus().get(short_name="ERSOU")
    assert ersou.name == "Eastern Region Special Operations Unit"
    assert ersou.members.count() == 7
    assert ersou.members.filter(name="Kent Police").exists()
    north_west = Body.objects.rocus().get(short_name="NWROCU")
    assert north_west.members.filter(name="North Wales Police").exists()
    assert (
        not Body.objects.rocus().get(short_name="Tarian").members.filter(name="North Wales Police")
    )


def test_every_force_outside_london_is_in_exactly_one_rocu(reference_data):
    for force in Body.objects.forces().prefetch_related("rocus"):
        expected = 0 if force.region.name == "London" else 1
        assert force.rocus.count() == expected, force.name


def test_policing_body_kinds(reference_data):
    assert LocalPolicingBody.objects.get(forces__short_name="Metropolitan").kind == (
        PolicingBodyKind.MAYOR
    )
    assert LocalPolicingBody.objects.get(forces__short_name="City of London").kind == (
        PolicingBodyKind.CITY_OF_LONDON
    )
    assert LocalPolicingBody.objects.get(forces__short_name="Essex").kind == PolicingBodyKind.PFCC


def test_norfolk_counts_56_days_after_publication_as_its_letter_does(reference_data):
    assert LocalPolicingBody.objects.get(slug="norfolk").deadline_convention == (
        DeadlineConvention.AFTER_PUBLICATION
    )
    assert LocalPolicingBody.objects.get(slug="suffolk").deadline_convention == (
        DeadlineConvention.STATUTORY
    )


def test_aliases_match_names_used_in_older_reports(reference_data):
    assert [b.name for b in Body.objects.all().matching("Hampshire Constabulary")] == [
        "Hampshire and Isle of Wight Constabulary"
    ]
    assert [b.name for b in Body.objects.all().matching("ersou")] == [
        "Eastern Region Special Operations Unit"
    ]


def test_loading_twice_changes_nothing(reference_data):
    second = load_reference()
    assert sum(second.created.values()) == 0
    assert second.differences == []
    assert Body.objects.count() == 52


def test_an_administrators_edit_is_kept_and_reported(reference_data):
    force = Body.objects.forces().get(short_name="Norfolk")
    force.name = "Norfolk Police"
    force.save()
    report = load_reference()
    force.refresh_from_db()
    assert force.name == "Norfolk Police"
    assert any("Norfolk Police" in line and "name" in line for line in report.lines())
