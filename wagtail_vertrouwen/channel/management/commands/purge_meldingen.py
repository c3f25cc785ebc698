from django.core.management.base import BaseCommand

from ...services.purge import purge_expired


class Command(BaseCommand):
    help = "Delete closed meldingen whose retention period has passed, with their attachments."

    def handle(self, *args, **options):
        count = purge_expired()
        self.stdout.write(f"{count} melding(en) purged.")
