from django.conf import settings
from django.core.management.base import BaseCommand

from tracker.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "Email each office's staff and managers 14, 7 and 1 days before a Section 55 deadline, "
        "when it passes, and when the chief constable's comments are due. Safe to run as often "
        "as you like: each reminder is sent once."
    )

    def handle(self, *args, **options):
        send_deadline_reminders(settings.SITE_URL, stdout=self.stdout)
