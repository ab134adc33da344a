"""Django's ModelBackend, with the queries every signed-in request makes folded together.

Every page asks who the user is, which office they work for (access.office) and what their role
permits (user.has_perm). Django's backend answers in four queries: the user, the membership,
its office, and the permissions in two (the user's own, then their groups'). Here it is two.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class OfficeModelBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            user = (
                get_user_model()
                ._default_manager.select_related("membership__policing_body")
                .get(pk=user_id)
            )
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            perms = Permission.objects.all()
            if not user_obj.is_superuser:
                perms = perms.filter(Q(user=user_obj) | Q(group__user=user_obj)).distinct()
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in perms.values_list(
                    "content_type__app_label", "codename"
                ).order_by()
            }
        return user_obj._perm_cache
