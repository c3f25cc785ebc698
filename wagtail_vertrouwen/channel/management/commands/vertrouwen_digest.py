from django.core.management.base import BaseCommand

from ...services.digest import send_digests


class Command(BaseCommand):
    help = (
        "Mail each vertrouwenspersoon a digest of the deadlines in her inbox: due within two "
        "days, overdue, and meldingen purged within 72 hours. Dates only, no content; nothing "
        "is sent to whoever has nothing due. Run it once a day, e.g. from cron: "
        "'0 7 * * *  cd /srv/site && .venv/bin/python manage.py vertrouwen_digest'."
    )

    def handle(self, *args, **options):
        count = send_digests()
        self.stdout.write(f"{count} digest(s) sent.")
