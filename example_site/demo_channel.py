"""Demo of the confidential channel: a melding form on each school site, read only by people
who serve that school (``READERS``): the school's own interne vertrouwenspersoon and the
board's externe vertrouwenspersoon, who serves both (as her profile in ``demo.PEOPLE``
says). The interne vertrouwenspersoon of De Regenboog (login ``vertrouwenspersoon``) has
TOTP enrolled; the others set up their second factor at their first visit to the inbox. One
anonymous melding with a short conversation, whose melder's code ``load_demo`` prints (and
nothing stores).

The TOTP secret is fixed so the README can say how to get the current code
(``manage.py demo_totp``); it is demo-only, like the passwords and the key passphrase.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission, User
from django.urls import NoReverseMatch, reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale

from wagtail_vertrouwen.channel import conf, crypto
from wagtail_vertrouwen.channel.models import (
    AuditEntry,
    Designation,
    Melding,
    MeldingFormPage,
    RecipientKey,
)
from wagtail_vertrouwen.channel.services import conversation, keys, mailbox, reading, submit
from wagtail_vertrouwen.channel.services import designate as recipients

from .demo import TRANSLATED

VP_USERNAME = "vertrouwenspersoon"
VP_PASSWORD = "demo-vertrouwenspersoon"  # noqa: S105 - published demo login
#: Her key passphrase: her own, distinct from the login password (an administrator can reset
#: that one). Published for the demo like the passwords.
VP_PASSPHRASE = "demo-sleutelwachtwoord"  # noqa: S105 - published demo key passphrase
#: Demo only: 20 bytes, hex. Anyone reading this repository can compute the codes.
VP_TOTP_KEY = "3132333435363738393031323334353637383930"
VP_BACKUP_CODES = ("demo-backup-1", "demo-backup-2", "demo-backup-3")

#: The demo's readers besides ``VP_USERNAME``: login, names, address. They log in with
#: ``VP_PASSWORD`` and open their key with ``VP_PASSPHRASE`` (demo only, like those).
EVP_USERNAME = "externe-vertrouwenspersoon"
VLINDER_VP_USERNAME = "vertrouwenspersoon-vlinder"
ACCOUNTS = {
    VP_USERNAME: ("Fatima", "El Amrani", "vertrouwenspersoon@demo.example"),
    EVP_USERNAME: ("Hanneke", "Bosman", "hanneke.bosman@vertrouwenswerk.example"),
    VLINDER_VP_USERNAME: ("Yusuf", "Demir", "y.demir@vlinder.example"),
}
#: Who reads each school's form, with the role the form names: a school's meldingen never go
#: to a teacher of the other school (issue 10).
READERS = {
    "regenboog": (
        (VP_USERNAME, "interne_vertrouwenspersoon"),
        (EVP_USERNAME, "externe_vertrouwenspersoon"),
    ),
    "vlinder": (
        (VLINDER_VP_USERNAME, "interne_vertrouwenspersoon"),
        (EVP_USERNAME, "externe_vertrouwenspersoon"),
    ),
}

FORM = {
    "title": {
        "nl": "Melding maken",
        "en": "Report a concern",
        "ar": "تقديم بلاغ",
        "tr": "Bildirim yap",
        "pl": "Zgłoś sprawę",
        "uk": "Подати звернення",
    },
    "slug": {
        "nl": "melding-maken",
        "en": "report-a-concern",
        "ar": "report-a-concern",
        "tr": "bildirim-yap",
        "pl": "zglos-sprawe",
        "uk": "report-a-concern",
    },
    "intro": {
        "nl": "<p>Zit je iets dwars, of maak je je zorgen? Vertel het de vertrouwenspersoon. "
        "Je mag anoniem blijven.</p>",
        "en": "<p>Is something bothering you, or are you worried? Tell the confidential "
        "adviser. You may stay anonymous.</p>",
        "ar": "<p>هل يزعجك شيء، أو أنت قلق؟ أخبر شخص الثقة. يمكنك ألّا تذكر اسمك.</p>",
        "tr": "<p>Seni rahatsız eden bir şey mi var, ya da endişeli misin? Güven danışmanına "
        "anlat. Adını vermek zorunda değilsin.</p>",
        "pl": "<p>Coś cię gnębi albo się martwisz? Powiedz o tym osobie zaufania. Nie musisz "
        "podawać swojego imienia.</p>",
        "uk": "<p>Тебе щось турбує або ти хвилюєшся? Розкажи довіреній особі. Можна не "
        "називати свого імені.</p>",
    },
    # The form itself says when the answer comes (its "acknowledge within" setting).
    "thanks": {
        "nl": "<p>Dank je wel dat je het vertelt.</p>",
        "en": "<p>Thank you for telling us.</p>",
        "ar": "<p>شكرًا لأنك أخبرتنا.</p>",
        "tr": "<p>Bize anlattığın için teşekkürler.</p>",
        "pl": "<p>Dziękujemy, że nam o tym mówisz.</p>",
        "uk": "<p>Дякуємо, що розповідаєш нам про це.</p>",
    },
}


#: The demo's melding: an anonymous pupil of De Regenboog about bullying, in Dutch, as the form
#: stores it (``MeldingForm.answers``).
MELDING = {
    "probleemgebied": "ongewenst_gedrag",
    "wie": "leerling",
    "taal": "nl",
    "wat": "Een paar jongens uit mijn klas pesten me al weken in de pauze. Ze pakken mijn tas "
    "af en zetten nare dingen over mij in de groepsapp.",
    "wanneer": "Sinds de herfstvakantie",
    "betrokkenen": "Drie jongens uit mijn klas",
    "wens": "Dat het stopt. Maar ze mogen niet weten dat ik het heb verteld.",
    "contact": "geen",
    "naam": "",
    "email": "",
    "telefoon": "",
}
#: The conversation about it: the vertrouwenspersoon asks, the melder answers.
QUESTION = (
    "Dank je wel dat je dit vertelt. Wat naar dat dit al weken zo gaat. Wil je me vertellen in "
    "welke groep je zit en waar op het plein het gebeurt? Dan kan ik helpen zonder dat iemand "
    "weet dat jij het hebt verteld."
)
REPLY = "Ik zit in groep 8. Het gebeurt vooral bij de fietsenstalling, als de juf het niet ziet."


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
    people = {username: _reader(username, group) for username in ACCOUNTS}
    vp = people[VP_USERNAME]

    TOTPDevice.objects.filter(user=vp).delete()
    TOTPDevice.objects.create(user=vp, name="Demo", key=VP_TOTP_KEY, confirmed=True)
    StaticDevice.objects.filter(user=vp).delete()
    backup = StaticDevice.objects.create(user=vp, name="backup", confirmed=True)
    for code in VP_BACKUP_CODES:
        StaticToken.objects.create(device=backup, token=code)

    recovery_codes = {username: _new_key(user) for username, user in people.items()}
    recovery_code = recovery_codes[VP_USERNAME]

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
        for language in TRANSLATED:
            translate(
                page,
                Locale.objects.get(language_code=language),
                title=FORM["title"][language],
                slug=FORM["slug"][language],
                introduction=FORM["intro"][language],
                thank_you_text=FORM["thanks"][language],
            )
        for username, role in READERS[key]:
            recipients.designate(page, people[username], actor, role=role)
        forms[key] = page
    melding = build_conversation(forms["regenboog"], vp)
    return {
        "vp": vp,
        "people": people,
        "recovery_code": recovery_code,
        "forms": forms,
        "melding": melding,
        # Shown once by load_demo, like the thank-you page shows it; stored nowhere.
        "melder_code": melding.melder_code,
        "mailbox_url": mailbox_url(forms["regenboog"]),
    }


def _reader(username, group):
    """A demo reader's account: names and address from ``ACCOUNTS``, in the group that may use
    the admin."""
    first_name, last_name, email = ACCOUNTS[username]
    user, _created = User.objects.get_or_create(username=username)
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.set_password(VP_PASSWORD)
    user.save()
    user.groups.add(group)
    return user


def _new_key(user) -> str:
    """A new key pair for ``user``, opened with ``VP_PASSPHRASE``; returns its recovery code."""
    RecipientKey.objects.filter(user=user).delete()
    generated = crypto.generate_recipient_keys(VP_PASSPHRASE, conf.kdf_limits())
    RecipientKey.objects.create(
        user=user,
        public_key=generated.public_key,
        wrapped_by_secret=generated.wrapped_by_secret,
        wrapped_by_recovery_code=generated.wrapped_by_recovery_code,
    )
    return generated.recovery_code


def build_conversation(form, vp):
    """One melding sent to ``form`` as an anonymous melder sends it, with a question from
    ``vp`` and the melder's reply, all through the channel's services. Returns the melding
    with its transient ``melder_code`` (the only moment the code exists)."""
    melding = submit.submit(form, form.get_site(), dict(MELDING))
    code = melding.melder_code
    # The vertrouwenspersoon unlocks her key as in the inbox, reads the melding and asks.
    private_key = keys.unlock(vp.vertrouwen_key, VP_PASSPHRASE)
    reader = reading.Reader(vp, private_key)
    reader.open(melding)
    conversation.post(melding, reader.content_key(melding), text=QUESTION, author=vp)
    # The melder logs in with the code, reads the question and replies.
    opened = mailbox.open_with_code(form.translation_key, code)
    conversation.mark_read(opened.melding, by_melder=True)
    conversation.post(opened.melding, opened.content_key, text=REPLY)
    melding.refresh_from_db()
    melding.melder_code = code
    return melding


def mailbox_url(form) -> str:
    """Where the melder logs in with the code: the mailbox of ``form``'s site, or the form page
    itself while the mailbox has no URL of its own."""
    try:
        path = reverse("wagtail_vertrouwen:mailbox", args=[form.pk])
    except NoReverseMatch:
        return form.full_url
    return form.get_site().root_url + path
