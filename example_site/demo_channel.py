"""Demo of the confidential channel: a vertrouwenspersoon with a key and TOTP enrolled, and a
melding form on each school site, designated to her.

The TOTP secret is fixed so the README can say how to get the current code
(``manage.py demo_totp``); it is demo-only, like the passwords and the key passphrase.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission, User
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wagtail_vertrouwen.channel import conf, crypto
from wagtail_vertrouwen.channel.models import (
    AuditEntry,
    Designation,
    Melding,
    MeldingFormPage,
    RecipientKey,
)
from wagtail_vertrouwen.channel.services import designate as recipients

VP_USERNAME = "vertrouwenspersoon"
VP_PASSWORD = "demo-vertrouwenspersoon"  # noqa: S105 - published demo login
#: Her key passphrase: her own, distinct from the login password (an administrator can reset
#: that one). Published for the demo like the passwords.
VP_PASSPHRASE = "demo-sleutelwachtwoord"  # noqa: S105 - published demo key passphrase
#: Demo only: 20 bytes, hex. Anyone reading this repository can compute the codes.
VP_TOTP_KEY = "3132333435363738393031323334353637383930"
VP_BACKUP_CODES = ("demo-backup-1", "demo-backup-2", "demo-backup-3")

FORM = {
    "title": {"nl": "Melding maken", "en": "Report a concern", "ar": "تقديم بلاغ"},
    "slug": {"nl": "melding-maken", "en": "report-a-concern", "ar": "report-a-concern"},
    "intro": {
        "nl": "<p>Zit je iets dwars, of maak je je zorgen? Vertel het de vertrouwenspersoon. "
        "Je mag anoniem blijven.</p>",
        "en": "<p>Is something bothering you, or are you worried? Tell the confidential "
        "adviser. You may stay anonymous.</p>",
        "ar": "<p>هل يزعجك شيء أو أنت قلق؟ أخبر الشخص المؤتمن. يمكنك أن تبقى مجهول الهوية.</p>",
    },
    "thanks": {
        "nl": "<p>Dank je wel. De vertrouwenspersoon leest je melding binnen twee schooldagen.</p>",
        "en": (
            "<p>Thank you. The confidential adviser reads your report within two school days.</p>"
        ),
        "ar": "<p>شكرًا لك. سيقرأ الشخص المؤتمن بلاغك خلال يومي دراسة.</p>",
    },
}


def current_totp() -> str:
    device = TOTPDevice.objects.get(user__username=VP_USERNAME, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def build_channel(homes, translate, publish, actor):
    """Called by ``build_demo`` after the schools exist."""
    for melding in Melding.objects.all():  # an earlier demo's meldingen and their files
        from wagtail_vertrouwen.channel.services.reading import delete_melding

        delete_melding(melding, None)
    AuditEntry.objects.all().delete()
    Designation.objects.all().delete()

    group, _created = Group.objects.get_or_create(name="Vertrouwenspersonen")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    vp, _created = User.objects.get_or_create(username=VP_USERNAME)
    vp.first_name, vp.last_name = "Fatima", "El Amrani"
    vp.email = "vertrouwenspersoon@demo.example"
    vp.set_password(VP_PASSWORD)
    vp.save()
    vp.groups.add(group)

    TOTPDevice.objects.filter(user=vp).delete()
    TOTPDevice.objects.create(user=vp, name="Demo", key=VP_TOTP_KEY, confirmed=True)
    StaticDevice.objects.filter(user=vp).delete()
    backup = StaticDevice.objects.create(user=vp, name="backup", confirmed=True)
    for code in VP_BACKUP_CODES:
        StaticToken.objects.create(device=backup, token=code)

    RecipientKey.objects.filter(user=vp).delete()
    keys = crypto.generate_recipient_keys(VP_PASSPHRASE, conf.kdf_limits())
    RecipientKey.objects.create(
        user=vp,
        public_key=keys.public_key,
        wrapped_by_secret=keys.wrapped_by_secret,
        wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
    )

    forms = {}
    for key, home in homes.items():
        page = MeldingFormPage(
            title=FORM["title"]["nl"],
            slug=FORM["slug"]["nl"],
            introduction=FORM["intro"]["nl"],
            thank_you_text=FORM["thanks"]["nl"],
        )
        home.add_child(instance=page)
        publish(page)
        for language in ("en", "ar"):
            from wagtail.models import Locale

            translate(
                page,
                Locale.objects.get(language_code=language),
                title=FORM["title"][language],
                slug=FORM["slug"][language],
                introduction=FORM["intro"][language],
                thank_you_text=FORM["thanks"][language],
            )
        recipients.designate(page, vp, actor)
        forms[key] = page
    return {"vp": vp, "recovery_code": keys.recovery_code, "forms": forms}
