from django.contrib import admin

from forces.admin import LocalPolicingBodyAdmin
from forces.models import LocalPolicingBody
from letters.models import Letterhead


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
