from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from example_site.demo import DEMO_USERS, SCHOOLS, build_demo
from example_site.demo_channel import (
    ACCOUNTS,
    READERS,
    VP_BACKUP_CODES,
    VP_PASSPHRASE,
    VP_PASSWORD,
    VP_USERNAME,
)


class Command(BaseCommand):
    help = "Replace all pages and sites with the demo content (demo settings only)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port, **options):
        if not settings.DEMO:
            raise CommandError(
                "load_demo only runs with the demo settings (example_site.settings.demo)."
            )
        demo = build_demo(port=port)
        lines = ["", "The demo is ready. The two schools:"]
        for school in SCHOOLS:
            lines.append(f"  {school['title']:<18} http://{school['hostname']}:{port}/")
        lines.append(
            "  Other languages: add /en/, /ar/, /tr/, /pl/ or /uk/ to either address; "
            "the glossary: /vertrouwen/woordenlijst/."
        )
        lines.append(f"  Wagtail admin:      http://127.0.0.1:{port}/admin/")
        lines.append(f"  API:                http://127.0.0.1:{port}/api/v2/pages/")
        lines.append("Demo logins (they work with the demo settings only):")
        for user in DEMO_USERS:
            lines.append(f"  {user.username} / {user.password}  ({user.description})")
        lines.append(f"  {VP_USERNAME} / {VP_PASSWORD}  (vertrouwenspersoon; reads the meldingen)")
        lines.append(f"    key passphrase (unlocks the inbox): {VP_PASSPHRASE}")
        lines.append("    Her TOTP code: make totp (or manage.py demo_totp);")
        lines.append(f"    backup codes: {', '.join(VP_BACKUP_CODES)}")
        lines.append(f"    recovery code of her key: {demo['channel']['recovery_code']}")
        others = [name for name in ACCOUNTS if name != VP_USERNAME]
        lines.append(
            f"  {', '.join(others)} / {VP_PASSWORD}  (the other readers; same key passphrase; "
            "they set up their second factor at their first visit)"
        )
        for school in SCHOOLS:
            names = ", ".join(" ".join(ACCOUNTS[name][:2]) for name, _ in READERS[school["key"]])
            lines.append(f"  {school['title']}'s meldingen are read by {names}")
        lines.append(
            "Melding forms: /melding-maken/ on each school; inbox: /admin/vertrouwen/inbox/"
        )
        # The code exists only now: nothing stores it, so each load makes a fresh melding.
        lines.append("A melding with a short conversation (De Regenboog, anonymous pupil):")
        lines.append(
            f"  Log in as the melder at {demo['channel']['mailbox_url']} "
            f"with code {demo['channel']['melder_code']}"
        )
        lines.append("  (shown only now: loading the demo again makes a new melding and code)")
        self.stdout.write("\n".join(lines) + "\n")
