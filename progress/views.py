from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from accounts import access
from core.uploads import evidence_content_type, evidence_name
from forces.choices import BodyKind
from inspections.choices import RESPONSE_KINDS
from inspections.models import Finding, Inspection
from progress.choices import STATUS_MEANINGS, ProgressStatus
from progress.forms import ProgressUpdateForm
from progress.models import Evidence, FindingProgress
from progress.services import Change, StaleProgress, add_update


def _target_or_404(user, finding_pk, body_slug):
    """The finding and the force, if the user may see and update that force's progress."""
    findings = Finding.objects.filter(
        inspection__in=Inspection.objects.visible_to(user)
    ).select_related("inspection", "repeats__inspection")
    # Only the findings the tracker tracks have progress: not innovative or promising practice.
    finding = access.get_visible_or_404(findings.filter(kind__in=RESPONSE_KINDS), pk=finding_pk)
    forces = finding.directed_at.filter(kind=BodyKind.FORCE).select_related("policing_body")
    body = access.get_visible_or_404(forces, slug=body_slug)
    if not FindingProgress.objects.updatable(user, body):
        raise Http404  # another office's progress is not confirmed to exist
    return finding, body


def _timeline(finding, body):
    progress = FindingProgress.objects.filter(finding=finding, body=body).first()
    updates = (
        progress.updates.select_related("author").prefetch_related("evidence")
        if progress is not None
        else []
    )
    return progress, updates


@login_required
def finding_progress(request, finding_pk, body_slug):
    finding, body = _target_or_404(request.user, finding_pk, body_slug)
    progress, updates = _timeline(finding, body)
    initial = {"version": progress.version if progress else 0}
    if progress is not None:
        initial |= {"owner": progress.owner, "target_date": progress.target_date}
    form = ProgressUpdateForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        finding=finding,
    )
    stale = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        change = Change(
            text=data["text"],
            dated=data["dated"],
            status=data["status"],
            rag=data["rag"],
            owner=data["owner"],
            target_date=data["target_date"],
            set_target=True,
            closed_on=data["closed_on"],
            closed_by=data["closed_by"],
        )
        try:
            add_update(
                finding,
                body,
                request.user,
                change,
                expected_version=data["version"] or 0,
                files=data["evidence"],
            )
        except StaleProgress as conflict:
            stale = True
            progress, updates = _timeline(finding, body)
            posted = request.POST.copy()
            posted["version"] = conflict.current.version
            form = ProgressUpdateForm(posted, initial=initial, finding=finding)
            form.is_valid()
        else:
            messages.success(request, "Your update has been added.")
            return redirect("progress:finding", finding_pk=finding.pk, body_slug=body.slug)
    earlier = None
    if finding.repeats_id and finding.repeats.inspection in Inspection.objects.visible_to(
        request.user
    ):
        earlier_progress, earlier_updates = _timeline(finding.repeats, body)
        earlier = {
            "finding": finding.repeats,
            "progress": earlier_progress,
            "updates": earlier_updates,
        }
    return render(
        request,
        "progress/finding_progress.html",
        {
            "finding": finding,
            "body": body,
            "progress": progress,
            "updates": updates,
            "form": form,
            "stale": stale,
            "earlier": earlier,
            "status_meanings": [
                (ProgressStatus(key).label, text) for key, text in STATUS_MEANINGS.items()
            ],
            "status_meaning": STATUS_MEANINGS[
                ProgressStatus(progress.status if progress else ProgressStatus.AWAITING_REVIEW)
            ],
        },
    )


@login_required
def evidence_file(request, pk):
    evidence = access.get_visible_or_404(Evidence.objects.select_related("update__progress"), pk=pk)
    progress = evidence.update.progress
    _target_or_404(request.user, progress.finding_id, progress.body.slug)
    # Served as what the content check found, always as a download and never sniffed: a file
    # uploaded as "x.html" that starts like a PNG must not reach the browser as a page.
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence_name(evidence.name, evidence.kind),
        content_type=evidence_content_type(evidence.kind),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
