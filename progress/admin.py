from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from progress.models import Evidence, FindingProgress, ProgressUpdate


class UpdateInline(admin.TabularInline):
    """Updates are shown, never edited: they are the record of what happened."""

    model = ProgressUpdate
    extra = 0
    fields = ["dated", "author", "status", "rag", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(FindingProgress)
class FindingProgressAdmin(SimpleHistoryAdmin):
    list_display = ["finding", "body", "status", "rag", "target_date", "updated_at"]
    list_filter = ["status", "rag"]
    list_select_related = ["finding__inspection", "body"]
    search_fields = ["finding__text", "body__name", "owner"]
    autocomplete_fields = ["finding", "body"]
    inlines = [UpdateInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["progress", "dated", "author", "status", "rag"]
    list_select_related = ["progress__finding__inspection", "progress__body", "author"]
    readonly_fields = ["progress", "text", "author", "dated", "status", "rag"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "size", "update"]
    list_select_related = ["update__progress__finding__inspection", "update__progress__body"]
    readonly_fields = ["update", "file", "name", "kind", "size"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
