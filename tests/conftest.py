import datetime

import pytest
import time_machine

# The day the `world` fixture lives in: its reports were published weeks before, so its responses
# are due soon, its recommendation is open and one finding is overdue. Tests that use it see the
# same deadlines on whatever day they run (CI also runs the suite with the clock years ahead).
WORLD_NOW = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)
# The shared demo data is stamped (history, figures_changed_at) a day before it, so that what a
# test does comes after it on either clock: "latest change" and fingerprint maxima stay true.
DEMO_LOADED_AT = WORLD_NOW - datetime.timedelta(days=1)


def load_all():
    from demo.loader import load_demo
    from forces.reference import load_reference

    load_reference()
    load_demo()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Reference and demo data are loaded once per test database; each test's own changes are
    rolled back. (Transactional tests flush the tables, so they load it again themselves.)"""
    with django_db_blocker.unblock(), time_machine.travel(DEMO_LOADED_AT, tick=False):
        load_all()


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


@pytest.fixture(autouse=True)
def fresh_fragments(request):
    """Each test starts with no cached fragments: rolled-back tests reuse ids (SQLite), so a
    fingerprint from one test could name different data in the next. The shared level is a
    table, emptied for the tests that use the database (no other test can reach it)."""
    from django.core.cache import caches

    from core import fragments

    caches[fragments.LOCAL].clear()
    if request.node.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
        request.fixturenames
    ):
        request.getfixturevalue("django_db_setup")
        with request.getfixturevalue("django_db_blocker").unblock():
            caches[fragments.SHARED].clear()


@pytest.fixture
def reference_data(db):
    """The 10 regions, 43 forces and policing bodies, and 9 ROCUs (loaded for the session)."""


@pytest.fixture
def demo_data(reference_data):
    """The seed inspections and responses (loaded for the session)."""


@pytest.fixture
def admin_user(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", "root@example.org", "pw")


class World:
    """Demo data plus a Norfolk draft and a Suffolk draft, and a user of each kind."""


@pytest.fixture
def clock():
    """The clock stands at WORLD_NOW and runs on from there (tests may travel further)."""
    with time_machine.travel(WORLD_NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture
def world(demo_data, clock):
    from accounts.choices import Role
    from forces.models import Body, LocalPolicingBody
    from inspections.choices import FindingKind
    from inspections.models import Inspection
    from tests.factories import (
        FindingFactory,
        InspectionFactory,
        MembershipFactory,
        ResponseFactory,
        UserFactory,
    )

    w = World()
    w.norfolk = LocalPolicingBody.objects.get(slug="norfolk")
    w.suffolk = LocalPolicingBody.objects.get(slug="suffolk")
    norfolk_force = Body.objects.get(short_name="Norfolk")
    w.users = {
        "own_staff": MembershipFactory(
            policing_body=w.norfolk,
            role=Role.STAFF,
            user__first_name="Nell",
            user__last_name="Staff",
        ).user,
        "own_manager": MembershipFactory(
            policing_body=w.norfolk,
            role=Role.MANAGER,
            user__first_name="Maya",
            user__last_name="Manager",
        ).user,
        "other_staff": MembershipFactory(policing_body=w.suffolk, role=Role.STAFF).user,
        "anonymous": None,
        "admin": UserFactory(is_staff=True, is_superuser=True),
    }
    w.eastern = Inspection.objects.get(slug="eastern-soc-2021-22")
    w.inspection = InspectionFactory(
        slug="vetting-2026",
        title="An inspection of vetting in Norfolk",
        publication_date=datetime.date(2026, 10, 1),
        bodies=[norfolk_force],
    )
    w.concern = FindingFactory(
        inspection=w.inspection,
        kind=FindingKind.CAUSE_OF_CONCERN,
        number=None,
        directed_at=[norfolk_force],
        order=1,
    )
    w.recommendation = FindingFactory(
        inspection=w.inspection,
        kind=FindingKind.RECOMMENDATION,
        number=None,
        parent=w.concern,
        directed_at=[norfolk_force],
        order=2,
        due_date=datetime.date(2027, 3, 1),
        text="By 1 March 2027, the constabulary should review its vetting decisions.",
    )
    w.afi = FindingFactory(inspection=w.inspection, number=1, directed_at=[norfolk_force], order=3)
    w.draft = ResponseFactory(inspection=w.inspection, policing_body=w.norfolk)
    w.suffolk_draft = ResponseFactory(inspection=w.eastern, policing_body=w.suffolk)
    w.unstarted = InspectionFactory(
        slug="custody-2026",
        title="Custody in Norfolk",
        publication_date=datetime.date(2026, 11, 2),
        bodies=[norfolk_force],
    )
    w.unpublished = InspectionFactory(
        slug="future-report",
        title="Not yet published",
        publication_date=datetime.date(2099, 1, 1),
        bodies=[norfolk_force],
    )
    return w


@pytest.fixture
def as_user(client, world):
    """as_user("own_staff") -> a client signed in as that user (anonymous: signed out)."""

    def sign_in(key):
        client.logout()
        if world.users[key] is not None:
            client.force_login(world.users[key])
        return client

    return sign_in


class Joint:
    """A joint Norfolk and Suffolk inspection with findings for each and both, a grade for each,
    and each office's response (Norfolk's answers the joint AFI); a published inspection of
    Norfolk alone; and two embargoed Norfolk inspections."""


@pytest.fixture
def joint(world):
    """Dates are relative to today, so nothing here depends on the day the tests run: the joint
    report was published 60 days ago, one embargoed report has no publication date and the
    other is published 30 days from now."""
    import datetime

    from django.utils import timezone

    from forces.models import Body
    from inspections.choices import FindingKind, Grade
    from tests.factories import (
        FindingFactory,
        FindingResponseFactory,
        GradedJudgementFactory,
        InspectionFactory,
        ResponseFactory,
    )

    today = timezone.localdate()
    j = Joint()
    j.norfolk_force = Body.objects.get(short_name="Norfolk")
    j.suffolk_force = Body.objects.get(short_name="Suffolk")
    both = [j.norfolk_force, j.suffolk_force]
    j.inspection = InspectionFactory(
        slug="joint-norfolk-suffolk",
        title="A joint inspection of Norfolk and Suffolk",
        publication_date=today - datetime.timedelta(days=60),
        bodies=both,
    )
    j.norfolk_afi = FindingFactory(
        inspection=j.inspection,
        number=1,
        order=1,
        directed_at=[j.norfolk_force],
        text="Norfolk Constabulary should improve how it supervises investigations.",
    )
    j.suffolk_concern = FindingFactory(
        inspection=j.inspection,
        kind=FindingKind.CAUSE_OF_CONCERN,
        number=None,
        order=2,
        directed_at=[j.suffolk_force],
        text="Suffolk Constabulary does not keep victims informed.",
    )
    j.suffolk_recommendation = FindingFactory(
        inspection=j.inspection,
        kind=FindingKind.RECOMMENDATION,
        number=None,
        order=3,
        parent=j.suffolk_concern,
        directed_at=[j.suffolk_force],
        due_date=today + datetime.timedelta(days=90),
        text="Within three months, Suffolk Constabulary should tell every victim how to complain.",
    )
    j.joint_afi = FindingFactory(
        inspection=j.inspection,
        number=2,
        order=4,
        directed_at=both,
        text="The constabularies should review their joint SOC profile every year.",
    )
    j.norfolk_grade = GradedJudgementFactory(
        inspection=j.inspection,
        body=j.norfolk_force,
        question="Investigating crime",
        grade=Grade.REQUIRES_IMPROVEMENT,
        order=1,
    )
    j.suffolk_grade = GradedJudgementFactory(
        inspection=j.inspection,
        body=j.suffolk_force,
        question="Investigating crime",
        grade=Grade.GOOD,
        order=2,
    )
    j.norfolk_response = ResponseFactory(inspection=j.inspection, policing_body=world.norfolk)
    j.suffolk_response = ResponseFactory(inspection=j.inspection, policing_body=world.suffolk)
    j.norfolk_answer = FindingResponseFactory(
        response=j.norfolk_response, finding=j.joint_afi, office_comment="Norfolk's draft answer"
    )
    j.norfolk_only = InspectionFactory(
        slug="norfolk-only",
        title="An inspection of Norfolk alone",
        publication_date=today - datetime.timedelta(days=60),
        bodies=[j.norfolk_force],
    )
    j.norfolk_only_afi = FindingFactory(
        inspection=j.norfolk_only,
        number=1,
        order=1,
        directed_at=[j.norfolk_force],
        text="The constabulary should improve how it supervises investigations",
    )
    j.unpublished = InspectionFactory(
        slug="embargoed-undated",
        title="Embargoed report with no publication date",
        publication_date=None,
        bodies=[j.norfolk_force],
    )
    j.unpublished_finding = FindingFactory(
        inspection=j.unpublished,
        kind=FindingKind.CAUSE_OF_CONCERN,
        number=None,
        directed_at=[j.norfolk_force],
        text="Embargoed finding of the undated report.",
    )
    j.future = InspectionFactory(
        slug="embargoed-future",
        title="Embargoed report published next month",
        publication_date=today + datetime.timedelta(days=30),
        bodies=[j.norfolk_force],
    )
    j.future_finding = FindingFactory(
        inspection=j.future,
        directed_at=[j.norfolk_force],
        text="Embargoed finding of the future-dated report.",
    )
    return j
