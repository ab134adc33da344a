import datetime

import factory
from django.contrib.auth import get_user_model

from accounts.choices import Role
from accounts.models import Membership
from forces.choices import BodyKind, PolicingBodyKind
from forces.models import Body, LocalPolicingBody, Region
from inspections.choices import FindingKind, Grade, GradeScale, Programme
from inspections.models import Finding, GradedJudgement, Inspection
from responses.models import ChecklistEntry, FindingResponse, Section55Response


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Test region {n}")
    slug = factory.Sequence(lambda n: f"test-region-{n}")


class PolicingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalPolicingBody

    name = factory.Sequence(lambda n: f"Testshire {n} Police and Crime Commissioner")
    slug = factory.Sequence(lambda n: f"testshire-{n}")
    kind = PolicingBodyKind.PCC


class ForceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    kind = BodyKind.FORCE
    name = factory.Sequence(lambda n: f"Testshire {n} Constabulary")
    short_name = factory.Sequence(lambda n: f"Testshire {n}")
    slug = factory.Sequence(lambda n: f"testshire-{n}-constabulary")
    region = factory.SubFactory(RegionFactory)
    policing_body = factory.SubFactory(PolicingBodyFactory)


class RocuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        skip_postgeneration_save = True

    kind = BodyKind.ROCU
    name = factory.Sequence(lambda n: f"Test Regional Organised Crime Unit {n}")
    short_name = factory.Sequence(lambda n: f"TROCU{n}")
    slug = factory.Sequence(lambda n: f"trocu-{n}")
    region = factory.SubFactory(RegionFactory)
    policing_body = None

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"inspection-{n}")
    title = factory.Sequence(lambda n: f"PEEL 2025/26: An inspection of Testshire {n}")
    programme = Programme.PEEL
    programme_year = "2025/26"
    publication_date = datetime.date(2023, 5, 19)

    @factory.post_generation
    def bodies(self, create, extracted, **kwargs):
        if create and extracted:
            self.bodies.set(extracted)


class GradedJudgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GradedJudgement

    inspection = factory.SubFactory(InspectionFactory)
    body = factory.SubFactory(ForceFactory)
    question = factory.Sequence(lambda n: f"Question {n}")
    grade = Grade.GOOD
    scale = GradeScale.FIVE_TIER


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding
        skip_postgeneration_save = True

    inspection = factory.SubFactory(InspectionFactory)
    kind = FindingKind.AREA_FOR_IMPROVEMENT
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"The force should improve thing {n}")

    @factory.post_generation
    def directed_at(self, create, extracted, **kwargs):
        if create and extracted:
            self.directed_at.set(extracted)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section55Response

    inspection = factory.SubFactory(InspectionFactory)
    policing_body = factory.SubFactory(PolicingBodyFactory)


class FindingResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FindingResponse

    response = factory.SubFactory(ResponseFactory)
    finding = factory.SubFactory(
        FindingFactory, inspection=factory.SelfAttribute("..response.inspection")
    )
    office_comment = "Noted."


class ChecklistEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistEntry

    response = factory.SubFactory(ResponseFactory)
    item = "panel"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pw")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    policing_body = factory.SubFactory(PolicingBodyFactory)
    role = Role.STAFF
