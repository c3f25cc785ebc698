"""The content of the two-server test, built in a process of its own with the scale settings
(``python -m tests.scale.build``), as an installation's own content would be: one school
(the default Site, ``school.test``), its homepage with a route-finder that names a profile,
three melding forms and the accounts the test logs in with. Prints what the test needs as
JSON on the last line of its output.

Keys are made with the production cost of Argon2id (the scale settings keep it), so an unlock
costs what it costs in production.
"""

import json
import os

import django

PASSWORD = "scale-login-password-7f3a"
PASSPHRASE = "scale key passphrase, mine alone"
ADMIN_PASSWORD = "scale-admin-password-91c2"
HOST = "school.test"
#: Recipients of every form, each for a part of the test; ``axes`` only logs in.
RECIPIENTS = ("vp_main", "vp_otp", "vp_unlock")


def build() -> dict:
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.models import Page, Site

    from example_site.demo import _routewijzer
    from example_site.home.models import HomePage
    from tests.factories import admin, make_form, vp_group
    from wagtail_vertrouwen.channel import crypto
    from wagtail_vertrouwen.channel.models import RecipientKey
    from wagtail_vertrouwen.channel.services import designate
    from wagtail_vertrouwen.models import VertrouwenspersonenIndexPage, VertrouwenspersoonPage

    root = Page.get_first_root_node()
    home = HomePage(title="OBS De Schaal", slug="de-schaal", body=_routewijzer("nl"))
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = HOST, 443, home, "OBS De Schaal"
    site.save()

    index = VertrouwenspersonenIndexPage(title="Vertrouwenspersonen", slug="vertrouwenspersonen")
    home.add_child(instance=index)
    index.save_revision().publish()
    home.vertrouwenspersonen_page = index
    home.save_revision().publish()
    person = VertrouwenspersoonPage(
        title="Anna de Vries",
        slug="anna-de-vries",
        roles=["interne_vertrouwenspersoon", "interne_contactpersoon"],
        email="anna@school.test",
    )
    index.add_child(instance=person)
    person.save_revision().publish()
    # A draft with her new name, which the test publishes through one of the app servers.
    person.title = "Anna Bakker"
    person.save_revision()

    forms = {
        name: make_form(home, title=f"Melding maken ({name})", slug=f"melding-{name}")
        for name in ("main", "rate", "guard")
    }

    beheerder = admin()
    beheerder.set_password(ADMIN_PASSWORD)
    beheerder.save()
    users = {}
    for username in (*RECIPIENTS, "axes"):
        user = User.objects.create_user(
            username, f"{username}@school.test", PASSWORD, first_name=username
        )
        user.groups.add(vp_group())
        users[username] = {"pk": user.pk}
        if username not in RECIPIENTS:
            continue
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        keys = crypto.generate_recipient_keys(PASSPHRASE)  # the production cost
        RecipientKey.objects.create(
            user=user,
            public_key=keys.public_key,
            wrapped_by_secret=keys.wrapped_by_secret,
            wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
        )
        for form in forms.values():
            designate.designate(form, user, beheerder)
        users[username]["totp_key"] = device.key
    return {
        "host": HOST,
        "home": home.pk,
        "person": person.pk,
        "forms": {name: {"pk": form.pk, "url": form.url} for name, form in forms.items()},
        "form_keys": {name: str(form.translation_key) for name, form in forms.items()},
        "users": users,
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.scale")
    django.setup()
    print(json.dumps(build()))
