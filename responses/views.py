from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import access
from core.concurrency import EditConflict, save_if_unchanged
from inspections.choices import FindingKind
from inspections.models import Inspection
from responses import history as response_history
from responses import workflow
from responses.choices import ChecklistItem
from responses.forms import ChecklistForm, FindingResponseForm, LetterForm
from responses.models import ChecklistEntry, FindingResponse, Section55Response


def _response_or_404(user, pk):
    queryset = Section55Response.objects.visible_to(user).select_related(
        "inspection", "policing_body"
    )
    return access.get_visible_or_404(queryset, pk=pk)


def _status_now(response):
    response.refresh_from_db(fields=["status"])
    return response.get_status_display().lower()


def _refuse_edit(request, response):
    messages.error(
        request,
        f"This response is {response.get_status_display().lower()}, so its text cannot be "
        "changed. A manager can reopen an approved response.",
    )
    return redirect("responses:workspace", pk=response.pk)


@login_required
@require_POST
def start_response(request, slug):
    inspection = access.get_visible_or_404(Inspection.objects.visible_to(request.user), slug=slug)
    office = access.office(request.user)
    if not Section55Response.objects.startable(request.user, inspection):
        raise Http404
    try:
        with transaction.atomic():
            response = Section55Response.objects.create(
                inspection=inspection, policing_body=office, key_findings=inspection.summary
            )
    except IntegrityError:
        # Someone in the office started it a moment ago: use theirs.
        response = Section55Response.objects.get(inspection=inspection, policing_body=office)
    return redirect("responses:workspace", pk=response.pk)


@login_required
def workspace(request, pk):
    response = _response_or_404(request.user, pk)
    findings = list(response.findings_in_scope().select_related("parent"))
    answers = {a.finding_id: a for a in response.finding_responses.all()}
    deadline_state = response.compute_deadline_state(answers=answers.values())
    grades = response.inspection.graded_judgements.select_related("body")
    checklist = {entry.item: entry for entry in response.checklist.all()}
    return render(
        request,
        "responses/workspace.html",
        {
            "response": response,
            "deadline_state": deadline_state,
            "grades": grades,
            "sections": [(f, answers.get(f.pk)) for f in findings],
            "checklist": [(item, checklist.get(item)) for item in ChecklistItem],
            "steps": workflow.available_steps(request.user, response),
            "can_edit": response.editable_by(request.user),
            "can_edit_checklist": response.checklist_editable_by(request.user),
            "missing_actions": workflow.recommendations_without_action(response, findings, answers),
        },
    )


def _edit(request, response, instance, form, template, context):
    """Save a versioned form, or show the conflict with the other person's changes.

    ``instance`` may be a callable giving the row to save, so a row is only created once the
    form is valid."""
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            with workflow.editing(response.pk):  # before making or changing any row of it
                target = instance() if callable(instance) else instance
                save_if_unchanged(target, form.cleaned_data["version"], form.values())
        except workflow.NotEditable:
            # It moved on (approved, say) while the user typed: nothing saved, their text kept.
            messages.error(
                request,
                f"This response is now {_status_now(response)}, so your changes were not saved. "
                "Copy what you wrote if you need it; a manager can reopen an approved response.",
            )
        except EditConflict as error:
            conflict = error
            # Keep what the user typed; the next save is made against the version they now see.
            data = request.POST.copy()
            data["version"] = error.current.version
            form.data = data
        else:
            messages.success(request, context["saved_message"])
            return redirect(
                f"{reverse('responses:workspace', args=[response.pk])}#{context['anchor']}"
            )
    return render(
        request, template, {**context, "response": response, "form": form, "conflict": conflict}
    )


@login_required
def edit_letter(request, pk):
    response = _response_or_404(request.user, pk)
    if not response.editable_by(request.user):
        return _refuse_edit(request, response)
    initial = {
        name: getattr(response, name) for name in LetterForm.TEXT_FIELDS + LetterForm.DATE_FIELDS
    }
    form = LetterForm(request.POST or None, initial={**initial, "version": response.version})
    return _edit(
        request,
        response,
        response,
        form,
        "responses/edit_letter.html",
        {"saved_message": "The response text has been saved.", "anchor": "letter"},
    )


@login_required
def edit_finding(request, pk, finding_pk):
    response = _response_or_404(request.user, pk)
    finding = access.get_visible_or_404(response.findings_in_scope(), pk=finding_pk)
    if not response.editable_by(request.user):
        return _refuse_edit(request, response)
    answer = FindingResponse.objects.filter(response=response, finding=finding).first()
    answer = answer or FindingResponse(response=response, finding=finding)

    def row_to_save():
        # Created on the first valid save, never by looking. A row someone else created
        # meanwhile has moved past version 1, so their text is reported, not overwritten.
        return FindingResponse.objects.get_or_create(response=response, finding=finding)[0]

    initial = {
        "version": answer.version,
        "chief_constable_response": answer.chief_constable_response,
        "office_comment": answer.office_comment,
        "action": answer.action,
        "action_explanation": answer.action_explanation,
    }
    form = FindingResponseForm(request.POST or None, initial=initial, finding=finding)
    return _edit(
        request,
        response,
        row_to_save,
        form,
        "responses/edit_finding.html",
        {
            "finding": finding,
            "is_recommendation": finding.kind == FindingKind.RECOMMENDATION,
            "saved_message": f"Your response to {finding.label.lower()} has been saved.",
            "anchor": f"finding-{finding.pk}",
        },
    )


@login_required
def edit_checklist(request, pk):
    response = _response_or_404(request.user, pk)
    if not response.checklist_editable_by(request.user):
        raise Http404
    entries = list(response.checklist.all())
    form = ChecklistForm(request.POST or None, entries=entries)
    if request.method == "POST" and form.is_valid():
        ticked = form.ticked()
        with transaction.atomic():
            for entry in entries:
                if entry.item not in ticked:
                    entry.delete()
                elif entry.done_on != ticked[entry.item]:
                    entry.done_on = ticked[entry.item]
                    entry.save()
            existing = {entry.item for entry in entries}
            for item, done_on in ticked.items():
                if item not in existing:
                    ChecklistEntry.objects.create(response=response, item=item, done_on=done_on)
        messages.success(request, "The office checklist has been saved.")
        return redirect(f"{reverse('responses:workspace', args=[response.pk])}#checklist")
    return render(request, "responses/edit_checklist.html", {"response": response, "form": form})


@login_required
def take_step(request, pk, step):
    response = _response_or_404(request.user, pk)
    chosen = workflow.STEPS_BY_NAME.get(step)
    if chosen is None or not workflow.permitted(request.user, response, chosen):
        raise Http404
    if request.method == "POST":
        try:
            workflow.take_step(
                request.user,
                response.pk,
                step,
                note=request.POST.get("note", ""),
                seen=request.POST.get("seen"),
            )
        except workflow.StepRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"Done: {chosen.label.lower()}.")
        return redirect("responses:workspace", pk=response.pk)
    return render(
        request,
        "responses/step_confirm.html",
        {
            "response": response,
            "step": chosen,
            "refusal": workflow.refusal(request.user, response, chosen),
            "seen": workflow.text_stamp(response) if chosen.signs_off else "",
        },
    )


@login_required
def history(request, pk):
    response = _response_or_404(request.user, pk)
    return render(
        request,
        "responses/history.html",
        {
            "response": response,
            "events": response_history.timeline(response),
        },
    )
