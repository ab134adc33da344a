from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from accounts.models import Membership

User = get_user_model()


class MembershipInline(admin.StackedInline):
    model = Membership
    can_delete = False
    autocomplete_fields = ["policing_body"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "policing_body", "role"]
    list_filter = ["role", "policing_body"]
    list_select_related = ["user", "policing_body"]
    search_fields = ["user__username", "user__email", "policing_body__name"]
    autocomplete_fields = ["user", "policing_body"]


admin.site.unregister(User)


@admin.register(User)
class MembershipUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = [*UserAdmin.list_display, "membership"]
    list_select_related = ["membership__policing_body"]
