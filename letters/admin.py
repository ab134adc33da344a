from django.contrib import admin

from forces.admin import LocalPolicingBodyAdmin
from forces.models import LocalPolicingBody
from letters.models import Letterhead
from letters.views import pdf_response
from responses.admin import Section55ResponseAdmin
from responses.models import Section55Response


class LetterheadInline(admin.StackedInline):
    model = Letterhead
    can_delete = False
    extra = 0
    max_num = 1


# The office's admin page shows its letterhead too. Letters sits above forces, so it extends the
# page forces registered rather than forces reaching up for the letterhead.
admin.site.unregister(LocalPolicingBody)


@admin.register(LocalPolicingBody)
class LocalPolicingBodyWithLetterheadAdmin(LocalPolicingBodyAdmin):
    inlines = [*LocalPolicingBodyAdmin.inlines, LetterheadInline]


@admin.register(Letterhead)
class LetterheadAdmin(admin.ModelAdmin):
    list_display = ["policing_body", "heading_name", "signatory_name"]
    list_select_related = ["policing_body"]
    search_fields = ["policing_body__name", "heading_name"]
    autocomplete_fields = ["policing_body"]


# The response's admin page downloads its letter: letters extends the page responses registered.
admin.site.unregister(Section55Response)


@admin.register(Section55Response)
class Section55ResponseWithLetterAdmin(Section55ResponseAdmin):
    actions = [*Section55ResponseAdmin.actions, "download_letter"]

    @admin.action(description="Download the letter as PDF (one response)")
    def download_letter(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Choose exactly one response.", level="warning")
            return None
        return pdf_response(queryset.select_related("inspection", "policing_body").get())
