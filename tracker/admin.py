from django.contrib import admin

from tracker.models import CalendarToken, ReminderSent


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["response", "kind", "sent_at", "recipients", "superseded"]
    list_filter = ["kind", "superseded"]
    list_select_related = ["response__inspection", "response__policing_body"]
    search_fields = ["response__inspection__title", "response__policing_body__name"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False  # reminders are recorded by the command that sends them

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    """Deleting a token revokes the feed address."""

    list_display = ["user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    fields = ["user", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["user"]
