from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from core.admin import BatchedAutocompleteInlineMixin, KeepRecordsMixin
from inspections.models import Finding, GradedJudgement, Inspection


class YearFilter(admin.SimpleListFilter):
    title = "year published"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Inspection.objects.dates("publication_date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):
        if self.value():
            prefix = "" if queryset.model is Inspection else "inspection__"
            return queryset.filter(**{f"{prefix}publication_date__year": self.value()})
        return queryset


class GradedJudgementInline(BatchedAutocompleteInlineMixin, admin.TabularInline):
    model = GradedJudgement
    fields = ["body", "question", "grade", "scale", "is_overall", "order"]
    autocomplete_fields = ["body"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("body")


class FindingInline(KeepRecordsMixin, BatchedAutocompleteInlineMixin, admin.StackedInline):
    model = Finding
    fields = [
        ("kind", "number", "order"),
        "text",
        "detail",
        "section",
        "directed_at",
        ("parent", "due_date"),
        "repeats",
    ]
    autocomplete_fields = ["directed_at", "parent", "repeats"]
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("directed_at")


@admin.register(Inspection)
class InspectionAdmin(KeepRecordsMixin, SimpleHistoryAdmin):
    list_display = ["title", "programme", "publication_date", "finding_count", "response_count"]
    list_filter = [
        "programme",
        YearFilter,
        "inspectorate",
        ("bodies", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "summary", "bodies__name"]
    date_hierarchy = "publication_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["bodies"]
    inlines = [GradedJudgementInline, FindingInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "programme", "programme_year", "inspectorate"]}),
        (
            "Publication",
            {
                "fields": [
                    "publication_date",
                    "publication_date_precision",
                    "publication_types",
                    "report_url",
                    "report_pdf",
                ]
            },
        ),
        ("Coverage and findings", {"fields": ["bodies", "summary"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _findings=Count("findings", distinct=True),
                _responses=Count("responses", distinct=True),
            )
        )

    @admin.display(description="findings", ordering="_findings")
    def finding_count(self, obj):
        return obj._findings

    @admin.display(description="responses", ordering="_responses")
    def response_count(self, obj):
        return obj._responses


@admin.register(GradedJudgement)
class GradedJudgementAdmin(SimpleHistoryAdmin):
    list_display = ["inspection", "body", "question", "grade", "scale", "is_overall"]
    list_filter = ["grade", "scale", "inspection__programme", YearFilter]
    list_select_related = ["inspection", "body"]
    search_fields = ["question", "body__name", "inspection__title"]
    autocomplete_fields = ["inspection", "body"]


@admin.register(Finding)
class FindingAdmin(KeepRecordsMixin, SimpleHistoryAdmin):
    list_display = ["label", "short_text", "inspection", "directed_at_names", "due_date"]
    list_filter = [
        "kind",
        "inspection__programme",
        YearFilter,
        ("directed_at", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["inspection"]
    search_fields = ["text", "detail", "inspection__title"]
    autocomplete_fields = ["inspection", "directed_at", "parent", "repeats"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("directed_at")

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 100 else f"{obj.text[:99]}…"

    @admin.display(description="directed at")
    def directed_at_names(self, obj):
        return ", ".join(body.short_name for body in obj.directed_at.all())
