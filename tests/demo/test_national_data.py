"""manage.py generate_national_data: a deterministic national data set for load tests.

Generated at a small scale; every test starts from the session's reference and demo data (three
inspections) and its changes are rolled back.
"""

import datetime
import hashlib
from collections import Counter, defaultdict
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q

from accounts.choices import Role
from accounts.models import Membership
from accounts.roles import GROUP_NAMES
from demo.national.generate import Reference, build_plan, sample_plan
from forces.models import Body
from inspections.choices import GRADES_BY_SCALE, FindingKind, GradeScale, Inspectorate, Programme
from inspections.models import Finding, GradedJudgement, Inspection
from responses.choices import SENT_STATUSES, ResponseStatus
from responses.models import ChecklistEntry, FindingResponse, Section55Response

pytestmark = pytest.mark.django_db

SCALE = "0.02"
# Programmes whose national reports carry recommendations without a cause of concern.
STAND_ALONE_RECOMMENDATIONS = {
    Programme.THEMATIC,
    Programme.JOINT,
    Programme.CUSTODY,
    Programme.CRIME_DATA_INTEGRITY,
}
DEMO_SLUGS = {"eastern-soc-2021-22", "peel-2015-norfolk-effectiveness", "peel-2021-22-norfolk"}


def generate(*args):
    out = StringIO()
    call_command("generate_national_data", "--scale", SCALE, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def national(demo_data):
    """The data set at scale 0.02; returns the command's output."""
    return generate()


def generated():
    return Inspection.objects.exclude(slug__in=DEMO_SLUGS)


def digest():
    """A fingerprint of everything generated, free of primary keys."""
    lines = []
    slug_of = dict(Inspection.objects.values_list("pk", "slug"))
    body_slug = dict(Body.objects.values_list("pk", "slug"))
    for i in generated().order_by("slug"):
        lines.append((i.slug, i.title, i.programme, i.programme_year, i.inspectorate))
        lines.append((str(i.publication_date), i.publication_date_precision, i.summary))
        lines.append(sorted(body_slug[pk] for pk in i.bodies.values_list("pk", flat=True)))
    for j in GradedJudgement.objects.exclude(inspection__slug__in=DEMO_SLUGS):
        lines.append((slug_of[j.inspection_id], body_slug[j.body_id], j.question, j.grade))
    key_of = {
        f.pk: (slug_of[f.inspection_id], f.order)
        for f in Finding.objects.only("pk", "inspection_id", "order")
    }
    directed = defaultdict(list)
    for finding_id, body_id in Finding.directed_at.through.objects.values_list(
        "finding_id", "body_id"
    ):
        directed[finding_id].append(body_slug[body_id])
    for f in Finding.objects.exclude(inspection__slug__in=DEMO_SLUGS):
        lines.append((key_of[f.pk], f.kind, f.number, f.text, f.detail, f.section, str(f.due_date)))
        lines.append((key_of.get(f.parent_id), key_of.get(f.repeats_id), sorted(directed[f.pk])))
    for r in Section55Response.objects.exclude(inspection__slug__in=DEMO_SLUGS).order_by(
        "inspection__slug", "policing_body__slug"
    ):
        lines.append(
            (slug_of[r.inspection_id], r.policing_body.slug, r.status, r.version)
            + tuple(str(getattr(r, name)) for name in ("submitted_on", "published_on"))
            + tuple(getattr(r, name) for name in Section55Response.LETTER_TEXT_FIELDS)
        )
        for h in r.history.order_by("history_date", "history_type"):
            lines.append((h.history_type, str(h.history_date), h.history_user.username, h.status))
        for a in r.finding_responses.all():
            lines.append((key_of[a.finding_id], a.office_comment, a.action, a.action_explanation))
        lines += [(c.item, str(c.done_on)) for c in r.checklist.all()]
    return hashlib.sha256(repr(lines).encode()).hexdigest()


def digest_of_a_run(*args):
    with transaction.atomic():
        generate(*args)
        fingerprint = digest()
        transaction.set_rollback(True)
    return fingerprint


def test_the_full_plan_is_about_3000_reports_over_15_years(reference_data):
    plans = build_plan(Reference.load(), 2026)
    assert 2700 <= len(plans) <= 3300
    assert len({p.slug for p in plans}) == len(plans)
    assert {p.published.year for p in plans} == set(range(2011, 2026))
    by_programme = Counter(p.programme for p in plans)
    assert set(by_programme) >= {
        Programme.PEEL,
        Programme.SOC_REGIONAL,
        Programme.THEMATIC,
        Programme.JOINT,
        Programme.CRIME_DATA_INTEGRITY,
        Programme.CUSTODY,
    }
    assert by_programme[Programme.SOC_REGIONAL] == 18  # two rounds, one report per ROCU
    peel_2021 = [p for p in plans if p.year_label == "2021/22" and p.programme == Programme.PEEL]
    assert len({p.bodies[0].pk for p in peel_2021}) == 43
    # Demo reports are the same reports: their slugs are planned, then skipped when present.
    assert {p.slug for p in plans} >= DEMO_SLUGS


def test_scale_keeps_a_share_of_every_programme(reference_data):
    import random

    plans = build_plan(Reference.load(), 2026)
    small = sample_plan(plans, 0.02, random.Random(2026))
    assert abs(len(small) - 0.02 * len(plans)) <= 8
    assert {p.programme for p in small} == {p.programme for p in plans}
    assert len(sample_plan(plans, 2, random.Random(2026))) == 2 * len(plans)


def test_counts_are_roughly_proportional(national):
    reports = generated().count()
    assert 45 <= reports <= 80
    findings = Finding.objects.filter(inspection__in=generated()).count()
    assert 6 * reports <= findings <= 20 * reports
    responses = Section55Response.objects.filter(inspection__in=generated()).count()
    assert 0.8 * reports <= responses <= 4 * reports
    assert "inspections:" in national and "Done in" in national


def test_same_seed_same_data_and_another_seed_other_data(demo_data):
    first = digest_of_a_run()
    assert digest_of_a_run() == first
    assert digest_of_a_run("--seed", "7") != first


def test_it_refuses_a_second_run_and_force_adds_nothing_twice(national):
    counts = (Inspection.objects.count(), Finding.objects.count(), get_user_model().objects.count())
    with pytest.raises(CommandError, match="--force"):
        generate()
    output = generate("--force")
    assert (
        Inspection.objects.count(),
        Finding.objects.count(),
        get_user_model().objects.count(),
    ) == counts
    assert "reports skipped (slug already present)" in output


def test_reports_are_plausible(national):
    for inspection in generated():
        assert (
            datetime.date(2011, 1, 1) <= inspection.publication_date <= datetime.date(2025, 12, 31)
        )
        hmic = inspection.publication_date < datetime.date(2017, 7, 19)
        assert inspection.inspectorate == (Inspectorate.HMIC if hmic else Inspectorate.HMICFRS)
        assert inspection.title and inspection.bodies.exists()
    for judgement in GradedJudgement.objects.all():
        assert judgement.grade in GRADES_BY_SCALE[judgement.scale]
    assert not GradedJudgement.objects.filter(scale=GradeScale.FOUR_TIER, grade="adequate").exists()
    peel5 = GradedJudgement.objects.filter(
        inspection__in=generated(), inspection__programme=Programme.PEEL, scale="five_tier"
    )
    for _inspection, n in peel5.values_list("inspection").annotate(n=Count("pk")):
        assert n == 9


def test_findings_are_numbered_linked_and_directed_correctly(national):
    findings = Finding.objects.filter(inspection__in=generated())
    assert findings.filter(kind=FindingKind.AREA_FOR_IMPROVEMENT).exists()
    for inspection in generated().prefetch_related("findings__directed_at", "bodies"):
        covered = set(inspection.bodies.all())
        afis = [f for f in inspection.findings.all() if f.kind == FindingKind.AREA_FOR_IMPROVEMENT]
        numbers = [f.number for f in afis]
        assert numbers == list(range(1, len(afis) + 1)) or set(numbers) == {None}
        for finding in inspection.findings.all():
            assert set(finding.directed_at.all()) <= covered and finding.directed_at.exists()
    assert not findings.filter(parent__isnull=False).exclude(kind=FindingKind.RECOMMENDATION)
    for concern in findings.filter(kind=FindingKind.CAUSE_OF_CONCERN):
        recommendations = list(concern.recommendations.all())
        assert 1 <= len(recommendations) <= 3
        assert all(r.inspection_id == concern.inspection_id for r in recommendations)
    recommendations = findings.filter(kind=FindingKind.RECOMMENDATION).select_related("inspection")
    assert recommendations.filter(parent__isnull=False).exists()
    for recommendation in recommendations:
        assert recommendation.due_date > recommendation.inspection.publication_date
        if recommendation.parent_id is None:  # stand-alone ones: thematic reports, numbered
            assert recommendation.number is not None
            assert recommendation.inspection.programme in STAND_ALONE_RECOMMENDATIONS
    for finding in findings.filter(repeats__isnull=False).select_related("repeats__inspection"):
        assert finding.repeats.inspection.publication_date < finding.inspection.publication_date
        assert set(finding.directed_at.all()) <= set(finding.repeats.directed_at.all())


def test_regional_afis_are_directed_at_the_rocu_and_all_its_members(national):
    soc = generated().filter(programme=Programme.SOC_REGIONAL)
    assert soc.exists()
    for inspection in soc:
        rocu = inspection.bodies.get(kind="rocu")
        everyone = {rocu, *rocu.members.all()}
        assert set(inspection.bodies.all()) == everyone
        graded = set(inspection.graded_judgements.values_list("body", flat=True))
        assert graded == {b.pk for b in everyone}
        regional = inspection.findings.filter(section="Regional findings")
        assert regional.count() >= 2
        for finding in regional:
            assert set(finding.directed_at.all()) == everyone
            assert finding.kind == FindingKind.AREA_FOR_IMPROVEMENT and finding.number


def test_responses_follow_the_rules(national):
    responses = Section55Response.objects.filter(inspection__in=generated()).select_related(
        "inspection", "policing_body"
    )
    statuses = Counter(responses.values_list("status", flat=True))
    assert statuses[ResponseStatus.PUBLISHED] > statuses[ResponseStatus.DRAFT]
    assert not responses.filter(status__in=SENT_STATUSES, submitted_on__isnull=True).exists()
    assert not responses.filter(status=ResponseStatus.PUBLISHED, published_on__isnull=True)
    for response in responses.prefetch_related("finding_responses__finding", "checklist"):
        assert response.inspection.bodies.filter(policing_body=response.policing_body).exists()
        in_scope = set(response.findings_in_scope())
        answers = list(response.finding_responses.all())
        assert {a.finding for a in answers} <= in_scope
        for answer in answers:
            if answer.action:
                assert answer.finding.kind == FindingKind.RECOMMENDATION
                assert answer.action_explanation.strip()
        if response.status not in (ResponseStatus.DRAFT, ResponseStatus.AWAITING_CHIEF):
            # Approval needs every recommendation's s.55(5B) action.
            answered = {a.finding for a in answers if a.action and a.action_explanation}
            assert answered == {f for f in in_scope if f.kind == FindingKind.RECOMMENDATION}
        items = [entry.item for entry in response.checklist.all()]
        assert len(items) == len(set(items))
        if response.status == ResponseStatus.PUBLISHED:
            assert "website" in items and response.published_on >= response.submitted_on
        if response.status not in SENT_STATUSES:
            assert not items
    late = [r for r in responses if r.submitted_on and r.submitted_on > r.deadline]
    assert len(late) < responses.count() / 3


def test_every_response_and_answer_has_history(national):
    responses = Section55Response.objects.filter(inspection__in=generated())
    updated = 0
    for response in responses:
        records = list(response.history.order_by("history_date", "history_id"))
        assert records[0].history_type == "+"
        assert 1 <= len(records) <= 4 and len(records) == response.version
        assert all(r.history_type == "~" for r in records[1:])
        assert records[-1].status == response.status
        assert records[-1].submitted_on == response.submitted_on
        assert records[-1].history_user.membership.policing_body == response.policing_body
        updated += len(records) > 1
    assert 0 < updated < responses.count()
    answers = FindingResponse.objects.filter(response__in=responses)
    assert answers.exists()
    assert FindingResponse.history.filter(history_type="+").count() >= answers.count()
    assert not answers.exclude(pk__in=FindingResponse.history.values("id")).exists()
    entries = ChecklistEntry.objects.filter(response__in=responses)
    assert not entries.exclude(pk__in=ChecklistEntry.history.values("id")).exists()
    findings = Finding.objects.filter(inspection__in=generated())
    assert not findings.exclude(pk__in=Finding.history.values("id")).exists()


def test_each_office_has_a_staff_and_a_manager_user(national):
    memberships = Membership.objects.filter(
        Q(user__username__startswith="staff.") | Q(user__username__startswith="manager.")
    ).select_related("user", "policing_body")
    assert memberships.count() == 86
    for membership in memberships:
        user = membership.user
        assert user.username == f"{membership.role}.{membership.policing_body.slug}"
        assert not user.has_usable_password()
        assert [g.name for g in user.groups.all()] == [GROUP_NAMES[membership.role]]
    roles = Counter(memberships.values_list("role", flat=True))
    assert roles == {Role.STAFF: 43, Role.MANAGER: 43}
    assert (
        get_user_model()
        .objects.get(username="manager.norfolk")
        .has_perm("responses.approve_section55response")
    )
