from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from imports.models import ReportImport


@admin.register(ReportImport)
class ReportImportAdmin(SimpleHistoryAdmin):
    """A record of uploads; reviewing and saving happen on the import screens."""

    list_display = ["file_name", "inspection", "office", "uploaded_by", "uploaded_at", "status"]
    list_filter = ["status", "office"]
    list_select_related = ["inspection", "office", "uploaded_by"]
    search_fields = ["file_name", "inspection__title"]
    readonly_fields = [
        "inspection",
        "office",
        "uploaded_by",
        "uploaded_at",
        "file_name",
        "file",
        "sha256",
        "status",
        "saved_at",
        "saved_by",
        "summary",
    ]
    exclude = ["source_text", "extraction"]

    def has_add_permission(self, request):
        return False
