from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts import access
from core.pagination import paginate
from imports import documents, reconcile, rules
from imports.choices import ImportStatus
from imports.extraction import extract_text
from imports.forms import UploadForm
from imports.models import ReportImport
from imports.review import build, posted_items, refuse_unchangeable
from inspections.choices import FindingKind

PAGE_SIZE = 20


def _require_importer(user):
    if not rules.can_import(user):
        raise PermissionDenied


@login_required
def import_list(request):
    _require_importer(request.user)
    imports = ReportImport.objects.visible_to(request.user).select_related(
        "inspection", "uploaded_by", "office"
    )
    page, query = paginate(request, imports.order_by("-uploaded_at", "-pk"), PAGE_SIZE)
    return render(request, "imports/import_list.html", {"page": page, "query": query})


@login_required
def upload(request):
    _require_importer(request.user)
    inspections = rules.importable_inspections(request.user).order_by("-publication_date", "title")
    initial = {}
    if request.GET.get("inspection"):
        initial["inspection"] = inspections.filter(slug=request.GET["inspection"]).first()
    bound = request.method == "POST"
    form = UploadForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        inspections=inspections,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        report_import = _create_import(request, form)
        return redirect("imports:review", pk=report_import.pk)
    return render(request, "imports/upload.html", {"form": form})


def _create_import(request, form):
    upload_file = form.cleaned_data.get("file")
    target = form.cleaned_data.get("inspection")
    earlier = (
        ReportImport.objects.visible_to(request.user)
        .filter(
            sha256=form.digest,
            status=ImportStatus.SAVED,
            # Only an inspection the user may still import into (its date may have moved).
            inspection__in=rules.importable_inspections(request.user),
        )
        .select_related("inspection")
        .first()
    )
    if target is None and earlier is not None:
        # The same file again: compare with what it created rather than duplicate it.
        target = earlier.inspection
        messages.info(
            request,
            f"This report was imported before, into “{target.title}”. It is compared with that "
            "inspection below, so only new or changed items would be saved.",
        )
    extraction = extract_text(form.source_text)
    report_import = ReportImport(
        inspection=target,
        office=access.office(request.user),
        uploaded_by=request.user,
        file_name=upload_file.name if upload_file else "Pasted text",
        sha256=form.digest,
        source_text=form.source_text,
        extraction=extraction.to_dict(),
    )
    if upload_file:
        name = documents.stored_name(upload_file.name, form.data_bytes)
        report_import.file.save(name, ContentFile(form.data_bytes), save=False)
    report_import.save()
    return report_import


def _import_or_404(user, pk):
    _require_importer(user)
    return access.get_visible_or_404(
        ReportImport.objects.visible_to(user).select_related("inspection", "saved_by"), pk=pk
    )


@login_required
def review(request, pk):
    report_import = _import_or_404(request.user, pk)
    inspection = report_import.inspection
    if report_import.status != ImportStatus.IN_REVIEW:
        return render(request, "imports/done.html", {"report_import": report_import})
    if (
        inspection is not None
        and not rules.importable_inspections(request.user).filter(pk=inspection.pk).exists()
    ):
        raise PermissionDenied
    user = request.user
    if request.method != "POST":
        state = build(report_import, inspection, user=user)
        return render(request, "imports/review.html", _context(state))
    state = build(report_import, inspection, request.POST, request.POST.get("basis"), user=user)
    if state.forms_valid and _rules_hold(request, state):
        grade_items, finding_items = posted_items(state)
        new_inspection = state.details.save(commit=False) if state.details is not None else None
        covered = [int(pk) for pk, _ in state.bodies]
        try:
            outcome = reconcile.save_import(
                report_import,
                user=request.user,
                grade_items=grade_items,
                finding_items=finding_items,
                basis=state.basis,
                inspection=inspection,
                new_inspection=new_inspection,
                scale=report_import.extraction.get("grade_scale"),
                covered_body_ids=covered,
            )
        except reconcile.StaleReview:
            state = build(report_import, inspection, request.POST, user=user)
            state.problem = (
                "Someone changed this inspection's findings or grades while you were reviewing. "
                "The comparison has been refreshed; your edits are still here. Check them and "
                "save again."
            )
        except IntegrityError:
            state.problem = (
                "These items clash with findings already in the inspection (for example two "
                "areas for improvement with the same number). Nothing was saved."
            )
        else:
            messages.success(request, f"Import saved: {outcome}.")
            return redirect("tracker:inspection", slug=outcome.inspection.slug)
    # 200 with the errors shown, as every form page here (a 400 reads as a failed load).
    return render(request, "imports/review.html", _context(state))


def _rules_hold(request, state):
    """Checks that need the office or the inspection, beyond each form's own."""
    ok = refuse_unchangeable(state)
    # For an office the bodies offered are its own forces the report names: none, not its report.
    if state.inspection is None and access.office(request.user) is not None and not state.bodies:
        state.problem = (
            "This report does not cover your force, so your office cannot import it. Ask an "
            "administrator."
        )
        ok = False
    claimed = {form.cleaned_data.get("existing") for form in state.findings.forms if form.kept}
    taken = {
        f.number
        for f in state.existing_findings
        if f.number is not None
        and f.pk not in claimed
        and f.kind == FindingKind.AREA_FOR_IMPROVEMENT
    }
    for form in state.findings.forms:
        if form.kept and form.cleaned_data.get("number") in taken:
            form.add_error(
                "number", "The inspection already has an area for improvement with this number"
            )
            ok = False
    return ok


def _context(state):
    return {
        "state": state,
        "report_import": state.report_import,
        "problem": getattr(state, "problem", ""),
        "error_forms": _error_forms(state),
    }


def _error_forms(state):
    forms = [state.details] if state.details is not None else []
    forms += state.grades.forms + state.findings.forms
    return [f for f in forms if f.is_bound and f.errors]


@login_required
@require_POST
def discard(request, pk):
    report_import = _import_or_404(request.user, pk)
    if report_import.status == ImportStatus.IN_REVIEW:
        report_import.status = ImportStatus.DISCARDED
        report_import.save(update_fields=["status"])
        messages.success(request, f"Import of {report_import.file_name} discarded.")
    return redirect("imports:list")
