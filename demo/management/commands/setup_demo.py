from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Migrate, load the reference and demo data, and create the demo sign-ins: the set-up of "
        "`make run` in one process (each manage.py start costs seconds). Safe to run again."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=min(options["verbosity"], 1))
        call_command("load_demo", stdout=self.stdout)
        call_command("create_demo_users", stdout=self.stdout)
