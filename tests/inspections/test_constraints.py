"""Database constraints and model validation: bad data is refused where it is stored."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from forces.choices import BodyKind
from forces.models import Body
from inspections.choices import FindingKind, Grade, GradeScale
from responses.choices import RecommendationAction, ResponseStatus
from responses.models import FindingResponse, Section55Response
from tests.factories import (
    FindingFactory,
    FindingResponseFactory,
    ForceFactory,
    GradedJudgementFactory,
    InspectionFactory,
    PolicingBodyFactory,
    RegionFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_report_numbers_are_unique_per_inspection_and_kind():
    finding = FindingFactory(number=11)
    refused(lambda: FindingFactory(inspection=finding.inspection, number=11))
    # The same number is fine for another kind, another report, or an unnumbered finding.
    FindingFactory(inspection=finding.inspection, number=11, kind=FindingKind.RECOMMENDATION)
    FindingFactory(number=11)
    FindingFactory(inspection=finding.inspection, number=None)
    FindingFactory(inspection=finding.inspection, number=None)


def test_one_response_per_inspection_and_body():
    response = ResponseFactory()
    refused(
        lambda: Section55Response.objects.create(
            inspection=response.inspection, policing_body=response.policing_body
        )
    )


def test_adequate_is_not_on_the_four_tier_scale():
    refused(lambda: GradedJudgementFactory(scale=GradeScale.FOUR_TIER, grade=Grade.ADEQUATE))
    GradedJudgementFactory(scale=GradeScale.FIVE_TIER, grade=Grade.ADEQUATE)
    GradedJudgementFactory(scale=GradeScale.FOUR_TIER, grade=Grade.REQUIRES_IMPROVEMENT)


def test_unknown_grade_is_refused():
    refused(lambda: GradedJudgementFactory(grade="excellent"))


def test_grade_scale_validation_message_names_the_field():
    judgement = GradedJudgementFactory.build(scale=GradeScale.FOUR_TIER, grade=Grade.ADEQUATE)
    with pytest.raises(ValidationError) as error:
        judgement.clean()
    assert "grade" in error.value.message_dict


def test_one_grade_per_body_and_question():
    judgement = GradedJudgementFactory()
    refused(
        lambda: GradedJudgementFactory(
            inspection=judgement.inspection, body=judgement.body, question=judgement.question
        )
    )


def test_force_needs_a_policing_body_and_rocu_has_none():
    region = RegionFactory()
    refused(
        lambda: Body.objects.create(
            kind=BodyKind.FORCE, name="X", short_name="X", slug="x", region=region
        )
    )
    refused(
        lambda: Body.objects.create(
            kind=BodyKind.ROCU,
            name="Y",
            short_name="Y",
            slug="y",
            region=region,
            policing_body=PolicingBodyFactory(),
        )
    )


def test_only_a_recommendation_has_a_parent():
    concern = FindingFactory(kind=FindingKind.CAUSE_OF_CONCERN, number=None)
    refused(
        lambda: FindingFactory(
            inspection=concern.inspection, kind=FindingKind.AREA_FOR_IMPROVEMENT, parent=concern
        )
    )
    FindingFactory(inspection=concern.inspection, kind=FindingKind.RECOMMENDATION, parent=concern)


def test_parent_must_be_a_cause_of_concern_in_the_same_report():
    concern = FindingFactory(kind=FindingKind.CAUSE_OF_CONCERN, number=None)
    elsewhere = FindingFactory.build(kind=FindingKind.RECOMMENDATION, parent=concern)
    elsewhere.inspection = InspectionFactory()
    with pytest.raises(ValidationError) as error:
        elsewhere.clean()
    assert "same report" in error.value.message_dict["parent"][0]


def test_a_repeat_points_at_an_earlier_report():
    earlier = FindingFactory()
    same_report = FindingFactory.build(inspection=earlier.inspection, repeats=earlier)
    with pytest.raises(ValidationError):
        same_report.clean()
    FindingFactory.build(repeats=earlier, inspection=InspectionFactory()).clean()


def test_submitted_and_published_responses_carry_their_dates():
    refused(lambda: ResponseFactory(status=ResponseStatus.SUBMITTED, submitted_on=None))
    refused(
        lambda: ResponseFactory(
            status=ResponseStatus.PUBLISHED,
            submitted_on=datetime.date(2023, 7, 1),
            published_on=None,
        )
    )


def test_an_action_belongs_to_a_recommendation_and_needs_explaining():
    answer = FindingResponseFactory.build(
        response=ResponseFactory(), action=RecommendationAction.TAKEN, action_explanation=""
    )
    answer.finding = FindingFactory(inspection=answer.response.inspection)
    with pytest.raises(ValidationError) as error:
        answer.clean()
    assert set(error.value.message_dict) == {"action", "action_explanation"}
    refused(lambda: FindingResponseFactory(action="maybe"))


def test_finding_response_must_answer_a_finding_of_the_same_inspection():
    answer = FindingResponse(response=ResponseFactory(), finding=FindingFactory())
    with pytest.raises(ValidationError) as error:
        answer.clean()
    assert "finding" in error.value.message_dict


def test_records_are_protected_from_deletion():
    answer = FindingResponseFactory()
    with pytest.raises(ProtectedError):
        answer.finding.inspection.delete()
    with pytest.raises(ProtectedError):
        answer.finding.delete()
    with pytest.raises(ProtectedError):
        answer.response.policing_body.delete()
    force = ForceFactory()
    with pytest.raises(ProtectedError):
        force.policing_body.delete()
