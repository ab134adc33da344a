from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.users import create_demo_users


class Command(BaseCommand):
    help = "Create the demo sign-ins and print them. Refused unless DEMO_USERS_ALLOWED is set."

    def handle(self, *args, **options):
        if not settings.DEMO_USERS_ALLOWED:
            raise CommandError(
                "Demo users have public passwords; set DEMO_USERS_ALLOWED to create them."
            )
        self.stdout.write("Demo sign-ins (username / password as first created: who):")
        for username, password, description in create_demo_users():
            self.stdout.write(f"  {username} / {password}: {description}")
