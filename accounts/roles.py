"""Roles are Django groups with permissions; a membership puts its user in its role's group."""

from django.contrib.auth.models import Group, Permission

from accounts.choices import Role

STAFF_PERMISSIONS = [
    "inspections.view_inspection",
    "inspections.view_finding",
    "inspections.view_gradedjudgement",
    "responses.view_section55response",
    "responses.add_section55response",
    "responses.change_section55response",
    "responses.view_findingresponse",
    "responses.add_findingresponse",
    "responses.change_findingresponse",
    "responses.view_checklistentry",
    "responses.add_checklistentry",
    "responses.change_checklistentry",
    "responses.delete_checklistentry",
]

ROLE_PERMISSIONS = {
    Role.STAFF: STAFF_PERMISSIONS,
    Role.MANAGER: [*STAFF_PERMISSIONS, "responses.approve_section55response"],
}

GROUP_NAMES = {Role.STAFF: "OPCC staff", Role.MANAGER: "OPCC managers"}


def role_group(role):
    group, created = Group.objects.get_or_create(name=GROUP_NAMES[role])
    if created:
        group.permissions.set(_permissions(ROLE_PERMISSIONS[role]))
    return group


def _permissions(names):
    pairs = [name.split(".") for name in names]
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in pairs},
        codename__in={codename for _, codename in pairs},
    ).select_related("content_type")
    by_name = {f"{p.content_type.app_label}.{p.codename}": p for p in found}
    missing = set(names) - set(by_name)
    if missing:
        raise LookupError(f"Permissions not found (run migrate): {sorted(missing)}")
    return [by_name[name] for name in names]


def sync_role_groups(user, role):
    """Put the user in exactly the group of their role."""
    groups = [role_group(r) for r in GROUP_NAMES]
    user.groups.remove(*[g for g in groups if g.name != GROUP_NAMES[role]])
    user.groups.add(role_group(role))
