from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from example_site.demo_channel import current_totp


class Command(BaseCommand):
    help = "Print the demo vertrouwenspersoon's current TOTP code (demo settings only)."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("demo_totp only runs with the demo settings.")
        self.stdout.write(current_totp())
