from django.conf import settings
from django.db import models

from accounts.choices import Role
from forces.models import LocalPolicingBody


class Membership(models.Model):
    """A user's place in an office: which local policing body, and with what role.

    Administrators are Django superusers and need no membership.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    policing_body = models.ForeignKey(
        LocalPolicingBody, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.STAFF)

    class Meta:
        ordering = ["policing_body", "user__username"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.policing_body})"

    def save(self, *args, **kwargs):
        from accounts.roles import sync_role_groups

        super().save(*args, **kwargs)
        sync_role_groups(self.user, self.role)

    @property
    def is_manager(self):
        return self.role == Role.MANAGER
