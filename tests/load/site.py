"""The load tests' hands inside the served site: run as its own process with the site's
settings and database (``python tests/load/site.py setup|verify``), so that the test process
never opens that database through pytest-django. Each command prints one JSON document.

- ``setup``: one school with a live melding form and two recipients (tests/factories.py).
- ``verify``: everything stored for that form, opened as its recipients would open it (their
  private keys, unlocked with their passphrases), plus what is stored half: attachment objects
  without a row, rows without an object, meldingen without a key envelope per recipient, and
  the state of the task queue.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]


def setup():
    from django.utils import translation
    from django.utils.translation import gettext

    from tests.factories import make_form, make_vp

    form = make_form()
    recipients = [
        make_vp("vp_load_a", form, first_name="Anna", last_name="Aalders"),
        make_vp("vp_load_b", form, first_name="Bram", last_name="Bos"),
    ]
    with translation.override("nl"):
        subjects = {
            "new_melding": gettext("A new melding is waiting for you"),
            "new_message": gettext("A melder wrote a new message"),
        }
    return {
        "page_id": form.pk,
        "host": form.get_site().hostname,
        "page_path": form.get_url_parts()[2],
        "recipients": [{"id": u.pk, "username": u.username, "email": u.email} for u in recipients],
        "subjects": subjects,
    }


def _sha(chunks) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def verify():
    from django.contrib.auth.models import User
    from django_tasks_db.models import DBTaskResult

    from tests.channel import reader
    from wagtail_vertrouwen.channel import conf, storage
    from wagtail_vertrouwen.channel.models import Bijlage, Melding, MeldingAccess
    from wagtail_vertrouwen.channel.services import conversation

    users = list(User.objects.filter(username__startswith="vp_load_").order_by("username"))
    readers = [reader(user) for user in users]
    meldingen = []
    for melding in Melding.objects.order_by("received_at"):
        entry = {"id": str(melding.pk), "errors": [], "recipients": []}
        accesses = {a.recipient_id: a for a in MeldingAccess.objects.filter(melding=melding)}
        opened = {}
        for one in readers:
            access = accesses.get(one.user.pk)
            if access is None:
                entry["errors"].append(f"no key envelope for {one.user.username}")
                continue
            entry["recipients"].append(one.user.username)
            try:
                opened[one.user.username] = _open(one, melding, access, conversation, storage)
            except Exception as error:  # noqa: BLE001 - reported, the test fails on it
                entry["errors"].append(f"{one.user.username}: {type(error).__name__}: {error}")
        views = list(opened.values())
        if views and any(view != views[0] for view in views[1:]):
            entry["errors"].append("the recipients read different contents")
        if views:
            entry.update(views[0])
        meldingen.append(entry)

    location = conf.get("ATTACHMENT_LOCATION")
    _dirs, files = storage.attachment_storage().listdir(location)
    objects = {f"{location}/{name}" for name in files}
    rows = set(Bijlage.objects.values_list("storage_name", flat=True))
    tasks = {}
    # Notifications run more than once: their worker died after taking them (maybe after
    # sending the mail); by recipient id, then task name.
    reruns = {}
    for row in DBTaskResult.objects.filter(task_path__startswith="wagtail_vertrouwen."):
        name = row.task_path.rsplit(".", 1)[-1]
        tasks.setdefault(name, {}).setdefault(row.status, 0)
        tasks[name][row.status] += 1
        recipient = (row.args_kwargs.get("kwargs") or {}).get("recipient_id")
        if recipient is not None and len(row.worker_ids) > 1:
            per = reruns.setdefault(str(recipient), {})
            per[name] = per.get(name, 0) + len(row.worker_ids) - 1
    return {
        "meldingen": meldingen,
        "objects": len(objects),
        "orphan_objects": sorted(objects - rows),
        "rows_without_object": sorted(rows - objects),
        "tasks": tasks,
        "reruns": reruns,
    }


def _open(one, melding, access, conversation, storage):
    """What ``one`` (a Reader) reads of ``melding``: answers, files (by SHA-256), messages."""
    answers = one.answers(melding, access)
    files = []
    for bijlage in melding.bijlagen.filter(message__isnull=True).order_by("position"):
        info = one.bijlage_info(bijlage, access)
        files.append(
            {
                "name": info.name,
                "sha256": _sha(storage.open_plaintext(bijlage.storage_name, info.key)),
            }
        )
    messages = []
    for readable in conversation.read(melding, one.content_key(melding, access)):
        messages.append(
            {
                "text": readable.text,
                "from_melder": readable.message.from_melder,
                "files": [
                    {
                        "name": info.name,
                        "sha256": _sha(storage.open_plaintext(info.bijlage.storage_name, info.key)),
                    }
                    for info in readable.bijlagen
                ],
            }
        )
    return {"wat": answers.get("wat", ""), "files": files, "messages": messages}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.live")
    import django

    django.setup()
    command = sys.argv[1]
    result = {"setup": setup, "verify": verify}[command]()
    print(json.dumps(result))
