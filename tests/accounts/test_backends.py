"""The authentication backend and token authentication: Django's answers, in fewer queries."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts import access
from accounts.backends import OfficeModelBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)  # no permissions cached on it


def test_permissions_match_djangos_own_for_every_kind_of_user(world):
    approve = Permission.objects.get(codename="approve_section55response")
    direct = UserFactory()
    direct.user_permissions.add(approve)
    grouped = UserFactory()
    group = Group.objects.create(name="Reviewers")
    group.permissions.add(approve)
    grouped.groups.add(group)
    inactive = UserFactory(is_active=False)
    inactive.user_permissions.add(approve)
    users = [*[u for u in world.users.values() if u is not None], direct, grouped, inactive]
    for user in users:
        ours = OfficeModelBackend().get_all_permissions(fresh(user))
        assert ours == ModelBackend().get_all_permissions(fresh(user)), user
    assert "responses.approve_section55response" in OfficeModelBackend().get_all_permissions(
        fresh(direct)
    )
    assert OfficeModelBackend().get_all_permissions(fresh(grouped)) == {
        "responses.approve_section55response"
    }
    assert OfficeModelBackend().get_all_permissions(fresh(inactive)) == set()
    assert OfficeModelBackend().get_all_permissions(fresh(direct), obj=world.draft) == set()


def test_user_comes_with_office_and_permissions_in_two_queries(world):
    manager = world.users["own_manager"]
    with CaptureQueriesContext(connection) as queries:
        user = OfficeModelBackend().get_user(manager.pk)
        assert access.office(user) == world.norfolk
        assert user.has_perm("responses.approve_section55response")
        assert not user.has_perm("responses.no_such_permission")
    assert len(queries) == 2
    outsider = OfficeModelBackend().get_user(UserFactory().pk)
    assert access.office(outsider) is None  # no membership: read with the user, not an error
    assert OfficeModelBackend().get_user(UserFactory(is_active=False).pk) is None
    assert OfficeModelBackend().get_user(10**9) is None


def test_token_user_comes_with_office_in_one_query(world):
    # A member sees their office's responses; an outsider (no membership) none: both without
    # a query of their own for the membership.
    for user, offices in ((world.users["own_staff"], {world.norfolk.pk}), (UserFactory(), set())):
        token = Token.objects.create(user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        with CaptureQueriesContext(connection) as queries:
            listed = client.get("/api/v1/responses/")
        assert listed.status_code == 200
        assert {row["policing_body"] for row in listed.json()["results"]} == offices
        sql = [q["sql"] for q in queries.captured_queries]
        assert not any('FROM "accounts_membership"' in s for s in sql), sql
    client.credentials(HTTP_AUTHORIZATION="Token not-a-key")
    refused = client.get("/api/v1/responses/")
    assert refused.status_code in (401, 403) and refused.json()["detail"] == "Invalid token."
