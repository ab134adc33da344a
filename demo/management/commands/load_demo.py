from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo inspections, findings and Section 55 responses (from the published "
        "documents in demo/seeds). Creates what is missing; never overwrites an edit."
    )

    def handle(self, *args, **options):
        call_command("load_reference", stdout=self.stdout)
        for line in load_demo().lines():
            self.stdout.write(line)
