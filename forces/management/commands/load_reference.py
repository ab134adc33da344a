from django.core.management.base import BaseCommand

from forces.reference import load_reference


class Command(BaseCommand):
    help = "Create the regions, forces, local policing bodies and ROCUs that are missing."

    def handle(self, *args, **options):
        for line in load_reference().lines():
            self.stdout.write(line)
