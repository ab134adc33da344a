from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from accounts import access
from forces.models import LocalPolicingBody
from inspections.models import Inspection
from letters import docx
from letters.content import letter_context
from letters.pdf import filename, render_pdf
from responses.choices import ResponseStatus
from responses.models import Section55Response


def pdf_response(response, *, inline=False):
    reply = HttpResponse(render_pdf(response), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    reply["Content-Disposition"] = f'{disposition}; filename="{filename(response)}"'
    return reply


def _visible_response(request, pk):
    queryset = Section55Response.objects.visible_to(request.user).select_related(
        "inspection", "policing_body"
    )
    return access.get_visible_or_404(queryset, pk=pk)


@login_required
def letter_pdf(request, pk):
    return pdf_response(_visible_response(request, pk))


@login_required
def letter_docx(request, pk):
    """The letter as a Word document, for an office to edit or paste from: same access."""
    response = _visible_response(request, pk)
    reply = HttpResponse(docx.render_docx(response), content_type=docx.CONTENT_TYPE)
    reply["Content-Disposition"] = f'attachment; filename="{docx.filename(response)}"'
    return reply


# Public pages: no sign-in, published responses only. A draft is a 404 here, always.


def _published(office_slug):
    office = get_object_or_404(LocalPolicingBody, slug=office_slug)
    # The report too must be published: an administrator may clear or move its date (data
    # entry), and then its response goes with it.
    responses = Section55Response.objects.filter(
        policing_body=office,
        status=ResponseStatus.PUBLISHED,
        inspection__in=Inspection.objects.published(),
    ).select_related("inspection", "policing_body")
    return office, responses


def published_index(request, office_slug):
    office, responses = _published(office_slug)
    ordered = responses.order_by("-inspection__publication_date", "inspection__title")
    years = [
        (year, list(items))
        for year, items in groupby(ordered, key=lambda r: r.inspection.publication_date.year)
    ]
    return render(request, "letters/published_index.html", {"office": office, "years": years})


def _published_response(office_slug, inspection_slug):
    _, responses = _published(office_slug)
    response = responses.filter(inspection__slug=inspection_slug).first()
    if response is None:
        raise Http404
    return response


def published_response(request, office_slug, inspection_slug):
    response = _published_response(office_slug, inspection_slug)
    context = letter_context(response)
    return render(
        request,
        "letters/published_response.html",
        {**context, "p_class": "govuk-body", "text_style": "govuk"},
    )


def published_pdf(request, office_slug, inspection_slug):
    return pdf_response(_published_response(office_slug, inspection_slug), inline=True)
