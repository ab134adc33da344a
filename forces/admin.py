from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from forces.models import Body, Force, LocalPolicingBody, Region, Rocu


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
    model = Force
    fields = ["name", "short_name", "region"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "forces overseen"

    def has_add_permission(self, request, obj):
        return False


@admin.register(LocalPolicingBody)
class LocalPolicingBodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "forces_overseen", "deadline_convention"]
    list_filter = ["kind", "deadline_convention"]
    search_fields = ["name", "office_name", "forces__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ForceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("forces")

    @admin.display(description="forces")
    def forces_overseen(self, obj):
        return ", ".join(force.short_name for force in obj.forces.all())


class BodyAdminBase(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Force)
class ForceAdmin(BodyAdminBase):
    list_display = [*BodyAdminBase.list_display, "policing_body", "rocu_names"]
    list_select_related = ["region", "policing_body"]
    fields = ["name", "short_name", "slug", "aliases", "region", "policing_body"]
    autocomplete_fields = ["policing_body"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("rocus")

    @admin.display(description="ROCU")
    def rocu_names(self, obj):
        return ", ".join(rocu.short_name for rocu in obj.rocus.all())


@admin.register(Rocu)
class RocuAdmin(BodyAdminBase):
    list_display = [*BodyAdminBase.list_display, "member_names"]
    fields = ["name", "short_name", "slug", "aliases", "region", "members"]
    filter_horizontal = ["members"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("members")

    @admin.display(description="member forces")
    def member_names(self, obj):
        return ", ".join(force.short_name for force in obj.members.all())


@admin.register(Body)
class BodyAdmin(BodyAdminBase):
    """All forces and ROCUs together; used for autocomplete where either may be chosen."""

    list_display = ["name", "kind", "short_name", "region"]
    list_filter = ["kind", "region"]

    def has_add_permission(self, request):
        # Add through the Force or ROCU screens, which set the kind.
        return False
