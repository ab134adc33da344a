from django import forms
from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from forces.choices import BodyKind
from forces.models import Body, LocalPolicingBody, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "force_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_force_count=Count("bodies"))

    @admin.display(description="forces and ROCUs", ordering="_force_count")
    def force_count(self, obj):
        return obj._force_count


class ForceInline(admin.TabularInline):
    model = Body
    fk_name = "policing_body"
    fields = ["name", "short_name", "region"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "forces overseen"

    def has_add_permission(self, request, obj):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("region")


@admin.register(LocalPolicingBody)
class LocalPolicingBodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "forces_overseen", "deadline_convention"]
    list_filter = ["kind", "deadline_convention"]
    search_fields = ["name", "office_name", "forces__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ForceInline]  # letters adds the office's letterhead (letters/admin.py)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("forces")

    @admin.display(description="forces")
    def forces_overseen(self, obj):
        return ", ".join(force.short_name for force in obj.forces.all())


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = [
            "kind",
            "name",
            "short_name",
            "slug",
            "aliases",
            "region",
            "policing_body",
            "members",
        ]

    def clean(self):
        data = super().clean()
        if data.get("kind") == BodyKind.FORCE and data.get("members"):
            self.add_error("members", "Only a ROCU has member forces.")
        return data


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    """Forces and ROCUs. A force has a policing body; a ROCU has member forces."""

    form = BodyForm
    list_display = ["name", "kind", "short_name", "region", "policing_body", "member_names"]
    list_filter = ["kind", "region"]
    list_select_related = ["region", "policing_body"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["policing_body"]
    filter_horizontal = ["members"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("members", "rocus")

    def get_fields(self, request, obj=None):
        common = ["kind", "name", "short_name", "slug", "aliases", "region"]
        if obj is None:
            return [*common, "policing_body", "members"]
        return [*common, "policing_body" if obj.is_force else "members"]

    @admin.display(description="ROCU members / ROCU")
    def member_names(self, obj):
        related = obj.members.all() if not obj.is_force else obj.rocus.all()
        return ", ".join(body.short_name for body in related)
