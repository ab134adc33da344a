from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from accounts import access
from forces.models import LocalPolicingBody
from tracker import panel
from tracker.forms import PanelReportForm


@login_required
def panel_report(request):
    if not panel.can_report(request.user):
        raise PermissionDenied
    office = access.office(request.user)
    offices = LocalPolicingBody.objects.order_by("name") if office is None else None
    form = PanelReportForm(request.GET or None)
    chosen = office
    if offices is not None and request.GET.get("office"):
        chosen = offices.filter(slug=request.GET["office"]).first()
    if form.is_bound and form.is_valid() and chosen is not None:
        report = panel.panel_report(chosen, form.cleaned_data["start"], form.cleaned_data["end"])
        if form.cleaned_data["output"] == "xlsx":
            return panel.as_xlsx(report)
        return panel.as_pdf(report)
    problem = form.is_bound and chosen is None
    return render(
        request,
        "tracker/panel_report_form.html",
        {"form": form, "offices": offices, "chosen": chosen, "problem": problem},
    )
