"""Objects of both offices for the permission matrices: the `world` (Norfolk's draft on a
Norfolk report, Suffolk's draft on the eastern report, a future report) plus a joint
Norfolk+Suffolk report, a report with no publication date yet, a progress update with evidence,
an import, a calendar token, API tokens and a published response."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

ROLES = ("anonymous", "own_staff", "own_manager", "other_staff", "admin")
# Text that only its office (and administrators) may ever be shown, on any page or export.
NORFOLK_SECRET = "Norfolk draft words 7f3a"
SUFFOLK_SECRET = "Suffolk draft words 9c1e"
EMBARGOED = ("Not yet published", "Report being entered")  # the future and undated titles
SOURCE = """An inspection of vetting in Norfolk Constabulary

Area for improvement: The constabulary should clear its vetting backlog.
"""


class Objects:
    pass


@pytest.fixture
def objects(world, settings, tmp_path):
    from forces.models import Body
    from imports.extraction import extract_text
    from imports.models import ReportImport
    from inspections.choices import FindingKind
    from inspections.models import Finding, GradedJudgement
    from progress.services import Change, add_update
    from responses.models import FindingResponse, Section55Response
    from tests.factories import FindingFactory, InspectionFactory, ResponseFactory
    from tests.imports.pdfs import report_pdf
    from tracker.models import CalendarToken
    from tracker.queries import tracker_rows

    settings.MEDIA_ROOT = tmp_path
    o = Objects()
    o.world = world
    norfolk, suffolk = (Body.objects.get(short_name=name) for name in ("Norfolk", "Suffolk"))
    o.norfolk_force, o.suffolk_force = norfolk, suffolk
    o.rocu = Body.objects.get(short_name="ERSOU")
    o.inspection = world.inspection
    o.future = world.unpublished
    o.undated = InspectionFactory(
        slug="undated-report", title="Report being entered", publication_date=None, bodies=[norfolk]
    )
    o.joint = InspectionFactory(
        slug="joint-2026",
        title="A joint inspection of Norfolk and Suffolk",
        publication_date=datetime.date(2026, 10, 15),
        bodies=[norfolk, suffolk],
    )
    o.joint_finding = FindingFactory(
        inspection=o.joint,
        kind=FindingKind.AREA_FOR_IMPROVEMENT,
        number=1,
        directed_at=[norfolk, suffolk],
        order=1,
    )
    o.future_finding = FindingFactory(inspection=o.future, number=1, directed_at=[norfolk], order=1)
    o.draft = world.draft
    o.suffolk_draft = world.suffolk_draft
    o.joint_suffolk = ResponseFactory(inspection=o.joint, policing_body=world.suffolk)
    o.answer = FindingResponse.objects.create(
        response=o.draft, finding=world.recommendation, office_comment=NORFOLK_SECRET
    )
    Section55Response.objects.filter(pk=o.draft.pk).update(general_comment=NORFOLK_SECRET)
    Section55Response.objects.filter(pk=o.suffolk_draft.pk).update(general_comment=SUFFOLK_SECRET)
    o.joint_suffolk.general_comment = SUFFOLK_SECRET
    o.joint_suffolk.save()
    o.published = Section55Response.objects.get(
        policing_body=world.norfolk, inspection=world.eastern
    )
    o.grade = GradedJudgement.objects.filter(inspection=world.eastern).first()
    o.unpublished_finding = Finding.objects.get(pk=o.future_finding.pk)
    update = add_update(
        world.afi,
        norfolk,
        world.users["own_staff"],
        Change(text="Plan agreed.", dated=datetime.date(2026, 11, 1)),
        files=[(SimpleUploadedFile("plan.pdf", report_pdf("Plan")), "pdf")],
    )
    o.evidence = update.evidence.get()
    admin = world.users["admin"]
    o.tracker_row = tracker_rows(admin).filter(finding=world.afi, body=norfolk).get()
    o.report_import = ReportImport.objects.create(
        inspection=o.inspection,
        office=world.norfolk,
        uploaded_by=world.users["own_staff"],
        file_name="vetting.txt",
        sha256="0" * 64,
        source_text=SOURCE,
        extraction=extract_text(SOURCE).to_dict(),
    )
    o.calendar = CalendarToken.objects.create(user=world.users["own_staff"])
    return o
