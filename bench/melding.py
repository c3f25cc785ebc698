"""Side-by-side benchmark: receiving a melding against plain Wagtail's form builder.

"The same job" is storing one submitted form (the same answers) with a photo. Plain Wagtail
(``wagtail.contrib.forms``) writes a ``FormSubmission`` row with the answers as JSON and the
file through the default storage, all in plaintext. The package encrypts the answers, seals
the content key to each recipient (two here), encrypts the photo as a secretstream and writes
it under a random name. Both start from the same validated ``MeldingForm`` and write to the
same database and file system; reported as ratios (package / plain).

    .venv/bin/python bench/melding.py [--rounds 50] [--photo-kib 1024]

Measured per submission: wall time (median and p90), database queries, peak Python memory
(tracemalloc). HTTP, the proof of work and form validation are left out: they are the same
for both or belong to the melder's browser.
"""

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.test"
_tmp = tempfile.mkdtemp(prefix="vertrouwen-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"

from bench.measure import measure  # noqa: E402
from example_site.settings import test as bench_settings  # noqa: E402

# Plain Wagtail's form builder, for this process only.
bench_settings.INSTALLED_APPS = [*bench_settings.INSTALLED_APPS, "wagtail.contrib.forms"]


def photo(kib):
    from PIL import Image

    side = 64
    while True:  # noise compresses badly, so the PNG grows with the side
        image = Image.effect_noise((side, side), 64).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        if buffer.tell() >= kib * 1024:
            return buffer.getvalue()
        side = int(side * 1.3)


def setup(kib):
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from example_site.demo import build_demo
    from wagtail_vertrouwen.channel import crypto
    from wagtail_vertrouwen.channel.forms.uploads import Upload
    from wagtail_vertrouwen.channel.models import RecipientKey
    from wagtail_vertrouwen.channel.services import designate as recipients

    demo = build_demo(port=80)
    form_page = demo["channel"]["forms"]["regenboog"]
    from django.contrib.auth.models import User

    second = User.objects.create_user("tweede", "t@example.org", "x")
    keys = crypto.generate_recipient_keys("x", crypto.FAST_KDF)
    RecipientKey.objects.create(
        user=second,
        public_key=keys.public_key,
        wrapped_by_secret=keys.wrapped_by_secret,
        wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
    )
    recipients.designate(form_page, second, None)
    data = photo(kib)
    answers = {
        "probleemgebied": "ongewenst_gedrag",
        "wie": "ouder",
        "wat": "Mijn zoon wordt al weken gepest in de pauze. " * 20,
        "wanneer": "sinds september",
        "betrokkenen": "twee jongens uit groep 7",
        "wens": "dat het stopt",
        "contact": "email",
        "naam": "",
        "email": "ouder@example.org",
        "telefoon": "",
    }

    def upload():
        return Upload(
            name="foto.png", content_type="image/png", size=len(data), file=io.BytesIO(data)
        )

    return form_page, answers, upload, len(data)


def package_job(form_page, answers, upload):
    from wagtail_vertrouwen.channel.services.submit import submit

    submit(form_page, form_page.get_site(), answers, [upload()])


def plain_job(form_page, answers, upload):
    import json

    from django.core.files import File
    from django.core.files.storage import default_storage
    from wagtail.contrib.forms.models import FormSubmission

    item = upload()
    name = default_storage.save(f"plain-forms/{item.name}", File(item.file, name=item.name))
    FormSubmission.objects.create(
        page=form_page, form_data=json.loads(json.dumps({**answers, "bijlage": name}))
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--photo-kib", type=int, default=1024)
    args = parser.parse_args()
    form_page, answers, upload, size = setup(args.photo_kib)
    print(
        f"{args.rounds} rounds, photo {size / 1024:.0f} KiB, 2 recipients; "
        f"Python {sys.version.split()[0]}"
    )
    header = f"{'metric':<10} {'package':>10} {'plain':>10} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    ours, _ = measure(lambda: package_job(form_page, answers, upload), args.rounds, warmup=3)
    theirs, _ = measure(lambda: plain_job(form_page, answers, upload), args.rounds, warmup=3)
    for metric in ("median_ms", "p90_ms", "queries", "peak_kib"):
        ratio = ours[metric] / theirs[metric] if theirs[metric] else float("nan")
        print(f"{metric:<10} {ours[metric]:>10.1f} {theirs[metric]:>10.1f} {ratio:>6.2f}x")


if __name__ == "__main__":
    main()
