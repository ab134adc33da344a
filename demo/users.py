"""Demo sign-ins: a Norfolk staff member and manager, a staff member of another office, and an
administrator. Their passwords are public, so they exist only where DEMO_USERS_ALLOWED is set."""

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.choices import Role
from accounts.models import Membership
from forces.models import LocalPolicingBody

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (public by design: demo only)

DEMO_USERS = [
    # username, full name, policing body slug, role (None: administrator)
    ("norfolk.staff", "Nell Staff", "norfolk", Role.STAFF),
    ("norfolk.manager", "Maya Manager", "norfolk", Role.MANAGER),
    ("suffolk.staff", "Sam Suffolk", "suffolk", Role.STAFF),
    ("admin", "Ada Administrator", None, None),
]


@transaction.atomic
def create_demo_users():
    """Create the demo users that are missing; return (username, password, description) rows."""
    User = get_user_model()
    rows = []
    for username, full_name, body_slug, role in DEMO_USERS:
        first, last = full_name.split(" ", 1)
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "is_staff": role is None,
                "is_superuser": role is None,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if role is None:
            description = "administrator"
        else:
            body = LocalPolicingBody.objects.get(slug=body_slug)
            Membership.objects.get_or_create(
                user=user, defaults={"policing_body": body, "role": role}
            )
            description = f"{Role(role).label.lower()}, {body.name}"
        rows.append((username, DEMO_PASSWORD, description))
    return rows
