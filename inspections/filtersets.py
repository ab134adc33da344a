import django_filters
from django.db.models import Exists, OuterRef, Q

from accounts import access
from core.filters import NumberInRangeFilter, YearFilter
from forces.models import Body
from inspections.choices import FindingKind, Grade, GradeScale, Programme
from inspections.models import Finding, GradedJudgement, Inspection


class InspectionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Search titles and findings")
    programme = django_filters.ChoiceFilter(choices=Programme.choices, empty_label="Any programme")
    year = YearFilter(field_name="publication_date")
    force = django_filters.ModelChoiceFilter(
        field_name="bodies",
        queryset=Body.objects.all(),
        label="Force or ROCU",
        empty_label="Any force or ROCU",
    )
    grade = django_filters.ChoiceFilter(
        method="filter_grade",
        choices=Grade.choices,
        label="Any body graded",
        empty_label="Any grade",
    )

    class Meta:
        model = Inspection
        fields = ["q", "programme", "year", "force", "grade"]

    def search(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Exists(
                    Inspection.findings.rel.related_model.objects.filter(
                        inspection=OuterRef("pk"), text__icontains=word
                    )
                )
            )
        return queryset

    def filter_grade(self, queryset, name, value):
        # Exists, not a join: a join repeats an inspection once per matching grade.
        grades = Inspection.graded_judgements.rel.related_model.objects.filter(
            inspection=OuterRef("pk"), grade=value
        )
        return queryset.filter(Exists(grades))

    @property
    def qs(self):
        # The force filter joins the coverage table; distinct keeps one row per inspection.
        queryset = super().qs
        return queryset.distinct() if self.form.cleaned_data.get("force") else queryset


class GradedJudgementFilterSet(django_filters.FilterSet):
    inspection = django_filters.ModelChoiceFilter(
        queryset=access.for_request(Inspection.objects.visible_to), empty_label="Any inspection"
    )
    body = django_filters.ModelChoiceFilter(
        queryset=Body.objects.all(), empty_label="Any force or ROCU"
    )
    grade = django_filters.ChoiceFilter(choices=Grade.choices, empty_label="Any grade")
    scale = django_filters.ChoiceFilter(choices=GradeScale.choices, empty_label="Any scale")
    programme = django_filters.ChoiceFilter(
        field_name="inspection__programme", choices=Programme.choices, empty_label="Any programme"
    )
    year = YearFilter(field_name="inspection__publication_date")

    class Meta:
        model = GradedJudgement
        fields = [
            "inspection",
            "body",
            "question",
            "grade",
            "scale",
            "is_overall",
            "programme",
            "year",
        ]


class FindingFilterSet(django_filters.FilterSet):
    # Choices, and the ids accepted, are what the user may see (a hidden id is a missing one).
    inspection = django_filters.ModelChoiceFilter(
        queryset=access.for_request(Inspection.objects.visible_to), empty_label="Any inspection"
    )
    kind = django_filters.ChoiceFilter(choices=FindingKind.choices, empty_label="Any kind")
    parent = django_filters.ModelChoiceFilter(
        queryset=access.for_request(
            lambda user: Finding.objects.visible_to(user).filter(kind=FindingKind.CAUSE_OF_CONCERN)
        ),
        label="Cause of concern",
        empty_label="Any cause of concern",
    )
    repeats = django_filters.ModelChoiceFilter(
        queryset=access.for_request(Finding.objects.visible_to),
        label="Repeats",
        empty_label="Any earlier finding",
    )
    programme = django_filters.ChoiceFilter(
        field_name="inspection__programme", choices=Programme.choices, empty_label="Any programme"
    )
    year = YearFilter(field_name="inspection__publication_date")
    body = django_filters.ModelChoiceFilter(
        field_name="directed_at",
        queryset=Body.objects.all(),
        label="Directed at",
        empty_label="Any force or ROCU",
    )
    due_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")
    due_after = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Text contains")
    number = NumberInRangeFilter(label="Report number")

    class Meta:
        model = Finding
        fields = [
            "inspection",
            "kind",
            "number",
            "body",
            "parent",
            "repeats",
            "due_date",
            "programme",
            "year",
            "q",
        ]

    @property
    def qs(self):
        queryset = super().qs
        return queryset.distinct() if self.form.cleaned_data.get("body") else queryset
