"""Who may import into what: offices import reports about their own forces alone, into
published inspections only; everything else is entered by administrators."""

import pytest
from django.urls import reverse

from imports.extraction import extract_text
from imports.models import ReportImport

pytestmark = pytest.mark.django_db

NORFOLK_ONLY = (
    "Norfolk Constabulary\n\n"
    "Norfolk Constabulary requires improvement at investigating crime.\n\n"
    "Area for improvement: The constabulary should improve how it supervises investigations\n"
)


def stored_import(user, office, inspection, text=NORFOLK_ONLY):
    """An import in review, as one made before the rules it is tested against were in force."""
    return ReportImport.objects.create(
        inspection=inspection,
        office=office,
        uploaded_by=user,
        file_name="report.txt",
        sha256="0" * 64,
        source_text=text,
        extraction=extract_text(text).to_dict(),
    )


# -- embargoed inspections --------------------------------------------------------------------
def test_office_cannot_choose_or_post_an_embargoed_inspection(as_user, joint):
    client = as_user("own_staff")
    page = client.get(reverse("imports:upload"))
    choices = page.context["form"].fields["inspection"].queryset
    html = page.content.decode()
    for embargoed in (joint.unpublished, joint.future):
        assert embargoed not in choices
        assert embargoed.title not in html
        prefilled = client.get(reverse("imports:upload"), {"inspection": embargoed.slug})
        assert prefilled.context["form"].initial.get("inspection") is None
        response = client.post(
            reverse("imports:upload"), {"inspection": embargoed.pk, "text": NORFOLK_ONLY}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="id_inspection-error"' in html and "Select a valid choice" in html
        assert NORFOLK_ONLY.splitlines()[0] in html  # the pasted text is kept
    assert not ReportImport.objects.exists()


def test_an_import_into_an_embargoed_inspection_shows_nothing_of_it(as_user, world, joint):
    client = as_user("own_staff")
    for embargoed, finding in (
        (joint.unpublished, joint.unpublished_finding),
        (joint.future, joint.future_finding),
    ):
        report_import = stored_import(world.users["own_staff"], world.norfolk, embargoed)
        url = reverse("imports:review", args=[report_import.pk])
        response = client.get(url)
        assert response.status_code == 403
        assert finding.text not in response.content.decode()
        assert client.post(url, {}).status_code == 403
        report_import.refresh_from_db()
        assert report_import.status == "in_review"


def test_administrators_import_into_embargoed_inspections(as_user, joint):
    client = as_user("admin")
    choices = client.get(reverse("imports:upload")).context["form"].fields["inspection"].queryset
    assert joint.unpublished in choices and joint.future in choices
    response = client.post(
        reverse("imports:upload"), {"inspection": joint.future.pk, "text": NORFOLK_ONLY}
    )
    assert response.status_code == 302
    review = client.get(response["Location"])
    assert review.status_code == 200
    assert joint.future_finding.text in review.content.decode()


def test_the_same_text_again_is_not_compared_with_an_embargoed_inspection(as_user, world, joint):
    from imports import documents

    earlier = stored_import(world.users["own_staff"], world.norfolk, joint.future)
    earlier.sha256 = documents.digest(NORFOLK_ONLY.strip().encode())
    earlier.status = "saved"
    earlier.save()
    client = as_user("own_staff")
    response = client.post(reverse("imports:upload"), {"text": NORFOLK_ONLY})
    assert response.status_code == 302
    review = client.get(response["Location"])
    assert review.status_code == 200
    assert review.context["state"].inspection is None  # a new inspection, not the embargoed one
    assert joint.future.title not in review.content.decode()


# -- an office imports only reports about its own forces alone ---------------------------------
JOINT = (
    "PEEL 2025–27: An inspection of Norfolk Constabulary and Suffolk Constabulary\n\n"
    " Norfolk Constabulary\n\n"
    "Norfolk Constabulary requires improvement at investigating crime.\n\n"
    "Area for improvement: The constabulary should improve how it supervises investigations\n\n"
    " Suffolk Constabulary\n\n"
    "Suffolk Constabulary is inadequate at investigating crime.\n\n"
    "Area for improvement: The constabulary should make sure victims are kept informed\n"
)


def snapshot(joint):
    """What the joint inspection holds, to show an attempt changed nothing."""
    inspection = joint.inspection
    return (
        sorted(
            (f.pk, f.kind, f.number, f.text, f.due_date, f.parent_id)
            + tuple(sorted(b.pk for b in f.directed_at.all()))
            for f in inspection.findings.all()
        ),
        sorted(inspection.graded_judgements.values_list("pk", "body", "question", "grade")),
        sorted(inspection.bodies.values_list("pk", flat=True)),
    )


@pytest.mark.parametrize("user", ["own_staff", "other_staff"])
def test_offices_cannot_choose_a_joint_or_regional_inspection(as_user, world, joint, user):
    client = as_user(user)
    choices = client.get(reverse("imports:upload")).context["form"].fields["inspection"].queryset
    assert joint.inspection not in choices and world.eastern not in choices
    response = client.post(
        reverse("imports:upload"), {"inspection": joint.inspection.pk, "text": JOINT}
    )
    assert response.status_code == 200
    assert 'id="id_inspection-error"' in response.content.decode()
    assert not ReportImport.objects.exists()
    page = client.get(reverse("tracker:inspection", args=[joint.inspection.slug]))
    assert reverse("imports:upload") not in page.content.decode()


def test_an_office_chooses_an_inspection_of_its_own_force_and_administrators_any(
    as_user, world, joint
):
    own = as_user("own_staff").get(reverse("imports:upload")).context["form"]
    assert joint.norfolk_only in own.fields["inspection"].queryset
    assert not own.fields["inspection"].queryset.exclude(bodies__policing_body=world.norfolk)
    suffolk = as_user("other_staff").get(reverse("imports:upload")).context["form"]
    assert joint.norfolk_only not in suffolk.fields["inspection"].queryset
    admin = as_user("admin").get(reverse("imports:upload")).context["form"]
    assert {joint.inspection, world.eastern, joint.norfolk_only} <= set(
        admin.fields["inspection"].queryset
    )
    page = as_user("admin").get(reverse("tracker:inspection", args=[joint.inspection.slug]))
    assert reverse("imports:upload") in page.content.decode()


def test_the_reported_attack_on_a_joint_inspection_changes_nothing(as_user, world, joint):
    """norfolk.staff, in an import into the joint inspection, names Suffolk's findings and grade
    by id and directs findings at Suffolk: every change is refused."""
    from tests.imports.test_views import management

    report_import = stored_import(world.users["own_staff"], world.norfolk, joint.inspection, JOINT)
    url = reverse("imports:review", args=[report_import.pk])
    data = management(as_user("admin").get(url))  # the form as drawn, to forge from
    suffolk, norfolk = str(joint.suffolk_force.pk), str(joint.norfolk_force.pk)
    data.update(
        {
            "findings-0-existing": joint.suffolk_recommendation.pk,
            "findings-0-kind": "recommendation",
            "findings-0-number": "",
            "findings-0-text": "Rewritten by Norfolk.",
            "findings-0-directed_at": [suffolk],
            "findings-0-due_date_0": "",
            "findings-0-due_date_1": "",
            "findings-0-due_date_2": "",
            "findings-1-existing": joint.joint_afi.pk,
            "findings-1-kind": "area_for_improvement",
            "findings-1-number": 2,
            "findings-1-text": joint.joint_afi.text,
            "findings-1-directed_at": [norfolk],
            "findings-2-kind": "promising_practice",
            "findings-2-text": "Created by Norfolk for Suffolk.",
            "findings-2-directed_at": [suffolk],
            "grades-1-existing": joint.suffolk_grade.pk,
            "grades-1-body": suffolk,
            "grades-1-grade": "inadequate",
        }
    )
    data.pop("findings-1-remove", None)
    data.pop("grades-1-remove", None)
    before = snapshot(joint)
    client = as_user("own_staff")
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert snapshot(joint) == before
    report_import.refresh_from_db()
    assert report_import.status == "in_review"


def new_inspection_review(client):
    response = client.post(reverse("imports:upload"), {"text": JOINT})
    assert response.status_code == 302
    return client.get(response["Location"])


def test_a_new_inspection_from_an_office_covers_only_its_own_forces(as_user, world, joint):
    from tests.imports.test_views import management

    client = as_user("own_staff")
    review = new_inspection_review(client)
    state = review.context["state"]
    assert state.bodies == [(str(joint.norfolk_force.pk), joint.norfolk_force.name)]
    html = review.content.decode()
    # The Suffolk items are shown, left out, with the reason beside them.
    assert "Suffolk Constabulary" in html and "make sure victims are kept informed" in html
    assert "only an administrator" in html
    suffolk_grade, suffolk_afi = state.grades.forms[1], state.findings.forms[1]
    assert suffolk_grade.initial["remove"] and suffolk_afi.initial["remove"]
    assert not state.grades.forms[0].initial.get("remove")
    data = management(review)
    data["details-title"] = "Norfolk's part of a joint report"
    data["details-programme"] = "peel"
    response = client.post(review.request["PATH_INFO"], data)
    assert response.status_code == 302, response.content.decode()[:2000]
    from inspections.models import Inspection

    made = Inspection.objects.get(title="Norfolk's part of a joint report")
    assert list(made.bodies.all()) == [joint.norfolk_force]
    assert list(made.graded_judgements.values_list("body", "grade")) == [
        (joint.norfolk_force.pk, "requires_improvement")
    ]
    assert [list(f.directed_at.all()) for f in made.findings.all()] == [[joint.norfolk_force]]


@pytest.mark.parametrize("directed_at", ["suffolk", "both"])
def test_bodies_outside_the_office_are_refused_beside_the_field(as_user, world, joint, directed_at):
    from inspections.models import GradedJudgement, Inspection
    from tests.imports.test_views import management

    client = as_user("own_staff")
    review = new_inspection_review(client)
    data = management(review)
    suffolk, norfolk = str(joint.suffolk_force.pk), str(joint.norfolk_force.pk)
    data["details-title"] = "A forged joint import"
    data["details-programme"] = "peel"
    data.pop("grades-1-remove")
    data.pop("findings-1-remove")
    data["grades-1-body"] = suffolk
    data["grades-1-grade"] = "inadequate"
    data["findings-1-directed_at"] = [suffolk] if directed_at == "suffolk" else [norfolk, suffolk]
    data["findings-1-text"] = "Text typed by the user, kept."
    response = client.post(review.request["PATH_INFO"], data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_grades-1-body-error"' in html
    assert 'id="id_findings-1-directed_at-error"' in html
    assert "not for Suffolk Constabulary" in html and "not at Suffolk Constabulary" in html
    assert "Text typed by the user, kept." in html
    assert not Inspection.objects.filter(title="A forged joint import").exists()
    assert not GradedJudgement.objects.filter(body=joint.suffolk_force, grade="inadequate")


@pytest.mark.parametrize("value", ["99999999999999999999", "abc", "-1", "²"])
def test_a_posted_body_that_is_no_body_is_not_a_valid_choice(as_user, world, joint, value):
    from tests.imports.test_views import management

    client = as_user("own_staff")
    review = new_inspection_review(client)
    data = management(review)
    data["findings-0-directed_at"] = [value]
    data["grades-0-body"] = value
    response = client.post(review.request["PATH_INFO"], data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_grades-0-body-error"' in html
    assert 'id="id_findings-0-directed_at-error"' in html
    assert "Select a valid choice" in html


def test_posted_ids_must_be_the_inspections_and_the_offices(as_user, world, joint):
    """Even in an inspection of its own force, an office changes only findings and grades of its
    own forces, and nothing of another inspection."""
    from tests.factories import FindingFactory, GradedJudgementFactory
    from tests.imports.test_views import management

    stray = FindingFactory(
        inspection=joint.norfolk_only,
        number=7,
        directed_at=[joint.suffolk_force],
        text="A finding for Suffolk, entered in Norfolk's report by mistake.",
    )
    stray_grade = GradedJudgementFactory(
        inspection=joint.norfolk_only, body=joint.suffolk_force, question="Investigating crime"
    )
    client = as_user("own_staff")
    response = client.post(
        reverse("imports:upload"), {"inspection": joint.norfolk_only.pk, "text": NORFOLK_ONLY}
    )
    review = client.get(response["Location"])
    assert stray.text not in review.content.decode()  # not offered, not listed
    url = review.request["PATH_INFO"]
    for field, victim in [
        ("findings-0-existing", stray),
        ("findings-0-existing", joint.suffolk_recommendation),
        ("grades-0-existing", stray_grade),
        ("grades-0-existing", joint.suffolk_grade),
    ]:
        data = management(review)
        data[field] = victim.pk
        before = type(victim).objects.get(pk=victim.pk).__dict__.copy()
        response = client.post(url, data)
        assert response.status_code == 200, field
        html = response.content.decode()
        assert "that you may not change" in html
        after = type(victim).objects.get(pk=victim.pk).__dict__
        assert {k: v for k, v in after.items() if k != "_state"} == {
            k: v for k, v in before.items() if k != "_state"
        }
    assert ReportImport.objects.get().status == "in_review"
    data = management(review)
    assert client.post(url, data).status_code == 302  # the form as drawn saves


def test_saving_refuses_what_the_user_may_not_change(world, joint):
    """The last line: reconcile.save_import checks the user's rights itself, whatever called it."""
    from imports import reconcile

    user = world.users["own_staff"]
    suffolk, norfolk = joint.suffolk_force.pk, joint.norfolk_force.pk
    own = stored_import(user, world.norfolk, joint.norfolk_only)

    def save(inspection=joint.norfolk_only, grades=(), findings=(), covered=(), new=None):
        existing = reconcile.existing_state(inspection, user) if inspection else ([], [])
        with pytest.raises(reconcile.NotPermitted):
            reconcile.save_import(
                own,
                user=user,
                grade_items=list(grades),
                finding_items=list(findings),
                basis=reconcile.fingerprint(*existing),
                inspection=inspection,
                new_inspection=new,
                covered_body_ids=list(covered),
            )

    before = snapshot(joint)
    save(
        inspection=joint.inspection,
        findings=[
            reconcile.FindingItem(
                key="f0",
                kind="recommendation",
                text="Rewritten.",
                directed_at=[suffolk],
                existing_id=joint.suffolk_recommendation.pk,
            )
        ],
    )
    save(
        findings=[
            reconcile.FindingItem(
                key="f0", kind="area_for_improvement", text="x", directed_at=[suffolk]
            )
        ]
    )
    save(
        findings=[
            reconcile.FindingItem(
                key="f0",
                kind="area_for_improvement",
                text="x",
                directed_at=[norfolk],
                existing_id=joint.joint_afi.pk,
            )
        ]
    )
    save(grades=[reconcile.GradeItem(body_id=suffolk, question="Q", grade="inadequate")])
    save(
        grades=[
            reconcile.GradeItem(
                body_id=norfolk,
                question="Investigating crime",
                grade="inadequate",
                existing_id=joint.suffolk_grade.pk,
            )
        ]
    )
    save(covered=[suffolk])
    from inspections.models import Inspection

    save(
        inspection=None,
        new=Inspection(title="New", programme="peel"),
        grades=[reconcile.GradeItem(body_id=suffolk, question="Q", grade="inadequate")],
        covered=[norfolk],
    )
    assert snapshot(joint) == before
    assert not Inspection.objects.filter(title="New").exists()
    assert not joint.norfolk_only.findings.exclude(pk=joint.norfolk_only_afi.pk).exists()
    assert list(joint.norfolk_only.bodies.all()) == [joint.norfolk_force]
