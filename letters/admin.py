from django.contrib import admin

from letters.models import Letterhead


@admin.register(Letterhead)
class LetterheadAdmin(admin.ModelAdmin):
    list_display = ["policing_body", "heading_name", "signatory_name"]
    list_select_related = ["policing_body"]
    search_fields = ["policing_body__name", "heading_name"]
    autocomplete_fields = ["policing_body"]
