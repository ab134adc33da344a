from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import BatchedAutocompleteInlineMixin, KeepRecordsMixin
from inspections.admin import YearFilter
from responses.deadlines import ResponseState
from responses.models import ChecklistEntry, FindingResponse, Section55Response


class DeadlineStateFilter(admin.SimpleListFilter):
    title = "deadline state"
    parameter_name = "deadline_state"

    def lookups(self, request, model_admin):
        return ResponseState.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(deadline_state=self.value())
        return queryset


class FindingResponseInline(KeepRecordsMixin, BatchedAutocompleteInlineMixin, admin.StackedInline):
    model = FindingResponse
    fields = [
        "finding",
        "chief_constable_response",
        "office_comment",
        "action",
        "action_explanation",
    ]
    autocomplete_fields = ["finding"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("finding", "response__policing_body")


class ChecklistEntryInline(admin.TabularInline):
    model = ChecklistEntry
    fields = ["item", "done_on"]
    extra = 0


@admin.register(Section55Response)
class Section55ResponseAdmin(KeepRecordsMixin, SimpleHistoryAdmin):
    list_display = [
        "inspection",
        "policing_body",
        "status",
        "deadline_display",
        "deadline_state_display",
        "submitted_on",
    ]
    list_filter = [
        DeadlineStateFilter,
        "status",
        "inspection__programme",
        YearFilter,
        ("policing_body", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["inspection", "policing_body"]
    search_fields = ["inspection__title", "policing_body__name"]
    autocomplete_fields = ["inspection", "policing_body"]
    readonly_fields = ["deadline_display", "deadline_state_display", "version"]
    inlines = [FindingResponseInline, ChecklistEntryInline]
    fieldsets = [
        (None, {"fields": ["inspection", "policing_body", "status", "version"]}),
        (
            "Deadline",
            {
                "fields": [
                    "deadline_display",
                    "deadline_state_display",
                    "chief_comments_due",
                    "chief_comments_received",
                    "submitted_on",
                    "published_on",
                ]
            },
        ),
        (
            "Letter",
            {"fields": Section55Response.LETTER_TEXT_FIELDS},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_deadline_state()

    @admin.display(description="Section 55 deadline", ordering="deadline_on")
    def deadline_display(self, obj):
        return obj.deadline_on

    @admin.display(description="deadline state", ordering="deadline_state")
    def deadline_state_display(self, obj):
        return ResponseState(obj.deadline_state).label


@admin.register(FindingResponse)
class FindingResponseAdmin(KeepRecordsMixin, SimpleHistoryAdmin):
    list_display = ["finding", "response", "action"]
    list_filter = ["action", "finding__kind", "response__policing_body"]
    list_select_related = ["finding", "response__policing_body", "response__inspection"]
    search_fields = ["finding__text", "chief_constable_response", "office_comment"]
    autocomplete_fields = ["response", "finding"]


@admin.register(ChecklistEntry)
class ChecklistEntryAdmin(SimpleHistoryAdmin):
    list_display = ["response", "item", "done_on"]
    list_filter = ["item"]
    list_select_related = ["response__inspection", "response__policing_body"]
    autocomplete_fields = ["response"]
