from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from accounts import access
from core.filters import filter_panel
from core.fragments import fragment
from core.pagination import paginate
from core.uploads import image_content_type
from forces.models import LocalPolicingBody
from letters import docx
from letters.content import letter_context
from letters.filtersets import PublishedResponseFilterSet
from letters.pdf import filename, render_pdf
from letters.published import published_responses, with_publication_deadline
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
    return office, published_responses(office)


def _has_logo(office):
    letterhead = getattr(office, "letterhead", None)
    return bool(letterhead and letterhead.logo)


def published_index(request, office_slug):
    office, responses = _published(office_slug)
    ordered = responses.order_by("-inspection__publication_date", "inspection__title")
    years = [
        (year, list(items))
        for year, items in groupby(ordered, key=lambda r: r.inspection.publication_date.year)
    ]
    return render(
        request,
        "letters/published_index.html",
        {"office": office, "years": years, "office_logo": _has_logo(office)},
    )


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
        {
            **context,
            "p_class": "govuk-body",
            "text_style": "govuk",
            "office_logo": _has_logo(response.policing_body),
        },
    )


def published_pdf(request, office_slug, inspection_slug):
    """Rendered once and kept (core.fragments, both levels) for anyone to download again: a
    public address must not cost a second of rendering per request. The key holds the
    response's last save; other changes it shows (the checklist, the letterhead) show within
    the cache's five minutes."""
    response = _published_response(office_slug, inspection_slug)
    pdf = fragment(
        ("published pdf", response.pk, response.updated_at), lambda: render_pdf(response)
    )
    reply = HttpResponse(pdf, content_type="application/pdf")
    reply["Content-Disposition"] = f'inline; filename="{filename(response)}"'
    return reply


def published_logo(request, office_slug):
    """The office's logo for its public pages' header (media files are not served)."""
    office = get_object_or_404(LocalPolicingBody, slug=office_slug)
    letterhead = getattr(office, "letterhead", None)
    if letterhead is None or not letterhead.logo:
        raise Http404
    try:
        content_type = image_content_type(letterhead.logo)
        reply = FileResponse(letterhead.logo.open("rb"), content_type=content_type)
    except FileNotFoundError:
        raise Http404 from None  # the file has gone from storage
    reply["X-Content-Type-Options"] = "nosniff"
    return reply


NATIONAL_PAGE_SIZE = 50


def national_index(request):
    """Every office's published responses: the report, when each was published, and whether
    the response met its 56-day deadline. Public, like the offices' own pages."""
    responses = with_publication_deadline(published_responses())
    filterset = PublishedResponseFilterSet(request.GET, queryset=responses)
    rows = filterset.qs.order_by(
        "-inspection__publication_date", "policing_body__name", "inspection__title", "pk"
    )
    page, query = paginate(request, rows, NATIONAL_PAGE_SIZE)
    return render(
        request,
        "letters/national_index.html",
        {
            "filterset": filterset,
            "panel": filter_panel(filterset.form, request.GET),
            "page": page,
            "query": query,
            "office": None,
        },
    )
