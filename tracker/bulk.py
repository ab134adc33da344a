"""Bulk progress updates from the tracker list: one update text, applied to each chosen row."""

from django.db import transaction
from django.utils import timezone

from core.numbers import parse_id
from progress.forms import BulkUpdateForm
from progress.models import FindingProgress
from progress.services import Change, add_update
from tracker.queries import FindingTarget

PREFIX = "bulk"


def bulk_form(request, rows):
    """The bulk form, bound on POST; only rows the user can see in the tracker may be chosen."""
    # A prefix: the filter panel on the same page has its own "status" and "rag" fields.
    if request.method != "POST":
        return BulkUpdateForm(row_ids=[], prefix=PREFIX)
    posted = [pk for pk in map(parse_id, request.POST.getlist(f"{PREFIX}-rows")) if pk]
    visible = rows.filter(pk__in=posted).values_list("pk", flat=True)
    return BulkUpdateForm(request.POST, row_ids=list(visible), prefix=PREFIX)


@transaction.atomic
def apply(form, user):
    """Add the update to every chosen row; all or nothing. Returns the number updated."""
    data = form.cleaned_data
    targets = FindingTarget.objects.filter(pk__in=data["rows"]).select_related("finding", "body")
    change = Change(
        text=data["text"], dated=timezone.localdate(), status=data["status"], rag=data["rag"]
    )
    count = 0
    for target in targets:
        if FindingProgress.objects.updatable(user, target.body):
            add_update(target.finding, target.body, user, change)
            count += 1
    return count
