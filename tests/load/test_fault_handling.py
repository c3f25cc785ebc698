"""The fixes the fault tests (``test_faults.py``) called for, each shown on its own, fast and
without the served site: they run in the ordinary suite, on SQLite too.

- a database that cannot be reached is a 503 with a message and ``Retry-After`` on the melding
  API, the mailbox API and the form page (the form keeps the text; when not even the page can
  be shown, a plain page keeps it), never the bare 500 page; the melder can send again;
- an S3 endpoint that is gone (moto, stopped) is a 503 too, and nothing is stored half;
- a melding stored is confirmed, also when the bookkeeping after its commit, or showing the
  thanks, cannot reach the database;
- each recipient's notification is a task of its own, retried for that recipient alone;
- the daily purge removes attachment objects that no row names (left by a killed worker),
  and only those, and only once they are older than ``ORPHAN_GRACE_SECONDS``.
"""

import html
import io
import json
import re
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import psycopg
import pytest
from botocore.config import Config
from django.core import mail
from django.core.files.storage import storages
from django.core.signals import got_request_exception
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import TaskContext, default_task_backend
from wagtail.models import Site

from wagtail_vertrouwen import unreachable
from wagtail_vertrouwen.channel import storage
from wagtail_vertrouwen.channel.forms.uploads import Upload
from wagtail_vertrouwen.channel.models import Bijlage, Melding, Message
from wagtail_vertrouwen.channel.services import challenge, conversation, receive
from wagtail_vertrouwen.channel.services.purge import purge_expired
from wagtail_vertrouwen.channel.services.submit import remove_orphan_objects, submit
from wagtail_vertrouwen.channel.tasks import notify_new_melding
from wagtail_vertrouwen.channel.views import api as api_views
from wagtail_vertrouwen.channel.views import form as form_views
from wagtail_vertrouwen.unreachable import RETRY_AFTER_SECONDS

from ..channel import answers, page_challenge, png, send, solve
from ..mailbox import CODE_BOX, send_melding
from ..s3 import S3Endpoint


def gone(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.fixture(autouse=True)
def _no_pauses(monkeypatch):
    """The views wait a little for a database that went away; not in these tests."""
    monkeypatch.setattr(receive, "BOOKKEEPING_PAUSES", (0, 0, 0))
    monkeypatch.setattr(form_views, "DATABASE_PAUSES", (0, 0, 0))


def api_url(page):
    return reverse("wagtail_vertrouwen:api_melding_submit", args=[page.pk])


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}


def post_api(client, page, solved, **files):
    data = {**answers(wat="Mijn tekst BEWAARD"), "challenge": solved}
    if files:
        return client.post(api_url(page), {**data, **files})
    return client.post(api_url(page), json.dumps(data), content_type="application/json")


def unavailable_answer(response):
    assert response.status_code == 503, response.content[:2000]
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    body = response.json()
    assert body["errors"] == {"__all__": [str(api_views.UNAVAILABLE_MESSAGE)]}
    return body


# The melding API ----------------------------------------------------------------------------


def test_the_api_answers_503_when_the_database_is_unreachable_and_a_resend_works(
    form, recipient, monkeypatch
):
    client = Client()
    solved = solve(client.get(api_url(form)).json()["challenge"])
    with monkeypatch.context() as patch:
        patch.setattr(challenge, "claim", gone)
        body = unavailable_answer(post_api(client, form, solved))
    assert not Melding.objects.exists()
    # The answer carries a new challenge: the client sends again at once.
    again = post_api(client, form, solve(body["challenge"]))
    assert again.status_code == 201, again.content
    assert Melding.objects.count() == 1


def test_the_api_answers_503_when_even_the_form_cannot_be_found(form, recipient, monkeypatch):
    monkeypatch.setattr(api_views, "get_object_or_404", gone)
    body = unavailable_answer(Client().get(api_url(form)))
    assert body["challenge"]["signature"]


def test_a_cut_during_the_commit_gives_the_proof_of_work_back(form, recipient, monkeypatch):
    """The connection dies while the melding is stored: 503, nothing stored, and the same
    solution can be sent again (its claim was given back)."""
    client = Client()
    solved = solve(client.get(api_url(form)).json()["challenge"])
    with monkeypatch.context() as patch:
        patch.setattr(Melding, "save", gone)
        unavailable_answer(post_api(client, form, solved))
    assert not Melding.objects.exists()
    assert post_api(client, form, solved).status_code == 201


def test_a_stored_melding_is_confirmed_when_its_bookkeeping_fails(form, recipient, monkeypatch):
    """After the commit the melding is stored: that the proof of work cannot be marked used
    (the database went away a moment later) must not turn it into an error."""
    client = Client()
    solved = solve(client.get(api_url(form)).json()["challenge"])
    monkeypatch.setattr(challenge, "use", gone)
    response = post_api(client, form, solved)
    assert response.status_code == 201, response.content
    assert response.json()["code"]
    assert Melding.objects.count() == 1


@pytest.fixture
def s3(settings):
    endpoint = S3Endpoint().start()

    def point_at(point):
        options = point.storage_settings()
        # Give up on a dead endpoint within seconds (as example_site/settings/live.py does).
        options["OPTIONS"]["client_config"] = Config(
            connect_timeout=2, read_timeout=5, retries={"max_attempts": 1, "mode": "standard"}
        )
        settings.STORAGES = {**settings.STORAGES, "vertrouwen": options}
        settings.WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"
        storages._storages.pop("vertrouwen", None)

    point_at(endpoint)
    endpoint.point_at = point_at
    yield endpoint
    storages._storages.pop("vertrouwen", None)
    endpoint.stop()


def test_a_stopped_s3_endpoint_is_a_503_and_nothing_is_stored(form, recipient, s3):
    client = Client()
    before = set(s3.objects())  # moto's state is the process's: other tests' objects
    s3.stop()  # the endpoint is gone: connections are refused
    solved = solve(client.get(api_url(form)).json()["challenge"])
    photo = io.BytesIO(png("foto"))
    photo.name = "foto.png"
    body = unavailable_answer(post_api(client, form, solved, bijlagen=photo))
    assert not Melding.objects.exists() and not Bijlage.objects.exists()
    # S3 is back (a new endpoint of the same store): the melder sends again.
    back = S3Endpoint()
    back.server.start()
    back.url = "http://{}:{}".format(*back.server.get_host_and_port())
    try:
        s3.point_at(back)
        photo.seek(0)
        again = post_api(client, form, solve(body["challenge"]), bijlagen=photo)
        assert again.status_code == 201, again.content
        [bijlage] = Bijlage.objects.all()
        assert set(back.objects()) - before == {bijlage.storage_name}
    finally:
        back.stop()


# The form page --------------------------------------------------------------------------------


def test_the_form_keeps_the_text_when_the_database_goes_away(form, recipient, monkeypatch):
    client = Client()
    solved = page_challenge(client, form)
    with monkeypatch.context() as patch:
        patch.setattr(challenge, "claim", gone)
        response = send(client, form, challenge=solved, wat="Mijn tekst BEWAARD")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    page = response.content.decode()
    assert "Mijn tekst BEWAARD" in page
    assert str(form_views.REFUSALS["unavailable"]).split(",")[0] in page
    assert not Melding.objects.exists()


def test_a_plain_page_keeps_the_text_when_not_even_the_page_can_be_found(
    form, recipient, monkeypatch
):
    client = Client()
    solved = page_challenge(client, form)
    with monkeypatch.context() as patch:
        patch.setattr(form_views, "get_object_or_404", gone)
        response = send(client, form, challenge=solved, wat="Mijn tekst <BEWAARD>")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    page = response.content.decode()
    assert "Mijn tekst &lt;BEWAARD&gt;</textarea>" in page  # kept, and escaped
    assert 'name="probleemgebied" value="ongewenst_gedrag"' in page
    found = re.search(r'data-challenge="([^"]+)"', page)
    assert found, "the plain page sends again with a new proof of work"
    # Sent again from the plain page (the database is back): stored.
    fresh = solve(json.loads(html.unescape(found.group(1))))
    again = send(client, form, challenge=fresh, wat="Mijn tekst <BEWAARD>")
    assert again.status_code == 200 and CODE_BOX.search(again.content.decode())
    assert Melding.objects.count() == 1


# Any page ---------------------------------------------------------------------------------


def test_any_page_answers_503_with_the_help_lines_when_the_database_is_away(form, monkeypatch):
    """Opening the melding form (or any page) while the database is away: not the bare error
    page but a 503 in the visitor's language with where to turn meanwhile."""
    monkeypatch.setattr(Site, "find_for_request", gone)
    for path, language in ((form.url, "nl"), ("/en/", "en")):
        with translation.override(language):
            expected = str(unreachable.MESSAGE)
        response = Client().get(path, **host(form))
        assert response.status_code == 503
        assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert "no-store" in response["Cache-Control"]
        page = response.content.decode()
        assert f'<html lang="{language}"' in page
        assert html.escape(expected) in page
        for line in ("112", "0800-2000", "0800-0432", "0800-0113"):
            assert f'<bdi dir="ltr">{line}</bdi>' in page


def test_an_app_asking_wagtails_api_for_json_gets_its_503_as_json(form, monkeypatch):
    """Wagtail's page API during an outage: JSON for a client that asked for it, the page for
    a browser."""
    monkeypatch.setattr(Site, "find_for_request", gone)
    response = Client().get("/api/v2/pages/", HTTP_ACCEPT="application/json", **host(form))
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "Accept" in response["Vary"]
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    with translation.override("nl"):
        assert response.json() == {"message": str(unreachable.MESSAGE)}
    browser = Client().get("/api/v2/pages/", HTTP_ACCEPT="text/html,*/*;q=0.8", **host(form))
    assert browser.status_code == 503 and browser["Content-Type"].startswith("text/html")
    assert "0800-2000" in browser.content.decode()


def test_the_help_page_needs_no_database(db):
    with CaptureQueriesContext(connection) as queries:
        response = unreachable.unreachable_response()
    assert response.status_code == 503
    assert queries.captured_queries == []


def test_a_page_that_is_not_there_answers_the_same_while_the_database_is_away(form, monkeypatch):
    """No view: Django's 404 page asks the database for the site, which fails outside any
    view (handler500)."""
    monkeypatch.setattr(Site, "find_for_request", gone)
    response = Client(raise_request_exception=False).get("/wp-login.php", **host(form))
    assert response.status_code == 503
    assert html.escape(str(unreachable.MESSAGE)) in response.content.decode()


@pytest.mark.parametrize(
    "cause",
    [
        psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
        psycopg.errors.DeadlockDetected("deadlock detected"),
        sqlite3.OperationalError("no such column: wagtailcore_site.brand_new"),
    ],
    ids=["statement timeout", "deadlock", "missing column"],
)
def test_a_fault_that_is_no_outage_is_reported_as_a_500(form, monkeypatch, cause):
    """A slow query, a deadlock or a broken deploy is a fault to report, not an outage to wait
    out: "try again in a minute" would hide it for good."""

    def fails(*args, **kwargs):
        raise OperationalError(str(cause)) from cause

    reported = []

    def report(sender, request=None, **kwargs):
        reported.append(request.path)

    got_request_exception.connect(report, weak=False, dispatch_uid="fault-test")
    monkeypatch.setattr(Site, "find_for_request", fails)
    try:
        response = Client(raise_request_exception=False).get(form.url, **host(form))
    finally:
        got_request_exception.disconnect(dispatch_uid="fault-test")
    assert response.status_code == 500
    assert reported == [urlsplit(form.url).path]


def test_an_outage_is_logged_with_its_traceback(form, monkeypatch, caplog):
    monkeypatch.setattr(Site, "find_for_request", gone)
    with caplog.at_level("WARNING", logger="wagtail_vertrouwen.unreachable"):
        response = Client().get(form.url, **host(form))
    assert response.status_code == 503
    (record,) = [r for r in caplog.records if r.name == "wagtail_vertrouwen.unreachable"]
    assert record.exc_info and "server closed the connection" in str(record.exc_info[1])


def test_other_errors_still_reach_djangos_handling(form, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(Site, "find_for_request", broken)
    response = Client(raise_request_exception=False).get(form.url, **host(form))
    assert response.status_code == 500
    assert str(unreachable.MESSAGE) not in response.content.decode()


def test_a_stored_melding_shows_its_code_when_the_thanks_cannot_be_rendered(
    form, recipient, monkeypatch
):
    render = form_views.render_form_page

    def thanks_need_the_database(request, page, *args, sent=False, **kwargs):
        if sent:
            gone()
        return render(request, page, *args, sent=sent, **kwargs)

    monkeypatch.setattr(form_views, "render_form_page", thanks_need_the_database)
    response = send(Client(), form)
    assert response.status_code == 200
    found = CODE_BOX.search(response.content.decode())
    assert found and len(re.findall(r"<span>(\d{4})</span>", found.group(1))) == 4
    assert Melding.objects.count() == 1


# The mailbox API ------------------------------------------------------------------------------


def test_the_mailbox_api_answers_503_when_the_database_goes_away(form, recipient, monkeypatch):
    client = Client()
    code = send_melding(form)
    login = reverse("wagtail_vertrouwen:api_mailbox_login", args=[form.pk])
    solved = solve(client.get(login).json()["challenge"])
    token = client.post(
        login, {"code": code, "challenge": solved}, content_type="application/json"
    ).json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    mailbox = reverse("wagtail_vertrouwen:api_mailbox", args=[form.pk])
    messages = reverse("wagtail_vertrouwen:api_mailbox_messages", args=[form.pk])
    solved = solve(client.get(mailbox, **auth).json()["challenge"])
    payload = json.dumps({"text": "Nog iets", "challenge": solved})
    with monkeypatch.context() as patch:
        patch.setattr(Message, "save", gone)
        unavailable_answer(client.post(messages, payload, content_type="application/json", **auth))
    with monkeypatch.context() as patch:
        patch.setattr(conversation, "mark_read", gone)
        unavailable_answer(client.get(mailbox, **auth))
    assert not Message.objects.exists()
    again = client.post(messages, payload, content_type="application/json", **auth)
    assert again.status_code == 201, again.content
    assert Message.objects.count() == 1


# Notifications --------------------------------------------------------------------------------


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


def test_each_recipient_is_notified_by_a_task_of_their_own(
    queue, settings, form, recipient, make_recipient, django_capture_on_commit_callbacks
):
    second = make_recipient("vp2", form)
    with django_capture_on_commit_callbacks(execute=True):
        assert send(Client(), form).status_code == 200
    melding_id = str(Melding.objects.get().pk)
    ours = [r for r in queue.results if r.task.name == notify_new_melding.name]
    assert sorted(r.kwargs["recipient_id"] for r in ours) == sorted([recipient.pk, second.pk])
    assert all(r.args == [melding_id] for r in ours)
    # A failed mail is retried for that recipient alone: the other is not mailed twice.
    settings.EMAIL_BACKEND = "tests.channel.FailingMailBackend"
    [task_result] = [r for r in ours if r.kwargs["recipient_id"] == second.pk]
    context = TaskContext(task_result=task_result)
    assert notify_new_melding.call(context, melding_id, recipient_id=second.pk) == 0
    retry = [r for r in queue.results if r.task.name == notify_new_melding.name][-1]
    assert retry.kwargs == {"attempt": 2, "recipient_id": second.pk, "notice": task_result.id}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    context = TaskContext(task_result=retry)
    assert notify_new_melding.call(context, melding_id, **retry.kwargs) == 1
    assert [m.to for m in mail.outbox] == [[second.email]]


# Objects without a row ------------------------------------------------------------------------


@pytest.fixture
def attachments(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "vertrouwen": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tempfile.mkdtemp(prefix="vw-orphans-")},
        },
    }
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"
    settings.WAGTAIL_VERTROUWEN_ORPHAN_GRACE_SECONDS = 60 * 60
    storages._storages.pop("vertrouwen", None)
    yield
    storages._storages.pop("vertrouwen", None)


def _upload(text):
    data = png(text)
    return Upload(name="a.png", content_type="image/png", size=len(data), file=io.BytesIO(data))


def test_the_purge_removes_objects_without_a_row_and_only_those(form, recipient, attachments):
    melding = submit(form, form.get_site(), answers(), [_upload("kept")])
    [kept] = melding.bijlagen.values_list("storage_name", flat=True)
    # What a worker killed between its upload and its commit leaves behind.
    orphan, _size = storage.store(io.BytesIO(b"ciphertext"), b"k" * 32)
    names = {name for name, _modified in storage.stored_objects()}
    assert names == {kept, orphan}
    # Young objects may belong to a request still storing: left alone.
    assert remove_orphan_objects() == 0
    later = timezone.now() + timedelta(hours=2)
    purge_expired(now=later)  # the daily purge
    assert {name for name, _modified in storage.stored_objects()} == {kept}
    assert remove_orphan_objects(now=later) == 0


def test_the_orphan_purge_is_off_unless_switched_on(form, recipient, attachments, settings):
    """Off by default: the folder may be shared with another installation, whose files have
    no row here."""
    del settings.WAGTAIL_VERTROUWEN_ORPHAN_GRACE_SECONDS
    storage.store(io.BytesIO(b"ciphertext"), b"k" * 32)
    assert remove_orphan_objects(now=timezone.now() + timedelta(days=30)) == 0
    assert len(list(storage.stored_objects())) == 1


@pytest.mark.parametrize("location", ["vertrouwen/", "./vertrouwen", "a/../vertrouwen"])
def test_another_spelling_of_the_folder_deletes_no_live_attachment(
    form, recipient, attachments, settings, location
):
    """The review's attack: the stored names are the storage's clean form; the listing must
    name them the same way, or every live attachment looks like an orphan."""
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_LOCATION = location
    melding = submit(form, form.get_site(), answers(), [_upload("kept")])
    [kept] = melding.bijlagen.values_list("storage_name", flat=True)
    assert remove_orphan_objects(now=timezone.now() + timedelta(days=30)) == 0
    assert {name for name, _modified in storage.stored_objects()} == {kept}


@pytest.mark.parametrize("location", [".", "", "/", "../elders"])
def test_a_folder_that_is_not_the_channels_own_is_never_purged(
    form, recipient, attachments, settings, location
):
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_LOCATION = location
    root = storages["vertrouwen"].location
    with open(f"{root}/robots.txt", "w") as other:
        other.write("not ours")
    assert remove_orphan_objects(now=timezone.now() + timedelta(days=30)) == 0
    assert storages["vertrouwen"].exists("robots.txt")


def test_only_names_of_the_channels_own_form_are_looked_at(form, recipient, attachments):
    folder = storage.normalised_location()
    backend = storages["vertrouwen"]
    backend.save(f"{folder}/notes.txt", io.BytesIO(b"someone else's"))
    orphan, _size = storage.store(io.BytesIO(b"ciphertext"), b"k" * 32)
    assert remove_orphan_objects(now=timezone.now() + timedelta(days=30)) == 1
    assert backend.exists(f"{folder}/notes.txt")
    assert not backend.exists(orphan)


@pytest.mark.django_db(transaction=True)
def test_a_lost_commit_answer_keeps_the_attachments(form, recipient, attachments, monkeypatch):
    """The database commits, then the connection dies before it says so: the melding may be
    stored, so its attachment must stay (the purge checks for a row before it deletes)."""
    from django.db import connection

    real_commit = connection._commit

    def commit_then_lose_the_answer(*args, **kwargs):
        real_commit(*args, **kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "_commit", commit_then_lose_the_answer)
        with pytest.raises(OperationalError):
            submit(form, form.get_site(), answers(), [_upload("kept")])
    stored = {name for name, _modified in storage.stored_objects()}
    rows = set(Bijlage.objects.values_list("storage_name", flat=True))
    assert rows <= stored  # no row without its object
    assert remove_orphan_objects(now=timezone.now() + timedelta(days=30)) == len(stored - rows)
    assert rows <= {name for name, _modified in storage.stored_objects()}


def test_without_time_zones_the_purge_still_works(form, recipient, attachments, settings):
    settings.USE_TZ = False
    orphan, _size = storage.store(io.BytesIO(b"ciphertext"), b"k" * 32)
    assert remove_orphan_objects() == 0
    assert remove_orphan_objects(now=datetime.now(UTC) + timedelta(hours=2)) == 1
    assert not storages["vertrouwen"].exists(orphan)
