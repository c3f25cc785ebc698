"""The package's side of the HTTP bench: content, meldingen and POST bodies, in the bench's
database (run by ``bench/http_bench.py`` as a subprocess under ``example_site.settings.bench``).

    python -m bench.http_package setup --out DIR      # migrate, demo, route-finder page
    python -m bench.http_package meldingen --total N  # N meldingen in the VP's inbox
    python -m bench.http_package bodies --count N --out FILE   # N solved melding POSTs

``setup`` writes ``DIR/package.json`` (the URLs of each case and the inbox's cookies) and
``DIR/content.json`` with what the plain Wagtail project is filled from, so its text is the
package's to the letter: the default route-finder as stored, the people of the demo's profile
index (with their photos, copied to ``DIR/photos``), and the questions of the melding form.
Each command prints one line of JSON on stdout.
"""

import argparse
import json
import os
import shutil
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.bench")

#: What the bench's melder answers, in both projects (the form builder gets the labels of the
#: chosen options, which is what Wagtail's form builder stores).
ANSWERS = {
    "probleemgebied": "ongewenst_gedrag",
    "wie": "ouder",
    "taal": "nl",
    "wat": "Mijn zoon wordt al weken gepest in de pauze. Ze pakken zijn tas af en zetten nare "
    "dingen over hem in de groepsapp. " * 6,
    "wanneer": "Sinds de herfstvakantie",
    "betrokkenen": "Twee jongens uit groep 7",
    "over_medewerker": "nee",
    "wens": "Dat het stopt, zonder dat ze weten dat wij het hebben verteld.",
    "contact": "email",
    "naam": "",
    "email": "ouder@example.org",
    "telefoon": "",
    "niet_naar": "",
    "bevestiging_email": "",
}
#: Multipart, as the page's form posts it (``enctype="multipart/form-data"``).
BOUNDARY = "BenchBoundaryVertrouwen"


def _emit(document):
    print(json.dumps(document), flush=True)


def _path(page):
    """The page's path on its own site (no scheme or host)."""
    _site_id, _root, path = page.specific.get_url_parts()
    return path


def setup(out: Path):
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client, RequestFactory
    from django.urls import reverse
    from django.utils import translation
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from example_site.demo import build_demo
    from example_site.demo_channel import VP_PASSPHRASE
    from wagtail_vertrouwen.blocks import RoutewijzerBlock
    from wagtail_vertrouwen.choices import Audience, Rol, RouteRol, Taal
    from wagtail_vertrouwen.models import RoutewijzerPage

    timings = {}
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    timings["migrate_s"] = time.monotonic() - started

    started = time.monotonic()
    demo = build_demo(port=80)
    home = demo["homes"]["regenboog"]
    block = RoutewijzerBlock()
    routewijzer = RoutewijzerPage(
        title="Route-finder", slug="routewijzer", body=[("routewijzer", block.get_default())]
    )
    home.add_child(instance=routewijzer)
    routewijzer.save_revision().publish()
    timings["demo_s"] = time.monotonic() - started

    index = demo["indexes"]["regenboog"].specific
    form_page = demo["channel"]["forms"]["regenboog"].specific
    site = home.get_site()
    request = RequestFactory().get(_path(index), HTTP_HOST=site.hostname)
    with translation.override("nl"):
        context = index.listing_context(request)
        people, seen = [], set()
        for group in context["role_groups"]:
            for profile in group["profiles"]:
                if profile.pk in seen:
                    continue
                seen.add(profile.pk)
                people.append(_person(profile, out))
        raw = block.get_prep_value(block.get_default())
        route_roles = [[value, str(label)] for value, label in RouteRol.choices]
        profile_roles = [[value, str(label)] for value, label in Rol.choices]
        languages = [[value, str(label)] for value, label in Taal.choices]
        audiences = [[value, str(label)] for value, label in Audience.choices]
        questions = _questions(form_page)

    # The inbox: logged in, second factor verified and key unlocked, through the inbox's own
    # views as a browser does it (tests/channel.py ``enter``), in the bench's database.
    vp = demo["channel"]["vp"]
    client = Client()
    client.force_login(vp)
    device = TOTPDevice.objects.get(user=vp, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(
        reverse("wagtail_vertrouwen_inbox:otp_verify"), {"otp_token": f"{totp.token():06d}"}
    )
    assert response.status_code == 302, response.status_code
    response = client.post(
        reverse("wagtail_vertrouwen_inbox:unlock"), {"passphrase": VP_PASSPHRASE}
    )
    assert response.status_code == 302, response.status_code
    inbox = reverse("wagtail_vertrouwen_inbox:index")
    assert client.get(inbox).status_code == 200
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())

    manifest = {
        "host": site.hostname,
        "routewijzer": _path(routewijzer),
        "api": f"/api/v2/pages/{routewijzer.pk}/",
        "index": _path(index),
        "people_on_index": context["profile_count"],
        "form_page": _path(form_page),
        "submit": reverse("wagtail_vertrouwen:melding_submit", args=[form_page.pk]),
        "inbox": inbox,
        "inbox_cookie": cookie,
        "fixed": "/bench/fixed/",
        "timings": timings,
    }
    content = {
        "routewijzer": raw,
        "route_roles": route_roles,
        "profile_roles": profile_roles,
        "languages": languages,
        "audiences": audiences,
        "people": people,
        "questions": questions,
        "answers": ANSWERS,
    }
    (out / "package.json").write_text(json.dumps(manifest, indent=1))
    (out / "content.json").write_text(json.dumps(content, indent=1, ensure_ascii=False))
    _emit(manifest)


def _person(profile, out: Path) -> dict:
    """One card of the profile index, as the plain project's person page will hold it."""
    from wagtail_vertrouwen.choices import Rol

    photo = None
    if profile.photo_id:
        photos = out / "photos"
        photos.mkdir(exist_ok=True)
        source = Path(profile.photo.file.path)
        photo = str(photos / source.name)
        shutil.copyfile(source, photo)
    return {
        "name": profile.title,
        "role": profile.roles[0] if profile.roles else "",
        "role_label": str(dict(Rol.choices).get(profile.roles[0], "")) if profile.roles else "",
        "phone": profile.phone,
        "languages": ", ".join(str(label) for label in profile.language_labels),
        "organisation": profile.organisation,
        "schools": ", ".join(site.site_name for site in profile.schools.all()),
        "photo": photo,
        "photo_title": profile.photo.title if profile.photo_id else "",
    }


def _questions(form_page) -> list[dict]:
    """The melding form's questions as Wagtail's form builder would hold them: label, field
    type, choices (labels, as the form builder stores them) and whether it is required. The
    file upload, the honeypot and the proof of work have no form builder field."""
    from django import forms

    from wagtail_vertrouwen.channel.forms.melding import MeldingForm

    form = MeldingForm(recipients=form_page.recipients(), language="nl")
    questions = []
    for name, field in form.fields.items():
        if name in {"bijlagen", "website", "challenge"}:
            continue
        widget = field.widget
        if isinstance(field, forms.EmailField):
            kind = "email"
        elif isinstance(field, forms.ChoiceField):
            kind = "radio" if isinstance(widget, forms.RadioSelect) else "dropdown"
        elif isinstance(widget, forms.Textarea):
            kind = "multiline"
        else:
            kind = "singleline"
        choices = [[str(value), str(label)] for value, label in getattr(field, "choices", [])]
        questions.append(
            {
                "name": name,
                "label": str(field.label),
                "help_text": str(field.help_text or ""),
                "type": kind,
                "required": field.required,
                "choices": choices,
            }
        )
    return questions


def meldingen(total: int):
    """Bring the demo VP's inbox to ``total`` meldingen, in bulk: each with its own content
    key, its answers encrypted for its id and the key sealed to both of the form's readers,
    as ``services.submit`` stores them (without a melder's code: the list never reads it)."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import transaction
    from django.utils import timezone

    from example_site.demo_channel import VP_USERNAME
    from wagtail_vertrouwen.channel import crypto
    from wagtail_vertrouwen.channel.models import Melding, MeldingAccess
    from wagtail_vertrouwen.channel.services import deadlines

    vp = User.objects.get(username=VP_USERNAME)
    have = MeldingAccess.objects.filter(recipient=vp).count()
    missing = max(0, total - have)
    form_page = (
        MeldingAccess.objects.filter(recipient=vp).select_related("melding__form").first()
    ).melding.form.specific
    readers = list(form_page.recipients())
    site = form_page.get_site()
    areas = ["ongewenst_gedrag", "huiselijk_geweld", "schoolorganisatie", "onderwijskundig"]
    audiences = ["leerling", "ouder", "medewerker"]
    started = time.monotonic()
    now = timezone.now()
    rows, accesses = [], []
    for number in range(missing):
        pk = uuid.uuid4()
        content_key = crypto.new_content_key()
        received = now - timedelta(minutes=number + 1)
        answers = {
            "probleemgebied": areas[number % len(areas)],
            "wie": audiences[number % len(audiences)],
            "taal": "nl",
            "wat": f"Melding {number}: " + ANSWERS["wat"][:200],
            "contact": "geen",
            "_excluded": None,
        }
        melding = Melding(
            id=pk,
            form=form_page,
            form_key=form_page.translation_key,
            site=site,
            received_at=received,
            content=crypto.encrypt_json(content_key, answers, f"melding/{pk}"),
            retention_days=form_page.retention_days,
            **deadlines.initial(form_page, received),
        )
        rows.append(melding)
        for reader in readers:
            public_key = bytes(reader.vertrouwen_key.public_key)
            accesses.append(
                MeldingAccess(
                    melding=melding,
                    recipient=reader,
                    sealed_key=crypto.seal_content_key(content_key, public_key),
                    sealed_to=public_key,
                )
            )
    with transaction.atomic():
        Melding.objects.bulk_create(rows, batch_size=2000)
        MeldingAccess.objects.bulk_create(accesses, batch_size=2000)
    _emit(
        {
            "created": missing,
            "total": MeldingAccess.objects.filter(recipient=vp).count(),
            "seconds": round(time.monotonic() - started, 2),
        }
    )


def bodies(count: int, out: Path):
    """``count`` POST bodies of the melding form, each with its own solved proof of work:
    length-prefixed (``<bytes>\\n<body>``), for ``bench/wrk.lua``."""
    import django

    django.setup()
    import base64

    import altcha
    from django.test.client import encode_multipart

    from wagtail_vertrouwen.channel.services import challenge

    started = time.monotonic()
    with out.open("wb") as stream:
        for _ in range(count):
            puzzle = challenge.new_challenge()
            solution = altcha.solve_challenge_v1(
                puzzle["challenge"], puzzle["salt"], puzzle["algorithm"], puzzle["maxnumber"]
            )
            payload = {
                "algorithm": puzzle["algorithm"],
                "challenge": puzzle["challenge"],
                "number": solution.number,
                "salt": puzzle["salt"],
                "signature": puzzle["signature"],
            }
            solved = base64.b64encode(json.dumps(payload).encode()).decode()
            body = encode_multipart(BOUNDARY, {**ANSWERS, "website": "", "challenge": solved})
            stream.write(b"%d\n" % len(body) + body)
    _emit({"count": count, "seconds": round(time.monotonic() - started, 2)})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("setup")
    command.add_argument("--out", type=Path, required=True)
    command = commands.add_parser("meldingen")
    command.add_argument("--total", type=int, required=True)
    command = commands.add_parser("bodies")
    command.add_argument("--count", type=int, required=True)
    command.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "setup":
        setup(args.out)
    elif args.command == "meldingen":
        meldingen(args.total)
    else:
        bodies(args.count, args.out)


if __name__ == "__main__":
    main()
