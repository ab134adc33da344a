"""Filters shared by the FilterSets: bounded, so a wild value is a 400, not a database error."""

import django_filters
from django import forms


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "Year published")
        kwargs.setdefault("lookup_expr", "year")
        super().__init__(*args, min_value=1900, max_value=2100, **kwargs)


class NumberInRangeFilter(django_filters.NumberFilter):
    """A whole number the database can hold (report numbers and the like)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=0, max_value=2_147_483_647, **kwargs)
