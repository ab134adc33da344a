"""Filters shared by the FilterSets: bounded, so a wild value is a 400, not a database error."""

from urllib.parse import urlencode

import django_filters
from django import forms

from core.numbers import DATABASE_INT_MAX


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Year published")
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "Enter the year as a number, for example 2024",
                "min_value": "Enter a year from 1900 to 2100",
                "max_value": "Enter a year from 1900 to 2100",
            },
        )
        super().__init__(*args, min_value=1900, max_value=2100, **kwargs)


class NumberInRangeFilter(django_filters.NumberFilter):
    """A whole number the database can hold (report numbers and the like)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=0, max_value=DATABASE_INT_MAX, **kwargs)


def filter_panel(form, query, *, hidden=(), kept=()):
    """What a list page's filter panel shows (templates/govuk/filter.html): the fields to fill in
    (less ``hidden``), the filters in use as removable tags, and the parameters the panel's form
    carries along unseen (``kept``, such as the sort order).

    ``query`` is the request's GET; each tag links to the same list without that filter (and
    back to its first page)."""
    fields = [field for field in form if field.name not in hidden and field.name not in kept]
    chosen = []
    for field in fields:
        raw = query.get(field.name, "")
        if not raw or field.errors:
            continue
        without = query.copy()
        without.pop(field.name, None)
        without.pop("page", None)
        chosen.append(
            {"label": field.label, "value": _shown(form, field, raw), "remove": without.urlencode()}
        )
    carried = [(name, query.get(name)) for name in kept if query.get(name)]
    # "Clear filters" clears the filters, not what the panel carries (an administrator's
    # chosen office, the sort order).
    clear = urlencode(carried)
    return {"fields": fields, "chosen": chosen, "carried": carried, "clear": clear}


def _shown(form, field, raw):
    """A chosen value as the form offers it: the option's label, not its id."""
    value = getattr(form, "cleaned_data", {}).get(field.name, raw)
    choices = getattr(field.field, "choices", None)
    if choices is not None and not hasattr(choices, "queryset"):
        return {str(key): label for key, label in choices}.get(raw, raw)
    return str(value) if value not in (None, "") else raw


def sort_headers(query, keys, *, param="ordering", default=None):
    """Links for a table's sortable column headers, sorted on the server (so they work without
    JavaScript): {key: {"url": query string, "aria_sort": "ascending" | "descending" |
    "none"}}. A column sorts ascending first and flips on a second click; ``default`` is the
    column the list is sorted by when ``param`` is absent (its link clears the parameter)."""
    current = query.get(param, "")
    descending = current.startswith("-")
    current_key = current.lstrip("-") or default
    headers = {}
    for key in keys:
        link = query.copy()
        link.pop("page", None)
        if key == default:
            link.pop(param, None)
            aria = "ascending" if not current else "none"
        else:
            active = key == current_key
            link[param] = f"-{key}" if active and not descending else key
            aria = ("descending" if descending else "ascending") if active else "none"
        headers[key] = {"url": link.urlencode(), "aria_sort": aria}
    return headers
