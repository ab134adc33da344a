"""``access.acts_for``: the one test of "is this the user's office" that the models' change rules
(response editing and approval, progress updates) are built on."""

import pytest
from django.contrib.auth import get_user_model

from accounts import access
from forces.choices import BodyKind
from forces.models import Body
from progress.models import FindingProgress

pytestmark = pytest.mark.django_db


def test_a_member_acts_for_their_own_office_alone(world):
    staff = world.users["own_staff"]
    assert access.acts_for(staff, world.norfolk.pk)
    assert not access.acts_for(staff, world.suffolk.pk)


def test_administrators_act_for_every_office(world):
    assert access.acts_for(world.users["admin"], world.suffolk.pk)


def test_a_user_without_an_office_acts_for_no_body_not_even_one_without_an_office():
    """A ROCU belongs to no office (policing_body is None): None must not match None."""
    stranger = get_user_model().objects.create_user("stranger", password="x" * 20)
    rocu = Body.objects.filter(kind=BodyKind.ROCU).first()
    assert rocu.policing_body_id is None
    assert not access.acts_for(stranger, rocu.policing_body_id)
    assert not FindingProgress.objects.updatable(stranger, rocu)
