from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import fragments

        # Not sent for core itself (it has no models), but for each app that has: one DELETE
        # each time, after `migrate` and `flush`.
        post_migrate.connect(
            fragments.clear_shared_after_migrate, dispatch_uid="core.clear_shared_fragments"
        )
